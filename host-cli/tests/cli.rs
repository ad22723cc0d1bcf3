//! The `arkpack` command end to end: the component and the native engine give the core's exact
//! bytes for the same request; bad input gives the documented exit code and a message naming the
//! input; a failed build leaves the previous output alone; a crash names the input it was reading.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use arkpack_core::model::{ExecutableOptions, Scope};
use arkpack_tests::*;

/// The compiled-code cache the tests share (compiling once is enough; one test checks a cold cache).
fn shared_cache() -> PathBuf {
    root().join("target/test-cache")
}

/// Runs arkpack in `dir` with the shared compiled-code cache.
fn arkpack(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_arkpack"))
        .args(args)
        .current_dir(dir)
        .env("ARKPACK_CACHE_DIR", shared_cache())
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run arkpack")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn request_path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn component_and_native_give_the_cores_bytes() {
    let mut with_exe = demo_module();
    with_exe.executable = Some(ExecutableOptions { container: fake_container(time(2012)), ark_version: "2.3.3".into() });
    for (name, request) in [("demo", demo_module()), ("thin-jar", thin_jar_module(time(2011))), ("executable", with_exe)] {
        let expected = biz(&request);
        let dir = temp();
        let req = write_request(&request, dir.path(), "out/biz.jar");
        for engine in ["component", "native"] {
            let o = arkpack(dir.path(), &["--engine", engine, "-q", "biz", "--request", request_path(&req)]);
            assert!(o.status.success(), "{name} {engine}: {}", stderr(&o));
            let got = std::fs::read(dir.path().join("out/biz.jar")).unwrap();
            assert_same_bytes(&got, &expected.biz_jar, &format!("{name} through the {engine} engine"));
            if let Some(exe) = &expected.executable_jar {
                assert_same_bytes(&std::fs::read(dir.path().join("exe.jar")).unwrap(), exe, &format!("{name} executable, {engine}"));
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn outputs_are_readable_by_everyone_like_other_build_outputs() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    let req = write_request(&demo_module(), dir.path(), "biz.jar");
    let o = arkpack(dir.path(), &["-q", "biz", "--request", request_path(&req)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mode = std::fs::metadata(dir.path().join("biz.jar")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
}

#[test]
fn plugin_command_gives_the_cores_bytes_on_both_engines() {
    let request = plugin_module();
    let expected = plugin(&request);
    let dir = temp();
    let req = write_plugin_request(&request, dir.path(), "demo.ark.plugin");
    for engine in ["component", "native"] {
        let o = arkpack(dir.path(), &["--engine", engine, "-q", "plugin", "--request", request_path(&req)]);
        assert!(o.status.success(), "{engine}: {}", stderr(&o));
        assert_same_bytes(&std::fs::read(dir.path().join("demo.ark.plugin")).unwrap(), &expected.plugin_jar, &format!("plugin, {engine}"));
    }
    let o = arkpack(dir.path(), &["--json", "inspect", dir.path().join("demo.ark.plugin").to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["inspection"]["kind"], "plugin");
}

#[test]
fn list_prints_the_plan_and_writes_nothing() {
    let dir = temp();
    let req = write_request(&demo_module(), dir.path(), "biz.jar");
    let o = arkpack(dir.path(), &["--json", "biz", "--request", request_path(&req), "--list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: Vec<&str> = v["plan"]["biz"]["entries"].as_array().unwrap().iter().map(|e| e["path"].as_str().unwrap()).collect();
    assert_eq!(paths.first(), Some(&"META-INF/"));
    assert!(paths.contains(&"com/alipay/sofa/ark/biz/mark") && paths.contains(&"lib/demo-greeting-1.0.0.jar"), "{paths:?}");
    assert_eq!(v["plan"]["report"]["mainClassSource"], "detected");
    assert!(!dir.path().join("biz.jar").exists());
}

#[test]
fn inspect_tells_what_a_jar_is() {
    let dir = temp();
    let mut request = demo_module();
    request.executable = Some(ExecutableOptions { container: fake_container(time(2012)), ark_version: "2.3.3".into() });
    let out = biz(&request);
    let files = [("biz.jar", out.biz_jar.clone(), "biz"), ("exe.jar", out.executable_jar.clone().unwrap(), "executable"), ("lib.jar", request.libraries[0].content.bytes().unwrap().to_vec(), "plain")];
    for (name, bytes, kind) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let o = arkpack(dir.path(), &["--json", "inspect", dir.path().join(name).to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["inspection"]["kind"], kind, "{name}");
    }
    let o = arkpack(dir.path(), &["inspect", dir.path().join("biz.jar").to_str().unwrap()]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains(": ark-biz jar, ") && text.contains("lib/demo-greeting-1.0.0.jar stored") && text.contains("Ark-Biz-Name: demo-module"), "{text}");
}

/// Runs a failing request and checks the exit code, the message, and that `out.jar` kept its old
/// content with no temporary file left beside it.
fn assert_fails(dir: &Path, args: &[&str], code: i32, needles: &[&str]) {
    let out = dir.join("out.jar");
    std::fs::write(&out, b"previous build").unwrap();
    let o = arkpack(dir, args);
    assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
    for n in needles {
        assert!(stderr(&o).contains(n), "{args:?}: expected {n:?} in:\n{}", stderr(&o));
    }
    assert_eq!(std::fs::read(&out).unwrap(), b"previous build");
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.to_string_lossy().contains(".arkpack-")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn edit_request(req: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(req).unwrap()).unwrap();
    edit(&mut v);
    std::fs::write(req, serde_json::to_vec(&v).unwrap()).unwrap();
}

#[test]
fn bad_input_exit_codes_and_messages() {
    let dir = temp();
    let d = dir.path();
    let req = write_request(&demo_module(), d, "out.jar");
    let r = request_path(&req);

    edit_request(&req, |v| v["libraries"][0]["file"] = "repo/missing.jar".into());
    assert_fails(d, &["biz", "--request", r], 3, &["missing.jar", "`libraries[0].file`"]);

    let req = write_request(&demo_module(), d, "out.jar");
    edit_request(&req, |v| v["bizNmae"] = "typo".into());
    assert_fails(d, &["biz", "--request", r], 3, &["unknown field `bizNmae`"]);

    let req = write_request(&demo_module(), d, "out.jar");
    edit_request(&req, |v| v["priority"] = "first".into());
    assert_fails(d, &["biz", "--request", r], 4, &["invalid `priority`", "field: priority"]);

    write_request(&demo_module(), d, "out.jar");
    std::fs::write(d.join("repo/0/demo-greeting-1.0.0.jar"), b"<html>not found</html>").unwrap();
    assert_fails(d, &["biz", "--request", r], 4, &["demo-greeting-1.0.0.jar is not a valid jar (zip) file", "input: "]);

    let req = write_request(&demo_module(), d, "out.jar");
    edit_request(&req, |v| v["outputTimestamp"] = "last tuesday".into());
    assert_fails(d, &["biz", "--request", r], 3, &["`outputTimestamp` is \"last tuesday\""]);

    assert_fails(d, &["biz"], 2, &["--request"]);
}

#[test]
fn a_crash_names_the_input_being_read() {
    // A module jar holding 64 MiB of zeros (about 64 KiB compressed) cannot be inflated under a
    // 16 MiB memory cap: the component traps while reading it.
    let dir = temp();
    let zeros = vec![0u8; 64 << 20];
    let module = jar(&[("big.bin", &zeros), ("com/example/Main.class", b"x")], time(2000));
    let mut request = demo_module();
    request.module = arkpack_core::model::ModuleContent::Jar(module);
    request.main_class = Some("com.example.Main".into());
    let req = write_request(&request, dir.path(), "out.jar");
    let o = arkpack(dir.path(), &["--memory-limit", "16", "biz", "--request", request_path(&req)]);
    assert_eq!(o.status.code(), Some(5), "{}", stderr(&o));
    let module_path = dir.path().join("module.jar");
    assert!(stderr(&o).contains(&format!("crashed while reading module {}", module_path.display())), "{}", stderr(&o));
    // The same request without the cap works: the crash was the cap, not the input.
    let o = arkpack(dir.path(), &["-q", "biz", "--request", request_path(&req)]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn two_cold_runs_at_once_share_one_cache_file() {
    let dir = temp();
    let req = write_request(&demo_module(), dir.path(), "out.jar");
    let spawn = |out: &str| {
        Command::new(env!("CARGO_BIN_EXE_arkpack"))
            .args(["-q", "biz", "--request", request_path(&req)])
            .env("ARKPACK_CACHE_DIR", dir.path().join("cache"))
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(std::process::Stdio::null())
            .spawn()
            .map(|c| (c, out.to_string()))
            .unwrap()
    };
    let runs = [spawn("a"), spawn("b")];
    for (mut child, name) in runs {
        assert!(child.wait().unwrap().success(), "run {name}");
    }
    let cached: Vec<_> = std::fs::read_dir(dir.path().join("cache")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(cached.len(), 1, "{cached:?}");
    assert!(cached[0].starts_with("core-") && cached[0].ends_with(".cwasm"), "{cached:?}");
    // A corrupt cache file is replaced, not trusted.
    std::fs::write(dir.path().join("cache").join(&cached[0]), b"garbage").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_arkpack"))
        .args(["-q", "biz", "--request", request_path(&req)])
        .env("ARKPACK_CACHE_DIR", dir.path().join("cache"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::metadata(dir.path().join("cache").join(&cached[0])).unwrap().len() > 1000);
}

#[test]
fn the_flag_form_matches_the_request_form() {
    let dir = temp();
    let ex = root().join("examples/demo-module");
    let o = arkpack(
        dir.path(),
        &[
            "-q", "biz",
            "--classes", ex.join("classes").to_str().unwrap(),
            "--lib", ex.join("lib/demo-greeting-1.0.0.jar").to_str().unwrap(),
            "--conf", ex.join("conf").to_str().unwrap(),
            "--name", "demo-module", "--version", "1.0.0", "--group-id", "com.example",
            "--web-context-path", "demo",
            "--out", dir.path().join("flags.jar").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut expected = demo_module();
    expected.libraries[0].coordinates.group_id = "local".into(); // the flag form cannot know it
    let expected = biz(&expected);
    assert_same_bytes(&std::fs::read(dir.path().join("flags.jar")).unwrap(), &expected.biz_jar, "flag form");
}

/// A Spring Boot style base jar: `BOOT-INF/lib/` jars STORED, as spring-boot-maven-plugin writes them.
fn base_jar(path: &Path, nested: &[(&str, Vec<u8>)]) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("BOOT-INF/classes/com/example/base/Base.class", stored).unwrap();
    std::io::Write::write_all(&mut z, b"\xca\xfe\xba\xbe").unwrap();
    for (name, bytes) in nested {
        z.start_file(format!("BOOT-INF/lib/{name}"), stored).unwrap();
        std::io::Write::write_all(&mut z, bytes).unwrap();
    }
    z.finish().unwrap();
}

#[test]
fn slimming_reads_the_base_through_the_host_and_explains_itself() {
    let dir = temp();
    let d = dir.path();
    let mut request = demo_module();
    // A second library the base also has (by its pom.properties), and which the module keeps otherwise.
    let shared = jar(
        &[("META-INF/maven/org.example/shared/pom.properties", b"groupId=org.example\nartifactId=shared\nversion=2.0\n"), ("org/example/shared/S.class", b"\xca\xfe")],
        time(2010),
    );
    request.libraries.push(library(coords("org.example", "shared", "1.0"), Scope::Compile, shared.clone()));
    let req = write_request(&request, d, "out/biz.jar");
    base_jar(&d.join("base.jar"), &[("shared-2.0.jar", shared)]);
    edit_request(&req, |v| {
        v["base"] = serde_json::json!({ "jar": "base.jar" });
        v["slimResults"] = "out/sofa-ark/module-slim-results.json".into();
        v["slimReport"] = "out/sofa-ark/arkpack-slim-report.json".into();
    });
    let r = request_path(&req);
    let mut jars = Vec::new();
    for engine in ["component", "native"] {
        let o = arkpack(d, &["--engine", engine, "biz", "--request", r]);
        assert!(o.status.success(), "{engine}: {}", stderr(&o));
        assert!(stderr(&o).contains("warning[slim-base-version]: org.example:shared:1.0 is left out of the module, but the base ("), "{}", stderr(&o));
        jars.push(std::fs::read(d.join("out/biz.jar")).unwrap());
    }
    assert_same_bytes(&jars[0], &jars[1], "slimmed biz jar, component vs native");
    let results = std::fs::read_to_string(d.join("out/sofa-ark/module-slim-results.json")).unwrap();
    assert_eq!(results, "{\n  \"excluded\": [\n    \"org.example:shared:jar\"\n  ],\n  \"compiled\": []\n}\n");

    let o = arkpack(d, &["why", "org.example:shared", "--report", "out/sofa-ark/arkpack-slim-report.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.starts_with("org.example:shared:1.0 (compile scope): left to the base (not packaged)\n  because: the base has it ("), "{text}");
    assert!(text.contains("base.jar!/BOOT-INF/lib/shared-2.0.jar, version 2.0)"), "{text}");
    assert!(text.contains("  path: com.example:demo-module:1.0.0 -> org.example:shared:1.0\n"), "{text}");
    let o = arkpack(d, &["why", "org.example:nothing", "--report", "out/sofa-ark/arkpack-slim-report.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no library matches `org.example:nothing` among the 2 in the report"), "{}", stderr(&o));
    // The same answer straight from a request.
    let o = arkpack(d, &["why", "shared", "--request", r]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("left to the base"), "{}", stderr(&o));
}

#[test]
fn bad_slimming_settings_name_file_and_line() {
    let dir = temp();
    let d = dir.path();
    let req = write_request(&demo_module(), d, "out.jar");
    let r = request_path(&req);
    std::fs::write(d.join("conf/ark/rules.txt"), "excludes=a:b\n\nexcludeGroupIds org.apache*\n").unwrap();
    assert_fails(d, &["biz", "--request", r], 4, &["conf/ark/rules.txt line 3: `excludeGroupIds org.apache*` is not `key=value`"]);
    std::fs::remove_file(d.join("conf/ark/rules.txt")).unwrap();
    edit_request(&req, |v| v["excludes"] = serde_json::json!(["a:b:c:d:e"]));
    assert_fails(d, &["biz", "--request", r], 4, &["invalid `excludes`: `a:b:c:d:e`: has 5 parts"]);
    edit_request(&req, |v| {
        v["excludes"] = serde_json::json!([]);
        v["base"] = serde_json::json!({ "jar": "missing-base.jar" });
    });
    assert_fails(d, &["biz", "--request", r], 3, &["missing-base.jar", "`base.jar`"]);
}

#[test]
fn remembered_crcs_give_the_same_bytes_and_follow_rewrites() {
    let dir = temp();
    let d = dir.path();
    let cache = d.join("cache");
    let run = |req: &Path| {
        let o = Command::new(env!("CARGO_BIN_EXE_arkpack"))
            .args(["-q", "biz", "--request", request_path(req)])
            .current_dir(d)
            .env("ARKPACK_CACHE_DIR", &cache)
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read(d.join("out/biz.jar")).unwrap()
    };
    let remembered = || std::fs::read_to_string(cache.join("crc-v1.txt")).unwrap_or_default();
    let request = thin_jar_module(time(2011));
    let expected = biz(&request).biz_jar;
    let req = write_request(&request, d, "out/biz.jar");
    // The CRCs of the library files, as the cache must hold them.
    let crcs: std::collections::BTreeSet<String> = request
        .libraries
        .iter()
        .filter_map(|l| match &l.content {
            arkpack_core::model::JarContent::Bytes(b) => Some(format!("{:08x}", arkpack_core::jar::write::crc32(b))),
            _ => None,
        })
        .collect();
    let remembered_crcs = || remembered().lines().map(|l| l.split('\t').nth(1).unwrap_or_default().to_string()).collect::<std::collections::BTreeSet<_>>();

    // Files changed less than a second ago are not remembered (their times could repeat).
    assert_same_bytes(&run(&req), &expected, "first run");
    assert_eq!(remembered().lines().count(), 0, "{}", remembered());
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_same_bytes(&run(&req), &expected, "second run (CRCs read and remembered)");
    assert!(remembered().lines().count() >= 4 && remembered_crcs().is_subset(&crcs), "{}\nvs {crcs:?}", remembered());
    assert_same_bytes(&run(&req), &expected, "third run (CRCs remembered)");

    // The remembered CRC is what a build uses: a planted wrong one shows in the jar.
    let planted: String = remembered().lines().map(|l| { let p: Vec<&str> = l.split('\t').collect(); format!("{}\t00000000\t{}\n", p[0], p[2]) }).collect();
    std::fs::write(cache.join("crc-v1.txt"), planted).unwrap();
    assert_ne!(run(&req), expected, "the planted CRCs were not used");

    // Rewritten libraries get new keys (their change time moved): read again, right bytes.
    let mut changed = request.clone();
    let index = changed.libraries.iter().position(|l| l.content.looks_like_zip()).unwrap();
    changed.libraries[index].content = arkpack_core::model::JarContent::Bytes(jar(&[("com/example/Changed.class", b"\xca\xfe\xba\xbe changed")], time(2013)));
    let req = write_request(&changed, d, "out/biz.jar");
    assert_same_bytes(&run(&req), &biz(&changed).biz_jar, "after the libraries were rewritten");

    // A damaged cache file is ignored, not trusted.
    std::fs::write(cache.join("crc-v1.txt"), "zz\tnot a crc\nno tab here\n\t1\t2\n").unwrap();
    assert_same_bytes(&run(&req), &biz(&changed).biz_jar, "with a damaged cache file");
}
