#!/usr/bin/env bash
# Tests the Gradle host: builds and installs the plugin (embedding target/release/arkpack), then runs real,
# offline Gradle 4.4.1 builds of the fixture projects (src/test/gradle_tests.py) and, unless --no-e2e, the
# Koupleless end-to-end run on a jar built by Gradle (src/test/e2e_gradle.py). Exits non-zero on failure.
# Usage: host-gradle/test.sh [--no-e2e] [test names for gradle_tests.py...]
set -euo pipefail
cd "$(dirname "$0")/.."
e2e=1
if [ "${1:-}" = "--no-e2e" ]; then e2e=0; shift; fi
command -v gradle >/dev/null || { echo "host-gradle/test.sh: gradle is missing (apt-get install gradle)" >&2; exit 1; }
echo "== build and install arkpack-gradle-plugin"
mvn -B -q -f host-gradle/pom.xml install -Darkpack.binary="$PWD/target/release/arkpack"
echo "== Gradle host tests (real gradle --offline builds)"
python3 host-gradle/src/test/gradle_tests.py "$@"
if [ "$e2e" = 1 ]; then
  echo "== Koupleless end to end on a biz jar built by Gradle (needs arkpack-maven-plugin installed)"
  python3 host-gradle/src/test/e2e_gradle.py
fi
