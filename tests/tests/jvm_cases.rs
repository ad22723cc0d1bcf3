//! Writes biz jars and what each must read back as into `target/arkpack-cases/`, for the JVM suite
//! in `tests/jvm` that opens them with the JDK and the real SOFAArk classes (run by scripts/test.sh).
//! The expectations come from the requests, not from the jars.

use arkpack_core::model::BizRequest;
use arkpack_tests::*;

fn write_case(name: &str, request: &BizRequest) {
    let out = biz(request);
    let dir = root().join("target/arkpack-cases");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.jar")), &out.biz_jar).unwrap();
    let libs: Vec<String> = {
        let mut libs: Vec<String> = out.plan.report.libraries.iter().filter_map(|l| l.entry.clone()).collect();
        libs.sort();
        libs
    };
    let declared = if request.declared_mode {
        let mut ids: Vec<String> = std::iter::once(request.project.artifact_id.clone())
            .chain(request.libraries.iter().filter(|l| l.scope != arkpack_core::model::Scope::Test).map(|l| l.coordinates.artifact_id.clone()))
            .chain(request.declared_whitelist.iter().map(|w| w.split(':').nth(1).unwrap().to_string()))
            .collect();
        ids.sort();
        ids.dedup();
        ids.join(",")
    } else {
        String::new()
    };
    let props = format!(
        "kind=biz\nbizName={}\nbizVersion={}\npriority={}\nmainClass={}\nwebContextPath={}\ndenyImportPackages={}\ndeclaredLibraries={}\nlibs={}\n",
        request.biz_name,
        request.biz_version,
        request.priority,
        request.main_class.clone().unwrap_or_else(|| "com.example.demo.DemoApplication".into()),
        request.web_context_path,
        request.deny_import_packages.join(","),
        declared,
        libs.join(","),
    );
    std::fs::write(dir.join(format!("{name}.expect.properties")), props).unwrap();
}

#[test]
fn write_cases_for_the_jvm_suite() {
    write_case("demo-module", &demo_module());
    write_case("thin-jar", &thin_jar_module(time(2010)));
}

/// A plugin case, with the keys the JVM suite reads for `kind=plugin`.
#[test]
fn write_plugin_case_for_the_jvm_suite() {
    // No activator: the JVM suite checks that one implements SOFAArk's PluginActivator, which the
    // fixture's stand-in does not (the core tests cover activator handling).
    let mut request = plugin_module();
    request.activator = None;
    let out = plugin(&request);
    let dir = root().join("target/arkpack-cases");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("demo-plugin.jar"), &out.plugin_jar).unwrap();
    let mut libs: Vec<String> = out.plan.report.libraries.iter().filter_map(|l| l.entry.clone()).collect();
    libs.sort();
    // export-classes: the configured ones, then the project's top-level classes.
    let mut export_classes = request.exported.classes.clone();
    export_classes.extend(["com.example.demo.DemoApplication".to_string(), "com.example.demo.DemoService".to_string()]);
    let props = format!(
        "kind=plugin\npluginName={}\ngroupId={}\nartifactId={}\nversion={}\npriority={}\nactivator={}\nexportPackages={}\nimportPackages={}\nexportClasses={}\nlibs={}\n",
        request.plugin_name,
        request.project.group_id,
        request.project.artifact_id,
        request.project.version,
        request.priority,
        request.activator.clone().unwrap_or_default(),
        request.exported.packages.join(","),
        request.imported.packages.join(","),
        export_classes.join(","),
        libs.join(","),
    );
    std::fs::write(dir.join("demo-plugin.expect.properties"), props).unwrap();
}
