#!/usr/bin/env bash
# Builds the console (Maven runs this in the console module): installs its npm dependencies from
# package-lock.json when the lock changed (npm ci), type-checks and bundles it into dist/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v npm >/dev/null || { echo "console: npm not found; install Node.js 18 or newer" >&2; exit 1; }
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f node_modules/.installed || "$(cat node_modules/.installed)" != "$want" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >node_modules/.installed
fi
npm run --silent build
