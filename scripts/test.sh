#!/usr/bin/env bash
# Runs every test: lints, the Rust suites (core unit tests and fuzzing, goldens, reproducibility,
# bad input, the CLI on the component and natively), then the JVM suite that opens our jars with the
# JDK and the real SOFAArk 2.x and 3.x classes from Maven Central and launches an executable ark jar.
# Usage: scripts/test.sh   (ARKPACK_FUZZ_ROUNDS=N for longer fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."
log_dir=target/test-logs
mkdir -p "$log_dir"

scripts/install-deps.sh

echo "== cargo clippy (native and wasm32)"
cargo clippy --locked --workspace --all-targets --release -- -D warnings
cargo clippy --locked -p arkpack-core --target wasm32-wasip2 --release -- -D warnings

echo "== arkpack and the Maven plugin it embeds (the split apply test packages its carved module with it)"
cargo build --locked --release -p arkpack
mvn -B -q -f host-maven/pom.xml install -DskipTests -Dinvoker.skip -Darkpack.binary="$PWD/target/release/arkpack"

echo "== cargo test"
rm -rf target/arkpack-cases
cargo test --locked --workspace --release 2>&1 | tee "$log_dir/cargo.log"

echo "== JVM conformance (tests/jvm)"
mvn -B -f tests/jvm/pom.xml test -Darkpack.cases=target/arkpack-cases -Darkpack.bin=target/release/arkpack 2>&1 | tee "$log_dir/mvn.log"

echo "== Maven host (host-maven: real mvn builds of the fixture projects in src/it)"
# `install` (not only `verify`): the end-to-end projects below build with the installed plugin.
mvn -B -f host-maven/pom.xml install -Darkpack.binary="$PWD/target/release/arkpack" 2>&1 | tee "$log_dir/maven-host.log"

echo "== Gradle host (host-gradle: real Gradle 4.4.1 builds, offline, and the end-to-end run on a Gradle-built jar)"
host-gradle/test.sh 2>&1 | tee "$log_dir/gradle-host.log"

echo "== Cross-host conformance (tests/conformance: Maven and Gradle give byte-identical jars)"
tests/conformance/run.sh --no-install 2>&1 | tee "$log_dir/conformance.log"

echo "== Split view (ide-plugin/web: typecheck, unit tests, Playwright + headless Chromium against arkpack split serve and with the core in the page)"
(cd ide-plugin/web && ARKPACK_BIN="$PWD/../../target/release/arkpack" npm test) 2>&1 | tee "$log_dir/view.log"

echo "== IntelliJ plugin checks that run without the SDK (ide-plugin/intellij/check.sh)"
ARKPACK_BIN="$PWD/target/release/arkpack" ide-plugin/intellij/check.sh 2>&1 | tee "$log_dir/intellij.log"

echo "== Koupleless end to end (tests/e2e: a real base on each line installs and serves an arkpack biz)"
ARKPACK_BIN="$PWD/target/release/arkpack" python3 tests/e2e/run_e2e.py 2>&1 | tee "$log_dir/e2e.log"

echo "== Koupleless base carrying arkpack plugins (tests/e2e-plugin: a module uses classes the plugins export)"
ARKPACK_BIN="$PWD/target/release/arkpack" python3 tests/e2e-plugin/run_e2e_plugin.py 2>&1 | tee "$log_dir/e2e-plugin.log"

echo "== Koupleless base made of a split monolith (tests/e2e-split: the module arkpack split apply carved runs in it)"
ARKPACK_BIN="$PWD/target/release/arkpack" python3 tests/e2e-split/run_e2e_split.py 2>&1 | tee "$log_dir/e2e-split.log"

# One closing line for all runners: cargo's "test result" lines, Surefire's per-module totals and
# the Maven invoker's build results.
read -r cargo_passed cargo_failed < <(grep -E '^test result:' "$log_dir/cargo.log" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/' | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
read -r mvn_run mvn_failed < <(grep -E 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log_dir/mvn.log" | sed -E 's/.*Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+)$/\1 \2 \3 \4/' | awk '{r+=$1-$4-$2-$3; f+=$2+$3} END {print r+0, f+0}')
read -r it_passed it_failed < <(grep -E 'Passed: [0-9]+, Failed: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+' "$log_dir/maven-host.log" | tail -1 | sed -E 's/.*Passed: ([0-9]+), Failed: ([0-9]+), Errors: ([0-9]+).*/\1 \2 \3/' | awk '{print $1+0, $2+$3}')
read -r gradle_passed gradle_failed < <(grep -E '^gradle host: [0-9]+ of [0-9]+ tests passed' "$log_dir/gradle-host.log" | tail -1 | sed -E 's/gradle host: ([0-9]+) of ([0-9]+).*/\1 \2/' | awk '{print $1+0, $2-$1}')
read -r conf_passed conf_failed < <(grep -E '^conformance: [0-9]+ passed, [0-9]+ failed' "$log_dir/conformance.log" | tail -1 | sed -E 's/conformance: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/')
echo
# The end-to-end scripts' summaries have one "  PASS  " or "  FAIL  " line per Koupleless line (e2e-split: one).
e2e_logs=("$log_dir/e2e.log" "$log_dir/e2e-plugin.log" "$log_dir/e2e-split.log" "$log_dir/gradle-host.log")
e2e_passed=$(cat "${e2e_logs[@]}" | grep -cE '^  PASS  ' || true)
e2e_failed=$(cat "${e2e_logs[@]}" | grep -cE '^  FAIL  ' || true)
read -r view_passed view_failed < <(grep -E '^# (pass|fail) [0-9]+$' "$log_dir/view.log" | awk '$2=="pass"{p+=$3} $2=="fail"{f+=$3} END {print p+0, f+0}')
read -r ij_passed ij_failed < <(grep -E '\[ +[0-9]+ tests (successful|failed) +\]' "$log_dir/intellij.log" | sed -E 's/.*\[ +([0-9]+) tests (successful|failed).*/\2 \1/' | awk '$1=="successful"{p=$2} $1=="failed"{f=$2} END {print p+0, f+0}')
passed=$((cargo_passed + mvn_run + it_passed + gradle_passed + conf_passed + view_passed + ij_passed + e2e_passed))
failed=$((cargo_failed + mvn_failed + it_failed + gradle_failed + conf_failed + view_failed + ij_failed + e2e_failed))
echo "$passed passed, $failed failed"
