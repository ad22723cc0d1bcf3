#!/usr/bin/env python3
"""Tests of the Gradle host: real, offline builds with Debian's Gradle 4.4.1.

Each test generates a Gradle project from a fixture description (fixtures here, or the conformance
fixtures in tests/conformance/fixtures) with tests/conformance/runners/gradle.py, runs Gradle on it against
a local Maven-layout repository filled from ~/.m2 (host-gradle/target/test-repo), and asserts exact results:
jar entries, manifest values, the request the plugin wrote, task outcomes and error messages.

    python3 host-gradle/src/test/gradle_tests.py            # every test
    python3 host-gradle/src/test/gradle_tests.py up_to_date # some tests (names below)

Prints `ok`/`FAIL` per check and a summary line; exits non-zero on any failure.
"""

import json
import os
import re
import shutil
import sys
import time
import traceback
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
HOST = os.path.dirname(os.path.dirname(HERE))
REPO_ROOT = os.path.dirname(HOST)
sys.path.insert(0, os.path.join(REPO_ROOT, "tests", "conformance"))
sys.path.insert(0, os.path.join(REPO_ROOT, "tests", "e2e"))

import run_e2e  # noqa: E402  (parse_manifest)
from runners import common, gradle, gradle_repo  # noqa: E402

TARGET = os.path.join(HOST, "target", "gradle-tests")
TEST_REPO = os.path.join(HOST, "target", "test-repo")
CACHE = os.path.join(TARGET, "arkpack-cache")
FIXTURES = os.path.join(HERE, "fixtures")
CONFORMANCE_FIXTURES = os.path.join(REPO_ROOT, "tests", "conformance", "fixtures")

checks = {"passed": 0, "failed": 0}


class Failed(Exception):
    pass


def log(msg):
    print(msg, flush=True)


def check(cond, what):
    if cond:
        checks["passed"] += 1
        log("  ok   " + what)
    else:
        checks["failed"] += 1
        log("  FAIL " + what)
        raise Failed(what)


def fixture(name):
    path = os.path.join(FIXTURES, name)
    if not os.path.isdir(path):
        path = os.path.join(CONFORMANCE_FIXTURES, name)
    return common.load_fixture(path)


def project(fx, test):
    work = os.path.join(TARGET, test)
    gradle.write_project(fx, work)
    return work


def run(work, tasks, test, extra_args=(), env=None):
    """Gradle with plain console (task outcomes visible) and a fresh embedded-binary cache per test folder."""
    env = dict({"ARKPACK_CACHE_DIR": CACHE}, **(env or {}))
    args = ["--console=plain", *extra_args]
    log_path = os.path.join(TARGET, f"{test}-{int(time.time() * 1000)}.log")
    return gradle.run_gradle(work, TEST_REPO, tasks, log_path, args, env)


def outcome(output, task):
    """`:arkBiz UP-TO-DATE` (Gradle 4.4's plain console; `> Task :arkBiz UP-TO-DATE` in later ones) ->
    'UP-TO-DATE'; executed -> 'EXECUTED'; absent -> None."""
    m = re.search(rf"^(?:> Task )?:{task}( [A-Z-]+)?\s*$", output, re.M)
    if not m:
        return None
    return (m.group(1) or " EXECUTED").strip()


def entries(jar):
    with zipfile.ZipFile(jar) as z:
        return z.namelist()


def manifest(jar):
    with zipfile.ZipFile(jar) as z:
        return run_e2e.parse_manifest(z.read("META-INF/MANIFEST.MF").decode("utf-8"))


def libs(jar):
    return sorted(n for n in entries(jar) if n.startswith("lib/") and n.endswith(".jar"))


# ---------------------------------------------------------------- tests

