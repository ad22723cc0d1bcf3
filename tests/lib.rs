//! Shared fixtures for arkpack's cross-host tests: small jars built in code, the example module
//! read from `examples/`, scenario requests, and the normalized listing golden files compare.
//!
//! Bless new goldens with `ARKPACK_BLESS=1 cargo test -p arkpack-tests`.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use arkpack_core::model::{BizPlan, BizRequest, BuildInfo, Coordinates, FileEntry, GitInfo, JarContent, Library, ModuleContent, PluginPlan, PluginRequest, Scope};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ sits in the workspace").to_path_buf()
}

pub fn coords(group: &str, artifact: &str, version: &str) -> Coordinates {
    Coordinates { group_id: group.into(), artifact_id: artifact.into(), version: version.into(), classifier: None, extension: "jar".into() }
}

/// A jar with the given files, every entry deflated at `time` (so tests can vary input times).
pub fn jar(entries: &[(&str, &[u8])], time: zip::DateTime) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        let options = zip::write::SimpleFileOptions::default().last_modified_time(time);
        zip.start_file(*name, options).expect("start entry");
        zip.write_all(content).expect("write entry");
    }
    zip.finish().expect("finish jar").into_inner()
}

/// Every file under `root`, with its `/`-separated relative path, in path order.
pub fn files_under(root: &Path) -> Vec<FileEntry> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(FileEntry { path: p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"), content: std::fs::read(&p).unwrap() });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

pub fn time(year: u16) -> zip::DateTime {
    zip::DateTime::from_date_and_time(year, 6, 15, 12, 30, 10).expect("valid time")
}

pub fn library(c: Coordinates, scope: Scope, content: Vec<u8>) -> Library {
    Library::new(c.clone(), scope, format!("repo/{}", c.file_name()), JarContent::Bytes(content))
}

/// A biz request's jars as bytes (the core returns pieces; these requests hold every library whole).
pub struct BizJars {
    pub biz_jar: Vec<u8>,
    pub executable_jar: Option<Vec<u8>>,
    pub plan: BizPlan,
}

fn assemble(pieces: &[arkpack_core::model::Piece], libraries: &[Library]) -> Vec<u8> {
    arkpack_core::jar::write::assemble(pieces, |i| libraries.get(i as usize).and_then(|l| l.content.bytes())).expect("assemble the jar")
}

/// Packages a biz request with the core and assembles its jars.
pub fn biz(request: &BizRequest) -> BizJars {
    let out = arkpack_core::package_biz(request, &mut arkpack_core::NoProgress).expect("the request packages");
    BizJars {
        biz_jar: assemble(&out.biz_jar, &request.libraries),
        executable_jar: out.executable_jar.as_deref().map(|p| assemble(p, &request.libraries)),
        plan: out.plan,
    }
}

/// A plugin request's jar as bytes.
pub struct PluginJar {
    pub plugin_jar: Vec<u8>,
    pub plan: PluginPlan,
}

/// Packages a plugin request with the core and assembles its jar.
pub fn plugin(request: &PluginRequest) -> PluginJar {
    let out = arkpack_core::package_plugin(request, &mut arkpack_core::NoProgress).expect("the request packages");
    PluginJar { plugin_jar: assemble(&out.plugin_jar, &request.libraries), plan: out.plan }
}

/// A plain library jar holding one resource of its own and its pom.properties.
pub fn plain_lib(group: &str, artifact: &str, version: &str, t: zip::DateTime) -> Vec<u8> {
    let resource = format!("{}/{}.properties", group.replace('.', "/"), artifact);
    let pom = format!("META-INF/maven/{group}/{artifact}/pom.properties");
    let props = format!("artifactId={artifact}\ngroupId={group}\nversion={version}\n");
    jar(&[(&resource, props.as_bytes()), (&pom, props.as_bytes())], t)
}

/// Reads a directory into file entries (paths relative, `/`-separated), in directory order.
pub fn read_dir(dir: &Path) -> Vec<FileEntry> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read fixture dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("inside").to_str().expect("utf-8").replace('\\', "/");
                out.push(FileEntry { path: rel, content: std::fs::read(&path).expect("read fixture") });
            }
        }
    }
    out
}

