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
        "  libraries    {} in lib/, {} in lib/export/, {} provided and {} test left out, {} for the executable only",
        count(LibraryDecision::Packaged),
        count(LibraryDecision::Exported),
        count(LibraryDecision::Provided),
        count(LibraryDecision::Test),
        count(LibraryDecision::ExecutableOnly)
    );
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
