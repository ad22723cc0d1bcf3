//! The request `arkpack biz` reads: a JSON file naming files on disk (what the Maven and Gradle
//! hosts send), or the same built from command-line flags. This module reads every named file and
//! hands the core a [`BizRequest`] of bytes; it decides nothing about packaging.
//!
//! Keys are the Maven parameter names (`bizName`, `denyImportPackages`, ...); relative paths are
//! resolved against the request file's folder. The full form is documented in `docs/request.md`.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use arkpack_core::model::{self as m, BizRequest, Coordinates, FileEntry, JarContent, Library, ModuleContent, PluginRequest, Scope};
use serde::Deserialize;

use crate::crc_cache::{CrcCache, Known};

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestFile {
    pub project: Gav,
    pub module: ModuleSpec,
    #[serde(default)]
    pub libraries: Vec<LibrarySpec>,
    /// The base directory's `conf/` folder; every file under it is packaged.
    pub conf_dir: Option<PathBuf>,
    pub biz_name: Option<String>,
    pub biz_version: Option<String>,
    pub priority: Option<Text>,
    pub main_class: Option<String>,
    pub web_context_path: Option<String>,
    #[serde(default)]
    pub deny_import_packages: Vec<String>,
    #[serde(default)]
    pub deny_import_classes: Vec<String>,
    #[serde(default)]
    pub deny_import_resources: Vec<String>,
    #[serde(default)]
    pub inject_plugin_dependencies: Vec<String>,
    #[serde(default)]
    pub inject_plugin_export_packages: Vec<String>,
    #[serde(default)]
    pub declared_mode: bool,
    #[serde(default)]
    pub declared_whitelist: Vec<String>,
    #[serde(default)]
    pub package_provided: bool,
    #[serde(default)]
    pub requires_unpack: Vec<String>,
    /// Epoch seconds or ISO-8601, as `project.build.outputTimestamp`.
    pub output_timestamp: Option<Text>,
    pub build_info: Option<m::BuildInfo>,
    /// Where the biz jar goes.
    pub output: PathBuf,
    pub executable: Option<ExecutableSpec>,
    // Slimming (docs/request.md, "Slimming keys").
    #[serde(default)]
    pub excludes: Vec<String>,
    #[serde(default)]
    pub exclude_group_ids: Vec<String>,
    #[serde(default)]
    pub exclude_artifact_ids: Vec<String>,
    #[serde(default)]
    pub includes: Vec<String>,
    #[serde(default)]
    pub include_group_ids: Vec<String>,
    #[serde(default)]
    pub include_artifact_ids: Vec<String>,
    pub pack_excludes_config: Option<String>,
    pub pack_excludes_url: Option<m::RemoteRules>,
    pub base_dependency_parent_identity: Option<String>,
    #[serde(default)]
    pub parents: Vec<PomSpec>,
    #[serde(default)]
    pub imported_boms: Vec<PomSpec>,
    pub base: Option<BaseSpec>,
    #[serde(default)]
    pub class_checks: m::CheckLevel,
    /// Where `module-slim-results.json` goes.
    pub slim_results: Option<PathBuf>,
    /// Where the full slimming report goes.
    pub slim_report: Option<PathBuf>,
}

/// A POM with its own `dependencyManagement` (an ancestor of the module, or an imported BOM).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PomSpec {
    #[serde(flatten)]
    pub gav: Gav,
    pub parent: Option<Gav>,
    #[serde(default)]
    pub managed: Vec<Gav>,
}

impl PomSpec {
    fn model(&self) -> m::ManagedPom {
        m::ManagedPom {
            coordinates: self.gav.coordinates(),
            parent: self.parent.as_ref().map(Gav::coordinates),
            managed: self.managed.iter().map(Gav::coordinates).collect(),
        }
    }
}

/// The base: its executable jar, or a list of its artifacts (each with an optional file).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BaseSpec {
    pub jar: Option<PathBuf>,
    pub artifacts: Option<Vec<BaseArtifactSpec>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BaseArtifactSpec {
    #[serde(flatten)]
    pub gav: Gav,
    pub file: Option<PathBuf>,
}

/// A string that may also be written as a JSON number (`"priority": 100`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Text {
    Str(String),
    Int(i64),
}

