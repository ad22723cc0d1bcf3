#!/usr/bin/env python3
"""End-to-end test of arkpack's ark-plugin jars in a real Koupleless base.

For each runtime line (see README.md) it:
  1. builds with Maven an ark plugin (greeter-plugin-<x>, made by arkpack-maven-plugin's goal ark-plugin),
     a Koupleless base that carries it as an ordinary dependency (so it lands in the fat jar's
     BOOT-INF/lib/), and a web module (ark-biz made by the goal repackage) that uses the class the plugin
     exports, with the plugin as a `provided` dependency;
  2. checks the three jars: the plugin's mark, manifest and STORED lib/; the plugin inside the base;
     no plugin class and no plugin jar in the biz;
  3. starts the base with `java -jar` on free loopback ports, waits until it is ready, and checks from
     its logs that SOFAArk started the plugin (its activator ran in SOFAArk's PluginClassLoader);
  4. installs the biz through the arklet HTTP API, calls the module's endpoints through the base's
     Tomcat and checks that the module got the exported class from the plugin (not from its own lib/),
     that the container knows the plugin with our export-mode and export-packages, and that the
     plugin's own classes and its lib/ jar load in the plugin's PluginClassLoader; uninstalls the biz;
  5. always stops the base and, when a step failed, prints the tail of its logs.

One command, no questions asked; prints `ok`/`FAIL` per check, `PASS`/`FAIL` per line and exits non-zero
on any failure. Nothing is skipped: a missing Maven plugin, JDK, Maven or jar is a failure. The Maven
plugin must be in the local repository: `mvn -B -f host-maven/pom.xml install -DskipTests -Dinvoker.skip`.

    python3 tests/e2e-plugin/run_e2e_plugin.py              # both lines
    python3 tests/e2e-plugin/run_e2e_plugin.py --line b     # one line
    python3 tests/e2e-plugin/run_e2e_plugin.py --no-build   # reuse the jars of a previous Maven build

Environment: JAVA (default `java`), MVN (default `mvn`), MVN_ARGS (extra Maven arguments, e.g. "-o"),
ARKPACK_BIN (an arkpack binary for the Maven plugin to run instead of its embedded one).
"""

import argparse
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "tests", "e2e"))

import run_e2e  # noqa: E402  (the base, arklet and HTTP helpers all e2e scripts share)
from run_e2e import INSTALL_TIMEOUT_S, Failure, arklet, check, http, log, parse_manifest  # noqa: E402


LINES = {
    "a": {"title": "plugin line (a): arkpack ark-plugin in Spring Boot 2.7.16 + Koupleless 1.2.2 + SOFAArk 2.2.11",
          "class_major": 52},
    "b": {"title": "plugin line (b): arkpack ark-plugin in Spring Boot 3.2.6 + Koupleless 2.1.3 + SOFAArk 3.1.4",
          "class_major": 61},
}
VERSION = "1.0.0"
MARK = "com/alipay/sofa/ark/plugin/mark"
GREETER = "com/example/greeter/api/Greeter.class"
# The two plugins: greeter-plugin (export-mode override) and shared-plugin (default export-mode, classLoader).
PLUGINS = {
    "greeter": {"api": "com.example.greeter.api", "cls": "Greeter", "activator": "com.example.greeter.internal.GreeterActivator",
                "mode": "override"},
    "shared": {"api": "com.example.shared.api", "cls": "SharedGreeter", "activator": "com.example.shared.internal.SharedActivator",
               "mode": ""},
}
PLUGIN_LOADER = "com.alipay.sofa.ark.container.service.classloader.PluginClassLoader"
BIZ_LOADER = "com.alipay.sofa.ark.container.service.classloader.BizClassLoader"
INSTALL_PLUGIN = "mvn -B -f host-maven/pom.xml install -DskipTests -Dinvoker.skip"
ARKPACK_CACHE = os.path.join(HERE, "target", "arkpack-cache")

