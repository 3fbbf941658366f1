#!/usr/bin/env bash
set -euo pipefail

# ruleid: shell-tls-verification-disabled
curl -sSL -k https://get.example.com/install.sh -o install.sh

# ruleid: shell-tls-verification-disabled
wget --no-check-certificate https://artifacts.example.com/tool.tgz

# ok: shell-tls-verification-disabled
curl -sSL --cacert /etc/ssl/private-ca.pem https://get.example.com/install.sh -o install.sh

# ok: shell-tls-verification-disabled
wget https://artifacts.example.com/tool.tgz
