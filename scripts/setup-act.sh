#!/usr/bin/env bash
# Installs nektos/act (a Go module, from the Go module proxy) at the pinned version into
# tools/go-bin, for test/e2e/act.test.ts, which runs this repository's own workflow through it in
# self-hosted mode (no Docker). A test tool only; the product never runs it. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v0.2.89
bin=$PWD/tools/go-bin
if [ -x "$bin/act" ] && [ "$("$bin/act" --version 2>/dev/null)" = "act version ${version#v}" ]; then
  exit 0
fi
GOBIN=$bin GOTOOLCHAIN=local GOFLAGS=-ldflags=-X=main.version=${version#v} go install "github.com/nektos/act@$version"
echo "$("$bin/act" --version) installed in $bin"
