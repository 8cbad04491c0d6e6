#!/usr/bin/env bash
# Installs the pinned developer/CI tools into the repository (nothing global):
#   .tools/venv      cfn-lint, AWS SAM CLI, openapi-spec-validator   (tools/requirements-sam.txt)
#   .tools/checkov   checkov, in its own venv: its boto3 pin conflicts with SAM CLI's
#                                                                     (tools/requirements-checkov.txt)
#   .tools/sdk       segment-analytics-python, for the SDK tests       (tools/requirements-sdk.txt)
#   .tools/moto      moto's server, in its own venv, for tests/aws-emulator  (tools/requirements-moto.txt)
#   tools/node_modules  asl-validator, @segment/analytics-node, @rudderstack/rudder-sdk-node
#                                                                     (tools/package-lock.json)
#   chromium         Debian's package (apt-get, as root) when missing, for the console's e2e test
# Idempotent: each part is reinstalled only when its lock file (or the interpreter) changed.
# Quiet on success; on failure says which step failed and shows its log.
# Needs: python3 (>= 3.9, with venv), node + npm (>= 18).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="$ROOT/.tools"
PYTHON=${PYTHON:-python3}
mkdir -p "$TOOLS"
LOG="$TOOLS/install.log"
: >"$LOG"

fail() {
  echo "install-tools: FAILED: $*" >&2
  if [[ -s "$LOG" ]]; then
    echo "---- last lines of $LOG ----" >&2
    tail -n 40 "$LOG" >&2
  fi
  exit 1
}

hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

command -v "$PYTHON" >/dev/null || fail "$PYTHON not found (set PYTHON=/path/to/python3)"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' \
  || fail "Python >= 3.9 is needed, found $("$PYTHON" --version 2>&1)"
PYVER=$("$PYTHON" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')

# venv <dir> <requirements-file> <name of a command it must provide>
venv() {
  local dir=$1 req=$2 probe=$3 stamp want
  stamp="$dir/.installed"
  want="$(hash_of "$req") python-$PYVER"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$dir/bin/$probe" ]]; then
    return 0
  fi
  rm -rf "$dir"
  "$PYTHON" -m venv "$dir" >>"$LOG" 2>&1 || fail "python3 -m venv $dir (is the python3-venv package installed?)"
  "$dir/bin/python" -m pip install --disable-pip-version-check --no-input -q \
      -r "$req" >>"$LOG" 2>&1 || fail "pip install -r ${req#"$ROOT"/} into ${dir#"$ROOT"/}"
  [[ -x "$dir/bin/$probe" ]] || fail "${dir#"$ROOT"/}/bin/$probe missing after install"
  echo "$want" >"$stamp"
}

venv "$TOOLS/venv" "$ROOT/tools/requirements-sam.txt" sam
venv "$TOOLS/checkov" "$ROOT/tools/requirements-checkov.txt" checkov
venv "$TOOLS/sdk" "$ROOT/tools/requirements-sdk.txt" python
venv "$TOOLS/moto" "$ROOT/tools/requirements-moto.txt" moto_server

# Node tools
command -v npm >/dev/null || fail "npm not found (install Node.js >= 18)"
node -e 'process.exit(parseInt(process.versions.node) >= 18 ? 0 : 1)' \
  || fail "Node.js >= 18 is needed, found $(node --version)"
NM="$ROOT/tools/node_modules"
want="$(hash_of "$ROOT/tools/package.json" "$ROOT/tools/package-lock.json") node-$(node --version)"
if [[ ! -f "$NM/.installed" || "$(cat "$NM/.installed")" != "$want" || ! -x "$NM/.bin/asl-validator" ]]; then
  (cd "$ROOT/tools" && npm ci --no-audit --no-fund --loglevel=error) >>"$LOG" 2>&1 \
    || fail "npm ci in tools/"
  [[ -x "$NM/.bin/asl-validator" ]] || fail "tools/node_modules/.bin/asl-validator missing after npm ci"
  echo "$want" >"$NM/.installed"
fi

# Chromium, for the console's end-to-end test (console/e2e: playwright-core drives Debian's
# chromium headless; playwright's own browser download is not used)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$CHROMIUM" ]]; then
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; } >>"$LOG" 2>&1 \
      || fail "apt-get install chromium"
  else
    fail "Chromium is needed by the console's end-to-end test: install it (sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium"
  fi
fi
