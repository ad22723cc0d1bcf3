//! `arkpack split` end to end through the component: analyze the split-monolith fixture as a Maven
//! project, plan the orders module, refuse a dirty work tree, apply it, and build the result with
//! `mvn -o package` (the module is packaged by dev.arkpack:arkpack-maven-plugin, which must be in
//! the local repository: `mvn -B -f host-maven/pom.xml install -Darkpack.binary=$PWD/target/release/arkpack`);
//! apply's rewrite of the injections from the base on both engines; jar bundles analysed with the
//! expander beside the analyzer and in one call; then the HTTP API of `split serve`.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn arkpack(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_arkpack")).args(args).output().expect("arkpack runs")
}

fn ok(o: Output) -> String {
    assert!(o.status.success(), "failed: {}\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let s = Command::new("git").arg("-C").arg(dir).args(["-c", "user.name=t", "-c", "user.email=t@example.com"]).args(args).status().unwrap();
    assert!(s.success());
}

/// A committed copy of the fixture, compiled.
fn project(tmp: &Path) -> PathBuf {
    let dir = tmp.join("shop");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/split-monolith");
    let s = Command::new("cp").arg("-r").arg(&src).arg(&dir).status().unwrap();
    assert!(s.success());
    std::fs::write(dir.join(".gitignore"), "target/\n").unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-qm", "monolith"]);
    let s = Command::new("bash").arg(dir.join("build.sh")).arg(&dir).status().unwrap();
    assert!(s.success(), "build.sh needs javac and the jars (mvn dependency:get)");
    dir
}

#[test]
fn plan_apply_and_build_the_orders_module() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path());
    let analysis = tmp.path().join("analysis.json");
    let plan = tmp.path().join("plan.json");
    let a = analysis.to_str().unwrap();
    ok(arkpack(&["split", "analyze", "--maven-project", dir.to_str().unwrap(), "--out", a, "-q"]));
    // The planted reference: orders alone cannot leave (AuditLog in the base injects OrderService).
    let e: serde_json::Value = serde_json::from_str(&ok(arkpack(&["split", "evaluate", "--analysis", a, "--module", "p:com.acme.orders"]))).unwrap();
    assert_eq!(e["verify"]["ok"], false);
    assert_eq!(e["metrics"]["baseToModule"], 1);
    assert_eq!(e["status"]["c:com.acme.orders.OrderService"]["color"], "yellow");
    ok(arkpack(&["split", "plan", "--analysis", a, "--module", "p:com.acme.orders", "--module", "p:com.acme.audit", "--name", "orders-module", "--out", plan.to_str().unwrap()]));
    let p = plan.to_str().unwrap();
    let d = dir.to_str().unwrap();

    // A file the plan moves has uncommitted changes: refused, nothing touched.
    let service = dir.join("app/src/main/java/com/acme/orders/OrderService.java");
    let original = std::fs::read_to_string(&service).unwrap();
    std::fs::write(&service, format!("{original}// edited\n")).unwrap();
    let o = arkpack(&["split", "apply", "--plan", p, "--project", d, "--write"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("uncommitted changes") && String::from_utf8_lossy(&o.stderr).contains("OrderService.java"));
    assert!(!dir.join("orders-module").exists());
    std::fs::write(&service, original).unwrap();

    // The dry run says what it would do and changes nothing.
    let dry = ok(arkpack(&["split", "apply", "--plan", p, "--project", d]));
    assert!(dry.contains("would move app/src/main/java/com/acme/orders/OrderService.java -> orders-module/src/main/java/com/acme/orders/OrderService.java"), "{dry}");
    assert!(dry.contains("would add <module>orders-module</module> to pom.xml"));
    // A warning does not stop apply; it is said.
    assert!(dry.contains("warning: module class com.acme.orders.OrderService publishes com.acme.common.OrderPlaced, which base class com.acme.payments.PaymentListener listens to"), "{dry}");
    assert!(!dir.join("orders-module").exists() && service.exists());

    ok(arkpack(&["split", "apply", "--plan", p, "--project", d, "--write"]));
    assert!(!service.exists());
    // Folders the moves emptied are gone; their parents, which still hold the base's code, stay.
    assert!(!dir.join("app/src/main/java/com/acme/audit").exists() && !dir.join("app/src/main/java/com/acme/orders").exists());
    assert!(dir.join("app/src/main/java/com/acme/users").is_dir());
    assert!(dir.join("orders-module/src/main/java/com/acme/orders/OrderService.java").is_file());
    assert!(dir.join("orders-module/src/main/resources/mapper/OrderMapper.xml").is_file());
    assert!(std::fs::read_to_string(dir.join("pom.xml")).unwrap().contains("<module>orders-module</module>"));

    let mvn = Command::new("mvn").args(["-o", "-q", "-B", "package"]).current_dir(&dir).output().expect("mvn runs");
    assert!(mvn.status.success(), "mvn -o package failed:\n{}", String::from_utf8_lossy(&mvn.stdout));
    let biz = dir.join("orders-module/target/orders-module-1.0.0-ark-biz.jar");
    assert!(biz.is_file(), "the module was packaged as an ark-biz by arkpack-maven-plugin");
    let listing = ok(arkpack(&["inspect", biz.to_str().unwrap()]));
    assert!(listing.contains("com/acme/orders/OrderService.class"), "{listing}");
}

