//! Slimming decisions on small graphs, with the official plugin's answer beside ours, and the
//! bytecode checks on planted classes. Every expected outcome is written out in full.

use super::*;
use crate::model::{BaseArtifact, BaseFacts, CheckLevel, FileEntry, JarContent, Library, ManagedPom, ModuleContent};

fn coords(g: &str, a: &str, v: &str) -> Coordinates {
    Coordinates { group_id: g.into(), artifact_id: a.into(), version: v.into(), classifier: None, extension: "jar".into() }
}

/// A jar holding `entries`.
fn jar(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut list = crate::jar::write::EntryList::new();
    for (name, bytes) in entries {
        list.add(name, crate::jar::write::Data::Deflated(bytes.to_vec().into()), None, crate::model::EntrySource::Generated("test".into())).unwrap();
    }
    let written = list.write(crate::jar::time::entry_time(None).unwrap()).unwrap();
    crate::jar::write::assemble(&written.pieces, |_| None).unwrap()
}

/// A class file named `name` (internal form) whose constant pool names `refs`.
fn class(name: &str, refs: &[&str]) -> Vec<u8> {
    let mut pool: Vec<Vec<u8>> = Vec::new();
    let utf8_class = |n: &str, pool: &mut Vec<Vec<u8>>| {
        let mut u = vec![1];
        u.extend((n.len() as u16).to_be_bytes());
        u.extend(n.as_bytes());
        pool.push(u);
        let utf = pool.len() as u16;
        let mut c = vec![7];
        c.extend(utf.to_be_bytes());
        pool.push(c);
        pool.len() as u16
    };
    let this = utf8_class(name, &mut pool);
    let sup = utf8_class("java/lang/Object", &mut pool);
    for r in refs {
        utf8_class(r, &mut pool);
    }
    let mut out = vec![0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52];
    out.extend(((pool.len() + 1) as u16).to_be_bytes());
    for e in &pool {
        out.extend(e);
    }
    out.extend([0, 0x21]);
    out.extend(this.to_be_bytes());
    out.extend(sup.to_be_bytes());
    out.extend([0, 0, 0, 0, 0, 0, 0, 0]);
    out
}

fn lib(g: &str, a: &str, parent: Option<&str>, depends_on: &[&str], classes: &[(&str, &[u8])]) -> Library {
    let mut l = Library::new(coords(g, a, "1.0"), Scope::Compile, format!("repo/{a}-1.0.jar"), JarContent::Bytes(jar(classes)));
    l.parent = parent.map(Into::into);
    l.depends_on = depends_on.iter().map(|d| d.to_string()).collect();
    l
}

fn request(libraries: Vec<Library>, conf: &[(&str, &str)]) -> BizRequest {
    let app = class("com/x/App", &["lib/b/B"]);
    let mut r = BizRequest::new(coords("com.x", "app", "1.0"), ModuleContent::Files(vec![FileEntry { path: "com/x/App.class".into(), content: app }]), "target/classes");
    r.libraries = libraries;
    r.conf_files = conf.iter().map(|(p, t)| FileEntry { path: p.to_string(), content: t.as_bytes().to_vec() }).collect();
    r.main_class = Some("com.x.App".into());
    r
}

/// Module → a (excluded) and b; a → c and b → c; Maven's pruned tree puts c under a.
fn shared_under_excluded() -> Vec<Library> {
    vec![
        lib("g", "a", None, &["g:c:jar"], &[("lib/a/A.class", &class("lib/a/A", &["lib/c/C"]))]),
        lib("g", "b", None, &["g:c:jar"], &[("lib/b/B.class", &class("lib/b/B", &["lib/c/C"]))]),
        lib("g", "c", Some("g:a:jar"), &[], &[("lib/c/C.class", &class("lib/c/C", &[]))]),
    ]
}

fn outcome<'a>(s: &'a Slimmed, id: &str) -> &'a SlimOutcome {
    s.outcomes.iter().find(|o| o.id == id).unwrap()
}

