//! How results look: short text for people, JSON with `--json` for machines.

use std::path::PathBuf;

use arkpack_core::inspect::listing;
use arkpack_core::model::{ArchiveKind, ArtifactPlan, BizPlan, Diagnostic, EntryMethod, EntrySource, Inspection, LibraryDecision, MainClassSource, PluginPlan, Severity};

pub fn diagnostics(list: &[Diagnostic]) {
    for d in list {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        match &d.location {
            Some(at) => eprintln!("{level}[{}]: {} ({at})", d.code, d.message),
            None => eprintln!("{level}[{}]: {}", d.code, d.message),
        }
    }
}

fn source(s: &EntrySource) -> String {
    match s {
        EntrySource::Generated(w) => format!("generated:{w}"),
        EntrySource::Module(p) => format!("module:{p}"),
        EntrySource::Conf(p) => format!("conf:{p}"),
        EntrySource::Library(o) => format!("library:{o}"),
        EntrySource::Container(o) => format!("container:{o}"),
        EntrySource::Artifact(o) => format!("artifact:{o}"),
    }
}

fn method(m: EntryMethod) -> &'static str {
    match m {
        EntryMethod::Stored => "stored",
        EntryMethod::Deflated => "deflated",
    }
}

/// `--list`: every planned entry with its source, then the manifest.
pub fn plan(plan: &BizPlan, json: bool) {
    if json {
        println!("{}", serde_json::json!({ "ok": true, "plan": plan }));
        return;
    }
    artifact("biz jar", &plan.biz);
    if let Some(exe) = &plan.executable {
        artifact("executable jar", exe);
    }
    diagnostics(&plan.diagnostics);
}

/// One planned jar: every entry with its source, then the manifest.
fn artifact(what: &str, artifact: &ArtifactPlan) {
    println!("{what} ({} entries):", artifact.entries.len());
    for e in &artifact.entries {
        println!("  {} {} {} <- {}", e.path, method(e.method), e.size, source(&e.source));
    }
    println!("manifest:");
    for line in artifact.manifest.lines() {
        println!("  {line}");
    }
}

/// A plugin's plan (`--list`) or what was written, with the packages it contains and references.
pub fn plugin_plan(plan: &PluginPlan, written: Option<(&std::path::Path, u64)>, json: bool) {
    if json {
        let outputs: Vec<_> = written.iter().map(|(p, n)| serde_json::json!({ "path": p, "size": n })).collect();
        println!("{}", serde_json::json!({ "ok": true, "outputs": outputs, "plan": plan }));
        return;
    }
    match written {
        Some((path, size)) => println!("arkpack: wrote {} ({size} bytes)", path.display()),
        None => artifact("plugin jar", &plan.plugin),
    }
    let r = &plan.report;
    let count = |d: LibraryDecision| r.libraries.iter().filter(|l| l.decision == d).count();
    println!("  plugin       {}", r.plugin_name);
    println!(
        "  libraries    {} in lib/, {} shaded, {} excluded, {} provided and {} test left out",
        count(LibraryDecision::Packaged),
        count(LibraryDecision::Shaded),
        count(LibraryDecision::Excluded),
        count(LibraryDecision::Provided),
        count(LibraryDecision::Test)
    );
    println!("  contains     {} packages", r.contained_packages.len());
    println!("  references   {}", if r.referenced_packages.is_empty() { "nothing outside itself and the JDK".to_string() } else { r.referenced_packages.join(", ") });
    diagnostics(&plan.diagnostics);
}

