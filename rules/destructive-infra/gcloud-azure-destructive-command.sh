#!/usr/bin/env bash
set -euo pipefail

# ruleid: gcloud-azure-destructive-command
gcloud projects delete "$PROJECT_ID" --quiet

# ruleid: gcloud-azure-destructive-command
gcloud sql instances delete prod-db

# ruleid: gcloud-azure-destructive-command
az group delete --name "$RESOURCE_GROUP" --yes --no-wait

# ok: gcloud-azure-destructive-command
gcloud sql instances describe prod-db

# ok: gcloud-azure-destructive-command
az group list --output table
