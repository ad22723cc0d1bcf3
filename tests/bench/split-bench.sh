#!/usr/bin/env bash
# Benchmark of `arkpack split` on a large app made of real Maven Central jars: each jar below is
# treated as one of the app's own bundles (so every class becomes a graph node), which gives tens
# of thousands of real classes with real annotations, signatures and call references.
#
# Measures, for the component (default engine, warm code cache) and the native engine:
#   analyze   arkpack split analyze --app JAR... --out analysis.json   (end to end: read jars, parse,
#             graph, write JSON): median wall time of RUNS runs (default 5; min-max beside it),
#             classes/s at the median, peak RSS (GNU time, the largest of the runs)
#   evaluate  arkpack split evaluate on a ~20k-class subset: the core's evaluation time of one
#             selection, first and second call on the same prepared session (as the view clicks)
# Targets: >= 25k classes/s end to end; 50k classes < 5 s; evaluate < 100 ms.
#
# Usage: tests/bench/split-bench.sh     (ARKPACK=path to another binary, RUNS=timed runs per row)
# Needs: GNU time, python3, mvn (fetches missing jars with dependency:get), a release arkpack
# (cargo build --release -p arkpack). Writes only under target/bench/split/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ARKPACK=${ARKPACK:-$ROOT/target/release/arkpack}
OUT=$ROOT/target/bench/split
REPO=${MAVEN_REPO:-$HOME/.m2/repository}
die() { printf 'split-bench: %s\n' "$*" >&2; exit 2; }
[[ -x /usr/bin/time ]] || die "GNU time is missing: apt-get install -y time"
[[ -x $ARKPACK ]] || die "no arkpack at $ARKPACK: cargo build --release -p arkpack"
RUNS=${RUNS:-5}
mkdir -p "$OUT"

# Distinct real jars (no two versions of one artifact, so class names do not collide).
ALL=(
  org.springframework:spring-core:6.1.8 org.springframework:spring-beans:6.1.8 org.springframework:spring-context:6.1.8
  org.springframework:spring-web:6.1.8 org.springframework:spring-webmvc:6.1.8 org.springframework:spring-aop:6.1.8
  org.springframework.boot:spring-boot:3.2.6 org.springframework.boot:spring-boot-autoconfigure:3.2.6
  org.apache.groovy:groovy:4.0.23 net.bytebuddy:byte-buddy:1.14.12 org.apache.tomcat.embed:tomcat-embed-core:10.1.24
  org.apache.derby:derby:10.15.2.0 com.google.guava:guava:33.0.0-jre org.eclipse.jgit:org.eclipse.jgit:5.13.3.202401111512-r
  com.h2database:h2:2.1.214 com.mysql:mysql-connector-j:8.0.32 org.apache.logging.log4j:log4j-core:2.20.0
  org.hibernate.orm:hibernate-core:6.4.4.Final org.apache.ant:ant:1.10.12 org.testcontainers:testcontainers:1.17.6
  org.scala-lang:scala-library:2.13.12 org.jetbrains.kotlin:kotlin-stdlib:1.9.22 org.eclipse.jdt:ecj:3.33.0
  org.apache.lucene:lucene-core:9.8.0 com.fasterxml.jackson.core:jackson-databind:2.15.2 org.bouncycastle:bcprov-jdk18on:1.77
)
# The first 14 jars (~21k classes): the subset of the 20k-class evaluate timing.
SUBSET=14

jar_of() { IFS=: read -r g a v <<<"$1"; echo "$REPO/${g//.//}/$a/$v/$a-$v.jar"; }
for gav in "${ALL[@]}"; do
  [[ -f $(jar_of "$gav") ]] || mvn -q -B dependency:get -Dtransitive=false -Dartifact="$gav" >&2 || die "cannot fetch $gav"
done
apps() { local n=$1 i; for ((i = 0; i < n; i++)); do printf -- '--app\n%s\n' "$(jar_of "${ALL[$i]}")"; done; }
classes_in() { python3 - "$@" <<'EOF'
import sys, zipfile
print(sum(sum(1 for n in zipfile.ZipFile(j).namelist() if n.endswith('.class') and not n.endswith(('module-info.class', 'package-info.class'))) for j in sys.argv[1:]))
EOF
}

run_analyze() { # engine count
  local engine=$1 n=$2; mapfile -t args < <(apps "$n")
  local jars=(); local i; for ((i = 1; i < ${#args[@]}; i += 2)); do jars+=("${args[$i]}"); done
  local classes; classes=$(classes_in "${jars[@]}")
  "$ARKPACK" --engine "$engine" -q split analyze "${args[@]}" --out "$OUT/analysis-$n.json" >/dev/null 2>&1 # warm the code cache
  local runs=() r t0 t1
  for ((r = 0; r < RUNS; r++)); do
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$OUT/time-$engine-$n-$r.txt" "$ARKPACK" --engine "$engine" -q split analyze "${args[@]}" --out "$OUT/analysis-$n.json"
    t1=$(date +%s.%N)
    runs+=("$t0:$t1:$(awk -F': ' '/Maximum resident/ {print $2}' "$OUT/time-$engine-$n-$r.txt")")
  done
  python3 -c "
import statistics, sys
c = int(sys.argv[1])
runs = [tuple(float(x) for x in r.split(':')) for r in sys.argv[2:]]
walls = sorted(t1 - t0 for t0, t1, _ in runs)
e = statistics.median(walls)
rss = max(r[2] for r in runs)
print(f'| analyze | $engine | {c:,} classes ($n jars) | {e:.2f} s ({walls[0]:.2f}-{walls[-1]:.2f}) | {c/e:,.0f} classes/s | {rss/1024:.0f} MiB |')" "$classes" "${runs[@]}"
}

run_evaluate() { # engine
  local engine=$1 module; module=$(python3 -c "
import json; a = json.load(open('$OUT/analysis-$SUBSET.json'))
print([n['id'] for n in a['nodes'] if n['kind'] == 'bundle'][0])")
  local line; line=$("$ARKPACK" --engine "$engine" split evaluate --analysis "$OUT/analysis-$SUBSET.json" --module "$module" --out "$OUT/evaluation.json" 2>&1 >/dev/null | tail -1)
  echo "| evaluate | $engine | $module on the $SUBSET-jar analysis | $line |"
}

echo "| step | engine | input | time | rate | peak RSS |"
echo "| --- | --- | --- | --- | --- | --- |"
for engine in component native; do
  run_analyze "$engine" "$SUBSET"
  run_analyze "$engine" "${#ALL[@]}"
done
for engine in component native; do run_evaluate "$engine"; done