def names(line):
    return {
        "plugin": f"greeter-plugin-{line}",
        "shared": f"shared-plugin-{line}",
        "base": f"e2e-plugin-base-{line}",
        "module": f"e2e-plugin-module-{line}",
        "ctx": f"e2e-plugin-{line}",
    }


def paths(line):
    n = names(line)
    d = os.path.join(HERE, f"line-{line}")
    return {
        "plugin": os.path.join(d, "plugin", "target", f"{n['plugin']}.ark.plugin"),
        "shared": os.path.join(d, "shared-plugin", "target", f"{n['shared']}.ark.plugin"),
        "base": os.path.join(d, "base", "target", f"{n['base']}.jar"),
        "biz": os.path.join(d, "module", "target", f"{n['module']}-ark-biz.jar"),
    }


# ---------------------------------------------------------------- Maven

def build_with_maven(lines):
    mvn = os.environ.get("MVN", "mvn")
    if shutil.which(mvn) is None:
        raise Failure(f"Maven not found ({mvn}); set MVN")
    for line in lines:  # what the run checks must come from this build
        for p in paths(line).values():
            if os.path.exists(p):
                os.remove(p)
    projects = ",".join(f"line-{l}/plugin,line-{l}/shared-plugin,line-{l}/base,line-{l}/module" for l in lines)
    cmd = [mvn, "-B", "-q", "-f", os.path.join(HERE, "pom.xml"), "-pl", projects, "-am", "package"] \
        + shlex.split(os.environ.get("MVN_ARGS", ""))
    log(f"$ ARKPACK_CACHE_DIR={ARKPACK_CACHE} " + " ".join(cmd))
    started = time.time()
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                         env=dict(os.environ, ARKPACK_CACHE_DIR=ARKPACK_CACHE))
    if res.returncode != 0:
        log(res.stdout[-6000:])
        missing = re.search(r"Plugin (dev\.arkpack:arkpack-maven-plugin:\S+) or one of its dependencies could not be "
                            r"resolved", res.stdout)
        if missing:
            raise Failure(f"{missing.group(1)} is not in the local Maven repository. Install it from the repository "
                          f"root (with target/release/arkpack built) with: {INSTALL_PLUGIN}")
        raise Failure(f"Maven build failed (exit {res.returncode})")
    log(f"  Maven build done in {time.time() - started:.1f} s")


# ---------------------------------------------------------------- the jars

