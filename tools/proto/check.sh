#!/usr/bin/env bash
# Fails if libs/proto/src/generated is stale: regenerates into a temp dir with the same template
# and diffs against the checked-in code. Usage: bash tools/proto/check.sh   (or: npm run proto:check)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

out=libs/proto/src/generated
tmp=$(mktemp -d "${TMPDIR:-/tmp}/proto-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# -o puts every plugin "out" under $tmp, so the fresh copy lands in $tmp/$out.
node_modules/.bin/buf generate --template tools/proto/buf.gen.yaml -o "$tmp"

if ! diff -ru "$tmp/$out" "$out" > "$tmp/diff.txt"; then
  cat "$tmp/diff.txt" >&2
  echo >&2
  echo "proto:check FAILED: $out is stale or hand-edited (diff above: fresh generation vs checked-in)." >&2
  echo "Run 'npm run proto:gen' (bash tools/proto/generate.sh) and commit the result; never edit generated files." >&2
  exit 1
fi
echo "proto:check OK: $out matches proto/*.proto"
