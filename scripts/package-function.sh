#!/usr/bin/env bash
# Builds one Lambda function module with Maven and lays it out for the java21 runtime:
#   <artifacts>/            compiled classes and resources of the function module
#   <artifacts>/lib/*.jar   its runtime dependencies (other Waymark modules included)
# Called by functions/<name>/Makefile (i.e. by `sam build`); usable by hand too:
#   scripts/package-function.sh . functions/ingest /tmp/out
# Needs Maven and a JDK >= 21: $JAVA_HOME if it is one, else the newest found in the
# usual places. Set WAYMARK_MVN_OFFLINE=1 to pass -o to Maven.
set -euo pipefail

root=${1:?usage: package-function.sh <repo-root> <module-dir> <artifacts-dir>}
module=${2:?module dir, e.g. functions/ingest}
out=${3:?artifacts dir (ARTIFACTS_DIR)}
root=$(cd "$root" && pwd)

die() { echo "package-function: $*" >&2; exit 1; }

# --- find a JDK >= 21 ------------------------------------------------------------
jdk_major() { # prints the feature version of the JDK at $1, or nothing
  local home=$1 v=""
  [[ -x "$home/bin/javac" ]] || return 0
  if [[ -f "$home/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z "$v" ]]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -1)
  fi
  v=${v#1.}            # 1.8 -> 8
  echo "${v%%[.+-]*}"
}

find_jdk() {
  local cand best="" best_v=0 v
  if [[ -n "${JAVA_HOME:-}" ]]; then
    v=$(jdk_major "$JAVA_HOME")
    if [[ -n "$v" && "$v" -ge 21 ]]; then echo "$JAVA_HOME"; return; fi
  fi
  for cand in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
              "$HOME"/.sdkman/candidates/java/* /opt/java/* /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home; do
    [[ -d "$cand" && ! -L "$cand" ]] || continue
    v=$(jdk_major "$cand")
    if [[ -n "$v" && "$v" -ge 21 && "$v" -gt "$best_v" ]]; then best=$cand; best_v=$v; fi
  done
  if [[ -z "$best" ]] && command -v javac >/dev/null; then
    cand=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(jdk_major "$cand")
    if [[ -n "$v" && "$v" -ge 21 ]]; then best=$cand; fi
  fi
  [[ -n "$best" ]] && echo "$best"
}

JAVA_HOME=$(find_jdk) || die "no JDK >= 21 found (set JAVA_HOME to one; looked in \$JAVA_HOME and /usr/lib/jvm/*)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8/3.9's bundled Guava warns about sun.misc.Unsafe on JDK 24+; keep the output clean.
if [[ "$(jdk_major "$JAVA_HOME")" -ge 24 && "${MAVEN_OPTS:-}" != *sun-misc-unsafe-memory-access* ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
MVN=mvn
[[ -x "$root/mvnw" ]] && MVN="$root/mvnw"
[[ "$MVN" != mvn ]] || command -v mvn >/dev/null || die "mvn not found on PATH"
[[ -f "$root/$module/pom.xml" ]] || die "no Maven module at $root/$module"
mkdir -p "$out"
out=$(cd "$out" && pwd)
case "$out" in
  /|"$root"|"$root/$module"|"$HOME") die "refusing to use $out as the artifacts dir" ;;
esac

# --- build -------------------------------------------------------------------------
# One reactor run: package the module and the modules it needs (-am), without tests,
# then write each module's runtime classpath to target/lambda-classpath.txt.
cp_file="$root/$module/target/lambda-classpath.txt"
rm -f "$cp_file"
mvn_args=(-B -q -Dstyle.color=never -f "$root/pom.xml" -pl "$module" -am -Dmaven.test.skip=true
          package dependency:build-classpath
          -DincludeScope=runtime -Dmdep.outputFile=target/lambda-classpath.txt)
[[ "${WAYMARK_MVN_OFFLINE:-0}" == 1 ]] && mvn_args+=(-o)

run_mvn() { "$MVN" "${mvn_args[@]}" || die "Maven build of $module failed (JAVA_HOME=$JAVA_HOME)"; }
mkdir -p "$root/target"
if command -v flock >/dev/null; then
  # `sam build --parallel` would otherwise run several reactor builds over the same
  # target/ folders at once.
  exec 9>"$root/target/.lambda-package.lock"
  flock 9
fi
run_mvn

[[ -d "$root/$module/target/classes" ]] || die "$module has no target/classes after the build"
[[ -f "$cp_file" ]] || die "Maven wrote no $cp_file"

# --- lay out -----------------------------------------------------------------------
find "$out" -mindepth 1 -delete
cp -R "$root/$module/target/classes/." "$out/"
mkdir -p "$out/lib"
n=0
while IFS= read -r -d ':' jar || [[ -n "$jar" ]]; do
  jar=${jar%$'\n'}
  [[ -z "$jar" ]] && continue
  if [[ -f "$jar" ]]; then
    if [[ -e "$out/lib/${jar##*/}" ]]; then
      cmp -s "$jar" "$out/lib/${jar##*/}" || die "two different dependency jars are both named ${jar##*/}"
    fi
    cp "$jar" "$out/lib/"
  elif [[ -d "$jar" ]]; then
    die "classpath entry is a directory, not a jar: $jar"
  else
    die "classpath entry not found: $jar"
  fi
  n=$((n + 1))
done < "$cp_file"
echo "package-function: $module -> $out ($n jars, JDK $(jdk_major "$JAVA_HOME"))"
