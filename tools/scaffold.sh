#!/usr/bin/env bash
# Creates an empty Nx project: tools/scaffold.sh <apps|libs> <name> <type:app|type:feature|type:shared> [extra tags...]
set -euo pipefail
kind=$1 name=$2 tag=$3; shift 3
root=$kind/$name
mkdir -p "$root/src"
tags=$(printf '"%s",' "$tag" "$@"); tags=${tags%,}
ptype=library; [ "$kind" = apps ] && ptype=application
[ -f "$root/project.json" ] || cat > "$root/project.json" <<JSON
{
  "name": "$name",
  "\$schema": "../../node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$root/src",
  "projectType": "$ptype",
  "tags": [$tags],
  "targets": {}
}
JSON
[ -f "$root/jest.config.js" ] || cat > "$root/jest.config.js" <<JS
module.exports = { ...require('../../jest.preset.js'), displayName: '$name', rootDir: __dirname };
JS
[ -f "$root/eslint.config.mjs" ] || cat > "$root/eslint.config.mjs" <<JS
import base from '../../eslint.config.mjs';
export default [...base];
JS
[ "$kind" = libs ] && [ ! -f "$root/src/index.ts" ] && echo "export {};" > "$root/src/index.ts"
echo "created $root"