pub fn packaged(plan: &BizPlan, written: &[(PathBuf, u64)], json: bool) {
    if json {
        let outputs: Vec<_> = written.iter().map(|(p, n)| serde_json::json!({ "path": p, "size": n })).collect();
        println!("{}", serde_json::json!({ "ok": true, "outputs": outputs, "plan": plan }));
        return;
    }
    let r = &plan.report;
    for (path, size) in written {
        println!("arkpack: wrote {} ({size} bytes)", path.display());
    }
    let how = match r.main_class_source {
        MainClassSource::Configured => "configured",
        MainClassSource::Manifest => "from the module's manifest",
        MainClassSource::Detected => "found in the bytecode",
    };
    println!("  biz          {}:{}", r.biz_name, r.biz_version);
    println!("  start class  {} ({how})", r.main_class);
    let count = |d: LibraryDecision| r.libraries.iter().filter(|l| l.decision == d).count();
    println!(
        "  libraries    {} in lib/, {} in lib/export/, {} left to the base by slimming, {} provided and {} test left out, {} for the executable only",
        count(LibraryDecision::Packaged),
        count(LibraryDecision::Exported),
        count(LibraryDecision::Excluded),
        count(LibraryDecision::Provided),
        count(LibraryDecision::Test),
        count(LibraryDecision::ExecutableOnly)
    );
    if count(LibraryDecision::Excluded) > 0 {
        println!("  why          arkpack why <groupId:artifactId> --report <the slimReport file>");
    }
    diagnostics(&plan.diagnostics);
}

pub fn inspection(name: &str, i: &Inspection, json: bool) {
    if json {
        println!("{}", serde_json::json!({ "ok": true, "file": name, "inspection": i }));
        return;
    }
    let kind = match i.kind {
        ArchiveKind::Biz => "ark-biz jar",
        ArchiveKind::Plugin => "ark-plugin jar",
        ArchiveKind::Executable => "executable ark jar",
        ArchiveKind::Container => "SOFAArk container jar",
        ArchiveKind::Plain => "plain jar",
    };
    println!("{name}: {kind}, {} entries", i.entries.len());
    println!("entries (path method size crc time [comment]):");
    for line in listing(i).lines() {
        println!("  {line}");
    }
    match &i.manifest {
        Some(m) => {
            println!("manifest:");
            for line in m.lines() {
                println!("  {line}");
            }
        }
        None => println!("manifest: none"),
    }
    diagnostics(&i.diagnostics);
}

/// `arkpack why`: prints each library of the report matching `artifact` (`g:a`, `g:a:v` or `a`);
/// returns how many matched.
pub fn why(report: &serde_json::Value, artifact: &str, json: bool) -> usize {
    let parts: Vec<&str> = artifact.split(':').collect();
    let matches = |o: &&serde_json::Value| {
        let c = &o["coordinates"];
        let (g, a, v) = (c["groupId"].as_str().unwrap_or(""), c["artifactId"].as_str().unwrap_or(""), c["version"].as_str().unwrap_or(""));
        match parts.as_slice() {
            [a0] => a == *a0,
            [g0, a0] => g == *g0 && a == *a0,
            [g0, a0, v0, ..] => g == *g0 && a == *a0 && v == *v0,
            _ => false,
        }
    };
    let found: Vec<&serde_json::Value> = report["artifacts"].as_array().map(|a| a.iter().filter(matches).collect()).unwrap_or_default();
    if json {
        println!("{}", serde_json::to_string_pretty(&found).unwrap_or_default());
        return found.len();
    }
    for o in &found {
        let c = &o["coordinates"];
        let gav = format!("{}:{}:{}", c["groupId"].as_str().unwrap_or(""), c["artifactId"].as_str().unwrap_or(""), c["version"].as_str().unwrap_or(""));
        let kept = if o["kept"].as_bool() == Some(true) { "kept in the module" } else { "left to the base (not packaged)" };
        println!("{gav} ({} scope): {kept}", o["scope"].as_str().unwrap_or("?"));
        println!("  because: {}", o["rule"].as_str().unwrap_or(""));
        if let Some(source) = o["source"].as_str() {
            println!("  rule from: {source}");
        }
        let path: Vec<&str> = o["path"].as_array().map(|p| p.iter().filter_map(|s| s.as_str()).collect()).unwrap_or_default();
        if !path.is_empty() {
            println!("  path: {}", path.join(" -> "));
        }
        if let Some(official) = o["official"].as_str() {
            println!("  note: {official}");
        }
    }
    found.len()
}
