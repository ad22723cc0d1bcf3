//! The ark-biz jar, `request → plan → write` (reference `ark-format.md` §2.3 to §2.5).
//!
//! Entry order follows the official plugin: `META-INF/MANIFEST.MF`, `conf/**`, the module's classes
//! and resources at the root, `META-INF/maven/<g>/<a>/pom.properties` when the module lacks it, the
//! biz mark, then `lib/` jars STORED. Inside each group entries are sorted by path (the official
//! plugin follows file-system and HashSet order), so the bytes depend only on the request.

mod executable;
pub(crate) mod libraries;
pub mod manifest;
mod validate;

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::classfile::main_class;
use crate::jar::write::{Data, EntryList};
use crate::jar::{self, read, time};
use crate::manifest::Manifest;
use crate::module::{module_files, ModuleFile};
use crate::model::{
    BizOutput, BizPlan, BizReport, BizRequest, Diagnostic, EntrySource, LibraryDecision, MainClassSource, Scope, SlimReport,
};
use crate::slim;
use crate::{Error, Progress, Result};

pub use validate::parts;
pub(crate) use validate::priority;

/// A planned biz (and executable) jar: every entry with its bytes, ready to write.
pub struct Planned<'a> {
    pub biz: EntryList<'a>,
    pub biz_manifest: Manifest,
    pub executable: Option<executable::Planned<'a>>,
    pub report: BizReport,
    pub diagnostics: Vec<Diagnostic>,
    pub time: zip::DateTime,
}

impl Planned<'_> {
    /// The plan as the model shows it (sizes of not-yet-written artifacts are 0).
    pub fn into_model(self) -> BizPlan {
        BizPlan {
            biz: crate::model::ArtifactPlan { entries: self.biz.to_plan(), manifest: manifest_text(&self.biz_manifest) },
            executable: self.executable.as_ref().map(executable::Planned::to_model),
            report: self.report,
            diagnostics: self.diagnostics,
        }
    }
}

/// The manifest as text for plans and listings.
pub fn manifest_text(m: &Manifest) -> String {
    String::from_utf8_lossy(&m.to_bytes()).into_owned()
}

