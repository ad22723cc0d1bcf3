#!/usr/bin/env python3
"""End-to-end test of arkpack's ark-biz jars against a real Koupleless base.

For each runtime line (see README.md) it:
  1. builds the base fat jar and the module with Maven; the module's `mvn package` makes its ark-biz
     jar with arkpack's Maven plugin (dev.arkpack:arkpack-maven-plugin, goal repackage, never the
     official sofa-ark-maven-plugin) and also writes its resolved dependencies with scopes and files
     to target/arkpack-libraries.txt;
  2. checks the plugin's jar, then writes an equivalent arkpack request from those facts, runs
     `arkpack biz --request` with the binary the plugin ran, and requires identical bytes;
  3. starts the base with `java -jar` on free loopback ports and waits until it is ready;
  4. drives the base's arklet HTTP API: installBiz of the plugin's jar, the module's endpoint through the base's
     Tomcat, queryAllBiz, a second installBiz (REPEAT_BIZ), uninstallBiz, the endpoint gone;
  5. line (a): the over-slimming case (README.md): arkpack's jar keeps lib-c and starts, the official
     plugin's jar from the same <excludes> rule lacks lib-c and fails to start;
  6. always stops the base, and prints the tail of its logs when a step failed.

One command, no questions asked; prints PASS or FAIL per line and exits non-zero on any failure.
Nothing is skipped: a missing Maven plugin, JDK, Maven or jar is a failure. The plugin must be in the
local Maven repository: `mvn -B -f host-maven/pom.xml install -DskipTests -Dinvoker.skip` (or `verify`).

    python3 tests/e2e/run_e2e.py                 # both lines
    python3 tests/e2e/run_e2e.py --line b        # one line
    python3 tests/e2e/run_e2e.py --no-build      # reuse the jars of a previous Maven build

Environment: JAVA (default `java`), MVN (default `mvn`), MVN_ARGS (extra Maven arguments, e.g. "-o",
"-Darkpack.version=..." or "-Dkoupleless.version=..."), ARKPACK_BIN (an arkpack binary for the plugin to run
instead of its embedded one; the plugin reads this variable itself, and the CLI cross-check then uses it too).
"""

import argparse
import difflib
import filecmp
import glob
import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

READY_TIMEOUT_S = 120     # base start on a 2-core machine
INSTALL_TIMEOUT_S = 180   # installBiz is synchronous: it returns after the module's main() returns
HTTP_TIMEOUT_S = 30

# Everything that identifies a line. The versions themselves live in line-*/pom.xml.
LINES = {
    "a": {"title": "line (a): Spring Boot 2.7 + Koupleless 1.x + SOFAArk 2.x, release 8 on JDK 17",
          "class_major": 52, "slim": True},
    "b": {"title": "line (b): Spring Boot 3.2 + Koupleless 2.1.x + SOFAArk 3.1.x, JDK 17",
          "class_major": 61},
}
GROUP_ID = "dev.arkpack.e2e"
MODULE_VERSION = "1.0.0"

# Jars that must never be inside the biz's lib/: the base provides them.
FORBIDDEN_LIB = re.compile(r"^lib/(spring-|tomcat-|koupleless-|sofa-ark-|jackson-|logback-)")

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Failure(Exception):
    pass


def log(msg):
    print(msg, flush=True)


def check(cond, what):
    if not cond:
        log("  FAIL " + what)
        raise Failure("check failed: " + what)
    log("  ok   " + what)


# ---------------------------------------------------------------- Maven: base, module, biz jar

PLUGIN = "dev.arkpack:arkpack-maven-plugin"
INSTALL_PLUGIN = "mvn -B -f host-maven/pom.xml install -DskipTests -Dinvoker.skip"
# The plugin unpacks its embedded arkpack here (ARKPACK_CACHE_DIR), so the run leaves nothing outside
# tests/e2e/**/target/ and the cross-check can run exactly that binary.
ARKPACK_CACHE = os.path.join(HERE, "target", "arkpack-cache")


def module_dir(line):
    return os.path.join(HERE, f"line-{line}", "module")


def plugin_biz_jar(line):
    """The jar the plugin writes: ${outputDirectory}/${finalName}-ark-biz.jar."""
    return os.path.join(module_dir(line), "target", f"e2e-module-{line}-ark-biz.jar")


