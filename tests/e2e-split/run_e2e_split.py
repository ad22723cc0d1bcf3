#!/usr/bin/env python3
"""End to end: the module `arkpack split` carves out of a monolith runs in a real Koupleless base made of the rest.

  1. copies tests/fixtures/split-monolith (a Spring Boot 2.7 shop: app + common Maven modules) to
     target/shop, commits it (apply refuses uncommitted files) and compiles it with Maven
     (`compile dependency:copy-dependencies`, what `split analyze --maven-project` reads);
  2. `arkpack split analyze`, `plan` (p:com.acme.orders + p:com.acme.audit as orders-module), the dry run of
     `apply` (it must name the injections it would change and touch nothing), then `apply --write`;
  3. one Maven reactor (pom.xml here): the split monolith (shop-common, shop-app, and orders-module, whose
     ark-biz jar arkpack's Maven plugin makes) and base/, a Koupleless base made of the shop-app and
     shop-common jars the monolith kept (koupleless-base-starter, web-ark-plugin, MyBatis over an in-memory
     H2). Static checks of both jars;
  4. starts the base with `java -jar` on free loopback ports (tests/e2e/run_e2e.py's Base), installs the
     module jar through arklet, POSTs /orders-module/orders through the base's Tomcat: the module's
     OrderService places an order with the base's UserService, PaymentService and IdGenerator (injected
     with @AutowiredFromBase, as apply rewrote them) and its own MyBatis mapper over the base's DataSource,
     and publishes OrderPlaced, which the base's PaymentListener does not hear (the plan's warning);
     uninstalls it, installs it again (the order ids go on: the id generator is the base's bean, not the
     module's), uninstalls it; on failure prints the base's log tails.

Prints `ok` per check and one PASS or FAIL line; exits non-zero on any failure. Nothing is skipped.
The Maven plugin must be in the local repository (`mvn -B -f host-maven/pom.xml install -DskipTests
-Dinvoker.skip`) and `arkpack` built (`cargo build --release -p arkpack`).

    python3 tests/e2e-split/run_e2e_split.py

Environment: ARKPACK_BIN (the arkpack binary for the split commands, and for the plugin to run instead of its
embedded one; default target/release/arkpack), JAVA, MVN, MVN_ARGS as for tests/e2e/run_e2e.py.
"""

import json
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

import run_e2e  # noqa: E402
from run_e2e import Failure, check, http, arklet, log  # noqa: E402

FIXTURE = os.path.join(REPO, "tests", "fixtures", "split-monolith")
WORK = os.path.join(HERE, "target")
SHOP = os.path.join(WORK, "shop")  # pom.xml's first module
RUN = os.path.join(WORK, "run")
MODULE, VERSION, CONTEXT = "orders-module", "1.0.0", "orders-module"
# OrderService publishes OrderPlaced, PaymentListener (left in the base) listens to it: checked at run time below.
LOST_EVENT = ("module class com.acme.orders.OrderService publishes com.acme.common.OrderPlaced, which base class "
              "com.acme.payments.PaymentListener listens to: after the split it no longer receives it (Spring events "
              "stay inside the publisher's context and its parents, and a module's context is not a child of the base's)")
BIZ_JAR = os.path.join(SHOP, MODULE, "target", f"{MODULE}-{VERSION}-ark-biz.jar")
BASE_JAR = os.path.join(HERE, "base", "target", "e2e-split-base.jar")
SERVICE = os.path.join(MODULE, "src", "main", "java", "com", "acme", "orders", "OrderService.java")
TITLE = "split: orders-module carved by `arkpack split apply`, in a base made of the rest (Spring Boot 2.7, Koupleless 1.2.2)"


def arkpack_bin():
    path = os.environ.get("ARKPACK_BIN") or os.path.join(REPO, "target", "release", "arkpack")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise Failure(f"no arkpack binary at {path}: cargo build --release -p arkpack, or set ARKPACK_BIN")
    return path