/// Decides the start class: configured, then the module manifest's `Main-Class`, then bytecode.
fn start_class(
    request: &BizRequest,
    files: &[ModuleFile<'_>],
    manifest: Option<&Manifest>,
    diagnostics: &mut Vec<Diagnostic>,
    progress: &mut dyn Progress,
) -> Result<(String, MainClassSource)> {
    if let Some(main) = &request.main_class {
        return Ok((main.clone(), MainClassSource::Configured));
    }
    if let Some(main) = manifest.and_then(|m| m.get("Main-Class")).filter(|m| !m.is_empty()) {
        return Ok((main.to_string(), MainClassSource::Manifest));
    }
    let mut candidates = Vec::new();
    for file in files.iter().filter(|f| f.path.ends_with(".class") && !f.path.ends_with("module-info.class")) {
        progress.report("class", &format!("{}!/{}", request.module_origin, file.path));
        match main_class::candidate(&file.content) {
            Ok(Some(c)) => candidates.push(c),
            Ok(None) => {}
            Err(reason) => diagnostics.push(Diagnostic::warning(
                "class-unreadable",
                format!("skipped while looking for the main class: {reason}"),
                Some(format!("{}!/{}", request.module_origin, file.path)),
            )),
        }
    }
    Ok((main_class::choose(&request.module_origin, candidates)?, MainClassSource::Detected))
}

/// The `declared-libraries` value: artifactIds of the project, every non-test library (slimmed ones
/// too: the list says what the biz declares) and the whitelist of the request and the conf files,
/// sorted and without repeats.
fn declared_libraries(request: &BizRequest, conf_whitelist: &[String]) -> Vec<String> {
    if !request.declared_mode {
        return Vec::new();
    }
    let mut ids = BTreeSet::new();
    ids.insert(request.project.artifact_id.clone());
    for lib in request.libraries.iter().filter(|l| l.scope != Scope::Test) {
        ids.insert(lib.coordinates.artifact_id.clone());
    }
    for item in request.declared_whitelist.iter().chain(conf_whitelist) {
        if let Some(artifact) = item.split(':').nth(1) {
            ids.insert(artifact.to_string());
        }
    }
    ids.into_iter().collect()
}

/// `pom.properties` as maven-archiver writes it, without its date comment.
fn pom_properties(request: &BizRequest) -> Vec<u8> {
    let p = &request.project;
    format!("artifactId={}\ngroupId={}\nversion={}\n", p.artifact_id, p.group_id, p.version).into_bytes()
}

/// Plans every entry of the biz jar (and the executable jar) without writing.
pub fn plan<'a>(request: &'a BizRequest, progress: &mut dyn Progress) -> Result<Planned<'a>> {
    validate::request(request)?;
    let time = time::entry_time(request.output_timestamp)?;
    let mut diagnostics = Vec::new();

    progress.report("module", &request.module_origin);
    let (files, source_manifest) = module_files(&request.module, &request.module_origin)?;
    let (main_class, main_source) = start_class(request, &files, source_manifest.as_ref(), &mut diagnostics, progress)?;

    let slimmed = slim::decide(request, progress)?;
    diagnostics.extend(slimmed.diagnostics.iter().cloned());
    let main_entry = format!("{}.class", main_class.replace('.', "/"));
    let (placed, main_in_libs) = libraries::place(request, Some(&main_entry), &slimmed, progress)?;
    let packaged: Vec<bool> = placed.iter().map(|p| p.entry.is_some()).collect();
    let (check_diagnostics, checks) = slim::checks::run(request, &files, &packaged, &slimmed, progress)?;
    diagnostics.extend(check_diagnostics);
    let main_in_module = files.iter().any(|f| f.path == main_entry);
    if !main_in_module && !main_in_libs {
        diagnostics.push(Diagnostic::warning(
            "main-class-not-found",
            format!("the start class {main_class} is neither in the module nor in a packaged library; the biz will fail to start"),
            Some("main-class".into()),
        ));
    }

    let declared = declared_libraries(request, &slimmed.rules.declared_whitelist);
    let biz_manifest = manifest::biz(request, source_manifest.unwrap_or_default(), &main_class, &declared);

    let mut biz = EntryList::new();
    let generated = |what: &str| EntrySource::Generated(what.into());
    add(&mut biz, "META-INF/MANIFEST.MF", Data::Deflated(Cow::Owned(biz_manifest.to_bytes())), None, generated("manifest"), &mut diagnostics);
    let mut conf: Vec<_> = request.conf_files.iter().collect();
    conf.sort_by(|a, b| a.path.cmp(&b.path));
    for file in &conf {
        read::check_entry_name("conf-files", &file.path)?;
        if !file.path.starts_with("conf/") {
            return Err(Error::field("conf-files", format!("`{}` is not under `conf/`; pass the files of the base directory's conf/ folder", file.path)));
        }
        add(&mut biz, &file.path, Data::Deflated(Cow::Borrowed(&file.content)), None, EntrySource::Conf(file.path.clone()), &mut diagnostics);
    }
    for file in files {
        let source = EntrySource::Module(file.path.clone());
        add(&mut biz, &file.path, Data::Deflated(file.content), None, source, &mut diagnostics);
    }
    let pom = format!("META-INF/maven/{}/{}/pom.properties", request.project.group_id, request.project.artifact_id);
    if !biz.contains(&pom) {
        add(&mut biz, &pom, Data::Deflated(Cow::Owned(pom_properties(request))), None, generated("pom-properties"), &mut diagnostics);
    }
    add(&mut biz, jar::BIZ_MARK, Data::Deflated(Cow::Borrowed(jar::BIZ_MARK_CONTENT)), None, generated("mark"), &mut diagnostics);
    let mut packaged: Vec<_> = placed.iter().filter(|p| p.entry.is_some()).collect();
    packaged.sort_by(|a, b| a.entry.cmp(&b.entry));
    for p in packaged {
        let entry = p.entry.as_deref().unwrap_or_default();
        let comment = libraries::unpack_comment(request, p.library)?;
        add(&mut biz, entry, p.library.content.stored(p.index), comment, EntrySource::Library(p.library.origin.clone()), &mut diagnostics);
    }

    let executable = match &request.executable {
        Some(options) => Some(executable::plan(request, options, &biz_manifest, &conf, &placed, progress)?),
        None => None,
    };

    let mut outcomes: Vec<_> = placed.iter().map(libraries::Placed::outcome).collect();
    outcomes.sort_by(|a, b| (a.entry.is_none(), &a.entry, &a.coordinates).cmp(&(b.entry.is_none(), &b.entry, &b.coordinates)));
    let (results_json, report_json) = slim::report::render(request, &slimmed, &checks);
    let report = BizReport {
        biz_name: request.biz_name.clone(),
        biz_version: request.biz_version.clone(),
        main_class,
        main_class_source: main_source,
        libraries: outcomes,
        slim: SlimReport { outcomes: slimmed.outcomes, results_json, report_json },
    };
    diagnostics.sort();
    Ok(Planned { biz, biz_manifest, executable, report, diagnostics, time })
}

