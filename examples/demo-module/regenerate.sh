#!/usr/bin/env bash
# Rebuilds the example's compiled classes and library jar from the sources beside this script.
# The outputs are checked in so the example (and the tests that use it) need no compiler.
# javac --release 8 and `jar --date` keep the bytes the same on every run with the same JDK.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf classes lib build
mkdir -p classes lib build/greeting
javac --release 8 -d build/greeting libsrc/demo-greeting/com/example/greeting/Greeter.java
jar --create --date=1980-02-01T00:00:02Z --file lib/demo-greeting-1.0.0.jar -C build/greeting .
javac --release 8 -cp lib/demo-greeting-1.0.0.jar -d classes src/main/java/com/example/demo/*.java
cp src/main/resources/* classes/
rm -rf build
