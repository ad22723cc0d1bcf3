#!/usr/bin/env bash
# Benchmark of the Maven host: arkpack-maven-plugin's `repackage` against the official
# com.alipay.sofa:sofa-ark-maven-plugin `repackage`, on one realistic module (tests/bench/maven-fixture:
# a Spring Boot 2.7 web + actuator module with Guava and commons-lang3, 46 jars of about 23 MB in lib/,
# koupleless-app-starter provided; sources from tests/e2e/line-a/module). Both plugins get the same
# configuration: skipArkExecutable, disableGitInfo, bizName, webContextPath, declaredMode.
#
# Measures, in one run, round-robin (tests/bench/measure.py), offline (-o) with a warm local repository:
#   none      mvn -o clean package                 (no repackage goal: the baseline build)
#   arkpack   mvn -o clean package -P arkpack      (plus dev.arkpack:arkpack-maven-plugin:repackage)
#   official  mvn -o clean package -P official     (plus com.alipay.sofa:sofa-ark-maven-plugin:repackage)
#   arkpack-exe  as arkpack, with -Darkpack.executable=<the unpacked binary>: a diagnostic, the goal without
#             the embedded binary's lookup (which hashes the 20 MB unpacked binary once per Maven JVM)
#   cli       arkpack --json -q biz --request <the plugin's request>   (the binary the plugin runs, alone)
# (a) The goal's own time: every Maven build above loads a small event spy (tests/bench/maven-timing,
#     -Dmaven.ext.class.path) that records, per mojo execution, the time from Maven's MojoStarted event to
#     MojoSucceeded. That span holds what Maven spends on the goal: building the plugin's class realm (a fresh
#     JVM each build, as on any command line or CI), creating and configuring the mojo, and execute(). The
#     project's dependency resolution comes before MojoStarted and is in neither plugin's figure (it is in
#     the whole-build figures). Maven 3.8 has no built-in per-mojo timing; a separate `mvn <plugin>:repackage`
#     minus a no-op baseline would mostly measure JVM and Maven start-up noise. Target: ours <= 1/4 of the
#     official goal's time (ratio taken round by round).
# (b) The cost a packaging goal adds to a whole build: wall time of `clean package` with it minus without it,
#     round by round. `clean` makes every round the same full build (compile, jar, repackage); on an
#     up-to-date tree the jar plugin may skip work and the figure would depend on the tree's history.
#
# Usage: tests/bench/maven-bench.sh     (ROUNDS=7; OFFICIAL_VERSION=3.1.11; ARKPACK_VERSION=0.1.0-SNAPSHOT;
#                                         PRIME=0 skips the online priming build; ARKPACK_BIN=path makes the
#                                         plugin, and the cli command, run that arkpack instead of the embedded one)
# Needs: JDK 17 (java, javac, jar), Maven, python3, and the plugin in the local repository:
#   mvn -B -f host-maven/pom.xml install -DskipTests -Dinvoker.skip
# Writes only under target/bench/maven/ (replaced each run; the plugin's embedded arkpack is unpacked into
# target/bench/maven/arkpack-cache). Exits non-zero when any build fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/tests/bench
BENCH=$ROOT/target/bench/maven
ROUNDS=${ROUNDS:-7}
WARMUP=1
OFFICIAL_VERSION=${OFFICIAL_VERSION:-3.1.11}
ARKPACK_VERSION=${ARKPACK_VERSION:-0.1.0-SNAPSHOT}
PRIME=${PRIME:-1}
VARIANTS=(none arkpack official)

say() { printf '\n== %s\n' "$*"; }
die() { printf 'maven-bench: %s\n' "$*" >&2; exit 2; }

for tool in mvn java javac jar python3; do command -v $tool >/dev/null || die "$tool is needed"; done
cpu_busy() {  # CPU use of the whole machine over one second, from /proc/stat
    local a b; a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
    local total=0 idle i
    for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
    idle=$((b[4] - a[4] + b[5] - a[5]))
    echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
BUSY_BEFORE=$(cpu_busy)
(( BUSY_BEFORE < 10 )) || echo "maven-bench: warning: the machine is ${BUSY_BEFORE}% busy before we start ($(ps -eo comm= --sort=-pcpu | head -3 | paste -sd, -)); figures will be noisy" >&2

# ---- 1. the run folder: one copy of the fixture per variant, the event spy
rm -rf "$BENCH"
mkdir -p "$BENCH/spy/classes/META-INF/sisu" "$BENCH/arkpack-cache"
export ARKPACK_CACHE_DIR=$BENCH/arkpack-cache
# Without ARKPACK_BIN the plugin runs its embedded arkpack, as a user's build does; with it, that binary.
[[ -z ${ARKPACK_BIN:-} || -x ${ARKPACK_BIN:-} ]] || die "ARKPACK_BIN is not executable: $ARKPACK_BIN"
for v in "${VARIANTS[@]}" arkpack-exe; do
    mkdir -p "$BENCH/$v"
    cp "$HERE/maven-fixture/pom.xml" "$BENCH/$v/pom.xml"
    cp -r "$ROOT/tests/e2e/line-a/module/src" "$BENCH/$v/src"
done
MAVEN_V=$(mvn -B -v 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g')
MAVEN_HOME=$(sed -n 's/^Maven home: *//p' <<<"$MAVEN_V")
[[ -d $MAVEN_HOME/lib ]] || die "cannot find Maven's lib/ (Maven home: '$MAVEN_HOME')"
javac --release 8 -nowarn -d "$BENCH/spy/classes" -cp "$MAVEN_HOME/lib/*" "$HERE/maven-timing/MojoTimer.java"
echo dev.arkpack.bench.MojoTimer > "$BENCH/spy/classes/META-INF/sisu/javax.inject.Named"
jar cf "$BENCH/spy/mojo-timer.jar" -C "$BENCH/spy/classes" .
SPY=$BENCH/spy/mojo-timer.jar

mvn_args() {  # variant -> the Maven arguments of its build
    local v=$1
    local args=(-B -q -Dstyle.color=never -f "$BENCH/$v/pom.xml" -l "$BENCH/mvn-$v.log"
                -Dmaven.ext.class.path="$SPY" -Darkpack.bench.timing="$BENCH/timing-$v.txt"
                -Darkpack.version="$ARKPACK_VERSION" -Dsofa-ark-maven-plugin.version="$OFFICIAL_VERSION")
    case $v in
        none) ;;
        arkpack-exe) args+=(-P arkpack -Darkpack.executable="${EMBEDDED[0]}") ;;
        *) args+=(-P "$v") ;;
    esac
    printf '%s\n' "${args[@]}"
}

