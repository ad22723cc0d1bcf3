#!/usr/bin/env bash
# Benchmark of `arkpack biz` on a realistic module: several hundred module classes and 80
# dependency jars of about 60 MB in all, generated deterministically (tests/bench/gen-data.py).
#
# Measures, in one run, round-robin (tests/bench/measure.py):
#   component   arkpack -q biz --request request.json            (the default engine, warm code cache)
#   native      arkpack --engine native -q biz --request ...     (same core, no sandbox)
#   copy        cat of every input file into one output file      (the floor: read the inputs, write ~60 MB)
# then peak RSS of each with GNU time (/usr/bin/time -v), the warm start of `arkpack biz` on the tiny
# example request (target < 20 ms) and its cold start (empty code cache, once), and prints a
# markdown summary. Targets: component <= 1.3x native; component <= 1.5x the plain copy.
#
# Usage: tests/bench/biz-bench.sh        (ARKPACK=path to another binary; ROUNDS=21; START_ROUNDS=40)
# Needs: python3, GNU time (Debian package `time`), a built arkpack (cargo build --release -p arkpack).
# Writes only under target/bench/ (data/ is kept between runs and regenerated when its inputs change;
# run/ is replaced each time). Exits non-zero when any measured command fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/tests/bench
ARKPACK=${ARKPACK:-$ROOT/target/release/arkpack}
BENCH=$ROOT/target/bench
DATA=$BENCH/data
RUN=$BENCH/run
ROUNDS=${ROUNDS:-21}
START_ROUNDS=${START_ROUNDS:-40}
GEN_ARGS=(--seed 20240601 --jars 80 --total-mb 60 --module-classes 300 --blob-share 0.2)

say() { printf '\n== %s\n' "$*"; }
die() { printf 'biz-bench: %s\n' "$*" >&2; exit 2; }