/// The example module of the README (`examples/demo-module`), as `arkpack.json` describes it.
pub fn demo_module() -> BizRequest {
    let dir = root().join("examples/demo-module");
    let mut r = BizRequest::new(coords("com.example", "demo-module", "1.0.0"), ModuleContent::Files(read_dir(&dir.join("classes"))), "examples/demo-module/classes");
    let lib = std::fs::read(dir.join("lib/demo-greeting-1.0.0.jar")).expect("example lib");
    r.libraries = vec![library(coords("com.example", "demo-greeting", "1.0.0"), Scope::Compile, lib)];
    r.conf_files = read_dir(&dir.join("conf")).into_iter().map(|f| FileEntry { path: format!("conf/{}", f.path), content: f.content }).collect();
    r.web_context_path = "demo".into();
    r
}

/// A module given as a thin jar with its own manifest and pom files, exercising every library rule:
/// same file names from two groups, provided and test scopes, a pom, an ark plugin, an injected
/// plugin dependency, requires-unpack, declared mode, deny-import lists, build and git info, and an
/// output timestamp. `t` is the time recorded in the module jar's entries; the libraries' bytes
/// are fixed (they are copied as they are, so their bytes are inputs like any other).
pub fn thin_jar_module(t: zip::DateTime) -> BizRequest {
    let lt = time(2005);
    let dir = root().join("examples/demo-module/classes");
    let app = std::fs::read(dir.join("com/example/demo/DemoApplication.class")).expect("class");
    let service = std::fs::read(dir.join("com/example/demo/DemoService.class")).expect("class");
    let manifest = b"Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.3.0\r\nBuild-Jdk-Spec: 17\r\nMain-Class: com.example.demo.DemoApplication\r\n\r\n";
    let pom_props = b"artifactId=orders\ngroupId=com.example.shop\nversion=2.1.0\n";
    let module = jar(
        &[
            ("META-INF/MANIFEST.MF", manifest),
            ("com/example/demo/DemoApplication.class", &app),
            ("com/example/demo/DemoService.class", &service),
            ("META-INF/maven/com.example.shop/orders/pom.xml", b"<project/>"),
            ("META-INF/maven/com.example.shop/orders/pom.properties", pom_props),
            ("static/index.html", b"<h1>orders</h1>"),
        ],
        t,
    );
    let mut r = BizRequest::new(coords("com.example.shop", "orders", "2.1.0"), ModuleContent::Jar(module), "orders/target/orders-2.1.0.jar");
    let plugin = jar(&[("com/alipay/sofa/ark/plugin/mark", b"plugin"), ("x/Y.class", b"y")], lt);
    let mut pom = coords("com.example.shop", "shop-bom", "2.1.0");
    pom.extension = "pom".into();
    let mut classified = coords("com.example.shop", "shop-api", "2.1.0");
    classified.classifier = Some("jdk8".into());
    r.libraries = vec![
        library(coords("com.example.shop", "shop-api", "2.1.0"), Scope::Compile, plain_lib("com.example.shop", "shop-api", "2.1.0", lt)),
        library(classified, Scope::Runtime, plain_lib("com.example.shop", "shop-api-jdk8", "2.1.0", lt)),
        library(coords("org.one", "util", "1.0"), Scope::Compile, plain_lib("org.one", "util", "1.0", lt)),
        library(coords("org.two", "util", "1.0"), Scope::Runtime, plain_lib("org.two", "util", "1.0", lt)),
        library(coords("javax.servlet", "servlet-api", "2.5"), Scope::Provided, plain_lib("javax.servlet", "servlet-api", "2.5", lt)),
        library(coords("junit", "junit", "4.13.2"), Scope::Test, plain_lib("junit", "junit", "4.13.2", lt)),
        library(pom, Scope::Compile, b"<project/>".to_vec()),
        library(coords("com.example.shop", "shop-plugin", "1.0.0"), Scope::Compile, plugin),
        library(coords("com.example.shop", "shared-model", "1.0.0"), Scope::Compile, plain_lib("com.example.shop", "shared-model", "1.0.0", lt)),
        library(coords("com.fasterxml", "native-lib", "3.0"), Scope::Compile, plain_lib("com.fasterxml", "native-lib", "3.0", lt)),
    ];
    r.conf_files = vec![
        FileEntry { path: "conf/ark/rules.txt".into(), content: b"excludes=org.springframework:*\n".to_vec() },
        FileEntry { path: "conf/ark/bootstrap.yml".into(), content: b"excludeGroupIds:\n  - io.netty\n".to_vec() },
    ];
    r.priority = "200".into();
    r.web_context_path = "orders".into();
    r.deny_import_packages = vec!["com.example.shop.internal".into(), "org.slf4j.*".into()];
    r.deny_import_classes = vec!["com.example.Secret".into()];
    r.deny_import_resources = vec!["META-INF/spring.factories".into()];
    r.inject_plugin_dependencies = vec!["shared-model:1.0.0".into()];
    r.inject_export_packages = vec!["com.example.shop.model".into()];
    r.declared_mode = true;
    r.declared_whitelist = vec!["org.extra:extra-lib".into()];
    r.requires_unpack = vec!["com.fasterxml:native-lib".into()];
    r.output_timestamp = Some(1_700_000_000);
    r.build_info = Some(BuildInfo {
        build_time: Some("ignored because the output timestamp wins".into()),
        git: Some(GitInfo {
            remote_origin_url: Some("git@example.com:shop/orders.git".into()),
            commit_branch: Some("main".into()),
            commit_id: Some("0123456789abcdef0123456789abcdef01234567".into()),
            commit_user_name: Some("Ada".into()),
            commit_user_email: None,
            commit_time: Some("2023-11-14T22:13:20+0000".into()),
            commit_timestamp: Some("1700000000000".into()),
            build_user: Some("ci".into()),
            build_email: Some("ci@example.com".into()),
        }),
    });
    r
}

