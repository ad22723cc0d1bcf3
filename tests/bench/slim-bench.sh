#!/usr/bin/env bash
# Benchmark of slimming plus bytecode checks: a module with 100 dependency jars against a base
# (a Spring Boot executable jar) with 300, made from real jars of the local Maven repository
# (tests/bench/slim-data.py). Half the module's jars are in the base, an exclude rule takes more,
# and the class checks scan the module and its kept jars and list every class of the base.
#
# Measures round-robin (tests/bench/measure.py): `arkpack biz` with slimming and checks on the
# component and natively, the same request with `classChecks: off`, and a plain copy of every
# input (the module's jars and the base) as the floor; then peak RSS with GNU time.
# Target: slimming plus checks under 2 s on this machine.
#
# Usage: tests/bench/slim-bench.sh     (ARKPACK=another binary; ROUNDS=9)
# Writes only under target/bench/slim/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/tests/bench
ARKPACK=${ARKPACK:-$ROOT/target/release/arkpack}
OUT=$ROOT/target/bench/slim
ROUNDS=${ROUNDS:-9}
die() { printf 'slim-bench: %s\n' "$*" >&2; exit 2; }
[[ -x /usr/bin/time ]] || die "GNU time is missing: apt-get install -y time"
[[ -x $ARKPACK ]] || die "no arkpack at $ARKPACK: cargo build --release -p arkpack"

rm -rf "$OUT" && mkdir -p "$OUT"
python3 "$HERE/slim-data.py" --out "$OUT" --classes "$ROOT/examples/demo-module/classes"
REQ=$OUT/request.json
python3 - "$REQ" "$OUT/request-nochecks.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r["classChecks"] = "off"; json.dump(r, open(sys.argv[2], "w"), indent=1)
PY
# The floor: read every input once, as any packaging must.
python3 - "$REQ" > "$OUT/copy.sh" <<'PY'
import json, shlex, sys
r = json.load(open(sys.argv[1]))
files = [l["file"] for l in r["libraries"]] + [r["base"]["jar"]]
print("cat " + " ".join(shlex.quote(f) for f in files) + " > /dev/null")
PY

"$ARKPACK" -q biz --request "$REQ" 2> "$OUT/diagnostics.txt" || die "arkpack failed: $(cat "$OUT/diagnostics.txt")"
cp "$OUT/bench-module-ark-biz.jar" "$OUT/component.jar"
"$ARKPACK" --engine native -q biz --request "$REQ" 2> /dev/null
cmp "$OUT/bench-module-ark-biz.jar" "$OUT/component.jar" || die "the component and the native engine wrote different jars"

python3 "$HERE/measure.py" --rounds "$ROUNDS" --warmup 1 --json "$OUT/times.json" \
    --cmd component "$ARKPACK -q biz --request $REQ" \
    --cmd native "$ARKPACK --engine native -q biz --request $REQ" \
    --cmd no-checks "$ARKPACK -q biz --request $OUT/request-nochecks.json" \
    --cmd copy "sh $OUT/copy.sh" \
    --ratio component/native --ratio component/no-checks --ratio component/copy

/usr/bin/time -v -o "$OUT/rss.txt" "$ARKPACK" -q biz --request "$REQ" 2> /dev/null
RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/rss.txt")
python3 - "$OUT" "$RSS" <<'PY'
import json, sys
out, rss = sys.argv[1], int(sys.argv[2])
t = json.load(open(f"{out}/times.json"))
r = json.load(open(f"{out}/arkpack-slim-report.json"))
kept = sum(1 for a in r["artifacts"] if a["kept"])
c = r["classChecks"]
def ms(name):
    m, c = t["commands"][name]["wall"], t["commands"][name]["cpu"]
    return f"{m['median'] * 1000:.0f} ms ({m['min'] * 1000:.0f}-{m['max'] * 1000:.0f}) | cpu {c['median'] * 1000:.0f} ms"
print("\n## slimming benchmark")
print(f"module: {len(r['artifacts'])} jars ({kept} kept); base: 300 nested jars; classes scanned {c['classesScanned']}, missing {c['missing']}, clashes {c['clashes']}")
for name in ("component", "native", "no-checks", "copy"):
    print(f"| {name} | {ms(name)} |")
for k, v in t.get("ratios", {}).items():
    print(f"| {k} | {v['median']:.2f}x |")
print(f"peak RSS (component): {rss / 1024:.0f} MiB")
best = t["commands"]["component"]["wall"]["median"]
print(f"target: slimming plus checks < 2 s: {'met' if best < 2 else 'MISSED'} ({best:.2f} s)")
PY
