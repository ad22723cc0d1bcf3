//! The ark-plugin jar, `request → plan → write` (reference `ark-format.md` §4): the manifest in the
//! official attribute order, dependency jars STORED under `lib/`, the plugin mark, the project's
//! classes and resources at the root, then the contents of `shades`. Sorted inside each group, so the
//! bytes depend only on the request. [`analysis`] adds what the official plugin cannot tell: which
//! declared exports do not exist and which referenced packages nothing provides.

pub(crate) mod analysis;
mod libraries;

use std::borrow::Cow;

use crate::biz::{add, manifest_text};
use crate::jar::write::{Data, EntryList};
use crate::jar::{read, time, PLUGIN_MARK};
use crate::manifest::{check_value, Manifest};
use crate::model::{ArtifactPlan, Diagnostic, EntrySource, LibraryDecision, PluginOutput, PluginPlan, PluginReport, PluginRequest, Severity};
use crate::module::module_files;
use crate::{Error, Progress, Result};

/// The plugin mark's content: an empty manifest, as the official plugin writes it (25 bytes).
const PLUGIN_MARK_CONTENT: &[u8] = b"Manifest-Version: 1.0\r\n\r\n";

pub struct Planned<'a> {
    entries: EntryList<'a>,
    manifest: Manifest,
    report: PluginReport,
    diagnostics: Vec<Diagnostic>,
    time: zip::DateTime,
}

impl Planned<'_> {
    pub fn into_model(self) -> PluginPlan {
        PluginPlan {
            plugin: ArtifactPlan { entries: self.entries.to_plan(), manifest: manifest_text(&self.manifest) },
            report: self.report,
            diagnostics: self.diagnostics,
        }
    }
}

fn validate(r: &PluginRequest) -> Result<()> {
    if r.plugin_name.trim().is_empty() || r.plugin_name.contains(char::is_whitespace) {
        return Err(Error::field("plugin-name", format!("{:?} must be a non-empty name without whitespace", r.plugin_name)));
    }
    check_value("plugin-name", &r.plugin_name)?;
    crate::biz::priority(&r.priority)?;
    check_value("description", &r.description)?;
    if let Some(mode) = &r.exported.mode {
        if !mode.is_empty() && mode != "classLoader" && mode != "override" {
            return Err(Error::field("exported.mode", format!("{mode:?} is not an export mode; use `classLoader` or `override`")));
        }
    }
    let lists: [(&str, &Vec<String>); 8] = [
        ("imported.packages", &r.imported.packages),
        ("imported.classes", &r.imported.classes),
        ("imported.resources", &r.imported.resources),
        ("exported.packages", &r.exported.packages),
        ("exported.classes", &r.exported.classes),
        ("exported.resources", &r.exported.resources),
        ("exclude-group-ids", &r.exclude_group_ids),
        ("exclude-artifact-ids", &r.exclude_artifact_ids),
    ];
    for (field, items) in lists {
        for item in items {
            check_value(field, item)?;
            if item.contains(',') || item.trim().is_empty() {
                return Err(Error::field(field, format!("{item:?} must be one non-empty item without `,`")));
            }
        }
    }
    for item in &r.excludes {
        crate::biz::parts("excludes", item, 2, 3, "groupId:artifactId[:classifier]")?;
    }
    for item in &r.shades {
        crate::biz::parts("shades", item, 3, 4, "groupId:artifactId:version[:classifier]")?;
    }
    Ok(())
}