def run(cmd, cwd=None, env=None, show=True):
    """Runs a command; its output on failure. Returns stdout and stderr together."""
    if show:
        log("$ " + " ".join(shlex.quote(c) for c in cmd))
    res = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if res.returncode != 0:
        log(res.stdout[-6000:])
        raise Failure(f"{' '.join(os.path.basename(c) for c in cmd[:3])} ... failed (exit {res.returncode})")
    return res.stdout


def git(*args):
    return run(["git", "-C", SHOP, "-c", "user.name=e2e", "-c", "user.email=e2e@example.com", *args], show=False)


def mvn():
    m = os.environ.get("MVN", "mvn")
    if shutil.which(m) is None:
        raise Failure(f"Maven not found ({m}); set MVN")
    return [m, "-B", "-q"]


# ---------------------------------------------------------------- 1 and 2: the monolith, split

def carve():
    log("\n=== the monolith, analysed, planned and split by arkpack")
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.copytree(FIXTURE, SHOP)
    with open(os.path.join(SHOP, ".gitignore"), "w", encoding="utf-8") as f:
        f.write("target/\n")
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "the monolith")
    extra = shlex.split(os.environ.get("MVN_ARGS", ""))
    # The app's own modules are bundles, not libraries: only the other jars go to target/dependency.
    run(mvn() + ["-f", os.path.join(SHOP, "pom.xml"), "compile",
                 "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies", "-DexcludeGroupIds=com.acme"] + extra)
    check(os.path.isfile(os.path.join(SHOP, "app", "target", "dependency", "mybatis-spring-2.1.2.jar")),
          "the monolith compiles with Maven and its libraries are in app/target/dependency")

    ark = arkpack_bin()
    analysis, plan_path = os.path.join(WORK, "analysis.json"), os.path.join(WORK, "plan.json")
    run([ark, "split", "analyze", "--maven-project", SHOP, "--out", analysis, "-q"])
    run([ark, "split", "plan", "--analysis", analysis, "--module", "p:com.acme.orders", "--module", "p:com.acme.audit",
         "--name", MODULE, "--out", plan_path])
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    check(plan["problems"] == [], "the plan has no verify problems")
    check(plan["warnings"] == [LOST_EVENT], f"the plan warns that the base's PaymentListener no longer hears of orders: {plan['warnings']}")
    injected = sorted(f"{i['member']}<-{i['bean']}" for i in plan["injections"])
    check(injected == ["ids<-idGenerator", "payments<-paymentService", "userService<-userServiceImpl"],
          f"the plan lists the three beans OrderService takes from the base: {injected}")
    generated = sorted(g["path"] for g in plan["generated"])
    check(generated == [f"{MODULE}/pom.xml", f"{MODULE}/src/main/java/com/acme/OrdersModuleApplication.java",
                        f"{MODULE}/src/main/java/com/acme/orders/OrdersModuleMyBatisConfig.java"],
          f"the plan writes the module's pom, bootstrap class and MyBatis set-up: {generated}")

    dry = run([ark, "split", "apply", "--plan", plan_path, "--project", SHOP])
    log("\n".join("    " + l for l in dry.rstrip().splitlines()))
    want = [f"would change {SERVICE.replace(os.sep, '/')}: OrderService.userService: @Autowired → @AutowiredFromBase",
            f"would change {SERVICE.replace(os.sep, '/')}: OrderService.payments: @Autowired @Qualifier(\"paymentService\") → "
            "@AutowiredFromBase(name = \"paymentService\")",
            f"would change {SERVICE.replace(os.sep, '/')}: OrderService.ids: @Autowired → @AutowiredFromBase"]
    check(f"warning: {LOST_EVENT}" in dry.splitlines(), "the dry run says the warning")
    check(all(w in dry.splitlines() for w in want) and "to do by hand" not in dry,
          "the dry run names the three injections it would change, and leaves nothing to do by hand")
    check(git("status", "--porcelain") == "" and not os.path.exists(os.path.join(SHOP, MODULE)),
          "the dry run changed nothing")

    run([ark, "split", "apply", "--plan", plan_path, "--project", SHOP, "--write"])
    with open(os.path.join(SHOP, SERVICE), encoding="utf-8") as f:
        service = f.read()
    check(service.count("@AutowiredFromBase\n") == 2 and "@AutowiredFromBase(name = \"paymentService\")\n" in service
          and "@Qualifier" not in service and service.count("@Autowired\n") == 2
          and "import com.alipay.sofa.koupleless.common.api.AutowiredFromBase;" in service,
          "apply rewrote OrderService: three fields @AutowiredFromBase, its own mapper and the event publisher still @Autowired")
    left = [f for _, _, fs in os.walk(os.path.join(SHOP, "app", "src", "main", "java", "com", "acme", "orders")) for f in fs]
    check(left == [], f"the orders sources left the app ({left or 'none left'})")


