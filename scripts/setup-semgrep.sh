#!/usr/bin/env bash
# Installs the pinned Semgrep (tools/semgrep/requirements.txt, the one place that names the version;
# .github/workflows/rules.yml reads it too) into tools/semgrep-venv, for the tests that run the rule
# pack for real. Semgrep is a test tool only; the product never runs it. Idempotent: a venv that
# already has the pinned version is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=tools/semgrep-venv
pinned=$(sed -n 's/^semgrep==//p' tools/semgrep/requirements.txt)
if [ -x "$venv/bin/semgrep" ] && [ "$("$venv/bin/semgrep" --version --disable-version-check 2>/dev/null)" = "$pinned" ]; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r tools/semgrep/requirements.txt
echo "Semgrep $("$venv/bin/semgrep" --version --disable-version-check) installed in $venv"