/// Every file under `root` as a jar, in path order.
fn jar_of(root: &Path, jar: &Path) {
    let files = arkpack_tests::files_under(root);
    let entries: Vec<(&str, &[u8])> = files.iter().map(|f| (f.path.as_str(), f.content.as_slice())).collect();
    std::fs::write(jar, arkpack_tests::jar(&entries, arkpack_tests::time(2024))).unwrap();
}

/// With jar bundles and a second core, `analyze` expands each jar one ahead in another thread (a
/// second component instance) while the analyzer reads the last; pinned to one core (`taskset`) it
/// runs in one call. Both engines, both ways: the same bytes, a broken jar named.
#[test]
fn jar_bundles_expanded_ahead_give_the_analysis_of_one_call() {
    assert!(std::thread::available_parallelism().map_or(1, |n| n.get()) >= 2, "this test needs two cores: it compares the expander running beside the analyzer with one call");
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path());
    let mut args: Vec<String> = Vec::new();
    for module in ["app", "common"] {
        let jar = tmp.path().join(format!("{module}.jar"));
        jar_of(&dir.join(module).join("target/classes"), &jar);
        args.extend(["--app".into(), jar.display().to_string()]);
    }
    let broken = tmp.path().join("broken.jar");
    std::fs::write(&broken, b"not a zip").unwrap();
    args.extend(["--app".into(), broken.display().to_string()]);
    let mut libs: Vec<PathBuf> = std::fs::read_dir(dir.join("app/target/dependency")).unwrap().map(|e| e.unwrap().path()).collect();
    libs.sort();
    for lib in libs {
        args.extend(["--lib".into(), lib.display().to_string()]);
    }
    let run = |pinned: bool, engine: &str| -> Vec<u8> {
        let out = tmp.path().join(format!("{engine}-{pinned}.json"));
        let bin = env!("CARGO_BIN_EXE_arkpack");
        let mut cmd = if pinned { Command::new("taskset") } else { Command::new(bin) };
        if pinned {
            cmd.args(["-c", "0", bin]);
        }
        let o = cmd.args(["--engine", engine, "-q", "split", "analyze"]).args(&args).arg("--out").arg(&out).output().expect("arkpack runs");
        ok(o);
        std::fs::read(&out).unwrap()
    };
    let one_call = run(true, "component");
    for (pinned, engine) in [(false, "component"), (false, "native"), (true, "native")] {
        assert!(run(pinned, engine) == one_call, "{engine} engine (pinned to one core: {pinned}) gave another analysis");
    }
    let a: serde_json::Value = serde_json::from_slice(&one_call).unwrap();
    assert_eq!(a["nodes"].as_array().unwrap().iter().filter(|n| n["kind"] == "class").count(), 25);
    assert!(a["edges"].as_array().unwrap().iter().any(|e| e["from"] == "c:com.acme.audit.AuditLog" && e["to"] == "c:com.acme.orders.OrderService"), "the XML bean edge");
    let broken_named = a["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "corrupt-jar" && d["subject"] == broken.display().to_string());
    assert!(broken_named, "{}", a["diagnostics"]);
}

fn http(port: u16, method: &str, path: &str, body: &str) -> (u16, serde_json::Value) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let status: u16 = text[9..12].parse().unwrap();
    let json = text.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    (status, serde_json::from_str(json).unwrap_or(serde_json::Value::Null))
}