/// A stand-in SOFAArk container: the container mark and a nested `sofa-ark-archive` jar holding
/// loader and non-loader classes (the real container is used by the JVM tests in `tests/jvm`).
pub fn fake_container(t: zip::DateTime) -> Library {
    let archive = jar(
        &[
            ("com/alipay/sofa/ark/loader/JarBizArchive.class", b"loader"),
            ("com/alipay/sofa/ark/bootstrap/ArkLauncher.class", b"launcher"),
            ("com/alipay/sofa/ark/other/NotCopied.class", b"no"),
        ],
        t,
    );
    let common = jar(&[("com/alipay/sofa/ark/common/util/StringUtils.class", b"su"), ("com/alipay/sofa/ark/common/util/Other.class", b"no")], t);
    let content = jar(
        &[
            ("com/alipay/sofa/ark/container/mark", b"a mark file included in sofa-ark-all.jar"),
            ("lib/sofa-ark-archive-2.3.3.jar", &archive),
            ("lib/sofa-ark-common-2.3.3.jar", &common),
            ("lib/netty-4.1.jar", b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"),
        ],
        t,
    );
    library(coords("com.alipay.sofa", "sofa-ark-all", "2.3.3"), Scope::Compile, content)
}

/// A jar as golden text: kind, normalized listing, manifest, then the report and diagnostics.
pub fn golden_text(jar: &[u8], plan: &BizPlan) -> String {
    let inspection = arkpack_core::inspect("out.jar", jar).expect("our jar reads back");
    let mut out = format!("kind: {:?}\n\n## entries (path method size crc time [comment])\n", inspection.kind);
    out.push_str(&arkpack_core::inspect::listing(&inspection));
    out.push_str("\n## manifest\n");
    out.push_str(&inspection.manifest.clone().unwrap_or_default().replace("\r\n", "\n"));
    out.push_str("## report\n");
    let r = &plan.report;
    out.push_str(&format!("biz {}:{} start {} ({:?})\n", r.biz_name, r.biz_version, r.main_class, r.main_class_source));
    for l in &r.libraries {
        out.push_str(&format!("{} {:?} {:?} -> {}\n", l.coordinates.gav(), l.kind, l.decision, l.entry.as_deref().unwrap_or("-")));
    }
    out.push_str("## diagnostics\n");
    for d in &plan.diagnostics {
        out.push_str(&format!("{:?} {} {} ({})\n", d.severity, d.code, d.message, d.location.as_deref().unwrap_or("-")));
    }
    out
}

/// Asserts two jars are byte-identical, reporting sizes and the first differing offset.
pub fn assert_same_bytes(a: &[u8], b: &[u8], what: &str) {
    if a != b {
        let at = a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
        panic!("{what}: {} and {} bytes, first difference at offset {at}", a.len(), b.len());
    }
}

/// Compares with `tests/golden/<name>.txt`, or writes it when `ARKPACK_BLESS=1`.
pub fn assert_golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(format!("{name}.txt"));
    if std::env::var_os("ARKPACK_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("golden dir")).expect("mkdir golden");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden {}; run with ARKPACK_BLESS=1 to create it", path.display()));
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (e, a))| e != a)
            .take(10)
            .map(|(i, (e, a))| format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1))
            .collect();
        panic!("{} differs from the output (re-bless with ARKPACK_BLESS=1 if intended):\n{}\n(expected {} lines, got {})", path.display(), diff.join("\n"), expected.lines().count(), actual.lines().count());
    }
}