pub fn plan<'a>(request: &'a PluginRequest, progress: &mut dyn Progress) -> Result<Planned<'a>> {
    validate(request)?;
    let time = time::entry_time(request.output_timestamp)?;
    progress.report("module", &request.module_origin);
    let (files, _) = module_files(&request.module, &request.module_origin)?;
    let mut diagnostics = Vec::new();
    let placed = libraries::place(request, progress, &mut diagnostics)?;

    // Shaded jars' files, in shade order, each jar's files sorted.
    let mut shaded = Vec::new();
    for p in placed.iter().filter(|p| p.decision == LibraryDecision::Shaded) {
        let bytes = p.library.content.bytes().ok_or_else(|| {
            Error::field("shades", format!("{} is shaded but was sent summarized; the host must send shaded libraries whole", p.library.origin))
        })?;
        for f in read::read_files(&p.library.origin, bytes)? {
            if f.name != "META-INF/MANIFEST.MF" {
                shaded.push((p.library.origin.as_str(), f));
            }
        }
    }

    let found = analysis::analyse(request, &files, &shaded, &placed, progress, &mut diagnostics)?;
    if let Some(activator) = &request.activator {
        if !found.contains_class(activator) {
            return Err(Error::field(
                "activator",
                format!("{activator} is not in the plugin (its classes, shades or lib/ jars); SOFAArk could not start the plugin"),
            ));
        }
    }
    if request.strict {
        let findings: Vec<String> = diagnostics.iter().filter(|d| d.severity == Severity::Warning).map(|d| d.message.clone()).collect();
        if !findings.is_empty() {
            return Err(Error::field("strict", format!("{} import/export finding(s) with strict checking on: {}", findings.len(), findings.join("; "))));
        }
    }

    let manifest = plugin_manifest(request, &files);
    let mut entries = EntryList::new();
    let mut put = |entries: &mut EntryList<'a>, path: &str, data: Data<'a>, source: EntrySource| add(entries, path, data, None, source, &mut diagnostics);
    put(&mut entries, "META-INF/MANIFEST.MF", Data::Deflated(Cow::Owned(manifest.to_bytes())), EntrySource::Generated("manifest".into()));
    let mut libs: Vec<_> = placed.iter().filter(|p| p.entry.is_some()).collect();
    libs.sort_by(|a, b| a.entry.cmp(&b.entry));
    for p in libs {
        let entry = p.entry.clone().unwrap_or_default();
        put(&mut entries, &entry, p.library.content.stored(p.index), EntrySource::Library(p.library.origin.clone()));
    }
    put(&mut entries, PLUGIN_MARK, Data::Stored(Cow::Borrowed(PLUGIN_MARK_CONTENT)), EntrySource::Generated("mark".into()));
    for f in files.into_iter().filter(|f| f.path != "META-INF/MANIFEST.MF") {
        let source = EntrySource::Module(f.path.clone());
        put(&mut entries, &f.path, Data::Deflated(f.content), source);
    }
    for (origin, f) in shaded {
        let path = f.name.clone();
        put(&mut entries, &path, Data::Deflated(Cow::Owned(f.content)), EntrySource::Library(format!("{origin}!/{path}")));
    }

    let mut outcomes: Vec<_> = placed.iter().map(|p| p.outcome()).collect();
    outcomes.sort_by(|a, b| (a.entry.is_none(), &a.entry, &a.coordinates).cmp(&(b.entry.is_none(), &b.entry, &b.coordinates)));
    diagnostics.sort();
    let report = PluginReport {
        plugin_name: request.plugin_name.clone(),
        libraries: outcomes,
        contained_packages: found.contained_packages.into_iter().collect(),
        referenced_packages: found.referenced_packages.into_iter().collect(),
    };
    Ok(Planned { entries, manifest, report, diagnostics, time })
}

/// The manifest in sofa-ark-plugin-maven-plugin's order; every key present, empty when unset.
fn plugin_manifest(r: &PluginRequest, files: &[crate::module::ModuleFile<'_>]) -> Manifest {
    let join = |items: &[String]| items.iter().map(|s| s.trim()).collect::<Vec<_>>().join(",");
    let mut export_classes = r.exported.classes.clone();
    if r.export_plugin_class {
        // Every top-level class of the project, as the official plugin adds them, minus the activator.
        let mut own: Vec<String> = files
            .iter()
            .filter_map(|f| f.path.strip_suffix(".class"))
            .filter(|p| !p.contains('$') && !p.ends_with("module-info"))
            .map(|p| p.replace('/', "."))
            .filter(|c| Some(c) != r.activator.as_ref() && !export_classes.contains(c))
            .collect();
        own.sort();
        export_classes.extend(own);
    }
    let mut m = Manifest::default();
    m.put("groupId", &r.project.group_id);
    m.put("artifactId", &r.project.artifact_id);
    m.put("version", &r.project.version);
    m.put("priority", &r.priority);
    m.put("pluginName", &r.plugin_name);
    m.put("description", &r.description);
    m.put("activator", r.activator.clone().unwrap_or_default());
    m.put("import-packages", join(&r.imported.packages));
    m.put("import-classes", join(&r.imported.classes));
    m.put("import-resources", join(&r.imported.resources));
    m.put("export-mode", r.exported.mode.clone().unwrap_or_default());
    m.put("export-packages", join(&r.exported.packages));
    m.put("export-classes", join(&export_classes));
    m.put("export-resources", join(&r.exported.resources));
    m
}

/// Plans and writes the plugin jar.
pub fn package(request: &PluginRequest, progress: &mut dyn Progress) -> Result<PluginOutput> {
    let planned = plan(request, progress)?;
    progress.report("write", "plugin jar");
    let plugin_jar = planned.entries.write(planned.time)?.pieces;
    Ok(PluginOutput { plan: planned.into_model(), plugin_jar })
}
