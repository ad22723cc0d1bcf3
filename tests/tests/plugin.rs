//! ark-plugin jars: golden listing and manifest, reproducibility, the bytecode checks of imports and
//! exports (exact diagnostics), and bad input.

use arkpack_core::model::{ErrorCode, LibraryDecision, PluginRequest, Severity};
use arkpack_core::{package_plugin, NoProgress};
use arkpack_tests::*;

fn plugin_golden_text(out: &PluginJar) -> String {
    let inspection = arkpack_core::inspect("out.jar", &out.plugin_jar).expect("our jar reads back");
    let r = &out.plan.report;
    let mut text = format!("kind: {:?}\n\n## entries (path method size crc time [comment])\n", inspection.kind);
    text.push_str(&arkpack_core::inspect::listing(&inspection));
    text.push_str("\n## manifest\n");
    text.push_str(&inspection.manifest.clone().unwrap_or_default().replace("\r\n", "\n"));
    text.push_str("## report\n");
    for l in &r.libraries {
        text.push_str(&format!("{} {:?} -> {}\n", l.coordinates.gav(), l.decision, l.entry.as_deref().unwrap_or("-")));
    }
    text.push_str(&format!("contained: {}\nreferenced: {}\n", r.contained_packages.join(","), r.referenced_packages.join(",")));
    text
}

fn codes(out: &PluginJar) -> Vec<(Severity, String, String)> {
    out.plan.diagnostics.iter().map(|d| (d.severity, d.code.clone(), d.message.clone())).collect()
}

#[test]
fn golden_plugin() {
    let out = plugin(&plugin_module());
    assert_golden("demo-plugin", &plugin_golden_text(&out));
    assert_eq!(codes(&out), []);
    let decision = |a: &str| out.plan.report.libraries.iter().find(|l| l.coordinates.artifact_id == a && l.coordinates.group_id != "com.example").map(|l| l.decision);
    assert_eq!(decision("tiny"), Some(LibraryDecision::Shaded));
    assert_eq!(decision("bloat"), Some(LibraryDecision::Excluded));
    assert_eq!(decision("servlet-api"), Some(LibraryDecision::Provided));
    let entries: Vec<&str> = out.plan.plugin.entries.iter().map(|e| e.path.as_str()).collect();
    // A jar sharing the plugin's artifactId gets its groupId; shaded content sits at the root.
    assert!(entries.contains(&"lib/org.other-demo-plugin-0.1.jar"), "{entries:?}");
    assert!(entries.contains(&"org/shaded/tiny.properties") && !entries.iter().any(|e| e.contains("tiny-2.0.jar")), "{entries:?}");
}

#[test]
fn plugin_bytes_do_not_depend_on_input_order() {
    let a = plugin(&plugin_module());
    let mut shuffled = plugin_module();
    shuffled.libraries.reverse();
    if let arkpack_core::model::ModuleContent::Files(f) = &mut shuffled.module {
        f.reverse();
    }
    let b = plugin(&shuffled);
    assert_same_bytes(&a.plugin_jar, &b.plugin_jar, "plugin, shuffled inputs");
}

#[test]
fn imports_and_exports_are_checked_against_the_bytecode() {
    let mut r = plugin_module();
    r.libraries.retain(|l| l.coordinates.artifact_id != "demo-greeting" && l.coordinates.artifact_id != "bloat");
    r.exported.packages.push("com.nothing.*".into());
    r.exported.classes = vec!["com.example.demo.Missing".into()];
    let out = plugin(&r);
    assert_eq!(
        codes(&out),
        [
            (Severity::Warning, "exclude-unused".into(), "the exclude rule org.unwanted:* matches no dependency".into()),
            (Severity::Warning, "export-missing".into(), "the exported class com.example.demo.Missing is not in the plugin".into()),
            (Severity::Warning, "export-missing".into(), "the exported package pattern com.nothing.* matches no package in the plugin".into()),
            (
                Severity::Warning,
                "import-missing".into(),
                "com.example.demo.DemoApplication references package com.example.greeting, which the plugin neither contains nor imports; package the library that has it or add it to imported packages".into()
            ),
        ]
    );
    assert_eq!(out.plan.report.referenced_packages, ["com.example.greeting"]);
    // Imported, it is no longer a finding.
    r.imported.packages.push("com.example.greeting".into());
    r.excludes.clear();
    r.exported = plugin_module().exported;
    r.exported.classes.clear();
    assert_eq!(codes(&plugin(&r)), []);
}

fn refused(r: &PluginRequest) -> arkpack_core::model::PackError {
    package_plugin(r, &mut NoProgress).expect_err("must be refused").to_model()
}

#[test]
fn strict_mode_activator_and_shades() {
    let mut r = plugin_module();
    r.exported.packages = vec!["com.nothing".into()];
    r.strict = true;
    let e = refused(&r);
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidRequest, Some("strict")));
    assert!(e.message.contains("com.nothing"), "{}", e.message);

    let mut r = plugin_module();
    r.activator = Some("com.example.demo.NoSuchActivator".into());
    let e = refused(&r);
    assert_eq!(e.field.as_deref(), Some("activator"));
    assert!(e.message.starts_with("invalid `activator`: com.example.demo.NoSuchActivator is not in the plugin"), "{}", e.message);

    let mut r = plugin_module();
    r.shades.push("org.absent:ghost:1.0".into());
    assert_eq!(refused(&r).message, "invalid `shades`: org.absent:ghost:1.0 is not a dependency of the plugin; add it as a dependency or remove it from <shades>");
    let mut r = plugin_module();
    r.shades = vec!["com.example:demo-plugin:1.0.0".into()];
    assert_eq!(refused(&r).field.as_deref(), Some("shades"));
    let mut r = plugin_module();
    r.excludes = vec!["too:many:parts:here".into()];
    assert_eq!(refused(&r).field.as_deref(), Some("excludes"));
    let mut r = plugin_module();
    r.exported.mode = Some("parent-first".into());
    assert_eq!(refused(&r).field.as_deref(), Some("exported.mode"));
}