impl Text {
    fn into_string(self) -> String {
        match self {
            Text::Str(s) => s,
            Text::Int(i) => i.to_string(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Gav {
    pub group_id: String,
    pub artifact_id: String,
    pub version: String,
    pub classifier: Option<String>,
    #[serde(default = "jar", alias = "type")]
    pub extension: String,
}

fn jar() -> String {
    "jar".into()
}

impl Gav {
    fn coordinates(&self) -> Coordinates {
        Coordinates {
            group_id: self.group_id.clone(),
            artifact_id: self.artifact_id.clone(),
            version: self.version.clone(),
            classifier: self.classifier.clone().filter(|c| !c.is_empty()),
            extension: self.extension.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ModuleSpec {
    /// The plain jar of the module.
    pub jar: Option<PathBuf>,
    /// Or its classes directory.
    pub classes: Option<PathBuf>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LibrarySpec {
    #[serde(flatten)]
    pub gav: Gav,
    #[serde(default = "compile")]
    pub scope: String,
    pub file: PathBuf,
    /// Its parent in the resolved (pruned) tree, `groupId:artifactId[:classifier]:type`.
    pub parent: Option<String>,
    /// Its direct dependencies in the full graph.
    #[serde(default)]
    pub depends_on: Vec<String>,
}

fn compile() -> String {
    "compile".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExecutableSpec {
    /// `com.alipay.sofa:sofa-ark-all`.
    pub container: LibrarySpec,
    /// `Sofa-Ark-Version`; the container's version when absent.
    pub ark_version: Option<String>,
    /// Where the executable jar goes.
    pub output: PathBuf,
}

/// A request file read: the request, where its outputs go, and the file of each library (in request
/// order), which the output writer copies wherever the core returns a library piece.
pub struct Loaded {
    pub request: BizRequest,
    pub output: PathBuf,
    pub executable_output: Option<PathBuf>,
    pub library_files: Vec<PathBuf>,
    /// The files the core may read ranges of (libraries and the base), by origin.
    pub readable: Readable,
    pub slim_results: Option<PathBuf>,
    pub slim_report: Option<PathBuf>,
}

/// Reads a request file (JSON) and resolves its paths against its folder.
pub fn parse_file(path: &Path) -> Result<RequestFile> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read the request file {}", path.display()))?;
    let mut spec: RequestFile = serde_json::from_str(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let base = path.parent().unwrap_or(Path::new("."));
    spec.resolve(base);
    Ok(spec)
}

impl RequestFile {
    fn resolve(&mut self, base: &Path) {
        resolve_paths(base, &mut self.module, &mut self.libraries, &mut self.output);
        let fix = |p: &mut PathBuf| absolutize(base, p);
        self.conf_dir.as_mut().map(fix);
        if let Some(exe) = &mut self.executable {
            fix(&mut exe.container.file);
            fix(&mut exe.output);
        }
        self.slim_results.as_mut().map(fix);
        self.slim_report.as_mut().map(fix);
        if let Some(b) = &mut self.base {
            b.jar.as_mut().map(fix);
            for a in b.artifacts.iter_mut().flatten() {
                a.file.as_mut().map(fix);
            }
        }
    }

    /// Reads every file the request names.
    pub fn load(self) -> Result<Loaded> {
        let (module, origin) = self.module.load()?;
        let mut request = BizRequest::new(self.project.coordinates(), module, origin);
        // SOFAArk's UNPACK: comment carries a jar's SHA-1; only those libraries need hashing.
        let unpack = |l: &LibrarySpec| self.requires_unpack.contains(&format!("{}:{}", l.gav.group_id, l.gav.artifact_id));
        request.libraries = libraries(&self.libraries, |l| Content { whole: false, sha1: unpack(l) })?;
        let library_files = self.libraries.iter().map(|l| l.file.clone()).collect();
        if let Some(conf) = &self.conf_dir {
            if conf.is_dir() {
                request.conf_files = read_tree(conf, "conf/", "confDir")?;
            }
        }
        if let Some(v) = self.biz_name {
            request.biz_name = v;
        }
        if let Some(v) = self.biz_version {
            request.biz_version = v;
        }
        if let Some(v) = self.priority {
            request.priority = v.into_string();
        }
        request.main_class = self.main_class.filter(|m| !m.is_empty());
        if let Some(v) = self.web_context_path {
            request.web_context_path = v;
        }
        request.deny_import_packages = self.deny_import_packages;
        request.deny_import_classes = self.deny_import_classes;
        request.deny_import_resources = self.deny_import_resources;
        request.inject_plugin_dependencies = self.inject_plugin_dependencies;
        request.inject_export_packages = self.inject_plugin_export_packages;
        request.declared_mode = self.declared_mode;
        request.declared_whitelist = self.declared_whitelist;
        request.package_provided = self.package_provided;
        request.requires_unpack = self.requires_unpack;
        request.output_timestamp = output_timestamp(self.output_timestamp)?;
        request.build_info = self.build_info;
        let mut executable_output = None;
        if let Some(exe) = self.executable {
            let container = library(&exe.container, "executable.container", Content { whole: true, sha1: false })?;
            let ark_version = exe.ark_version.unwrap_or_else(|| container.coordinates.version.clone());
            request.executable = Some(m::ExecutableOptions { container, ark_version });
            executable_output = Some(exe.output);
        }
        let mut readable: std::collections::BTreeMap<String, PathBuf> =
            self.libraries.iter().map(|l| (l.file.display().to_string(), l.file.clone())).collect();
        request.slimming = m::SlimRequest {
            excludes: self.excludes,
            exclude_group_ids: self.exclude_group_ids,
            exclude_artifact_ids: self.exclude_artifact_ids,
            includes: self.includes,
            include_group_ids: self.include_group_ids,
            include_artifact_ids: self.include_artifact_ids,
            pack_excludes_config: self.pack_excludes_config,
            pack_excludes_url: self.pack_excludes_url,
            base_dependency_parent_identity: self.base_dependency_parent_identity,
            parents: self.parents.iter().map(PomSpec::model).collect(),
            imported_boms: self.imported_boms.iter().map(PomSpec::model).collect(),
            base: match self.base {
                None => None,
                Some(b) => Some(base_facts(b, &mut readable)?),
            },
            class_checks: self.class_checks,
        };
        Ok(Loaded {
            request,
            output: self.output,
            executable_output,
            library_files,
            readable: Readable::new(readable),
            slim_results: self.slim_results,
            slim_report: self.slim_report,
        })
    }
}

/// The base facts: files summarized like libraries, and made readable to the core.
fn base_facts(spec: BaseSpec, readable: &mut std::collections::BTreeMap<String, PathBuf>) -> Result<m::BaseFacts> {
    let mut jars = Jars::new();
    let mut summarized = |path: &Path, field: &str| -> Result<JarContent> {
        readable.insert(path.display().to_string(), path.to_path_buf());
        jars.content(path, field, Content { whole: false, sha1: false })
    };
    match (spec.jar, spec.artifacts) {
        (Some(jar), None) => {
            let content = summarized(&jar, "base.jar")?;
            let name = jar.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let coordinates = Coordinates { group_id: "?".into(), artifact_id: name, version: "?".into(), classifier: None, extension: "jar".into() };
            Ok(m::BaseFacts::Jar(m::BaseArtifact { coordinates, origin: jar.display().to_string(), content: Some(content) }))
        }
        (None, Some(list)) => {
            let mut out = Vec::with_capacity(list.len());
            for (i, a) in list.iter().enumerate() {
                let content = match &a.file {
                    Some(f) => Some(summarized(f, &format!("base.artifacts[{i}].file"))?),
                    None => None,
                };
                let origin = a.file.as_ref().map(|f| f.display().to_string()).unwrap_or_else(|| a.gav.coordinates().gav());
                out.push(m::BaseArtifact { coordinates: a.gav.coordinates(), origin, content });
            }
            Ok(m::BaseFacts::Artifacts(out))
        }
        _ => bail!("`base` must name exactly one of `jar` (the base's executable jar) or `artifacts` (a list of its artifacts)"),
    }
}

/// Files the core may read ranges of, by the origin the request gave them; nothing else is served.
#[derive(Clone, Default)]
pub struct Readable(std::sync::Arc<std::collections::BTreeMap<String, PathBuf>>);

impl Readable {
    pub fn new(files: std::collections::BTreeMap<String, PathBuf>) -> Self {
        Readable(std::sync::Arc::new(files))
    }

    /// `length` bytes at `offset` of the file named `origin`.
    pub fn read(&self, origin: &str, offset: u64, length: u64) -> std::result::Result<Vec<u8>, String> {
        use std::io::{Read, Seek, SeekFrom};
        let path = self.0.get(origin).ok_or_else(|| format!("{origin} is not an input of this request"))?;
        let length = usize::try_from(length).map_err(|_| format!("{length} bytes is too much to read at once"))?;
        let mut file = std::fs::File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        file.seek(SeekFrom::Start(offset)).map_err(|e| format!("cannot seek in {}: {e}", path.display()))?;
        let mut out = Vec::with_capacity(length);
        file.take(length as u64).read_to_end(&mut out).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Ok(out)
    }
}

impl ModuleSpec {
    fn load(&self) -> Result<(ModuleContent, String)> {
        match (&self.jar, &self.classes) {
            (Some(jar), None) => Ok((ModuleContent::Jar(read(jar, "module.jar")?), jar.display().to_string())),
            (None, Some(dir)) => Ok((ModuleContent::Files(read_tree(dir, "", "module.classes")?), dir.display().to_string())),
            _ => bail!("`module` must name exactly one of `jar` (the project's plain jar) or `classes` (its classes directory)"),
        }
    }
}

/// What the core needs of a library file: whole bytes (it unpacks them), or a summary (it only
/// lists the entries and the host splices the bytes), with or without its SHA-1.
#[derive(Clone, Copy)]
struct Content {
    whole: bool,
    sha1: bool,
}

fn libraries(specs: &[LibrarySpec], content: impl Fn(&LibrarySpec) -> Content) -> Result<Vec<Library>> {
    let mut jars = Jars::new();
    specs.iter().enumerate().map(|(i, l)| jars.library(l, &format!("libraries[{i}]"), content(l))).collect()
}

/// A relative path in a request is relative to the request file's folder.
fn absolutize(base: &Path, p: &mut PathBuf) {
    if p.is_relative() {
        *p = base.join(&*p);
    }
}

fn resolve_paths(base: &Path, module: &mut ModuleSpec, libraries: &mut [LibrarySpec], output: &mut PathBuf) {
    let fix = |p: &mut PathBuf| absolutize(base, p);
    module.jar.as_mut().map(fix);
    module.classes.as_mut().map(fix);
    fix(output);
    for lib in libraries {
        fix(&mut lib.file);
    }
}

/// The `arkpack plugin` request: sofa-ark-plugin-maven-plugin's parameters (docs/request.md).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PluginRequestFile {
    pub project: Gav,
    pub module: ModuleSpec,
    #[serde(default)]
    pub libraries: Vec<LibrarySpec>,
    pub plugin_name: Option<String>,
    pub priority: Option<Text>,
    pub description: Option<String>,
    pub activator: Option<String>,
    #[serde(default)]
    pub imported: m::ImportConfig,
    #[serde(default)]
    pub exported: m::ExportConfig,
    #[serde(default)]
    pub excludes: Vec<String>,
    #[serde(default)]
    pub exclude_group_ids: Vec<String>,
    #[serde(default)]
    pub exclude_artifact_ids: Vec<String>,
    #[serde(default)]
    pub shades: Vec<String>,
    pub export_plugin_class: Option<bool>,
    #[serde(default)]
    pub strict: bool,
    pub output_timestamp: Option<Text>,
    /// Where the plugin jar goes (the official name is `${pluginName}.ark.plugin`).
    pub output: PathBuf,
}

impl PluginRequestFile {
    pub fn parse(path: &Path) -> Result<PluginRequestFile> {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read the request file {}", path.display()))?;
        let mut spec: PluginRequestFile = serde_json::from_str(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?;
        resolve_paths(path.parent().unwrap_or(Path::new(".")), &mut spec.module, &mut spec.libraries, &mut spec.output);
        Ok(spec)
    }

    /// Reads every file the request names: the request, the output path and each library's file.
    pub fn load(self) -> Result<(PluginRequest, PathBuf, Vec<PathBuf>)> {
        let (module, origin) = self.module.load()?;
        let mut r = PluginRequest::new(self.project.coordinates(), module, origin);
        // Shaded jars are unpacked by the core, so those go whole (`g:a:v[:classifier]`).
        let shaded = |l: &LibrarySpec| {
            let g = &l.gav;
            let mut ids = vec![format!("{}:{}:{}", g.group_id, g.artifact_id, g.version)];
            if let Some(c) = g.classifier.as_ref().filter(|c| !c.is_empty()) {
                ids.push(format!("{}:{c}", ids[0]));
            }
            self.shades.iter().any(|s| ids.contains(s))
        };
        r.libraries = libraries(&self.libraries, |l| Content { whole: shaded(l), sha1: false })?;
        let files = self.libraries.iter().map(|l| l.file.clone()).collect();
        if let Some(v) = self.plugin_name {
            r.plugin_name = v;
        }
        if let Some(v) = self.priority {
            r.priority = v.into_string();
        }
        if let Some(v) = self.description {
            r.description = v;
        }
        r.activator = self.activator.filter(|a| !a.is_empty());
        r.imported = self.imported;
        r.exported = self.exported;
        r.excludes = self.excludes;
        r.exclude_group_ids = self.exclude_group_ids;
        r.exclude_artifact_ids = self.exclude_artifact_ids;
        r.shades = self.shades;
        if let Some(v) = self.export_plugin_class {
            r.export_plugin_class = v;
        }
        r.strict = self.strict;
        r.output_timestamp = output_timestamp(self.output_timestamp)?;
        Ok((r, self.output, files))
    }
}

/// The request's timestamp, else `SOURCE_DATE_EPOCH` (read here: the core never sees the environment).
fn output_timestamp(value: Option<Text>) -> Result<Option<i64>> {
    let (value, name) = match value {
        Some(v) => (v.into_string(), "outputTimestamp"),
        None => match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(v) if !v.is_empty() => (v, "SOURCE_DATE_EPOCH"),
            _ => return Ok(None),
        },
    };
    arkpack_core::jar::time::parse_output_timestamp(&value)
        .map(Some)
        .ok_or_else(|| anyhow!("`{name}` is {value:?}: give epoch seconds or an ISO-8601 time such as 2024-01-01T00:00:00Z"))
}

fn library(spec: &LibrarySpec, field: &str, want: Content) -> Result<Library> {
    Jars::new().library(spec, field, want)
}

/// Reads jars for the core: one buffer for every file (summarized jars are only read, so their
/// bytes need not stay), and the remembered CRCs (saved when it is dropped).
struct Jars {
    buffer: Vec<u8>,
    crcs: CrcCache,
}

impl Drop for Jars {
    fn drop(&mut self) {
        self.crcs.save();
    }
}

impl Jars {
    fn new() -> Self {
        Jars { buffer: Vec::new(), crcs: CrcCache::load() }
    }

    fn library(&mut self, spec: &LibrarySpec, field: &str, want: Content) -> Result<Library> {
        let scope = match spec.scope.as_str() {
            "compile" => Scope::Compile,
            "runtime" => Scope::Runtime,
            "provided" => Scope::Provided,
            "system" => Scope::System,
            "test" => Scope::Test,
            other => bail!("`{field}.scope` is {other:?}; use compile, runtime, provided, system or test"),
        };
        let content = self.content(&spec.file, &format!("{field}.file"), want)?;
        let mut library = Library::new(spec.gav.coordinates(), scope, spec.file.display().to_string(), content);
        library.parent = spec.parent.clone();
        library.depends_on = spec.depends_on.clone();
        Ok(library)
    }

    /// A jar as the core gets it: summarized natively here (CRC with the CPU's instructions) so its
    /// bytes never cross into the component, or whole when `want` says so or when it is not a plain
    /// zip (the core then says what it is). A jar whose CRC is remembered is read only from its
    /// central directory on. `field` names it in errors.
    fn content(&mut self, path: &Path, field: &str, want: Content) -> Result<JarContent> {
        let cannot = || format!("cannot read {} (`{field}`)", path.display());
        let mut file = std::fs::File::open(path).with_context(cannot)?;
        let meta = if want.whole || want.sha1 { None } else { file.metadata().ok() };
        let key = meta.as_ref().and_then(CrcCache::key);
        if let (Some(known), Some(meta)) = (key.as_deref().and_then(|k| self.crcs.get(k)), &meta) {
            let size = meta.len();
            let mut tail = Vec::new();
            std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(known.tail_offset)).with_context(cannot)?;
            std::io::Read::read_to_end(&mut file, &mut tail).with_context(cannot)?;
            if tail.len() as u64 + known.tail_offset == size {
                return Ok(JarContent::Summary(m::JarSummary { size, crc: known.crc, tail_offset: known.tail_offset, tail, sha1: None }));
            }
            std::io::Seek::rewind(&mut file).with_context(cannot)?;
        }
        self.buffer.clear();
        std::io::Read::read_to_end(&mut file, &mut self.buffer).with_context(cannot)?;
        let summary = if want.whole { None } else { arkpack_core::jar::content::summarize(&self.buffer, want.sha1) };
        Ok(match summary {
            Some(s) => {
                if let Some(key) = key {
                    self.crcs.put(key, Known { crc: s.crc, tail_offset: s.tail_offset });
                }
                JarContent::Summary(s)
            }
            None => JarContent::Bytes(self.buffer.clone()),
        })
    }
}

fn read(path: &Path, field: &str) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {} (`{field}`)", path.display()))
}

/// Every file under `dir`, as `prefix` + its `/`-separated relative path.
fn read_tree(dir: &Path, prefix: &str, field: &str) -> Result<Vec<FileEntry>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).with_context(|| format!("cannot read the directory {} (`{field}`)", d.display()))?;
        for entry in entries {
            let path = entry.with_context(|| format!("cannot list {} (`{field}`)", d.display()))?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(dir).map_err(|_| anyhow!("{} escapes {}", path.display(), dir.display()))?;
            let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
            let parts = parts.ok_or_else(|| anyhow!("{} has a name that is not UTF-8; rename it (`{field}`)", path.display()))?;
            out.push(FileEntry { path: format!("{prefix}{}", parts.join("/")), content: read(&path, field)? });
        }
    }
    Ok(out)
}
