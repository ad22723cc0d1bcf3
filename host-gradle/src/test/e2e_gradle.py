#!/usr/bin/env python3
"""End to end with the Gradle host: the real Koupleless base test (tests/e2e/run_e2e.py) on a biz jar that
arkpack's Gradle plugin built.

It reuses run_e2e.py unchanged, as a module: its Maven build makes the base (and the Maven module, whose
resolved dependency list gives the versions Spring Boot's parent picked). Then this script builds the same
module sources (tests/e2e/line-<x>/module/src) with Debian's Gradle 4.4.1, offline, applying `dev.arkpack`
configured as the Maven module configures the Maven plugin (bizName, webContextPath, declaredMode,
skipArkExecutable, outputTimestamp), and hands the Gradle jar to run_e2e's checks and runtime steps: static
checks, then the base installs it through arklet, serves its endpoint, refuses a repeat, uninstalls it.

The CLI cross-check of run_e2e.py (same bytes from a request written from Maven's facts) is replaced by a
host cross-check: the Gradle jar against the Maven plugin's jar of the same module. They must have the same
entry names, the same lib/ jars with the same bytes, and the same manifest, apart from what comes from the
module jars themselves: maven-jar-plugin's Created-By, Build-Jdk-Spec and Implementation-* lines and its
META-INF/maven/<groupId>/<artifactId>/pom.xml.

    python3 host-gradle/src/test/e2e_gradle.py [--line a|b] [--no-build]
"""

import argparse
import os
import re
import shutil
import sys
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
HOST = os.path.dirname(os.path.dirname(HERE))
REPO_ROOT = os.path.dirname(HOST)
sys.path.insert(0, os.path.join(REPO_ROOT, "tests", "e2e"))
sys.path.insert(0, os.path.join(REPO_ROOT, "tests", "conformance"))

import run_e2e  # noqa: E402
from runners import common, gradle, gradle_repo  # noqa: E402

WORK = os.path.join(HOST, "target", "e2e")
TEST_REPO = os.path.join(HOST, "target", "test-repo")
RELEASE = {"a": "8", "b": "17"}
# Manifest lines maven-jar-plugin writes into the Maven module jar (Spring Boot's parent turns on the
# Implementation-* ones); arkpack keeps the module jar's manifest as the base of the biz manifest.
FROM_MODULE_JAR = ("Created-By", "Build-Jdk-Spec", "Implementation-Title", "Implementation-Version")


def gradle_module_dir(line):
    return os.path.join(WORK, f"line-{line}", "module")


def gradle_biz_jar(line):
    return os.path.join(gradle_module_dir(line), "build", "libs", f"e2e-module-{line}-ark-biz.jar")


def maven_biz_jar(line):
    return os.path.join(run_e2e.module_dir(line), "target", f"e2e-module-{line}-ark-biz.jar")


def direct_versions(line):
    """The versions Maven resolved for the module's direct dependencies (its parent manages them)."""
    libs = run_e2e.read_libraries(os.path.join(run_e2e.module_dir(line), "target", "arkpack-libraries.txt"))
    return {l["artifactId"]: l["version"] for l in libs}


def build_with_gradle(line):
    v = direct_versions(line)
    fx = {
        "name": f"e2e-line-{line}",
        "dir": run_e2e.module_dir(line),
        "kind": "biz",
        "project": {"groupId": run_e2e.GROUP_ID, "artifactId": f"e2e-module-{line}", "version": run_e2e.MODULE_VERSION},
        "dependencies": [
            {"groupId": "org.springframework.boot", "artifactId": "spring-boot-starter-web",
             "version": v["spring-boot-starter-web"], "scope": "provided"},
            {"groupId": "com.alipay.sofa.koupleless", "artifactId": "koupleless-app-starter",
             "version": v["koupleless-app-starter"], "scope": "provided"},
            {"groupId": "org.apache.commons", "artifactId": "commons-lang3", "version": v["commons-lang3"], "scope": "compile"},
        ],
        "options": {"bizName": f"e2e-module-{line}", "webContextPath": f"e2e-{line}", "declaredMode": True,
                    "skipArkExecutable": True},
        "outputTimestamp": "2024-01-01T00:00:00Z",
    }
    work = gradle_module_dir(line)
    # only src/ of the Maven module (its target/ and pom.xml stay behind)
    common.copy_sources(fx["dir"], work)
    for name in os.listdir(work):
        if name != "src":
            shutil.rmtree(os.path.join(work, name))
    text = gradle.build_gradle(fx).replace("'--release', '8'", f"'--release', '{RELEASE[line]}'")
    with open(os.path.join(work, "settings.gradle"), "w", encoding="utf-8") as f:
        f.write(f"rootProject.name = 'e2e-module-{line}'\n")
    with open(os.path.join(work, "build.gradle"), "w", encoding="utf-8") as f:
        f.write(text)
    # the task's jar would be e2e-module-<x>-1.0.0-ark-biz.jar; run_e2e expects the Maven finalName without version
    with open(os.path.join(work, "build.gradle"), "a", encoding="utf-8") as f:
        f.write(f"arkpack {{ finalName = 'e2e-module-{line}' }}\n")
    gradle_repo.seed([gradle.PLUGIN], TEST_REPO)
    started = time.time()
    code, out = gradle.run_gradle(work, TEST_REPO, ["clean", "build"], os.path.join(WORK, f"gradle-line-{line}.log"),
                                  env={"ARKPACK_CACHE_DIR": os.path.join(WORK, "arkpack-cache")})
    if code != 0:
        run_e2e.log(out[-4000:])
        raise run_e2e.Failure(f"gradle build of the line-{line} module failed (exit {code})")
    run_e2e.log(f"  Gradle build of the module done in {time.time() - started:.1f} s")