def check_plugin_jar(line, work, which):
    name, jar, spec = names(line)[which if which == "shared" else "plugin"], paths(line)[
        which if which == "shared" else "plugin"], PLUGINS[which]
    check(os.path.isfile(jar), f"goal ark-plugin wrote {os.path.relpath(jar, REPO)}")
    api_class = spec["api"].replace(".", "/") + "/" + spec["cls"] + ".class"
    with zipfile.ZipFile(jar) as z:
        infos = {i.filename: i for i in z.infolist()}
        manifest = z.read("META-INF/MANIFEST.MF").decode("utf-8")
        api = z.read(api_class) if api_class in infos else b""
    with open(os.path.join(work, f"{name}-listing.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(infos) + "\n\n" + manifest)
    attrs = parse_manifest(manifest)
    mark = infos.get(MARK)
    check(mark is not None and not mark.is_dir(), f"{name}: plugin mark entry {MARK} present")
    check(attrs.get("pluginName") == name and attrs.get("version") == VERSION and attrs.get("artifactId") == name,
          f"{name}: manifest pluginName/artifactId {name}, version {VERSION}")
    check(attrs.get("activator") == spec["activator"], f"{name}: manifest activator {attrs.get('activator')!r}")
    check(attrs.get("export-mode") == spec["mode"], f"{name}: manifest export-mode {attrs.get('export-mode')!r}")
    check(attrs.get("export-packages") == spec["api"] + ".*",
          f"{name}: manifest export-packages {attrs.get('export-packages')!r}")
    check(attrs.get("export-classes") == "", f"{name}: manifest export-classes empty (exportPluginClass=false)")
    check(len(api) > 8 and int.from_bytes(api[6:8], "big") == LINES[line]["class_major"],
          f"{name}: the exported class {api_class} is at the plugin root (class file major {LINES[line]['class_major']})")
    check(spec["activator"].replace(".", "/") + ".class" in infos, f"{name}: the activator class is at the plugin root")
    libs = sorted(k for k in infos if k.startswith("lib/") and not k.endswith("/"))
    check(len(libs) == 1 and libs[0].startswith("lib/commons-codec-")
          and infos[libs[0]].compress_type == zipfile.ZIP_STORED,
          f"{name}: lib/ holds only commons-codec, STORED ({libs})")


def check_base_jar(line):
    n, p = names(line), paths(line)
    check(os.path.isfile(p["base"]), f"base fat jar {os.path.relpath(p['base'], REPO)} built")
    with zipfile.ZipFile(p["base"]) as z:
        listed = set(z.namelist())
        for key in ("plugin", "shared"):
            entry = f"BOOT-INF/lib/{n[key]}-{VERSION}.jar"
            check(entry in listed, f"the base carries {n[key]} as {entry}")
            nested = z.read(entry)
            with open(p[key], "rb") as f:
                check(nested == f.read(), f"that entry has the bytes of the {n[key]}.ark.plugin that goal ark-plugin wrote")
            with zipfile.ZipFile(io.BytesIO(nested)) as inner:
                check(MARK in inner.namelist(), "and holds the plugin mark, which is how SOFAArk's embed mode finds it")


def check_biz_jar(line):
    n, p = names(line), paths(line)
    check(os.path.isfile(p["biz"]), f"goal repackage wrote {os.path.relpath(p['biz'], REPO)}")
    with zipfile.ZipFile(p["biz"]) as z:
        entries = z.namelist()
        attrs = parse_manifest(z.read("META-INF/MANIFEST.MF").decode("utf-8"))
    check(attrs.get("Ark-Biz-Name") == n["module"] and attrs.get("web-context-path") == n["ctx"],
          f"biz manifest names {n['module']} under /{n['ctx']}")
    check(not [e for e in entries if e.startswith("com/example/")],
          "the biz has no class of either plugin at its root")
    check(not [e for e in entries if e.startswith("lib/") and not e.endswith("/")],
          f"the biz's lib/ is empty: the plugins ({n['plugin']}, {n['shared']}: provided) and commons-codec are not in it")


# ---------------------------------------------------------------- the base

def read_sofa_ark_log(work):
    for d in (os.path.join(work, "logs"), os.path.join(work, "logs", "logs")):
        path = os.path.join(d, "sofa-ark", "common-default.log")
        if os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                return f.read()
    raise Failure(f"no SOFAArk log (sofa-ark/common-default.log) under {work}/logs")


def key_values(text):
    out = {}
    for row in text.splitlines():
        if "=" in row:
            k, v = row.split("=", 1)
            out[k] = v
    return out


# ---------------------------------------------------------------- one line

def run_line(line):
    log(f"\n=== {LINES[line]['title']}")
    work = os.path.join(HERE, "target", f"run-{line}")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    n, p = names(line), paths(line)

    check_plugin_jar(line, work, "greeter")
    check_plugin_jar(line, work, "shared")
    check_base_jar(line)
    check_biz_jar(line)

    # The embedded container reads a plugin's export-* attributes only with this switch
    # (PluginFactoryServiceImpl.createEmbedPlugin); without it nothing is exported.
    with run_e2e.Base(line, work, jar=paths(line)["base"], properties=["-Dsofa.ark.plugin.export.class.enable=true"]) as base:
        web = f"http://127.0.0.1:{base.web_port}"

        ark_log = read_sofa_ark_log(work)
        started = [l.strip() for l in ark_log.splitlines() if n["plugin"] in l]
        for l in started[:6]:
            log(f"  sofa-ark log: {l}")
        for key in ("plugin", "shared"):
            check(f"Start to deploy plugin: {n[key]}" in ark_log and f"Finish to deploy plugin: {n[key]}" in ark_log,
                  f"the SOFAArk log says 'Start/Finish to deploy plugin: {n[key]}'")
        marker = f"[{n['plugin']}] GreeterActivator started plugin {n['plugin']} in {PLUGIN_LOADER}"
        check(marker in base.console(), f"{n['plugin']}'s activator ran, in SOFAArk's PluginClassLoader ({marker!r})")
        m = re.search(re.escape(f"[{n['shared']}] SharedActivator started plugin {n['shared']} in ") + r"(\S+)",
                      base.console())
        check(m is not None, f"{n['shared']}'s activator ran (in {m.group(1) if m else '?'})")
        shared_activator_loader = m.group(1)

        status, text = http("GET", f"{web}/base")
        check(status == 200 and text == f"arkpack-e2e-plugin base {line}", f"base's own endpoint answers ({status})")

        ident = {"bizName": n["module"], "bizVersion": VERSION}
        r = arklet(base.arklet_port, "installBiz", dict(ident, bizUrl="file://" + p["biz"]), timeout=INSTALL_TIMEOUT_S)
        data = r.get("data") or {}
        check(r.get("code") == "SUCCESS" and data.get("code") == "SUCCESS"
              and str(data.get("message", "")).startswith(f"Install Biz: {n['module']}:{VERSION} success"),
              f"installBiz succeeds ({data.get('message') or r.get('message')})")

        who = n["module"]
        expected = f"greetings from {n['plugin']} to {who} ({who.encode().hex()})"
        status, text = http("GET", f"{web}/{n['ctx']}/greet")
        check(status == 200 and text == expected,
              f"GET /{n['ctx']}/greet answers the plugin's string {text!r} (HTTP {status})")

        status, text = http("GET", f"{web}/{n['ctx']}/loaders")
        log("  /loaders:\n" + "".join(f"    {l}\n" for l in text.splitlines()))
        check(status == 200, f"GET /{n['ctx']}/loaders (HTTP {status})")
        kv = key_values(text)
        check(kv.get("plugin.found") == "true", f"the module sees plugin {n['plugin']} through ArkClient")
        check(kv.get("plugin.loader") == PLUGIN_LOADER,
              f"the container gave the plugin its own class loader: {kv.get('plugin.loader')}")
        check(kv.get("plugin.exportMode") == "override" and kv.get("plugin.exportPackages") == "com.example.greeter.api.*",
              f"the container read export-mode {kv.get('plugin.exportMode')!r} and export-packages "
              f"{kv.get('plugin.exportPackages')!r} from our manifest")
        check(kv.get("plugin.greeter.loader") == PLUGIN_LOADER
              and kv.get("plugin.greeter.resource", "").endswith(f"/BOOT-INF/lib/{n['plugin']}-{VERSION}.jar!/{GREETER}"),
              f"the plugin's Greeter loads in its PluginClassLoader, from the plugin jar's root "
              f"({kv.get('plugin.greeter.resource')})")
        check(kv.get("plugin.greeter.activatedBy") == n["plugin"],
              "that Greeter is the one the activator marked (activatedBy = plugin name)")
        check(kv.get("plugin.codec.loader") == PLUGIN_LOADER
              and f"/{n['plugin']}-{VERSION}.jar!/lib/commons-codec-" in kv.get("plugin.codec.source", ""),
              f"the plugin's commons-codec loads from the plugin's own lib/ ({kv.get('plugin.codec.source')})")
        # export-mode override: the importing biz defines the exported class itself, from the bytes the
        # plugin's class loader serves (AbstractClasspathClassLoader.resolveExportClass). The biz has no
        # copy of its own (checked above), so this class can only have come through the plugin's export.
        check(kv.get("greeter.loader") == BIZ_LOADER and kv.get("greeter.sameAsModuleLoader") == "true"
              and kv.get("greeter.source") == "none" and kv.get("greeter.sameAsPluginLoader") == "false",
              "the module's Greeter was defined by its BizClassLoader from the plugin's exported bytes "
              "(override mode: no code source of its own, not the base's class loader)")


        # shared-plugin, export-mode classLoader. In embed mode its class loader is the base's
        # (createEmbedPlugin), and the container serves the exported class from that loader.
        expected = f"greetings from {n['shared']} to {who} ({who.encode().hex()})"
        status, text = http("GET", f"{web}/{n['ctx']}/shared")
        check(status == 200 and text == expected,
              f"GET /{n['ctx']}/shared answers the plugin's string {text!r} (HTTP {status})")
        check(kv.get("shared.found") == "true" and kv.get("shared.exportMode") in ("", "null", "classLoader")
              and kv.get("shared.exportPackages") == "com.example.shared.api.*",
              f"the container knows {n['shared']} with export-mode {kv.get('shared.exportMode')!r} and export-packages "
              f"{kv.get('shared.exportPackages')!r}")
        check(kv.get("shared.greeter.sameAsPluginLoader") == "true" and kv.get("shared.greeter.sameAsPluginClass") == "true"
              and kv.get("shared.greeter.sameAsModuleLoader") == "false",
              f"the module's SharedGreeter is the class of the plugin's class loader ({kv.get('shared.loader')}), "
              "not one of the biz's")
        check(kv.get("shared.greeter.loader") == shared_activator_loader
              and kv.get("shared.greeter.activatedBy") == n["shared"],
              "and it is the very class its activator ran against (activatedBy = plugin name)")
        check(f"/BOOT-INF/lib/{n['shared']}-{VERSION}.jar!/" in kv.get("shared.greeter.source", ""),
              f"its code source is the plugin jar in the base ({kv.get('shared.greeter.source')})")

        r = arklet(base.arklet_port, "uninstallBiz", ident, timeout=INSTALL_TIMEOUT_S)
        data = r.get("data") or {}
        check(r.get("code") == "SUCCESS" and data.get("message") == f"Uninstall biz: {n['module']}:{VERSION} success.",
              f"uninstallBiz succeeds ({data.get('message') or r.get('message')})")
        status, _ = http("GET", f"{web}/{n['ctx']}/greet")
        check(status == 404, f"GET /{n['ctx']}/greet is gone after uninstall (HTTP {status})")
        status, _ = http("GET", f"{web}/base")
        check(status == 200, f"the base still answers after uninstall (HTTP {status})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--line", action="append", choices=sorted(LINES),
                        help="run only this line (repeatable); default: all")
    parser.add_argument("--no-build", action="store_true", help="skip the Maven build")
    args = parser.parse_args()
    lines = args.line or sorted(LINES)

    started = time.time()
    results = {}
    try:
        if not args.no_build:
            build_with_maven(lines)
    except Failure as e:
        log(f"FAIL setup: {e}")
        for line in lines:
            results[line] = ("FAIL", f"setup: {e}")
    for line in lines:
        if line in results:
            continue
        t = time.time()
        try:
            run_line(line)
            results[line] = ("PASS", "")
        except Failure as e:
            results[line] = ("FAIL", str(e))
        except Exception as e:  # an unexpected error is a failure too, never a skip
            results[line] = ("FAIL", f"{type(e).__name__}: {e}")
        log(f"=== {results[line][0]} plugin line ({line}) in {time.time() - t:.1f} s {results[line][1]}")

    log("\nSummary:")
    for line in lines:
        status, why = results[line]
        log(f"  {status}  {LINES[line]['title']}" + (f": {why}" if why else ""))
    ok = all(s == "PASS" for s, _ in results.values())
    log(f"{'PASS' if ok else 'FAIL'} ({time.time() - started:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
