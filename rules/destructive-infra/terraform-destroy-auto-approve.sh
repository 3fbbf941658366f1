#!/usr/bin/env bash
set -euo pipefail

# ruleid: terraform-destroy-auto-approve
terraform destroy -auto-approve

# ruleid: terraform-destroy-auto-approve
terraform -chdir=infra/prod apply -destroy -auto-approve -input=false

# ok: terraform-destroy-auto-approve
terraform plan -destroy -out=destroy.tfplan

# ok: terraform-destroy-auto-approve
terraform apply -auto-approve staging.tfplan