#[test]
fn a_shared_dependency_under_an_excluded_one_stays_while_a_kept_one_needs_it() {
    let r = request(shared_under_excluded(), &[("conf/ark/rules.txt", "excludes=g:a\n")]);
    let s = decide(&r, &mut crate::NoProgress).unwrap();
    assert_eq!(s.outcomes.iter().map(|o| (o.id.as_str(), o.kept)).collect::<Vec<_>>(), [("g:a:jar", false), ("g:b:jar", true), ("g:c:jar", true)]);
    let c = outcome(&s, "g:c:jar");
    assert_eq!(c.rule, "needed by a kept dependency, though an excluded one needs it too");
    assert_eq!(c.path, ["com.x:app:1.0", "g:b:1.0", "g:c:1.0"]);
    assert_eq!(c.official.as_deref(), Some("removed by the official plugin: Maven's pruned tree shows it under excluded g:a:1.0, though a kept dependency needs it"));
    let a = outcome(&s, "g:a:jar");
    assert_eq!((a.rule.as_str(), a.source.as_deref(), a.official.as_deref()), ("excludes g:a", Some("conf/ark/rules.txt line 1"), None));
    let (results, _) = report::render(&r, &s, &checks::Summary::default());
    assert_eq!(results, "{\n  \"excluded\": [\n    \"g:a:jar\"\n  ],\n  \"compiled\": []\n}\n");
}

#[test]
fn what_only_excluded_dependencies_need_goes_with_them() {
    // c is under b in the pruned tree, but b is excluded too now: nothing kept needs c.
    let mut libs = shared_under_excluded();
    libs[2].parent = Some("g:b:jar".into());
    let r = request(libs, &[("conf/ark/bootstrap.properties", "excludeArtifactIds=a,b\n")]);
    let s = decide(&r, &mut crate::NoProgress).unwrap();
    let c = outcome(&s, "g:c:jar");
    assert!(!c.kept);
    assert_eq!(c.rule, "only needed through excluded g:a:1.0 (excludeWithIndirectDependencies)");
    assert_eq!(c.source.as_deref(), Some("conf/ark/bootstrap.properties line 1: excludeArtifactIds a"));
    assert_eq!(c.official, None, "the official plugin removes it too, under b");
    // Without indirect exclusion only the literal matches go.
    let r = request(shared_under_excluded(), &[("conf/ark/bootstrap.properties", "excludeArtifactIds=a,b\nexcludeWithIndirectDependencies=false\n")]);
    let s = decide(&r, &mut crate::NoProgress).unwrap();
    assert!(outcome(&s, "g:c:jar").kept);
}

#[test]
fn the_full_graph_also_removes_what_the_pruned_tree_keeps() {
    // c sits under kept-looking x in the tree, but x is the base's (managed) and a is excluded.
    let libs = vec![
        lib("g", "a", None, &["g:c:jar"], &[]),
        lib("g", "x", None, &["g:c:jar"], &[]),
        lib("g", "c", Some("g:x:jar"), &[], &[]),
    ];
    let mut r = request(libs, &[("conf/ark/rules.txt", "excludes=g:a\n")]);
    r.slimming.base_dependency_parent_identity = Some("com.base:base-dependencies-starter".into());
    r.slimming.parents = vec![ManagedPom { coordinates: coords("com.base", "base-dependencies-starter", "1.0"), parent: None, managed: vec![coords("g", "x", "1.0")] }];
    let s = decide(&r, &mut crate::NoProgress).unwrap();
    let x = outcome(&s, "g:x:jar");
    assert_eq!((x.kept, x.rule.as_str()), (false, "managed by the base dependency parent com.base:base-dependencies-starter:1.0"));
    let c = outcome(&s, "g:c:jar");
    assert!(!c.kept);
    assert_eq!(c.official.as_deref(), Some("kept by the official plugin: Maven's pruned tree does not show it under an excluded dependency, but only excluded dependencies need it"));
    // a and c are not in the base: the official check says so (a log line there, a warning here).
    let d: Vec<_> = s.diagnostics.iter().map(|d| (d.code.as_str(), d.location.as_deref())).collect();
    assert_eq!(d, [("slim-not-in-base", Some("repo/a-1.0.jar")), ("slim-not-in-base", Some("repo/c-1.0.jar"))]);
}

