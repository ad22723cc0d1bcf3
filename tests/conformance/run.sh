#!/usr/bin/env bash
# Cross-host conformance: installs both JVM plugins (embedding target/release/arkpack), then builds every
# fixture in tests/conformance/fixtures with every host's runner (Maven, Gradle) and requires byte-identical
# ark-biz, executable and ark-plugin jars. Exits non-zero on any difference or failure.
# Usage: tests/conformance/run.sh [--no-install] [fixture names...]
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = "--no-install" ]; then
  shift
else
  echo "== install arkpack-maven-plugin and arkpack-gradle-plugin"
  mvn -B -q -f host-maven/pom.xml install -Darkpack.binary="$PWD/target/release/arkpack" -DskipTests -Dinvoker.skip
  mvn -B -q -f host-gradle/pom.xml install -Darkpack.binary="$PWD/target/release/arkpack"
fi
echo "== conformance (tests/conformance)"
python3 tests/conformance/conformance.py "$@"
