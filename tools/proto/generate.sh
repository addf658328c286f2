#!/usr/bin/env bash
# Regenerates libs/proto/src/generated from proto/*.proto with ts-proto (run through buf as a
# local plugin; no network). Usage: bash tools/proto/generate.sh   (or: npm run proto:gen)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

out=libs/proto/src/generated
rm -rf "$out"
node_modules/.bin/buf generate --template tools/proto/buf.gen.yaml
echo "generated $(find "$out" -name '*.ts' | wc -l) files in $out"