def build_with_maven(lines):
    mvn = os.environ.get("MVN", "mvn")
    if shutil.which(mvn) is None:
        raise Failure(f"Maven not found ({mvn}); set MVN")
    for line in lines:  # the jars installed later must be this build's
        for jar in [plugin_biz_jar(line)] + (list(slim_jars(line)) if LINES[line].get("slim") else []):
            if os.path.exists(jar):
                os.remove(jar)
    shutil.rmtree(ARKPACK_CACHE, ignore_errors=True)
    projects = ",".join(f"line-{l}/base,line-{l}/module" + (f",line-{l}/slim-module" if LINES[l].get("slim") else "")
                        for l in lines)
    cmd = [mvn, "-B", "-q", "-f", os.path.join(HERE, "pom.xml"), "-pl", projects, "-am",
           "package"] + shlex.split(os.environ.get("MVN_ARGS", ""))
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


def read_libraries(path):
    """Parses maven-dependency-plugin's `list` output (outputAbsoluteArtifactFilename, outputScope).

    A line reads `g:a:type[:classifier]:version:scope:/abs/file.jar`, optionally followed by
    ` -- module name [auto]` on JDK 9+.
    """
    if not os.path.isfile(path):
        raise Failure(f"dependency list missing: {path} (the module build writes it)")
    libs = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = re.sub(r"\s+--\s+module\s.*$", "", raw.strip())
            if not line or line.startswith("The following") or line == "none":
                continue
            parts = line.split(":")
            if len(parts) not in (6, 7):
                raise Failure(f"cannot parse dependency line: {raw.strip()!r}")
            g, a, typ = parts[0], parts[1], parts[2]
            classifier = parts[3] if len(parts) == 7 else None
            version, scope, file = parts[-3], parts[-2], parts[-1]
            if typ != "jar":
                continue
            lib = {"groupId": g, "artifactId": a, "version": version, "scope": scope, "file": file}
            if classifier:
                lib["classifier"] = classifier
            libs.append(lib)
    if not libs:
        raise Failure(f"no libraries in {path}")
    return libs


# ---------------------------------------------------------------- the biz jar

def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def plugin_arkpack():
    """The arkpack binary the plugin ran: ARKPACK_BIN if set (the plugin honours it), else the embedded
    binary the plugin unpacked to ARKPACK_CACHE/bin/<sha256>/arkpack."""
    if os.environ.get("ARKPACK_BIN"):
        path = os.environ["ARKPACK_BIN"]
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            raise Failure(f"ARKPACK_BIN is not an executable file: {path}")
        return path
    found = sorted(glob.glob(os.path.join(ARKPACK_CACHE, "bin", "*", "arkpack")))
    if len(found) != 1:
        raise Failure(f"expected the plugin's unpacked arkpack under {ARKPACK_CACHE}/bin/, found {found or 'none'} "
                      "(run without --no-build)")
    path = found[0]
    local = os.path.join(REPO, "target", "release", "arkpack")
    if os.path.isfile(local) and sha256(local) != sha256(path):
        log(f"  note the plugin embeds an arkpack that differs from {local}; to test that one, reinstall "
            f"the plugin ({INSTALL_PLUGIN}) or set ARKPACK_BIN")
    return path