/// Writes a file under `dir`, creating its folders.
fn put(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, bytes).expect("write input");
}

fn gav_json(c: &Coordinates) -> serde_json::Value {
    serde_json::json!({ "groupId": c.group_id, "artifactId": c.artifact_id, "version": c.version, "classifier": c.classifier, "extension": c.extension })
}

/// Writes a library under `dir/repo/<i>/` and returns its request entry.
fn library_json(dir: &Path, i: usize, l: &Library) -> serde_json::Value {
    let rel = format!("repo/{i}/{}", l.coordinates.file_name());
    put(dir, &rel, l.content.bytes().expect("fixtures hold libraries whole"));
    let mut v = gav_json(&l.coordinates);
    v["scope"] = serde_json::json!(format!("{:?}", l.scope).to_lowercase());
    v["file"] = serde_json::json!(rel);
    v
}

/// Writes the module content and libraries under `dir`; returns their request entries.
fn inputs_json(dir: &Path, module: &ModuleContent, libraries: &[Library]) -> (serde_json::Value, Vec<serde_json::Value>) {
    let module = match module {
        ModuleContent::Jar(bytes) => {
            put(dir, "module.jar", bytes);
            serde_json::json!({ "jar": "module.jar" })
        }
        ModuleContent::Files(files) => {
            for f in files {
                put(dir, &format!("classes/{}", f.path), &f.content);
            }
            std::fs::create_dir_all(dir.join("classes")).expect("mkdir classes");
            serde_json::json!({ "classes": "classes" })
        }
    };
    (module, libraries.iter().enumerate().map(|(i, l)| library_json(dir, i, l)).collect())
}