def test_web_module():
    """The Spring-Boot-style module: manifest values, lib/ set, executable jar, request facts."""
    fx = fixture("biz-web")
    work = project(fx, "web_module")
    code, out = run(work, ["build"], "web_module")
    check(code == 0, "gradle build succeeds")
    check(outcome(out, "arkBiz") == "EXECUTED", "`build` runs arkBiz (assemble depends on it)")
    biz = os.path.join(work, "build", "libs", "biz-web-1.0.0-ark-biz.jar")
    m = manifest(biz)
    check((m.get("Ark-Biz-Name"), m.get("Ark-Biz-Version"), m.get("priority"), m.get("web-context-path"))
          == ("web", "1.0.0", "200", "web"), "manifest: Ark-Biz-Name web, version 1.0.0, priority 200, web-context-path web")
    check(m.get("Start-Class") == "com.example.web.WebApplication", "Start-Class found in the bytecode")
    check(m.get("deny-import-packages") == "com.example.secret,org.example.hidden", "deny-import-packages from a list option")
    check(m.get("build-time") == "2024-01-01T00:00:00+0000", "build-time from arkpack.outputTimestamp")
    check(libs(biz) == ["lib/commons-io-2.11.0.jar", "lib/commons-lang3-3.12.0.jar"],
          f"lib/ holds implementation and runtimeOnly libraries, not compileOnly ones: {libs(biz)}")
    declared = set(m.get("declared-libraries", "").split(","))
    check({"biz-web", "commons-io", "commons-lang3", "spring-boot"} <= declared,
          "declared-libraries names the project, its libraries and the provided spring-boot")
    exe = os.path.join(work, "build", "libs", "biz-web-1.0.0-ark-executable.jar")
    names = entries(exe)
    check("SOFA-ARK/biz/biz-web-1.0.0-ark-biz.jar" in names and any(n.startswith("SOFA-ARK/container/") for n in names),
          "the executable jar holds the biz and the sofa-ark-all 2.3.0 container")
    req = json.load(open(os.path.join(work, "build", "sofa-ark", "arkpack-request.json"), encoding="utf-8"))
    scopes = {(l["artifactId"], l["scope"]) for l in req["libraries"]}
    check(("commons-lang3", "compile") in scopes and ("commons-io", "runtime") in scopes and ("spring-boot", "provided") in scopes,
          "scopes: implementation -> compile, runtimeOnly -> runtime, compileOnly -> provided")
    check(req["confDir"].endswith("/conf") and req["module"]["jar"].endswith("build/libs/biz-web-1.0.0.jar"),
          "the request names conf/ as a folder and the jar task's output as the module")
    check(len(os.listdir(os.path.join(CACHE, "bin"))) == 1, "the embedded arkpack was unpacked by sha256 into ARKPACK_CACHE_DIR")


def test_up_to_date():
    """Second run UP-TO-DATE; a rule file, an option or a dependency change reruns arkBiz."""
    fx = fixture("biz-provided-conf")
    work = project(fx, "up_to_date")
    code, out = run(work, ["arkBiz"], "up_to_date")
    check(code == 0 and outcome(out, "arkBiz") == "EXECUTED", "first run executes arkBiz")
    biz = os.path.join(work, "build", "libs", "biz-provided-conf-2.1.0-SNAPSHOT-ark-biz.jar")
    check("conf/ark/bootstrap.properties" in entries(biz) and "conf/extra/notes.txt" in entries(biz),
          "every file under conf/ is packaged")
    check(libs(biz) == ["lib/commons-lang3-3.12.0.jar", "lib/export/jsr305-3.0.2.jar"],
          f"compileOnly servlet-api stays out; injectPluginDependencies goes to lib/export/: {libs(biz)}")
    first = open(biz, "rb").read()
    code, out = run(work, ["arkBiz"], "up_to_date")
    check(code == 0 and outcome(out, "arkBiz") == "UP-TO-DATE", "second run: arkBiz UP-TO-DATE")
    rules = os.path.join(work, "conf", "ark", "rules.txt")
    with open(rules, "w", encoding="utf-8") as f:
        f.write("# an empty rules file\n")
    code, out = run(work, ["arkBiz"], "up_to_date")
    check(code == 0 and outcome(out, "arkBiz") == "EXECUTED", "a new conf/ark/rules.txt reruns arkBiz")
    check("conf/ark/rules.txt" in entries(biz), "and is packaged")
    with open(rules, "a", encoding="utf-8") as f:
        f.write("# changed\n")
    code, out = run(work, ["arkBiz"], "up_to_date")
    check(code == 0 and outcome(out, "arkBiz") == "EXECUTED", "changing conf/ark/rules.txt reruns arkBiz")
    code, out = run(work, ["arkBiz"], "up_to_date")
    check(code == 0 and outcome(out, "arkBiz") == "UP-TO-DATE", "then it is UP-TO-DATE again")
    os.remove(rules)
    run(work, ["arkBiz"], "up_to_date")
    check(open(biz, "rb").read() == first, "back to the first conf/: the same bytes as the first run (reproducible)")
    build = os.path.join(work, "build.gradle")
    text = open(build, encoding="utf-8").read()
    with open(build, "w", encoding="utf-8") as f:
        f.write(text.replace("arkpack {\n", "arkpack {\n    priority = 300\n", 1))
    code, out = run(work, ["arkBiz"], "up_to_date")
    check(code == 0 and outcome(out, "arkBiz") == "EXECUTED" and manifest(biz).get("priority") == "300",
          "changing an option (priority) reruns arkBiz")
    with open(build, "w", encoding="utf-8") as f:
        f.write(text.replace("commons-lang3:3.12.0", "commons-lang3:3.13.0"))
    code, out = run(work, ["arkBiz"], "up_to_date")
    check(code == 0 and outcome(out, "arkBiz") == "EXECUTED" and "lib/commons-lang3-3.13.0.jar" in libs(biz),
          "changing a dependency version reruns arkBiz")