def check_biz(line, work):
    """Static checks of the jar the plugin wrote, before the runtime (the real judge) sees it."""
    artifact = f"e2e-module-{line}"
    out = plugin_biz_jar(line)
    check(os.path.isfile(out), f"{PLUGIN} wrote {os.path.relpath(out, REPO)} during mvn package")
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        manifest = z.read("META-INF/MANIFEST.MF").decode("utf-8")
        controller = z.read("dev/arkpack/e2e/module/HelloController.class")
    attrs = parse_manifest(manifest)
    with open(os.path.join(work, "biz-listing.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(names) + "\n\n" + manifest)
    check(attrs.get("Ark-Biz-Name") == artifact and attrs.get("Ark-Biz-Version") == MODULE_VERSION,
          f"manifest names the biz {artifact}:{MODULE_VERSION}")
    check(attrs.get("Start-Class") == "dev.arkpack.e2e.module.ModuleApplication",
          "manifest Start-Class is the module's @SpringBootApplication")
    check(attrs.get("web-context-path") == f"e2e-{line}", f"manifest web-context-path is e2e-{line}")
    declared = set(filter(None, (attrs.get("declared-libraries") or "").split(",")))
    check({"spring-boot", "spring-boot-autoconfigure", "spring-webmvc"} <= declared,
          "declared-libraries lists the provided Spring libraries")
    check("com/alipay/sofa/ark/biz/mark" in names, "biz mark entry present")
    major = int.from_bytes(controller[6:8], "big")
    check(major == LINES[line]["class_major"],
          f"module classes at the jar root, class file version {major} (Java {major - 44})")
    lib_jars = sorted(n for n in names if n.startswith("lib/") and n.endswith(".jar"))
    check(any(n.startswith("lib/commons-lang3-") for n in lib_jars),
          f"the compile library is in lib/ ({', '.join(lib_jars)})")
    bad = [n for n in lib_jars if FORBIDDEN_LIB.match(n)]
    check(not bad, "no provided (base) library in lib/" + (f": {bad}" if bad else ""))
    return out


def cross_check_cli(line, work, plugin_jar):
    """The arkpack CLI, on a request written here from maven-dependency-plugin's facts (not from the
    plugin's), must write the same bytes as the plugin: the plugin adds nothing but the facts."""
    artifact = f"e2e-module-{line}"
    module_jar = os.path.join(module_dir(line), "target", f"{artifact}.jar")
    if not os.path.isfile(module_jar):
        raise Failure(f"module jar missing: {module_jar}")
    libs = read_libraries(os.path.join(module_dir(line), "target", "arkpack-libraries.txt"))
    os.makedirs(os.path.join(work, "cli"))
    out = os.path.join(work, "cli", os.path.basename(plugin_jar))
    request = {
        "project": {"groupId": GROUP_ID, "artifactId": artifact, "version": MODULE_VERSION},
        "module": {"jar": module_jar},
        "libraries": libs,
        "bizName": artifact,
        "bizVersion": MODULE_VERSION,
        "priority": 100,
        "webContextPath": f"e2e-{line}",
        "declaredMode": True,
        "outputTimestamp": "2024-01-01T00:00:00Z",   # the module's project.build.outputTimestamp
        "output": out,
    }
    req_path = os.path.join(work, "arkpack-request.json")
    with open(req_path, "w", encoding="utf-8") as f:
        json.dump(request, f, indent=2)
    cmd = [plugin_arkpack(), "-q", "biz", "--request", req_path]
    log("$ " + " ".join(cmd))
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if res.stdout.strip():
        log(res.stdout.rstrip())
    if res.returncode != 0:
        raise Failure(f"arkpack biz failed (exit {res.returncode})")
    same = filecmp.cmp(out, plugin_jar, shallow=False)
    if not same:
        log_jar_differences(plugin_jar, out)
    check(same, f"the CLI's jar from an equivalent request is byte for byte the plugin's ({os.path.getsize(out)} bytes)")


def log_jar_differences(a, b):
    """Names the entries (and manifest lines) in which two jars differ."""
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        ia = {i.filename: i for i in za.infolist()}
        ib = {i.filename: i for i in zb.infolist()}
        if list(ia) != list(ib):
            log(f"  entries only in the plugin's jar: {sorted(set(ia) - set(ib))}")
            log(f"  entries only in the CLI's jar: {sorted(set(ib) - set(ia))}")
            if set(ia) == set(ib):
                log("  same entries, different order")
        for name in ia.keys() & ib.keys():
            x, y = ia[name], ib[name]
            fields = [f for f in ("CRC", "file_size", "compress_type", "date_time", "external_attr", "comment", "extra")
                      if getattr(x, f) != getattr(y, f)]
            if fields:
                log(f"  {name}: differs in {', '.join(fields)}: "
                    + "; ".join(f"{f} {getattr(x, f)!r} vs {getattr(y, f)!r}" for f in fields))
        ma = za.read("META-INF/MANIFEST.MF").decode("utf-8", "replace").splitlines()
        mb = zb.read("META-INF/MANIFEST.MF").decode("utf-8", "replace").splitlines()
        for d in difflib.unified_diff(ma, mb, "plugin MANIFEST.MF", "CLI MANIFEST.MF", lineterm="", n=0):
            log("  " + d)


def parse_manifest(text):
    attrs, last = {}, None
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith(" ") and last:
            attrs[last] += line[1:]
        elif ":" in line:
            last, value = line.split(":", 1)
            attrs[last] = value.strip()
    return attrs


# ---------------------------------------------------------------- the base

def free_port(host):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def http(method, url, body=None, timeout=HTTP_TIMEOUT_S):
    """Returns (status, text); never raises for an HTTP status."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"} if data else {})
    try:
        with NO_PROXY.open(req, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def arklet(port, command, body, timeout=HTTP_TIMEOUT_S):
    status, text = http("POST", f"http://127.0.0.1:{port}/{command}", body, timeout)
    log(f"  arklet /{command} {json.dumps(body)} -> HTTP {status}: {abbreviate(text)}")
    if status != 200:
        raise Failure(f"arklet /{command} answered HTTP {status}: {text[:500]}")
    try:
        return json.loads(text)
    except ValueError:
        raise Failure(f"arklet /{command} answered no JSON: {text[:500]}")


def abbreviate(text, n=400):
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + f"... ({len(text)} chars)"


class Base:
    """A Koupleless base started with `java -jar` on free ports; the other e2e scripts use it too.
    `jar` defaults to this suite's base of `line`; `properties` are extra -D options."""

    def __init__(self, line, work, jar=None, properties=()):
        self.line = line
        self.work = work
        self.jar = jar or os.path.join(HERE, f"line-{line}", "base", "target", f"e2e-base-{line}.jar")
        self.properties = list(properties)
        self.web_port = free_port("127.0.0.1")
        self.arklet_port = free_port("0.0.0.0")   # arklet binds every interface; it has no host option
        self.log_path = os.path.join(work, "base.log")
        self.proc = None

    def start(self):
        if not os.path.isfile(self.jar):
            raise Failure(f"base jar missing: {self.jar}")
        java = os.environ.get("JAVA", "java")
        if shutil.which(java) is None:
            raise Failure(f"java not found ({java}); set JAVA")
        cmd = [java,
               f"-Dserver.port={self.web_port}",
               "-Dserver.address=127.0.0.1",
               f"-Dkoupleless.arklet.http.port={self.arklet_port}",
               "-Dsofa.ark.telnet.server.enable=false",
               f"-Dlogging.path={os.path.join(self.work, 'logs')}",
               # SOFAArk and arklet ignore logging.path and write to ${user.home}/logs; keep those
               # logs in the run folder too, where the failure report reads them.
               f"-Duser.home={self.work}",
               f"-Dcom.alipay.sofa.ark.biz.dir={os.path.join(self.work, 'biz-work')}",
               f"-Djava.io.tmpdir={os.path.join(self.work, 'tmp')}",
               *self.properties,
               "-jar", self.jar]
        os.makedirs(os.path.join(self.work, "tmp"), exist_ok=True)
        log("$ " + " ".join(cmd))
        self.log_file = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, cwd=self.work, stdout=self.log_file, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        log(f"  base pid {self.proc.pid}, web 127.0.0.1:{self.web_port}, arklet :{self.arklet_port}")

    def wait_ready(self):
        started = time.time()
        deadline = started + READY_TIMEOUT_S
        health = f"http://127.0.0.1:{self.web_port}/actuator/health"
        stage = "actuator"
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise Failure(f"base exited with {self.proc.returncode} before it was ready")
            try:
                if stage == "actuator":
                    status, text = http("GET", health, timeout=5)
                    if status == 200 and json.loads(text).get("status") == "UP":
                        stage = "arklet"
                if stage == "arklet":
                    status, text = http("POST", f"http://127.0.0.1:{self.arklet_port}/health", {}, timeout=5)
                    if status == 200 and json.loads(text).get("code") == "SUCCESS":
                        log(f"  ok   base ready in {time.time() - started:.1f} s")
                        return
            except (OSError, ValueError):
                pass
            time.sleep(1)
        raise Failure(f"base not ready after {READY_TIMEOUT_S} s (stuck at {stage} health)")

    def __enter__(self):
        """Starts the base and waits until it is ready; `with Base(...) as base:` runs the body on it."""
        try:
            self.start()
            self.wait_ready()
        except BaseException:
            self.__exit__(*sys.exc_info())
            raise
        return self

    def __exit__(self, kind, value, trace):
        """Stops the base; when the body failed, prints the tails of its logs first."""
        try:
            if kind is not None:
                self.stop()
                self.print_log_tails()
        finally:
            self.close()
        return False

    def console(self):
        """What the base printed so far."""
        self.log_file.flush()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=20)
        log(f"  base stopped (exit {self.proc.returncode})")

    def close(self):
        try:
            self.stop()
        finally:
            if self.proc is not None:
                self.log_file.close()

    def print_log_tails(self):
        for path, n in ((self.log_path, 120),
                        (os.path.join(self.work, "logs", "sofa-ark", "common-error.log"), 60),
                        (os.path.join(self.work, "logs", "sofa-arklet", "common-error.log"), 60)):
            if os.path.isfile(path) and os.path.getsize(path) > 0:
                with open(path, encoding="utf-8", errors="replace") as f:
                    tail = f.readlines()[-n:]
                log(f"----- last {len(tail)} lines of {path}")
                sys.stdout.write("".join(tail))
                log("-----")


# ---------------------------------------------------------------- one line, end to end

def run_line(line):
    log(f"\n=== {LINES[line]['title']}")
    work = os.path.join(HERE, "target", f"run-{line}")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    name, version = f"e2e-module-{line}", MODULE_VERSION
    ctx = f"e2e-{line}"

    biz_jar = check_biz(line, work)
    cross_check_cli(line, work, biz_jar)
    with Base(line, work) as base:
        web = f"http://127.0.0.1:{base.web_port}"

        status, text = http("GET", f"{web}/base")
        check(status == 200 and text == f"arkpack-e2e base {line}", f"base's own endpoint answers ({status} {text!r})")

        ident = {"bizName": name, "bizVersion": version}
        install = dict(ident, bizUrl="file://" + biz_jar)
        r = arklet(base.arklet_port, "installBiz", install, timeout=INSTALL_TIMEOUT_S)
        data = r.get("data") or {}
        check(r.get("code") == "SUCCESS" and data.get("code") == "SUCCESS"
              and str(data.get("message", "")).startswith(f"Install Biz: {name}:{version} success"),
              f"installBiz succeeds ({data.get('message') or r.get('message')})")

        status, text = http("GET", f"{web}/{ctx}/hello")
        expected = f"arkpack-e2e module {line} says ark-biz"
        check(status == 200 and text == expected, f"GET /{ctx}/hello through the base answers {text!r} (HTTP {status})")

        status, text = http("GET", f"{web}/{ctx}/where")
        check(status == 200 and "/lib/commons-lang3-" in text and "e2e-base" not in text,
              f"commons-lang3 loads from the biz's own lib/ ({text})")

        r = arklet(base.arklet_port, "queryAllBiz", {})
        bizs = r.get("data") or []
        mine = [b for b in bizs if b.get("bizName") == name and b.get("bizVersion") == version]
        check(r.get("code") == "SUCCESS" and len(mine) == 1
              and str(mine[0].get("bizState", "")).lower() == "activated",
              f"queryAllBiz lists {name}:{version} as activated")

        r = arklet(base.arklet_port, "installBiz", install, timeout=INSTALL_TIMEOUT_S)
        check(r.get("code") == "FAILED" and (r.get("data") or {}).get("code") == "REPEAT_BIZ",
              "a second installBiz of the same jar is refused with REPEAT_BIZ")

        r = arklet(base.arklet_port, "uninstallBiz", ident, timeout=INSTALL_TIMEOUT_S)
        data = r.get("data") or {}
        check(r.get("code") == "SUCCESS" and data.get("message") == f"Uninstall biz: {name}:{version} success.",
              f"uninstallBiz succeeds ({data.get('message') or r.get('message')})")

        status, _ = http("GET", f"{web}/{ctx}/hello")
        check(status == 404, f"GET /{ctx}/hello is gone after uninstall (HTTP {status})")

        r = arklet(base.arklet_port, "queryAllBiz", {})
        check(not [b for b in (r.get("data") or []) if b.get("bizName") == name],
              f"queryAllBiz no longer lists {name}")

        status, text = http("GET", f"{web}/base")
        check(status == 200, f"the base still answers after uninstall (HTTP {status})")

        if LINES[line].get("slim"):
            run_slim_case(line, base, web)


# ---------------------------------------------------------------- the over-slimming case (line a)

SLIM_GROUP = "dev.arkpack.e2e.slim"


def slim_jars(line):
    """arkpack's and the official plugin's biz jars of line-<x>/slim-module, from the same <excludes> rule."""
    target = os.path.join(HERE, f"line-{line}", "slim-module", "target")
    return (os.path.join(target, f"e2e-slim-module-{line}-ark-biz.jar"),
            os.path.join(target, "official", f"e2e-slim-module-{line}-ark-biz.jar"))


def jar_libs(path):
    with zipfile.ZipFile(path) as z:
        return sorted(n[len("lib/"):] for n in z.namelist() if n.startswith("lib/") and not n.endswith("/"))


def run_slim_case(line, base, web):
    """The slim module excludes lib-a; lib-a and lib-b (kept, called in main()) both need lib-c; the base has
    neither lib-a nor lib-c. arkpack's jar keeps lib-c and starts; the official plugin's jar (sofa-ark-maven-plugin
    3.1.11, which walks Maven's pruned tree where lib-c hangs under lib-a) lacks lib-c and fails to start."""
    log("  -- over-slimming: lib-a excluded, lib-b kept, both need lib-c; the base has neither lib-a nor lib-c")
    ours, official = slim_jars(line)
    target = os.path.dirname(ours)
    for jar in (ours, official):
        check(os.path.isfile(jar), f"biz jar built: {os.path.relpath(jar, HERE)}")
    check(jar_libs(ours) == ["lib-b-1.0.0.jar", "lib-c-1.0.0.jar"], f"arkpack's lib/ keeps lib-c: {jar_libs(ours)}")
    check(jar_libs(official) == ["lib-b-1.0.0.jar"], f"the official plugin's lib/ lost lib-c: {jar_libs(official)}")
    with open(os.path.join(target, "sofa-ark", "module-slim-results.json"), encoding="utf-8") as f:
        results = json.load(f)
    check(results == {"excluded": [f"{SLIM_GROUP}:lib-a:jar"], "compiled": []},
          f"module-slim-results.json names lib-a only: {json.dumps(results)}")
    report = os.path.join(target, "sofa-ark", "arkpack-slim-report.json")
    cmd = [plugin_arkpack(), "why", f"{SLIM_GROUP}:lib-c", "--report", report]
    log("$ " + " ".join(cmd))
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log("\n".join("    " + l for l in res.stdout.rstrip().splitlines()))
    check(res.returncode == 0 and f"{SLIM_GROUP}:lib-b" in res.stdout,
          "`arkpack why` says lib-c stayed because lib-b needs it")

    name, version = f"e2e-slim-module-{line}", MODULE_VERSION
    ident = {"bizName": name, "bizVersion": version}
    r = arklet(base.arklet_port, "installBiz", dict(ident, bizUrl="file://" + ours), timeout=INSTALL_TIMEOUT_S)
    data = r.get("data") or {}
    check(r.get("code") == "SUCCESS" and data.get("code") == "SUCCESS"
          and str(data.get("message", "")).startswith(f"Install Biz: {name}:{version} success"),
          f"installBiz of arkpack's jar succeeds ({data.get('message') or r.get('message')})")
    status, text = http("GET", f"{web}/e2e-slim-{line}/hello")
    check(status == 200 and text == "lib-b+lib-c", f"the module called lib-b -> lib-c at startup ({status} {text!r})")
    r = arklet(base.arklet_port, "uninstallBiz", ident, timeout=INSTALL_TIMEOUT_S)
    check(r.get("code") == "SUCCESS", "uninstallBiz of arkpack's jar succeeds")

    oname = f"e2e-slim-official-{line}"
    r = arklet(base.arklet_port, "installBiz", {"bizName": oname, "bizVersion": version, "bizUrl": "file://" + official},
               timeout=INSTALL_TIMEOUT_S)
    missing = "java.lang.NoClassDefFoundError: dev/arkpack/e2e/slim/c/Clock"
    check(r.get("code") == "CMD_PROCESS_INTERNAL_ERROR" and missing in str(r.get("errorStackTrace", "")),
          f"installBiz of the official plugin's jar fails in main(): {r.get('code')}, {missing}")


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
        return 1
    for line in lines:
        t = time.time()
        try:
            run_line(line)
            results[line] = ("PASS", "")
        except Failure as e:
            results[line] = ("FAIL", str(e))
        except Exception as e:  # an unexpected error is a failure too, never a skip
            results[line] = ("FAIL", f"{type(e).__name__}: {e}")
        log(f"=== {results[line][0]} line ({line}) in {time.time() - t:.1f} s {results[line][1]}")

    log("\nSummary:")
    for line in lines:
        status, why = results[line]
        log(f"  {status}  {LINES[line]['title']}" + (f": {why}" if why else ""))
    ok = all(s == "PASS" for s, _ in results.values())
    log(f"{'PASS' if ok else 'FAIL'} ({time.time() - started:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