#[test]
fn serve_answers_the_api() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path());
    let analysis = tmp.path().join("analysis.json");
    ok(arkpack(&["split", "analyze", "--maven-project", dir.to_str().unwrap(), "--out", analysis.to_str().unwrap(), "-q"]));
    std::fs::create_dir(tmp.path().join("web")).unwrap();
    std::fs::write(tmp.path().join("web/index.html"), "<h1>view</h1>").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_arkpack"))
        .args(["split", "serve", "--analysis", analysis.to_str().unwrap(), "--port", "0", "--static", tmp.path().join("web").to_str().unwrap()])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().unwrap()).read_line(&mut line).unwrap();
    let port: u16 = line.rsplit(':').next().unwrap().trim_end_matches(|c: char| !c.is_ascii_digit()).parse().unwrap();
    let (status, graph) = http(port, "GET", "/api/graph", "");
    assert_eq!(status, 200);
    assert_eq!(graph["nodes"].as_array().unwrap().iter().filter(|n| n["kind"] == "class").count(), 25);
    let user = graph["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "c:com.acme.users.UserController").unwrap();
    assert_eq!(user, &serde_json::json!({"id": "c:com.acme.users.UserController", "kind": "class", "name": "UserController", "package": "p:com.acme.users", "bundle": "b:shop-app", "entry": "controller", "bean": {"name": "userController", "stereotype": "controller"}}));
    assert_eq!(graph["events"], serde_json::json!([{"publisher": "c:com.acme.orders.OrderService", "listener": "c:com.acme.payments.PaymentListener", "event": "com.acme.common.OrderPlaced"}]));
    let (status, e) = http(port, "POST", "/api/evaluate", r#"{"module":["p:com.acme.users"]}"#);
    assert_eq!(status, 200);
    assert_eq!(e["status"]["c:com.acme.users.UserService"]["color"], "red");
    assert_eq!(e["verify"]["ok"], false);
    let (status, err) = http(port, "POST", "/api/evaluate", r#"{"module":["c:nope"]}"#);
    assert_eq!(status, 400);
    assert!(err["error"].as_str().unwrap().contains("c:nope"));
    let (status, s) = http(port, "POST", "/api/suggest", r#"{"seeds":["c:com.acme.users.UserController"]}"#);
    assert_eq!(status, 200);
    assert_eq!(s["candidates"][0]["name"], "users");
    let (status, plan) = http(port, "POST", "/api/plan", r#"{"module":["p:com.acme.orders","p:com.acme.audit"],"name":"orders-module"}"#);
    assert_eq!(status, 200);
    assert_eq!(plan["moduleDir"], "orders-module");
    let (status, m) = http(port, "GET", "/api/matrix?level=bundle", "");
    assert_eq!(status, 200);
    assert_eq!(m["labels"], serde_json::json!(["b:shop-app", "b:shop-common"]));
    assert_eq!(m["cells"][1], serde_json::json!([0, 1, 12]), "12 class edges from shop-app to shop-common");
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut page = String::new();
    s.read_to_string(&mut page).unwrap();
    assert!(page.ends_with("<h1>view</h1>"));
    // Java's HttpClient asks every request to upgrade to h2c; the answer must still come (HTTP/1.1).
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(20))).unwrap();
    let body = r#"{"module":["p:com.acme.users"]}"#;
    write!(s, "POST /api/evaluate HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\nContent-Length: {}\r\nContent-Type: application/json\r\n\r\n{body}", body.len()).unwrap();
    let mut head = [0u8; 12];
    s.read_exact(&mut head).expect("an answer to a request asking for h2c");
    assert_eq!(&head, b"HTTP/1.1 200");
    child.kill().unwrap();
    let _ = child.wait();
}

/// `apply` rewrites the injections from the base through the core: the same text from the component
/// and the native engine; a source file the core cannot read as Java stops it before anything moves.
#[test]
fn apply_rewrites_injections_from_the_base_on_both_engines() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path());
    let analysis = tmp.path().join("analysis.json");
    let plan = tmp.path().join("plan.json");
    ok(arkpack(&["split", "analyze", "--maven-project", dir.to_str().unwrap(), "--out", analysis.to_str().unwrap(), "-q"]));
    ok(arkpack(&["split", "plan", "--analysis", analysis.to_str().unwrap(), "--module", "p:com.acme.orders", "--module", "p:com.acme.audit", "--name", "orders-module", "--out", plan.to_str().unwrap()]));
    let (p, d) = (plan.to_str().unwrap(), dir.to_str().unwrap());
    let service = dir.join("orders-module/src/main/java/com/acme/orders/OrderService.java");
    let mut texts = Vec::new();
    for engine in ["component", "native"] {
        let out = ok(arkpack(&["--engine", engine, "split", "apply", "--plan", p, "--project", d, "--write"]));
        assert!(out.contains("change orders-module/src/main/java/com/acme/orders/OrderService.java: OrderService.payments: @Autowired @Qualifier(\"paymentService\") → @AutowiredFromBase(name = \"paymentService\")\n"), "{out}");
        assert!(!out.contains("to do by hand"), "{out}");
        texts.push(std::fs::read_to_string(&service).unwrap());
        git(&dir, &["reset", "-q", "--hard"]);
        git(&dir, &["clean", "-qfd"]);
    }
    assert_eq!(texts[0], texts[1], "the component and the native core rewrite alike");
    assert_eq!(texts[0].matches("@AutowiredFromBase\n").count(), 2, "{}", texts[0]);
    assert!(texts[0].contains("import com.alipay.sofa.koupleless.common.api.AutowiredFromBase;\n") && !texts[0].contains("Qualifier"), "{}", texts[0]);

    let original = dir.join("app/src/main/java/com/acme/orders/OrderService.java");
    std::fs::write(&original, "package com.acme.orders;\n/* never closed\npublic class OrderService {}\n").unwrap();
    git(&dir, &["commit", "-qam", "broken"]);
    let o = arkpack(&["split", "apply", "--plan", p, "--project", d, "--write"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success() && err.contains("app/src/main/java/com/acme/orders/OrderService.java") && err.contains("unterminated comment at line 2"), "{err}");
    assert!(!dir.join("orders-module").exists() && dir.join("app/src/main/java/com/acme/orders/Order.java").exists(), "nothing moved");
}