/// Adds an entry; a path already taken keeps its first owner and the clash becomes a diagnostic.
/// Biz, executable and plugin jars all add their entries this way.
pub(crate) fn add<'a>(list: &mut EntryList<'a>, path: &str, data: Data<'a>, comment: Option<String>, source: EntrySource, diagnostics: &mut Vec<Diagnostic>) {
    if let Err(first) = list.add(path, data, comment, source.clone()) {
        diagnostics.push(Diagnostic::warning(
            "duplicate-entry",
            format!("{} also provides this entry; the one from {} is kept", describe(&source), describe(&first)),
            Some(path.to_string()),
        ));
    }
}

fn describe(source: &EntrySource) -> String {
    match source {
        EntrySource::Generated(what) => format!("arkpack ({what})"),
        EntrySource::Module(path) => format!("the module ({path})"),
        EntrySource::Conf(path) => format!("conf ({path})"),
        EntrySource::Library(origin) | EntrySource::Container(origin) | EntrySource::Artifact(origin) => origin.clone(),
    }
}

/// Plans and writes the biz jar, then the executable jar that embeds it.
pub fn package(request: &BizRequest, progress: &mut dyn Progress) -> Result<BizOutput> {
    let planned = plan(request, progress)?;
    progress.report("write", "biz jar");
    let biz = planned.biz.write(planned.time)?;
    let executable_jar = match &planned.executable {
        Some(exe) => {
            progress.report("write", "executable jar");
            Some(exe.write(&biz, planned.time)?.pieces)
        }
        None => None,
    };
    let executable_size = executable_jar.as_ref().map(|_| biz.size);
    let mut plan = planned.into_model();
    // The plan knew the embedded biz jar only by name; now its size is known.
    if let (Some(exe), Some(size)) = (plan.executable.as_mut(), executable_size) {
        if let Some(entry) = exe.entries.iter_mut().find(|e| matches!(e.source, EntrySource::Artifact(_))) {
            entry.size = size;
        }
    }
    Ok(BizOutput { plan, biz_jar: biz.pieces, executable_jar })
}

/// Libraries decided for the executable jar only.
fn executable_only<'p, 'a>(placed: &'p [libraries::Placed<'a>], kind: crate::model::LibraryKind) -> impl Iterator<Item = &'p libraries::Placed<'a>> {
    placed.iter().filter(move |p| p.decision == LibraryDecision::ExecutableOnly && p.kind == kind)
}
