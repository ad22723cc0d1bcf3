//! Writes biz jars and what each must read back as into `target/arkpack-cases/`, for the JVM suite
//! in `tests/jvm` that opens them with the JDK and the real SOFAArk classes (run by scripts/test.sh).
//! The expectations come from the requests, not from the jars.

use arkpack_core::model::BizRequest;
use arkpack_core::{package_biz, NoProgress};
use arkpack_tests::*;

fn write_case(name: &str, request: &BizRequest) {
    let out = package_biz(request, &mut NoProgress).unwrap();
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
