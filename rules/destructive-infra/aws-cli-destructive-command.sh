#!/usr/bin/env bash
set -euo pipefail

# ruleid: aws-cli-destructive-command
aws ec2 terminate-instances --instance-ids "$INSTANCE_ID"

# ruleid: aws-cli-destructive-command
aws s3 rm "s3://$BUCKET" --recursive

# ruleid: aws-cli-destructive-command
aws rds delete-db-instance --db-instance-identifier prod --skip-final-snapshot

# ok: aws-cli-destructive-command
aws ec2 describe-instances --filters "Name=tag:env,Values=staging"

# ok: aws-cli-destructive-command
aws s3 rm "s3://$BUCKET/tmp/build.log"