#[test]
fn includes_win_and_turn_provided_into_packaged() {
    let mut libs = shared_under_excluded();
    libs[1].scope = Scope::Provided;
    let r = request(libs, &[("conf/ark/bootstrap.yml", "excludeGroupIds:\n  - g\nincludes:\n  - g:b\n")]);
    let s = decide(&r, &mut crate::NoProgress).unwrap();
    assert_eq!(s.outcomes.iter().map(|o| (o.id.as_str(), o.kept)).collect::<Vec<_>>(), [("g:a:jar", false), ("g:b:jar", true), ("g:c:jar", false)]);
    assert_eq!(outcome(&s, "g:b:jar").rule, "includes g:b (packaged although provided)");
    assert_eq!(s.forced, [false, true, false]);
    let (results, _) = report::render(&r, &s, &checks::Summary::default());
    assert_eq!(results, "{\n  \"excluded\": [\n    \"g:a:jar\",\n    \"g:c:jar\"\n  ],\n  \"compiled\": [\n    \"g:b:jar\"\n  ]\n}\n");
    let out = crate::package_biz(&r, &mut crate::NoProgress).unwrap();
    let packaged: Vec<_> = out.plan.report.libraries.iter().filter_map(|l| l.entry.as_deref()).collect();
    assert_eq!(packaged, ["lib/b-1.0.jar"]);
}

#[test]
fn the_base_dependency_parent_must_be_an_ancestor_and_versions_are_compared() {
    let mut r = request(shared_under_excluded(), &[]);
    r.slimming.base_dependency_parent_identity = Some("com.base:starter:2.0".into());
    r.slimming.parents = vec![ManagedPom { coordinates: coords("com.base", "starter", "1.0"), parent: None, managed: vec![coords("g", "c", "0.9")] }];
    let err = decide(&r, &mut crate::NoProgress).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid `baseDependencyParentIdentity`: can not find base dependency parent com.base:starter:2.0 among the module's parents (com.base:starter:1.0); make the base's dependency starter the module's parent or an ancestor of it"
    );
    r.slimming.base_dependency_parent_identity = Some("com.base:starter".into());
    let s = decide(&r, &mut crate::NoProgress).unwrap();
    assert_eq!(s.diagnostics.len(), 1);
    assert_eq!(
        s.diagnostics[0].message,
        "g:c:1.0 is left out of the module, but the base dependency parent com.base:starter:1.0 has version 0.9: the module runs against another version than it was built with"
    );
    r.conf_files = vec![FileEntry { path: "conf/ark/bootstrap.properties".into(), content: b"buildFailWhenExcludeDiffBaseDependency=true\n".to_vec() }];
    assert!(matches!(decide(&r, &mut crate::NoProgress), Err(Error::Slimming { .. })));
}

#[test]
fn boms_imported_from_the_base_parent_count_as_the_base() {
    let mut r = request(shared_under_excluded(), &[]);
    r.slimming.base_dependency_parent_identity = Some("com.base:parent".into());
    r.slimming.parents = vec![ManagedPom { coordinates: coords("com.base", "parent", "1"), parent: None, managed: vec![] }];
    r.slimming.imported_boms = vec![
        ManagedPom { coordinates: coords("com.base", "plugin-bom", "1"), parent: Some(coords("com.base", "parent", "1")), managed: vec![coords("g", "b", "1.0")] },
        ManagedPom { coordinates: coords("other", "bom", "1"), parent: None, managed: vec![coords("g", "a", "1.0")] },
    ];
    let s = decide(&r, &mut crate::NoProgress).unwrap();
    assert_eq!(s.outcomes.iter().map(|o| (o.id.as_str(), o.kept)).collect::<Vec<_>>(), [("g:a:jar", true), ("g:b:jar", false), ("g:c:jar", true)]);
    assert_eq!(outcome(&s, "g:b:jar").rule, "managed by com.base:plugin-bom:1, a BOM whose parent is the base dependency parent");
}