def manifest_lines(z):
    text = z.read("META-INF/MANIFEST.MF").decode("utf-8").replace("\r\n ", "")
    return [l for l in text.replace("\r\n", "\n").split("\n") if l and not l.startswith(FROM_MODULE_JAR)]


def cross_check_hosts(line, work, gradle_jar):
    """Replaces run_e2e.cross_check_cli: the Gradle jar against the Maven plugin's jar of the same module."""
    maven_jar = maven_biz_jar(line)
    with zipfile.ZipFile(gradle_jar) as g, zipfile.ZipFile(maven_jar) as m:
        # maven-jar-plugin puts the POM into the module jar; a Gradle jar has none
        gn = sorted(g.namelist())
        mn = sorted(n for n in m.namelist() if not re.match(r"META-INF/maven/[^/]+/[^/]+/pom\.xml$", n))
        run_e2e.check(gn == mn, f"the Gradle jar has the Maven plugin's entries ({len(gn)})"
                      + ("" if gn == mn else f": only Gradle {sorted(set(gn) - set(mn))}, only Maven {sorted(set(mn) - set(gn))}"))
        libs = [n for n in gn if n.startswith("lib/") and n.endswith(".jar")]
        same = [n for n in libs if g.read(n) == m.read(n)]
        run_e2e.check(same == libs and libs, f"lib/ jars have the same bytes ({', '.join(libs)})")
        gl, ml = manifest_lines(g), manifest_lines(m)
        run_e2e.check(gl == ml, "the manifests agree apart from the lines maven-jar-plugin wrote into the Maven module jar"
                      + ("" if gl == ml else f": {sorted(set(gl) ^ set(ml))}"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--line", action="append", choices=sorted(run_e2e.LINES))
    parser.add_argument("--no-build", action="store_true", help="reuse the last Maven and Gradle builds")
    args = parser.parse_args()
    lines = args.line or sorted(run_e2e.LINES)
    started = time.time()
    try:
        if not args.no_build:
            run_e2e.build_with_maven(lines)
            for line in lines:
                build_with_gradle(line)
    except run_e2e.Failure as e:
        run_e2e.log(f"FAIL setup: {e}")
        return 1
    # run_e2e's steps, on the Gradle jar
    run_e2e.plugin_biz_jar = gradle_biz_jar
    run_e2e.cross_check_cli = cross_check_hosts
    run_e2e.PLUGIN = "dev.arkpack:arkpack-gradle-plugin"
    results = {}
    for line in lines:
        t = time.time()
        try:
            run_e2e.run_line(line)
            results[line] = ("PASS", "")
        except run_e2e.Failure as e:
            results[line] = ("FAIL", str(e))
        except Exception as e:  # an unexpected error is a failure too
            results[line] = ("FAIL", f"{type(e).__name__}: {e}")
        run_e2e.log(f"=== {results[line][0]} line ({line}) in {time.time() - t:.1f} s {results[line][1]}")
    run_e2e.log("\nSummary (biz jars built by the Gradle plugin):")
    for line in lines:
        status, why = results[line]
        run_e2e.log(f"  {status}  {run_e2e.LINES[line]['title']} [gradle]" + (f": {why}" if why else ""))
    ok = all(s == "PASS" for s, _ in results.values())
    run_e2e.log(f"{'PASS' if ok else 'FAIL'} ({time.time() - started:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
