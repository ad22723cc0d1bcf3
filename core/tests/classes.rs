//! The class-file layer on real class files (the example module, compiled by javac): main-class
//! detection and the guard against the known cafebabe 0.9 panic.

use std::panic::catch_unwind;

use arkpack_core::classfile::{self, main_class};
use arkpack_core::model::{BizRequest, Coordinates, FileEntry, ModuleContent, Severity};
use arkpack_core::NoProgress;

const APP: &[u8] = include_bytes!("../../examples/demo-module/classes/com/example/demo/DemoApplication.class");
const SERVICE: &[u8] = include_bytes!("../../examples/demo-module/classes/com/example/demo/DemoService.class");
const ANONYMOUS: &[u8] = include_bytes!("../../examples/demo-module/classes/com/example/demo/DemoService$1.class");

/// `DemoService$1` with one byte of the UTF-8 constant `()Ljava/lang/Runnable;` made invalid. Only
/// its EnclosingMethod attribute's NameAndType uses that constant, and cafebabe checks a NameAndType's
/// descriptor only for its tag: the input that makes cafebabe 0.9.0 panic ("utf-8 data from
/// non-utf8 constant pool entry"), as measured in `reference/wasm-facts.md`.
fn known_trigger() -> Vec<u8> {
    let mut bytes = ANONYMOUS.to_vec();
    let mut pattern = vec![1u8, 0, 22];
    pattern.extend_from_slice(b"()Ljava/lang/Runnable;");
    let hits: Vec<usize> = bytes.windows(pattern.len()).enumerate().filter(|(_, w)| *w == pattern.as_slice()).map(|(i, _)| i).collect();
    assert_eq!(hits.len(), 1, "fixture changed: find the descriptor constant with `javap -v 'DemoService$1.class'`");
    bytes[hits[0] + 4] = 0xFF;
    bytes
}

#[test]
fn the_known_trigger_panics_cafebabe_but_not_us() {
    let trigger = known_trigger();
    let raw = catch_unwind(|| {
        let _ = cafebabe::parse_class(&trigger);
    });
    assert!(raw.is_err(), "cafebabe no longer panics on this input; the guard may be unnecessary");
    let err = classfile::guard::check(&trigger).unwrap_err();
    assert!(err.contains("EnclosingMethod"), "{err}");
    assert!(classfile::parse(&trigger).is_err());
}

#[test]
fn a_bad_class_is_a_named_diagnostic_and_the_build_finishes() {
    let project = Coordinates { group_id: "g".into(), artifact_id: "m".into(), version: "1".into(), classifier: None, extension: "jar".into() };
    let files = vec![
        FileEntry { path: "com/example/demo/DemoApplication.class".into(), content: APP.to_vec() },
        FileEntry { path: "com/example/demo/DemoService$1.class".into(), content: known_trigger() },
    ];
    let request = BizRequest::new(project, ModuleContent::Files(files), "target/classes");
    let out = arkpack_core::package_biz(&request, &mut NoProgress).unwrap();
    assert_eq!(out.plan.report.main_class, "com.example.demo.DemoApplication");
    let d: Vec<_> = out.plan.diagnostics.iter().map(|d| (d.severity, d.code.as_str(), d.location.as_deref())).collect();
    assert_eq!(d, [(Severity::Warning, "class-unreadable", Some("target/classes!/com/example/demo/DemoService$1.class"))]);
}

#[test]
fn main_class_detection_reads_the_bytecode() {
    assert_eq!(main_class::candidate(SERVICE).unwrap(), None);
    assert_eq!(main_class::candidate(ANONYMOUS).unwrap(), None);
    let app = main_class::candidate(APP).unwrap().unwrap();
    assert_eq!(app.name, "com.example.demo.DemoApplication");
    assert!(!app.spring_boot_application);
}

#[test]
fn spring_boot_application_wins_and_ties_are_errors() {
    let c = |name: &str, sba: bool| main_class::Candidate { name: name.into(), spring_boot_application: sba };
    assert_eq!(main_class::choose("m", vec![c("a.Tool", false), c("b.App", true)]).unwrap(), "b.App");
    let err = main_class::choose("target/classes", vec![c("a.One", false), c("b.Two", false)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "target/classes has several main classes (a.One, b.Two); set `mainClass` (Maven) or `--main-class` to choose one"
    );
    let err = main_class::choose("target/classes", vec![]).unwrap_err();
    assert!(err.to_string().starts_with("no class with `public static void main(String[])` was found in target/classes"), "{err}");
}