#[test]
fn remote_warn_rules_are_reported() {
    let mut r = request(shared_under_excluded(), &[]);
    r.slimming.pack_excludes_url = Some(crate::model::RemoteRules { url: "http://127.0.0.1/x".into(), body: r#"{"success":true,"result":{"jarWarnArtifactIds":["b"]}}"#.into() });
    let s = decide(&r, &mut crate::NoProgress).unwrap();
    assert!(s.outcomes.iter().all(|o| o.kept));
    assert_eq!(s.diagnostics.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(), ["g:b:1.0 matches jarWarnArtifactIds b (packExcludesUrl http://127.0.0.1/x jarWarnArtifactIds): check whether the module should package it"]);
}

fn base_with(classes: &[(&str, &[u8])]) -> BaseFacts {
    BaseFacts::Artifacts(vec![BaseArtifact { coordinates: coords("g", "a", "1.0"), origin: "base/a-1.0.jar".into(), content: Some(JarContent::Bytes(jar(classes))) }])
}

#[test]
fn a_class_only_a_removed_jar_had_is_found_missing() {
    // b and c are excluded, a is kept, and the base (known by its classes) has neither b nor c.
    let mut r = request(shared_under_excluded(), &[("conf/ark/rules.txt", "excludes=g:b\nexcludes=g:c\n")]);
    r.slimming.base = Some(BaseFacts::Artifacts(vec![BaseArtifact {
        coordinates: coords("com.base", "thing", "1.0"),
        origin: "base/thing-1.0.jar".into(),
        content: Some(JarContent::Bytes(jar(&[("com/base/Thing.class", &class("com/base/Thing", &[]))]))),
    }]));
    let out = crate::plan_biz(&r, &mut crate::NoProgress).unwrap();
    let d: Vec<_> = out.diagnostics.iter().filter(|d| d.code.starts_with("class")).map(|d| (d.severity, d.code.as_str(), d.message.as_str(), d.location.as_deref())).collect();
    assert_eq!(
        d,
        [
            (Severity::Warning, "class-missing", "lib.a.A (a-1.0.jar) refers to lib.c.C, which only the removed c-1.0.jar has; neither the module, its kept jars, the base nor the JDK provides it (NoClassDefFoundError at runtime): keep g:c:1.0 or make sure the base has it", Some("repo/c-1.0.jar")),
            (Severity::Warning, "class-missing", "com.x.App (target/classes) refers to lib.b.B, which only the removed b-1.0.jar has; neither the module, its kept jars, the base nor the JDK provides it (NoClassDefFoundError at runtime): keep g:b:1.0 or make sure the base has it", Some("repo/b-1.0.jar")),
        ]
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
    );
    r.slimming.class_checks = CheckLevel::Fail;
    assert!(matches!(crate::plan_biz(&r, &mut crate::NoProgress), Err(Error::Slimming { .. })));
    r.slimming.class_checks = CheckLevel::Off;
    assert!(crate::plan_biz(&r, &mut crate::NoProgress).unwrap().diagnostics.iter().all(|d| !d.code.starts_with("class")));
}

#[test]
fn a_class_in_the_module_and_the_base_with_other_bytes_is_a_clash() {
    let mut r = request(shared_under_excluded(), &[]);
    // The base's a has another lib/a/A than the module's kept a; its c is the same bytes.
    r.slimming.base = Some(base_with(&[("lib/a/A.class", &class("lib/a/A", &[])), ("lib/c/C.class", &class("lib/c/C", &[]))]));
    r.libraries[0].coordinates.group_id = "kept".into();
    let out = crate::plan_biz(&r, &mut crate::NoProgress).unwrap();
    let d: Vec<_> = out.diagnostics.iter().map(|d| (d.code.as_str(), d.message.as_str())).collect();
    assert_eq!(d, [("class-clash", "lib.a.A is in a-1.0.jar and in the base's base/a-1.0.jar with other bytes: the module and the base would each load their own copy (LinkageError / ClassCastException risk)")]);
}

#[test]
fn kept_jars_are_scanned_only_when_a_class_could_be_missing() {
    // No facts about the base: the excluded jar is assumed to be there, so nothing can be missing.
    let r = request(shared_under_excluded(), &[("conf/ark/rules.txt", "excludes=g:a\n")]);
    let report = crate::plan_biz(&r, &mut crate::NoProgress).unwrap().report.slim.report_json;
    assert!(report.contains("\"librariesScanned\": false,\n    \"classesScanned\": 1,"), "{report}");
    // The base is known and lacks a's classes: the kept jars are scanned.
    let mut r = r;
    r.slimming.base = Some(base_with(&[("com/base/Thing.class", &class("com/base/Thing", &[]))]));
    let report = crate::plan_biz(&r, &mut crate::NoProgress).unwrap().report.slim.report_json;
    assert!(report.contains("\"librariesScanned\": true,\n    \"classesScanned\": 3,"), "{report}");
}
