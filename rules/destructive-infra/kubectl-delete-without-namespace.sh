#!/usr/bin/env bash
set -euo pipefail

# ruleid: kubectl-delete-without-namespace
kubectl delete deployment api

# ruleid: kubectl-delete-without-namespace
kubectl delete pods --all

# ok: kubectl-delete-without-namespace
kubectl delete deployment api -n staging --context staging-cluster

# ok: kubectl-delete-without-namespace
kubectl get pods --namespace staging
