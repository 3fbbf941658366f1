#!/usr/bin/env bash
# Regenerates expected/ with independent readers (jq 1.7 from Debian for JSON; awk/grep/sort for
# the YAML and yarn lockfiles, whose packages carry no license). Run from this directory:
#   bash generate.sh   (needs jq: apt-get install -y jq)
set -euo pipefail
F=../../../../test/fixtures/licenses
for f in "$F"/*cyclonedx*.json; do jq -r -f cyclonedx.jq "$f" | LC_ALL=C sort > "expected/$(basename "$f").tsv"; done
for f in "$F"/*spdx-2*.json "$F"/trivy-*-spdx-*.json; do jq -r -f spdx.jq "$f" | LC_ALL=C sort > "expected/$(basename "$f").tsv"; done
for f in "$F"/npm-package-lock-v[23]*.json; do jq -r -f npm-lock.jq "$f" | LC_ALL=C sort > "expected/$(basename "$f").tsv"; done
{
  # pnpm: the keys of the `packages:` map of the last YAML document (two-space indented lines
  # ending in ':'); a `---` line starts a new document.
  for f in "$F"/pnpm-lock-*.yaml; do
    n=$(awk '/^---/{n=0;p=0;next} /^packages:/{p=1;next} /^[^ \t#]/{p=0} p && /^  [^ ].*:[ ]*$/{n++} END{print n+0}' "$f")
    echo "$(basename "$f")	$n"
  done
  # yarn berry: distinct `resolution:` values.
  for f in "$F"/yarn-berry-*.lock; do
    n=$(grep -E '^  resolution: ' "$f" | sort -u | wc -l)
    echo "$(basename "$f")	$n"
  done
  # yarn classic: distinct name@version (the first specifier's name + the entry's version line).
  for f in "$F"/yarn-classic-*.lock; do
    n=$(awk '/^[^ #].*:$/ { k=$0; sub(/,.*/, "", k); gsub(/"/, "", k); sub(/:$/, "", k); i=index(substr(k,2),"@"); name=substr(k,1,i) }
             /^  version / { v=$2; gsub(/"/, "", v); print name "@" v }' "$f" | sort -u | wc -l)
    echo "$(basename "$f")	$n"
  done
} > expected/lockfile-counts.tsv
