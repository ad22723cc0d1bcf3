//! Bad input: each gets an error that names the input and the field, with a stable code.

use arkpack_core::model::{BizRequest, ErrorCode, FileEntry, ModuleContent, PackError, Scope};
use arkpack_core::{package_biz, NoProgress};
use arkpack_tests::*;

fn err(request: &BizRequest) -> PackError {
    package_biz(request, &mut NoProgress).expect_err("the request must be refused").to_model()
}

fn files(entries: &[(&str, &[u8])]) -> ModuleContent {
    ModuleContent::Files(entries.iter().map(|(p, c)| FileEntry { path: p.to_string(), content: c.to_vec() }).collect())
}

/// A jar whose central directory names `a.txt` twice (the zip crate refuses to write that, so the
/// second name is patched in place in both headers).
fn jar_with_duplicate_entry() -> Vec<u8> {
    let mut bytes = jar(&[("a.txt", b"one"), ("b.txt", b"two")], time(2000));
    let positions: Vec<usize> = bytes.windows(5).enumerate().filter(|(_, w)| *w == b"b.txt").map(|(i, _)| i).collect();
    assert_eq!(positions.len(), 2);
    for p in positions {
        bytes[p] = b'a';
    }
    bytes
}

#[test]
fn a_module_that_is_not_a_zip() {
    let mut r = demo_module();
    r.module = ModuleContent::Jar(b"not a jar".to_vec());
    let e = err(&r);
    assert_eq!((e.code, e.input.as_deref()), (ErrorCode::InvalidInput, Some("examples/demo-module/classes")));
    assert_eq!(e.message, "examples/demo-module/classes is not a valid jar (zip) file: it does not start with a zip header (PK\\3\\4)");
}

#[test]
fn a_library_jar_that_is_not_a_zip() {
    let mut r = demo_module();
    r.libraries.push(library(coords("org.x", "broken", "1.0"), Scope::Compile, b"<html>404</html>".to_vec()));
    let e = err(&r);
    assert_eq!((e.code, e.input.as_deref()), (ErrorCode::InvalidInput, Some("repo/broken-1.0.jar")));
}

#[test]
fn zip_slip_and_absolute_names() {
    for bad in ["../evil.class", "a/../../evil", "/etc/passwd", "C:/evil"] {
        let mut r = demo_module();
        r.module = ModuleContent::Jar(jar(&[(bad, b"x")], time(2000)));
        let e = err(&r);
        assert_eq!(e.code, ErrorCode::InvalidInput, "{bad}");
        assert!(e.message.contains(&format!("entry `{bad}`")), "{bad}: {}", e.message);
        let mut r = demo_module();
        r.module = files(&[(bad, b"x")]);
        assert_eq!(err(&r).code, ErrorCode::InvalidInput, "{bad}");
    }
}

#[test]
fn duplicate_entries() {
    let mut r = demo_module();
    r.module = ModuleContent::Jar(jar_with_duplicate_entry());
    let e = err(&r);
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(e.message, "examples/demo-module/classes: entry `a.txt` appears twice in the central directory; rebuild the jar so each entry is written once");
    let mut r = demo_module();
    r.module = files(&[("a.txt", b"1"), ("a.txt", b"2")]);
    assert_eq!(err(&r).message, "examples/demo-module/classes: entry `a.txt` is given twice");
    let mut r = demo_module();
    let lib = r.libraries[0].clone();
    r.libraries.push(lib);
    let e = err(&r);
    assert_eq!((e.code, e.input.as_deref()), (ErrorCode::DuplicateEntry, Some("lib/com.example-demo-greeting-1.0.0.jar")));
}

#[test]
fn manifest_values_and_identity() {
    type Mutation = fn(&mut BizRequest);
    let cases: [(&str, Mutation); 6] = [
        ("biz-name", |r| r.biz_name = "demo\nEvil-Attribute: x".into()),
        ("biz-name", |r| r.biz_name = String::new()),
        ("biz-version", |r| r.biz_version = "".into()),
        ("priority", |r| r.priority = "first".into()),
        ("web-context-path", |r| r.web_context_path = "a\r\nb".into()),
        ("deny-import-classes", |r| r.deny_import_classes = vec!["a\nb".into()]),
    ];
    for (field, mutate) in cases {
        let mut r = demo_module();
        mutate(&mut r);
        let e = err(&r);
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidRequest, Some(field)), "{}", e.message);
    }
}

#[test]
fn conf_files_outside_conf_and_bad_timestamps() {
    let mut r = demo_module();
    r.conf_files.push(FileEntry { path: "other/x.txt".into(), content: vec![] });
    assert_eq!(err(&r).field.as_deref(), Some("conf-files"));
    let mut r = demo_module();
    r.output_timestamp = Some(100);
    assert_eq!(err(&r).field.as_deref(), Some("output-timestamp"));
}

#[test]
fn no_main_class_or_several() {
    let mut r = demo_module();
    r.module = files(&[("app.properties", b"a=1")]);
    let e = err(&r);
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::MainClass, Some("main-class")));
}