def test_graph():
    """Gradle's exclude and dependency substitution are honoured; scopes and graph facts come from the graph."""
    fx = fixture("graph")
    work = project(fx, "graph")
    code, out = run(work, ["arkBiz"], "graph")
    check(code == 0, "gradle arkBiz succeeds")
    biz = os.path.join(work, "build", "libs", "graph-1.0.0-ark-biz.jar")
    check(libs(biz) == ["lib/commons-beanutils-1.9.4.jar", "lib/commons-collections4-4.4.jar",
                        "lib/commons-io-2.11.0.jar", "lib/commons-lang3-3.12.0.jar"],
          f"lib/: commons-logging excluded, commons-collections substituted by commons-collections4: {libs(biz)}")
    req = json.load(open(os.path.join(work, "build", "sofa-ark", "arkpack-request.json"), encoding="utf-8"))
    by = {l["artifactId"]: l for l in req["libraries"]}
    check(by["commons-lang3"]["scope"] == "runtime" and by["commons-collections4"]["scope"] == "compile",
          "runtimeOnly -> runtime; a transitive implementation library -> compile")
    check(by["commons-collections4"].get("parent") == "commons-beanutils:commons-beanutils:jar"
          and "parent" not in by["commons-beanutils"],
          "parent: the substituted library hangs under beanutils; a direct one has none")
    check(by["commons-beanutils"].get("dependsOn") == ["org.apache.commons:commons-collections4:jar"],
          f"dependsOn names the library resolved for the edge: {by['commons-beanutils'].get('dependsOn')}")


def test_bad_priority():
    fx = fixture("bad-priority")
    work = project(fx, "bad_priority")
    code, out = run(work, ["arkBiz"], "bad_priority")
    check(code != 0, "the build fails")
    check(re.search(r'invalid arkpack\.priority: "high" is not an integer', out) is not None,
          "the error names arkpack.priority and the value")
    check(not os.path.exists(os.path.join(work, "build", "libs", "bad-priority-1.0.0-ark-biz.jar")), "no jar is left behind")


def test_plugin():
    """The ark-plugin project with dev.arkpack.ark-plugin: assemble makes the plugin, not a biz."""
    fx = fixture("plugin-basic")
    work = project(fx, "plugin")
    code, out = run(work, ["assemble"], "plugin")
    check(code == 0 and outcome(out, "arkPlugin") == "EXECUTED" and outcome(out, "arkBiz") is None,
          "assemble runs arkPlugin and not arkBiz")
    plugin = os.path.join(work, "build", "libs", "greeter.ark.plugin")
    m = manifest(plugin)
    check((m.get("pluginName"), m.get("priority"), m.get("activator"), m.get("export-mode"))
          == ("greeter", "1500", "com.example.plugin.GreeterActivator", "override"), "manifest values from arkPlugin { }")
    check(m.get("import-packages") == "org.slf4j,org.apache.commons.io.*" and m.get("export-packages") == "com.example.plugin.api.*",
          "nested exported { } / imported { } blocks")
    check(libs(plugin) == ["lib/commons-lang3-3.12.0.jar"], f"lib/: excludes and excludeGroupIds applied, provided out: {libs(plugin)}")
    check("javax/annotation/Nonnull.class" in entries(plugin), "the shaded jsr305 is unpacked at the root")
    code, out = run(work, ["assemble"], "plugin")
    check(code == 0 and outcome(out, "arkPlugin") == "UP-TO-DATE", "second run: arkPlugin UP-TO-DATE")


