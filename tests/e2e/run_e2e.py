#!/usr/bin/env python3
"""End-to-end test of arkpack's ark-biz jars against a real Koupleless base.

For each runtime line (see README.md) it:
  1. builds the base fat jar and the module's plain jar with Maven (the module build also writes
     its resolved dependencies with scopes and files to target/arkpack-libraries.txt);
  2. writes an arkpack request from those facts and runs `arkpack biz --request` (never the
     official sofa-ark-maven-plugin);
  3. starts the base with `java -jar` on free loopback ports and waits until it is ready;
  4. drives the base's arklet HTTP API: installBiz, the module's endpoint through the base's
     Tomcat, queryAllBiz, a second installBiz (REPEAT_BIZ), uninstallBiz, the endpoint gone;
  5. always stops the base, and prints the tail of its logs when a step failed.

One command, no questions asked; prints PASS or FAIL per line and exits non-zero on any failure.
Nothing is skipped: a missing arkpack binary, JDK, Maven or jar is a failure.

    python3 tests/e2e/run_e2e.py                 # both lines
    python3 tests/e2e/run_e2e.py --line b        # one line
    python3 tests/e2e/run_e2e.py --no-build      # reuse the jars of a previous Maven build

Environment: ARKPACK_BIN (default <repo>/target/release/arkpack), JAVA (default `java`),
MVN (default `mvn`), MVN_ARGS (extra Maven arguments, e.g. "-o" or "-Dkoupleless.version=...").
"""

import argparse
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
          "class_major": 52},
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


# ---------------------------------------------------------------- facts from Maven

def build_with_maven(lines):
    mvn = os.environ.get("MVN", "mvn")
    if shutil.which(mvn) is None:
        raise Failure(f"Maven not found ({mvn}); set MVN")
    projects = ",".join(f"line-{l}/base,line-{l}/module" for l in lines)
    cmd = [mvn, "-B", "-q", "-f", os.path.join(HERE, "pom.xml"), "-pl", projects, "-am",
           "package"] + shlex.split(os.environ.get("MVN_ARGS", ""))
    log("$ " + " ".join(cmd))
    started = time.time()
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if res.returncode != 0:
        log(res.stdout[-6000:])
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


# ---------------------------------------------------------------- arkpack

def arkpack_bin():
    path = os.environ.get("ARKPACK_BIN") or os.path.join(REPO, "target", "release", "arkpack")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise Failure(f"arkpack binary not found or not executable: {path} (set ARKPACK_BIN)")
    return path


def package_biz(line, work):
    module_dir = os.path.join(HERE, f"line-{line}", "module")
    artifact = f"e2e-module-{line}"
    module_jar = os.path.join(module_dir, "target", f"{artifact}.jar")
    if not os.path.isfile(module_jar):
        raise Failure(f"module jar missing: {module_jar}")
    libs = read_libraries(os.path.join(module_dir, "target", "arkpack-libraries.txt"))
    out = os.path.join(work, f"{artifact}-{MODULE_VERSION}-ark-biz.jar")
    request = {
        "project": {"groupId": GROUP_ID, "artifactId": artifact, "version": MODULE_VERSION},
        "module": {"jar": module_jar},
        "libraries": libs,
        "bizName": artifact,
        "bizVersion": MODULE_VERSION,
        "priority": 100,
        "webContextPath": f"e2e-{line}",
        # Without declared-libraries the base refuses to hand non-class resources (spring.factories,
        # auto-configuration imports) to the module, and its Spring context starts without a web server.
        "declaredMode": True,
        "outputTimestamp": "2024-01-01T00:00:00Z",
        "output": out,
    }
    req_path = os.path.join(work, "arkpack-request.json")
    with open(req_path, "w", encoding="utf-8") as f:
        json.dump(request, f, indent=2)
    cmd = [arkpack_bin(), "biz", "-q", "--request", req_path]
    log("$ " + " ".join(cmd))
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if res.stdout.strip():
        log(res.stdout.rstrip())
    if res.returncode != 0:
        raise Failure(f"arkpack biz failed (exit {res.returncode})")
    check(os.path.isfile(out), f"arkpack wrote {os.path.basename(out)}")

    # Quick static look before the runtime sees it (the runtime is the real judge).
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
    def __init__(self, line, work):
        self.line = line
        self.work = work
        self.jar = os.path.join(HERE, f"line-{line}", "base", "target", f"e2e-base-{line}.jar")
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
               f"-Dcom.alipay.sofa.ark.biz.dir={os.path.join(self.work, 'biz-work')}",
               f"-Djava.io.tmpdir={os.path.join(self.work, 'tmp')}",
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

    biz_jar = package_biz(line, work)
    base = Base(line, work)
    try:
        base.start()
        base.wait_ready()
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
    except BaseException:
        base.stop()
        base.print_log_tails()
        raise
    finally:
        base.close()


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
        arkpack_bin()
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