[[ -x /usr/bin/time ]] || die "GNU time is missing (/usr/bin/time): install it with 'apt-get install -y time' (Debian package \`time\`)"
command -v python3 >/dev/null || die "python3 is needed (data generation and timing)"
[[ -x $ARKPACK ]] || die "no arkpack at $ARKPACK: build it with 'cargo build --release -p arkpack' or set ARKPACK"
ARKPACK=$(cd "$(dirname "$ARKPACK")" && pwd)/$(basename "$ARKPACK")
# How busy the machine is without us: CPU use over one second, from /proc/stat.
cpu_busy() {
    local a b; a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
    local total=0 idle i
    for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
    idle=$((b[4] - a[4] + b[5] - a[5]))
    echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
BUSY_BEFORE=$(cpu_busy)
(( BUSY_BEFORE < 10 )) || echo "biz-bench: warning: the machine is ${BUSY_BEFORE}% busy before we start ($(ps -eo comm= --sort=-pcpu | head -3 | paste -sd, -)); figures will be noisy" >&2

# ---- 1. data (kept while the generator and its arguments are unchanged)
stamp=$( { sha256sum "$HERE/gen-data.py" "$ROOT"/examples/demo-module/classes/com/example/demo/*.class; echo "${GEN_ARGS[*]}"; } | sha256sum | cut -c1-16)
if [[ "$(cat "$DATA/.stamp" 2>/dev/null)" != "$stamp" ]]; then
    say "generating the input under $DATA (seeded; once)"
    python3 "$HERE/gen-data.py" "$DATA" "${GEN_ARGS[@]}" --demo-classes "$ROOT/examples/demo-module/classes"
    echo "$stamp" > "$DATA/.stamp"
fi
mapfile -t INPUTS < "$DATA/inputs.txt"
jar_bytes=$(cat "$DATA"/lib/*.jar | wc -c)
input_bytes=$(cat "${INPUTS[@]}" | wc -c)
module_files=$(find "$DATA/module/classes" -type f | wc -l)
jar_entries=$(python3 -c 'import sys, zipfile; print(sum(len(zipfile.ZipFile(p).infolist()) for p in sys.argv[1:]))' "$DATA"/lib/*.jar)

# ---- 2. the run folder: requests, copy scripts, caches, outputs
rm -rf "$RUN"
mkdir -p "$RUN/out" "$RUN/demo" "$RUN/cache"
export ARKPACK_CACHE_DIR=$RUN/cache
REQ=$DATA/request.json
BIZ_OUT=$RUN/out/bench-module-1.0.0-ark-biz.jar
{ echo 'exec cat \'; printf '  %q \\\n' "${INPUTS[@]}"; printf '  > %q\n' "$RUN/out/copy.bin"; } > "$RUN/copy.sh"
# Requests with absolute input paths and outputs under run/: the big one and the example's.
python3 - "$REQ" "$RUN/request.json" "$RUN/out/bench-module-1.0.0-ark-biz.jar" \
          "$ROOT/examples/demo-module/arkpack.json" "$RUN/demo/arkpack.json" "out/demo-module-1.0.0-ark-biz.jar" <<'EOF'
import json, os, sys
def rewrite(src, dst, output):
    base = os.path.dirname(os.path.abspath(src))
    r = json.load(open(src))
    r["module"] = {k: os.path.join(base, v) for k, v in r["module"].items()}
    for lib in r["libraries"]:
        lib["file"] = os.path.join(base, lib["file"])
    if "confDir" in r:
        r["confDir"] = os.path.join(base, r["confDir"])
    r["output"] = output
    with open(dst, "w") as f:
        json.dump(r, f, indent=1)
rewrite(*sys.argv[1:4])
rewrite(*sys.argv[4:7])
EOF
DEMO=$RUN/demo/arkpack.json
REQ=$RUN/request.json

# ---- 3. cold start (empty code cache), once; then check both engines agree on the big request
say "cold start and checks"
python3 "$HERE/measure.py" --rounds 1 --warmup 0 --json "$RUN/cold.json" \
    --cmd cold "$ARKPACK -q biz --request $DEMO" --env "cold:ARKPACK_CACHE_DIR=$RUN/cold-cache"
"$ARKPACK" -q biz --request "$REQ" > "$RUN/component.txt"
cp "$BIZ_OUT" "$RUN/component.jar"
"$ARKPACK" --engine native -q biz --request "$REQ" > "$RUN/native.txt"
cmp "$BIZ_OUT" "$RUN/component.jar" || die "the component and the native engine wrote different jars"
if command -v unzip >/dev/null; then unzip -tqq "$BIZ_OUT" || die "unzip -t failed on $BIZ_OUT"; fi
output_bytes=$(wc -c < "$BIZ_OUT")
rm -f "$RUN/component.jar"
cat "${INPUTS[@]}" > /dev/null   # page cache warm

# ---- 4. the big request: component, native, plain copy, round-robin
say "arkpack biz on $((${#INPUTS[@]})) input files ($input_bytes bytes), $ROUNDS rounds"
python3 "$HERE/measure.py" --rounds "$ROUNDS" --warmup 2 --json "$RUN/big.json" \
    --cmd component "$ARKPACK -q biz --request $REQ" \
    --cmd native "$ARKPACK --engine native -q biz --request $REQ" \
    --cmd first "sh -c 'rm -f $RUN/cache/crc-v1.txt; exec $ARKPACK -q biz --request $REQ'" \
    --cmd copy "sh $RUN/copy.sh" \
    --ratio component/native --ratio component/copy --ratio native/copy

# ---- 5. warm start on the tiny example request
say "start-up on the example request (examples/demo-module), $START_ROUNDS rounds"
(cd "$RUN/demo" && python3 "$HERE/measure.py" --rounds "$START_ROUNDS" --warmup 3 --json "$RUN/start.json" \
    --cmd component "$ARKPACK -q biz --request $DEMO" \
    --cmd native "$ARKPACK --engine native -q biz --request $DEMO" \
    --ratio component/native)

# ---- 6. peak memory with GNU time, 3 runs each (median)
say "peak RSS (GNU time -v, median of 3)"
rss() { # label, command...: prints the median "Maximum resident set size" (KiB) of 3 runs
    local label=$1; shift; local values=()
    for i in 1 2 3; do
        [[ $label != cold ]] || export ARKPACK_CACHE_DIR=$RUN/cold-cache-$i   # a fresh code cache each time
        /usr/bin/time -v -o "$RUN/time-$label-$i.txt" "$@" > /dev/null || die "$label failed under /usr/bin/time: $*"
        values+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$RUN/time-$label-$i.txt")")
    done
    printf '%s\n' "${values[@]}" | sort -n | sed -n 2p
}
RSS_COMPONENT=$(rss component "$ARKPACK" -q biz --request "$REQ")
RSS_NATIVE=$(rss native "$ARKPACK" --engine native -q biz --request "$REQ")
RSS_COPY=$(rss copy sh "$RUN/copy.sh")
RSS_START_COMPONENT=$(cd "$RUN/demo" && rss start-component "$ARKPACK" -q biz --request "$DEMO")
RSS_START_NATIVE=$(cd "$RUN/demo" && rss start-native "$ARKPACK" --engine native -q biz --request "$DEMO")
RSS_COLD=$(cd "$RUN/demo" && rss cold "$ARKPACK" -q biz --request "$DEMO")
echo "  big request: component $RSS_COMPONENT KiB, native $RSS_NATIVE KiB, copy $RSS_COPY KiB"
echo "  example request: component $RSS_START_COMPONENT KiB, native $RSS_START_NATIVE KiB, cold $RSS_COLD KiB"

# ---- 7. summary
say "summary"
ARKPACK_VERSION=$("$ARKPACK" --version) INPUT_FILES=${#INPUTS[@]} MODULE_FILES=$module_files JAR_ENTRIES=$jar_entries \
JAR_BYTES=$jar_bytes OUTPUT_BYTES=$output_bytes RSS_COMPONENT=$RSS_COMPONENT RSS_NATIVE=$RSS_NATIVE RSS_COPY=$RSS_COPY \
RSS_START_COMPONENT=$RSS_START_COMPONENT RSS_START_NATIVE=$RSS_START_NATIVE RSS_COLD=$RSS_COLD \
BUSY_BEFORE=$BUSY_BEFORE BUSY_AFTER=$(cpu_busy) \
python3 "$HERE/summary.py" "$RUN" | tee "$RUN/summary.md"