# ---------------------------------------------------------------- 3: Maven builds the module and the base

def build():
    log("\n=== Maven: the split monolith (its module packaged by arkpack's plugin) and the base made of the rest")
    cache = os.path.join(WORK, "arkpack-cache")
    env = dict(os.environ, ARKPACK_CACHE_DIR=cache)
    started = time.time()
    # clean: the monolith's classes compiled before the split must not reach the base's shop-app jar
    run(mvn() + ["-f", os.path.join(HERE, "pom.xml"), "clean", "package"] + shlex.split(os.environ.get("MVN_ARGS", "")), env=env)
    log(f"  Maven build done in {time.time() - started:.1f} s")

    check(os.path.isfile(BIZ_JAR), f"{run_e2e.PLUGIN} wrote {os.path.relpath(BIZ_JAR, REPO)}")
    with zipfile.ZipFile(BIZ_JAR) as z:
        names = set(z.namelist())
        m = run_e2e.parse_manifest(z.read("META-INF/MANIFEST.MF").decode("utf-8"))
    check(m.get("Ark-Biz-Name") == MODULE and m.get("web-context-path") == CONTEXT
          and m.get("Start-Class") == "com.acme.OrdersModuleApplication",
          f"the biz manifest: Ark-Biz-Name {m.get('Ark-Biz-Name')}, web-context-path {m.get('web-context-path')}, "
          f"Start-Class {m.get('Start-Class')}")
    declared = set(m.get("declared-libraries", "").split(","))
    need = {"shop-app", "shop-common", "koupleless-app-starter", "koupleless-common", "spring-boot-starter-web",
            "spring-webmvc", "mybatis-spring", "mybatis"}
    check(need <= declared, f"declared-libraries has what the module takes from the base: {sorted(need - declared) or 'all of'} {sorted(need)}")
    check({"com/acme/orders/OrderService.class", "com/acme/orders/OrdersModuleMyBatisConfig.class",
           "com/acme/OrdersModuleApplication.class", "mapper/OrderMapper.xml"} <= names
          and not [n for n in names if n.startswith("lib/")],
          "the biz holds the module's classes and mapper XML and no lib/ (everything else is the base's)")

    check(os.path.isfile(BASE_JAR), f"the base jar {os.path.relpath(BASE_JAR, REPO)}")
    with zipfile.ZipFile(BASE_JAR) as z:
        libs = [n for n in z.namelist() if n.startswith("BOOT-INF/lib/")]
        app = z.open("BOOT-INF/lib/shop-app-1.0.0.jar")
        with zipfile.ZipFile(app) as a:
            app_names = a.namelist()
    check("BOOT-INF/lib/shop-common-1.0.0.jar" in libs and any("koupleless-base-starter" in n for n in libs),
          "the base carries the monolith's jars and koupleless-base-starter")
    check("com/acme/payments/PaymentService.class" in app_names and not [n for n in app_names if n.startswith("com/acme/orders/")],
          "the base's shop-app jar keeps payments and users, and no longer has com/acme/orders")


# ---------------------------------------------------------------- 4: the base runs the module

INJECTED = re.compile(r"success to inject service proxy to bean \[com\.acme\.orders\.OrderService@\w+\] field "
                      r"\[private (\S+) com\.acme\.orders\.OrderService\.(\w+)\]")