# ---- 2. priming: one build of each variant (online unless PRIME=0, so a cold repository fills up),
#         then one offline; checks that both plugins wrote a biz jar with the same lib/
say "priming builds (fills the local repository, unpacks the plugin's arkpack)"
for v in "${VARIANTS[@]}"; do
    mapfile -t args < <(mvn_args "$v")
    online=(); [[ $PRIME == 1 ]] || online=(-o)
    if ! mvn "${args[@]}" "${online[@]}" clean package >/dev/null 2>&1 || ! mvn "${args[@]}" -o clean package >/dev/null 2>&1; then
        tail -40 "$BENCH/mvn-$v.log" >&2
        if grep -q 'Plugin dev.arkpack:arkpack-maven-plugin:.* could not be resolved' "$BENCH/mvn-$v.log"; then
            die "dev.arkpack:arkpack-maven-plugin:$ARKPACK_VERSION is not in the local Maven repository; install it from the repository root with: mvn -B -f host-maven/pom.xml install -DskipTests -Dinvoker.skip"
        fi
        die "the $v build failed"
    fi
    echo "  $v: ok"
done
rm -f "$BENCH"/timing-*.txt
python3 - "$BENCH/arkpack/target/bench-module-ark-biz.jar" "$BENCH/official/target/bench-module-ark-biz.jar" <<'EOF' || die "the two plugins packaged different lib/ sets; the comparison would not be fair"
import sys, zipfile
libs = [sorted(n for n in zipfile.ZipFile(p).namelist() if n.startswith("lib/") and n.endswith(".jar")) for p in sys.argv[1:]]
print(f"  both biz jars hold the same {len(libs[0])} jars in lib/" if libs[0] == libs[1] else f"  lib/ differs: {set(libs[0]) ^ set(libs[1])}")
sys.exit(0 if libs[0] == libs[1] and libs[0] else 1)
EOF
[[ ! -e $BENCH/none/target/bench-module-ark-biz.jar ]] || die "the baseline build wrote a biz jar"
if [[ -n ${ARKPACK_BIN:-} ]]; then
    EMBEDDED=("$ARKPACK_BIN")
else
    mapfile -t EMBEDDED < <(find "$BENCH/arkpack-cache" -type f -name arkpack)
    (( ${#EMBEDDED[@]} == 1 )) || die "expected one unpacked arkpack under $BENCH/arkpack-cache, found ${#EMBEDDED[@]}"
fi
# The plugin's request, with the output moved aside: the same work as the goal, without Maven.
python3 - "$BENCH/arkpack/target/sofa-ark/arkpack-request.json" "$BENCH/cli-request.json" "$BENCH/cli-out/bench-module-ark-biz.jar" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
r["output"] = sys.argv[3]
json.dump(r, open(sys.argv[2], "w"), indent=1)
EOF
mkdir -p "$BENCH/cli-out"
# Note: the arkpack variant's `clean` deletes and rebuilds target/bench-module.jar, which this request reads; the
# commands run one at a time, so the jar is always there when the cli command runs.

# ---- 3. round-robin: the four builds and the CLI alone
say "mvn -o clean package x4 variants + arkpack CLI, $ROUNDS rounds (+$WARMUP warm-up)"
cmds=()
for v in "${VARIANTS[@]}" arkpack-exe; do
    mapfile -t args < <(mvn_args "$v")
    cmds+=(--cmd "$v" "$(printf '%q ' mvn "${args[@]}" -o clean package)")
done
python3 "$HERE/measure.py" --rounds "$ROUNDS" --warmup "$WARMUP" --json "$BENCH/builds.json" \
    "${cmds[@]}" \
    --cmd cli "${EMBEDDED[0]} --json -q biz --request $BENCH/cli-request.json" \
    --ratio arkpack/none --ratio official/none --ratio arkpack/official \
    || { for v in "${VARIANTS[@]}"; do echo "--- $BENCH/mvn-$v.log (last build)"; tail -15 "$BENCH/mvn-$v.log"; done >&2
         die "a measured command failed"; }

# ---- 4. summary
say "summary"
OFFICIAL_VERSION=$OFFICIAL_VERSION ARKPACK_VERSION=$ARKPACK_VERSION WARMUP=$WARMUP \
MAVEN_VERSION="$(head -1 <<<"$MAVEN_V")" JAVA_VERSION="$(java -version 2>&1 | head -1)" \
ARKPACK_BINARY="$([[ -n ${ARKPACK_BIN:-} ]] && echo "ARKPACK_BIN" || echo embedded) $("${EMBEDDED[0]}" --version), sha256 $(sha256sum "${EMBEDDED[0]}" | cut -c1-12)" \
BUSY_BEFORE=$BUSY_BEFORE BUSY_AFTER=$(cpu_busy) \
python3 "$HERE/maven-summary.py" "$BENCH" | tee "$BENCH/summary.md"