def test_plugin_bad_activator():
    fx = fixture("plugin-bad-activator")
    work = project(fx, "plugin_bad_activator")
    code, out = run(work, ["arkPlugin"], "plugin_bad_activator")
    check(code != 0 and "invalid arkPlugin.activator: com.example.badplugin.MissingActivator" in out,
          "the build fails and names arkPlugin.activator and the class")


def test_executable_override():
    """ARKPACK_BIN and arkpack.executable replace the embedded binary; a bad one is named."""
    fx = fixture("bad-priority")
    work = project(fx, "executable_override")
    code, out = run(work, ["arkBiz"], "executable_override", env={"ARKPACK_BIN": "/nonexistent/arkpack"})
    check(code != 0 and "the environment variable ARKPACK_BIN names /nonexistent/arkpack" in out,
          "ARKPACK_BIN is used and a bad one is named")
    with open(os.path.join(work, "build.gradle"), "a", encoding="utf-8") as f:
        f.write("arkpack { executable = '/nonexistent/other' }\n")
    code, out = run(work, ["arkBiz"], "executable_override")
    check(code != 0 and "arkpack.executable names /nonexistent/other" in out, "arkpack.executable wins and is named")


def test_slimming():
    """Slimming rules from conf/ark/rules.txt (read by arkpack) and arkpack { } options, with graph facts."""
    fx = fixture("biz-slimming")
    work = project(fx, "slimming")
    code, out = run(work, ["arkBiz"], "slimming")
    check(code == 0, "gradle arkBiz succeeds")
    biz = os.path.join(work, "build", "libs", "biz-slimming-1.0.0-ark-biz.jar")
    check(libs(biz) == fx["expectedLib"], f"lib/ is exactly {fx['expectedLib']}: {libs(biz)}")
    results = json.load(open(os.path.join(work, "build", "sofa-ark", "module-slim-results.json"), encoding="utf-8"))
    check(results["excluded"] == ["com.google.code.findbugs:jsr305:jar", "commons-beanutils:commons-beanutils:jar",
                                  "commons-codec:commons-codec:jar", "commons-collections:commons-collections:jar",
                                  "org.apache.commons:commons-lang3:jar", "org.slf4j:slf4j-api:jar"],
          "module-slim-results.json: rules.txt (beanutils with its commons-collections, jsr305), excludeGroupIds "
          "(slf4j) and the base parent's managed libraries (commons-lang3, commons-codec); commons-logging included")
    req = json.load(open(os.path.join(work, "build", "sofa-ark", "arkpack-request.json"), encoding="utf-8"))
    parents = req.get("parents", [])
    check([p["artifactId"] for p in parents] == ["spring-boot-dependencies"] and len(parents[0]["managed"]) > 400,
          "parents: the resolved spring-boot-dependencies POM with its own managed entries")
    code, out = run(work, ["arkWhy", "-Partifact=commons-collections:commons-collections"], "slimming")
    check(code == 0 and "commons-beanutils" in out, "arkWhy explains commons-collections through commons-beanutils")


TESTS = [test_web_module, test_up_to_date, test_graph, test_bad_priority, test_plugin, test_plugin_bad_activator,
         test_executable_override, test_slimming]


def main(argv):
    wanted = [t for t in TESTS if not argv or t.__name__[5:] in argv]
    shutil.rmtree(TARGET, ignore_errors=True)
    os.makedirs(TARGET)
    gradle_repo.seed([gradle.PLUGIN], TEST_REPO)
    started = time.time()
    failed = []
    for t in wanted:
        log(f"\n=== {t.__name__[5:]}: {(t.__doc__ or '').strip().splitlines()[0] if t.__doc__ else ''}")
        try:
            t()
        except Failed as e:
            failed.append((t.__name__, str(e)))
        except Exception as e:  # an unexpected error is a failure, never a skip
            traceback.print_exc()
            failed.append((t.__name__, f"{type(e).__name__}: {e}"))
    log(f"\ngradle host: {len(wanted) - len(failed)} of {len(wanted)} tests passed, "
        f"{checks['passed']} checks ok, {checks['failed']} failed ({time.time() - started:.0f} s)")
    for name, why in failed:
        log(f"  FAIL {name}: {why}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