def install(base):
    r = arklet(base.arklet_port, "installBiz", {"bizName": MODULE, "bizVersion": VERSION, "bizUrl": "file://" + BIZ_JAR},
               timeout=run_e2e.INSTALL_TIMEOUT_S)
    data = r.get("data") or {}
    check(r.get("code") == "SUCCESS" and data.get("code") == "SUCCESS"
          and str(data.get("message", "")).startswith(f"Install Biz: {MODULE}:{VERSION} success"),
          f"installBiz succeeds ({data.get('message') or r.get('message') or str(r.get('errorStackTrace', ''))[:800]})")


def uninstall(base):
    r = arklet(base.arklet_port, "uninstallBiz", {"bizName": MODULE, "bizVersion": VERSION}, timeout=run_e2e.INSTALL_TIMEOUT_S)
    data = r.get("data") or {}
    check(r.get("code") == "SUCCESS" and data.get("message") == f"Uninstall biz: {MODULE}:{VERSION} success.",
          f"uninstallBiz succeeds ({data.get('message') or r.get('message')})")


def order(web, expected):
    status, text = http("POST", f"{web}/{CONTEXT}/orders")
    check(status == 200 and text == expected,
          f"POST /{CONTEXT}/orders through the base answers order id {text!r} (HTTP {status}, want {expected!r})")


def run_base():
    log("\n=== the base runs the carved module")
    os.makedirs(RUN, exist_ok=True)
    with run_e2e.Base("split", RUN, jar=BASE_JAR) as base:
        web = f"http://127.0.0.1:{base.web_port}"
        status, text = http("GET", f"{web}/users/1")
        check(status == 200 and text == '{"id":1,"name":"Ada"}', f"the base serves its own users: GET /users/1 -> {text!r}")

        install(base)
        # OrderService (module) -> UserService, PaymentService (-> PaymentMapper, H2), IdGenerator (base),
        # OrderMapper (module, its own MyBatis set-up over the base's DataSource).
        order(web, "1")
        order(web, "2")
        with open(base.log_path, encoding="utf-8", errors="replace") as f:
            base_log = f.read()
        injected = sorted(set(INJECTED.findall(base_log)))
        # The plan's warning, seen at run time: the base's listener is alive, and Spring delivers events
        # synchronously (before the answer), yet it heard of neither order the module placed.
        check("payments: listening for placed orders" in base_log and "payments: heard of order" not in base_log,
              "as the plan warned, the base's PaymentListener (alive) did not hear of the orders the module placed")
        check(injected == [("com.acme.common.IdGenerator", "ids"), ("com.acme.payments.PaymentService", "payments"),
                           ("com.acme.users.UserService", "userService")],
              f"Koupleless injected the base's beans into the module's OrderService: {injected}")
        status, text = http("POST", f"{web}/payments")
        check(status == 200 and text == "true", f"the base's own PaymentController still pays (POST /payments -> {text!r})")
        r = arklet(base.arklet_port, "queryAllBiz", {})
        mine = [b for b in (r.get("data") or []) if b.get("bizName") == MODULE]
        check(len(mine) == 1 and str(mine[0].get("bizState", "")).lower() == "activated", f"queryAllBiz lists {MODULE} as activated")

        uninstall(base)
        status, _ = http("POST", f"{web}/{CONTEXT}/orders")
        check(status == 404, f"POST /{CONTEXT}/orders is gone after uninstall (HTTP {status})")
        status, _ = http("GET", f"{web}/users/1")
        check(status == 200, f"the base still serves /users/1 (HTTP {status})")

        # The id generator lives in the base: a fresh module goes on counting where the first one stopped.
        install(base)
        order(web, "3")
        uninstall(base)


def main():
    started = time.time()
    try:
        carve()
        build()
        run_base()
        result, why = "PASS", ""
    except Failure as e:
        result, why = "FAIL", str(e)
    except Exception as e:  # an unexpected error is a failure too, never a skip
        result, why = "FAIL", f"{type(e).__name__}: {e}"
    log("\nSummary:")
    log(f"  {result}  {TITLE}" + (f": {why}" if why else ""))
    log(f"{result} ({time.time() - started:.0f} s)")
    return 0 if result == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
