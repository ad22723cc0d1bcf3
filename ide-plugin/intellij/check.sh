#!/usr/bin/env bash
# Checks the IntelliJ plugin as far as this machine allows (the IntelliJ SDK and the Gradle Plugin Portal
# are unreachable here, so `gradle buildPlugin` cannot run):
#   1. the SDK-free package dev.arkpack.intellij.cli compiles with javac --release 17 and its JUnit 5
#      tests pass (Debian's junit5 jars; with ARKPACK_BIN set, one test runs the real arkpack);
#   2. every source (the IDE glue too) parses, imports only allowed packages, and plugin.xml is sound;
#   3. ProjectFacts.java (the project-model glue) compiles against Debian's IntelliJ 2018.3 headless API
#      jars (libintellij-platform-api-java & co.), when they are installed. The tool window and JCEF
#      classes are not in those jars, so SplitPanel and SplitToolWindowFactory are only parsed.
# Usage: ide-plugin/intellij/check.sh   (needs: apt-get install junit5; optional: the libintellij-*-java jars)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${ARKPACK_INTELLIJ_CHECK_OUT:-$here/../../target/intellij-check}"
rm -rf "$out"
mkdir -p "$out/classes" "$out/test-classes"
cp="/usr/share/java/junit-jupiter-api.jar:/usr/share/java/apiguardian-api.jar:/usr/share/java/opentest4j.jar:/usr/share/java/junit-platform-commons.jar"
for jar in ${cp//:/ }; do
  [ -f "$jar" ] || { echo "check.sh: missing $jar (apt-get install junit5)" >&2; exit 1; }
done

echo "== javac --release 17: dev.arkpack.intellij.cli (no IntelliJ types)"
javac --release 17 -Xlint:all -Werror -d "$out/classes" $(find "$here/src/main/java/dev/arkpack/intellij/cli" -name '*.java' | sort)
javac --release 17 -Xlint:all -d "$out/test-classes" -cp "$out/classes:$cp" $(find "$here/src/test/java" -name '*.java' | sort)

echo "== JUnit 5 (junit-platform-console-standalone)"
java -jar /usr/share/java/junit-platform-console-standalone.jar \
  -cp "$out/classes:$out/test-classes" --select-package dev.arkpack.intellij.cli \
  --disable-banner --disable-ansi-colors --details=tree --reports-dir "$out/reports"

echo "== parse check of all sources and plugin.xml"
java "$here/check/ParseCheck.java" "$here/src/main/java" "$here/src/main/resources/META-INF/plugin.xml"

if [ -f /usr/share/java/intellij-platform-api.jar ]; then
  echo "== javac: ProjectFacts.java against the IntelliJ 2018.3 (183.5153.4) headless API jars from Debian"
  ij_cp="$(ls /usr/share/java/intellij-*.jar /usr/share/java/jdom2-intellij.jar /usr/share/java/libtrove-intellij.jar | tr '\n' ':')"
  mkdir -p "$out/ij183"
  javac --release 17 -proc:none -d "$out/ij183" -cp "$ij_cp" \
    $(find "$here/src/main/java/dev/arkpack/intellij/cli" -name '*.java' | sort) "$here/src/main/java/dev/arkpack/intellij/ProjectFacts.java"
  echo "ok: ProjectFacts compiles against the 2018.3 platform API"
else
  echo "== skipped: the IntelliJ 2018.3 API jars are not installed (apt-get install libintellij-platform-api-java ...)"
fi
