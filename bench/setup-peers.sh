#!/usr/bin/env bash
# Installs the two peer executors of `./waymark bench states`, idempotently:
#   moto[server] (Python, with its Step Functions executor) into .tools/moto-venv
#   aws-local-stepfunctions (npm) into bench/node/node_modules, from bench/node/package-lock.json
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MOTO_VERSION=5.2.5
VENV="$ROOT/.tools/moto-venv"

# (moto_server itself must run too: a venv moved from elsewhere keeps a stale interpreter path)
if ! "$VENV/bin/python" -c "import moto, sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2>/dev/null \
  || ! "$VENV/bin/moto_server" --help >/dev/null 2>&1; then
  echo "setup-peers: installing moto[server]==$MOTO_VERSION into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi

if [[ ! -d "$ROOT/bench/node/node_modules/aws-local-stepfunctions" ]]; then
  echo "setup-peers: installing aws-local-stepfunctions into bench/node/node_modules"
  (cd "$ROOT/bench/node" && if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi)
fi
echo "setup-peers: ready (moto: $VENV/bin/moto_server, node: bench/node/states-peer.mjs)"
