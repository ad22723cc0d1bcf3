//! Golden listings: the normalized listing plus manifest, report and diagnostics of jars made from
//! the fixture modules, compared with `tests/golden/*.txt` (bless: `ARKPACK_BLESS=1`).

use arkpack_core::model::{EntryMethod, ExecutableOptions, LibraryDecision};
use arkpack_tests::*;

#[test]
fn golden_demo_module() {
    let request = demo_module();
    let out = biz(&request);
    assert_golden("demo-module", &golden_text(&out.biz_jar, &out.plan));
    assert!(out.plan.diagnostics.is_empty(), "{:?}", out.plan.diagnostics);
}

#[test]
fn thin_jar_with_every_library_rule() {
    let request = thin_jar_module(time(2010));
    let out = biz(&request);
    assert_golden("thin-jar", &golden_text(&out.biz_jar, &out.plan));
    let libs: Vec<(&str, EntryMethod)> =
        out.plan.biz.entries.iter().filter(|e| e.path.starts_with("lib/") && !e.path.ends_with('/')).map(|e| (e.path.as_str(), e.method)).collect();
    assert_eq!(
        libs,
        [
            ("lib/export/shared-model-1.0.0.jar", EntryMethod::Stored),
            ("lib/native-lib-3.0.jar", EntryMethod::Stored),
            ("lib/org.one-util-1.0.jar", EntryMethod::Stored),
            ("lib/org.two-util-1.0.jar", EntryMethod::Stored),
            ("lib/shop-api-2.1.0-jdk8.jar", EntryMethod::Stored),
            ("lib/shop-api-2.1.0.jar", EntryMethod::Stored),
        ]
    );
    let decision = |artifact: &str| out.plan.report.libraries.iter().find(|l| l.coordinates.artifact_id == artifact).map(|l| l.decision);
    assert_eq!(decision("servlet-api"), Some(LibraryDecision::Provided));
    assert_eq!(decision("junit"), Some(LibraryDecision::Test));
    assert_eq!(decision("shop-bom"), Some(LibraryDecision::NotAJar));
    assert_eq!(decision("shop-plugin"), Some(LibraryDecision::ExecutableOnly));
}

#[test]
fn executable_ark_jar() {
    let mut request = demo_module();
    request.executable = Some(ExecutableOptions { container: fake_container(time(2015)), ark_version: "2.3.3".into() });
    let out = biz(&request);
    let exe = out.executable_jar.as_ref().expect("an executable jar was asked for");
    let plan = out.plan.executable.as_ref().unwrap();
    let biz_entry = plan.entries.last().unwrap();
    assert_eq!((biz_entry.path.as_str(), biz_entry.size), ("SOFA-ARK/biz/demo-module-1.0.0-ark-biz.jar", out.biz_jar.len() as u64));
    // The biz entry's CRC was combined from pieces, never computed over the bytes: check it.
    let inspection = arkpack_core::inspect("exe.jar", exe).unwrap();
    let listed = inspection.entries.iter().find(|e| e.path == biz_entry.path).unwrap();
    assert_eq!(listed.crc, arkpack_core::jar::write::crc32(&out.biz_jar));
    assert_golden("demo-module-executable", &golden_text(exe, &out.plan));
}