/// Writes a request's inputs under `dir` and a request JSON naming them (the form the JVM hosts
/// send), so a CLI run can be compared with the core run on the same request. Returns its path.
pub fn write_request(request: &BizRequest, dir: &Path, output: &str) -> PathBuf {
    use serde_json::json;
    let (module, libraries) = inputs_json(dir, &request.module, &request.libraries);
    let gav = gav_json;
    for f in &request.conf_files {
        put(dir, &f.path, &f.content);
    }
    let git = request.build_info.as_ref().and_then(|b| b.git.as_ref()).map(|g| {
        json!({ "remoteOriginUrl": g.remote_origin_url, "commitBranch": g.commit_branch, "commitId": g.commit_id,
                "commitUserName": g.commit_user_name, "commitUserEmail": g.commit_user_email, "commitTime": g.commit_time,
                "commitTimestamp": g.commit_timestamp, "buildUser": g.build_user, "buildEmail": g.build_email })
    });
    let mut value = json!({
        "project": gav(&request.project),
        "module": module,
        "libraries": libraries,
        "confDir": "conf",
        "bizName": request.biz_name,
        "bizVersion": request.biz_version,
        "priority": request.priority,
        "mainClass": request.main_class,
        "webContextPath": request.web_context_path,
        "denyImportPackages": request.deny_import_packages,
        "denyImportClasses": request.deny_import_classes,
        "denyImportResources": request.deny_import_resources,
        "injectPluginDependencies": request.inject_plugin_dependencies,
        "injectPluginExportPackages": request.inject_export_packages,
        "declaredMode": request.declared_mode,
        "declaredWhitelist": request.declared_whitelist,
        "packageProvided": request.package_provided,
        "requiresUnpack": request.requires_unpack,
        "outputTimestamp": request.output_timestamp,
        "buildInfo": request.build_info.as_ref().map(|b| json!({ "buildTime": b.build_time, "git": git })),
        "output": output,
    });
    if let Some(exe) = &request.executable {
        let mut container = library_json(dir, 9999, &exe.container);
        container.as_object_mut().expect("object").remove("scope");
        value["executable"] = json!({ "container": container, "arkVersion": exe.ark_version, "output": "exe.jar" });
    }
    let path = dir.join("request.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&value).expect("json")).expect("write request");
    path
}

/// An ark-plugin project: the example's classes (which call `com.example.greeting.Greeter`), the
/// greeting library in `lib/`, one library shaded, one excluded, one sharing the plugin's
/// artifactId, one provided, an activator and explicit imports and exports.
pub fn plugin_module() -> PluginRequest {
    use arkpack_core::model::{ExportConfig, ImportConfig};
    let dir = root().join("examples/demo-module");
    let mut r = PluginRequest::new(coords("com.example", "demo-plugin", "1.0.0"), ModuleContent::Files(read_dir(&dir.join("classes"))), "demo-plugin/target/classes");
    let t = time(2005);
    let greeting = std::fs::read(dir.join("lib/demo-greeting-1.0.0.jar")).expect("example lib");
    r.libraries = vec![
        library(coords("com.example", "demo-greeting", "1.0.0"), Scope::Compile, greeting),
        library(coords("org.shaded", "tiny", "2.0"), Scope::Compile, plain_lib("org.shaded", "tiny", "2.0", t)),
        library(coords("org.unwanted", "bloat", "9.9"), Scope::Runtime, plain_lib("org.unwanted", "bloat", "9.9", t)),
        library(coords("org.other", "demo-plugin", "0.1"), Scope::Compile, plain_lib("org.other", "demo-plugin", "0.1", t)),
        library(coords("javax.servlet", "servlet-api", "2.5"), Scope::Provided, plain_lib("javax.servlet", "servlet-api", "2.5", t)),
    ];
    r.plugin_name = "demo".into();
    r.priority = "500".into();
    r.description = "an example plugin".into();
    r.activator = Some("com.example.demo.DemoService".into());
    r.imported = ImportConfig { packages: vec!["org.slf4j.*".into()], classes: vec![], resources: vec![] };
    r.exported = ExportConfig {
        mode: Some("classLoader".into()),
        packages: vec!["com.example.demo.*".into()],
        classes: vec!["com.example.greeting.Greeter".into()],
        resources: vec!["META-INF/demo/*".into()],
    };
    r.excludes = vec!["org.unwanted:*".into()];
    r.shades = vec!["org.shaded:tiny:2.0".into()];
    r.output_timestamp = Some(1_700_000_000);
    r
}

/// Writes a plugin request's inputs and its request JSON under `dir`; returns the JSON's path.
pub fn write_plugin_request(r: &PluginRequest, dir: &Path, output: &str) -> PathBuf {
    use serde_json::json;
    let (module, libraries) = inputs_json(dir, &r.module, &r.libraries);
    let value = json!({
        "project": gav_json(&r.project),
        "module": module,
        "libraries": libraries,
        "pluginName": r.plugin_name,
        "priority": r.priority,
        "description": r.description,
        "activator": r.activator,
        "imported": { "packages": r.imported.packages, "classes": r.imported.classes, "resources": r.imported.resources },
        "exported": { "mode": r.exported.mode, "packages": r.exported.packages, "classes": r.exported.classes, "resources": r.exported.resources },
        "excludes": r.excludes,
        "excludeGroupIds": r.exclude_group_ids,
        "excludeArtifactIds": r.exclude_artifact_ids,
        "shades": r.shades,
        "exportPluginClass": r.export_plugin_class,
        "strict": r.strict,
        "outputTimestamp": r.output_timestamp,
        "output": output,
    });
    let path = dir.join("plugin-request.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&value).expect("json")).expect("write request");
    path
}
