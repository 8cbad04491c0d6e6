#!/usr/bin/env bash
# Checks the deployable side of Waymark, with the tools scripts/install-tools.sh pins:
#   1. cfn-lint template.yaml
#   2. sam validate --lint
#   3. checkov (CloudFormation framework; accepted findings carry a skip comment in template.yaml)
#   4. docs/openapi.yaml is a valid OpenAPI 3.1 document
#   5. the compiler's golden files (shared/core/src/test/resources/golden/*.asl.json: the shipped
#      journeys and the compiler's fixtures, compiled) are valid Amazon States Language
#   6. sam build of every function, without Docker, into a temporary folder (removed
#      afterwards), then: each function's Handler class is in its artifact
# Exits non-zero, naming the failed step, if any step fails; all steps run either way.
# Usage: scripts/check-template.sh [--no-build]
#   --no-build   skip step 6 (the only slow one: it runs Maven for each function)
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
VENV="$ROOT/.tools/venv"
CHECKOV="$ROOT/.tools/checkov/bin/checkov"
ASLV="$ROOT/tools/node_modules/.bin/asl-validator"
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "check-template: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

if [[ ! -x "$VENV/bin/sam" || ! -x "$CHECKOV" || ! -x "$ASLV" ]]; then
  echo "check-template: tools missing; run scripts/install-tools.sh first" >&2
  exit 2
fi

# SAM CLI / cfn-lint need a region and must not phone home or look for credentials.
export SAM_CLI_TELEMETRY=0
export AWS_DEFAULT_REGION=${AWS_DEFAULT_REGION:-us-east-1}
export AWS_REGION=${AWS_REGION:-$AWS_DEFAULT_REGION}
export AWS_EC2_METADATA_DISABLED=true
export BC_SKIP_MAPPING=TRUE
export LOG_LEVEL=WARNING   # checkov's own logging

TMP=$(mktemp -d "${TMPDIR:-/tmp}/waymark-check.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

failed=()
passed=0
step() { # step <name> <command...>: runs it, output to a log shown only on failure
  local name=$1 start rc log="$TMP/step.log"
  shift
  start=$(date +%s)
  "$@" >"$log" 2>&1
  rc=$?
  if [[ $rc -eq 0 ]]; then
    printf 'check-template: ok    %-22s %4ss\n' "$name" $(( $(date +%s) - start ))
    passed=$((passed + 1))
  else
    printf 'check-template: FAIL  %-22s %4ss (exit %s)\n' "$name" $(( $(date +%s) - start )) "$rc"
    sed 's/^/    | /' "$log" | tail -n 80
    failed+=("$name")
  fi
}

step cfn-lint "$VENV/bin/cfn-lint" template.yaml
step "sam validate --lint" "$VENV/bin/sam" validate --lint --template-file template.yaml
step checkov "$CHECKOV" -f template.yaml --framework cloudformation --compact --quiet --skip-download
step openapi "$VENV/bin/openapi-spec-validator" docs/openapi.yaml

asl_files=()
while IFS= read -r f; do asl_files+=("$f"); done < <(find shared/core/src/test/resources/golden -name '*.asl.json' 2>/dev/null | sort)
if [[ ${#asl_files[@]} -gt 0 ]]; then
  asl_args=()
  for f in "${asl_files[@]}"; do asl_args+=(--json-path "$f"); done
  # --no-arn-check: Resource values are ${...} substitutions filled in by SAM.
  step "asl (${#asl_files[@]} files)" "$ASLV" --no-arn-check "${asl_args[@]}"
fi

check_handlers() { # every function's Handler class is in its built artifact
  "$VENV/bin/python" - "$TMP/build/template.yaml" "$TMP/build" <<'EOF'
import os, sys
from samcli.yamlhelper import yaml_parse
tpl, build = sys.argv[1], sys.argv[2]
with open(tpl) as f:
    t = yaml_parse(f.read())
bad = 0
for name, r in t.get("Resources", {}).items():
    if r.get("Type") != "AWS::Serverless::Function":
        continue
    p = r["Properties"]
    cls = p["Handler"].split("::")[0]
    code = os.path.join(build, p["CodeUri"])
    rel = cls.replace(".", "/") + ".class"
    libs = os.path.join(code, "lib")
    if not os.path.isfile(os.path.join(code, rel)):
        print(f"{name}: handler class {cls} not found at {p['CodeUri']}/{rel}")
        bad += 1
    elif not os.path.isdir(libs) or not any(j.endswith(".jar") for j in os.listdir(libs)):
        print(f"{name}: no dependency jars under {p['CodeUri']}/lib")
        bad += 1
    else:
        print(f"{name}: {cls} ok, {len(os.listdir(libs))} jars")
sys.exit(1 if bad else 0)
EOF
}

if [[ $BUILD -eq 1 ]]; then
  step "sam build" "$VENV/bin/sam" build --template-file template.yaml \
       --build-dir "$TMP/build" --cache-dir "$TMP/cache"
  if [[ -f "$TMP/build/template.yaml" ]]; then
    step "handlers packaged" check_handlers
  fi
fi

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "check-template: FAILED: ${failed[*]}" >&2
  echo "check-template: $passed passed, ${#failed[@]} failed"
  exit 1
fi
echo "check-template: $passed passed, 0 failed"
