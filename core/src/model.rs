//! The data model, mirrored 1:1 from `wit/packager.wit` (same names, same field order).
//!
//! With the `wasmtime` feature the types also derive wasmtime's component traits, so the native host
//! passes them across the boundary as they are; the guest maps wit-bindgen's types in `component.rs`.
//! Those two are the only places that know about the boundary.

use serde::{Deserialize, Serialize};

/// Derives the component traits for a record, enum or variant when the `wasmtime` feature is on.
macro_rules! wit {
    (record $item:item) => {
        #[cfg_attr(feature = "wasmtime", derive(wasmtime::component::ComponentType, wasmtime::component::Lift, wasmtime::component::Lower))]
        #[cfg_attr(feature = "wasmtime", component(record))]
        $item
    };
    (enum $item:item) => {
        #[cfg_attr(feature = "wasmtime", derive(wasmtime::component::ComponentType, wasmtime::component::Lift, wasmtime::component::Lower))]
        #[cfg_attr(feature = "wasmtime", component(enum))]
        #[repr(u8)]
        $item
    };
    (variant $item:item) => {
        #[cfg_attr(feature = "wasmtime", derive(wasmtime::component::ComponentType, wasmtime::component::Lift, wasmtime::component::Lower))]
        #[cfg_attr(feature = "wasmtime", component(variant))]
        $item
    };
}

wit!(record
/// Maven-style coordinates of an artifact.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Coordinates {
    #[cfg_attr(feature = "wasmtime", component(name = "group-id"))]
    pub group_id: String,
    #[cfg_attr(feature = "wasmtime", component(name = "artifact-id"))]
    pub artifact_id: String,
    pub version: String,
    pub classifier: Option<String>,
    pub extension: String,
});

impl Coordinates {
    /// `groupId:artifactId:version[:classifier]`, for messages.
    pub fn gav(&self) -> String {
        match &self.classifier {
            Some(c) => format!("{}:{}:{}:{}", self.group_id, self.artifact_id, self.version, c),
            None => format!("{}:{}:{}", self.group_id, self.artifact_id, self.version),
        }
    }

    /// The file name Maven gives the artifact: `artifactId-version[-classifier].extension`.
    pub fn file_name(&self) -> String {
        match &self.classifier {
            Some(c) if !c.is_empty() => format!("{}-{}-{}.{}", self.artifact_id, self.version, c, self.extension),
            _ => format!("{}-{}.{}", self.artifact_id, self.version, self.extension),
        }
    }
}

wit!(enum
/// The dependency scope the build tool resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    #[cfg_attr(feature = "wasmtime", component(name = "compile"))]
    Compile,
    #[cfg_attr(feature = "wasmtime", component(name = "runtime"))]
    Runtime,
    #[cfg_attr(feature = "wasmtime", component(name = "provided"))]
    Provided,
    #[cfg_attr(feature = "wasmtime", component(name = "system"))]
    System,
    #[cfg_attr(feature = "wasmtime", component(name = "test"))]
    Test,
});

wit!(record
/// One file handed to the core: a relative, `/`-separated path and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    pub path: String,
    pub content: Vec<u8>,
});

wit!(record
/// What the core needs of a jar it will store byte for byte, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JarSummary {
    pub size: u64,
    pub crc: u32,
    #[cfg_attr(feature = "wasmtime", component(name = "tail-offset"))]
    pub tail_offset: u64,
    pub tail: Vec<u8>,
    pub sha1: Option<String>,
});

wit!(variant
/// A dependency's content: all of it, or a summary when the host copies the bytes itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JarContent {
    #[cfg_attr(feature = "wasmtime", component(name = "bytes"))]
    Bytes(Vec<u8>),
    #[cfg_attr(feature = "wasmtime", component(name = "summary"))]
    Summary(JarSummary),
});

wit!(record
/// A resolved dependency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    pub coordinates: Coordinates,
    pub scope: Scope,
    pub origin: String,
    pub content: JarContent,
    pub parent: Option<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "depends-on"))]
    pub depends_on: Vec<String>,
});

impl Library {
    /// A library with no graph facts (a direct dependency that depends on nothing known).
    pub fn new(coordinates: Coordinates, scope: Scope, origin: impl Into<String>, content: JarContent) -> Self {
        Library { coordinates, scope, origin: origin.into(), content, parent: None, depends_on: Vec::new() }
    }
}

wit!(record
/// A library copied into an output jar as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LibraryPiece {
    pub index: u32,
    pub size: u64,
    pub crc: u32,
});

wit!(variant
/// A run of an output jar: bytes the core made, or a library the host copies in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    #[cfg_attr(feature = "wasmtime", component(name = "bytes"))]
    Bytes(Vec<u8>),
    #[cfg_attr(feature = "wasmtime", component(name = "library"))]
    Library(LibraryPiece),
});

wit!(variant
/// The module's own classes and resources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleContent {
    #[cfg_attr(feature = "wasmtime", component(name = "jar"))]
    Jar(Vec<u8>),
    #[cfg_attr(feature = "wasmtime", component(name = "files"))]
    Files(Vec<FileEntry>),
});

wit!(record
/// Git facts for the manifest; a missing value is written as `null`, as the official plugin does.
/// Deserializes from the request file's camelCase form (`docs/request.md`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GitInfo {
    #[cfg_attr(feature = "wasmtime", component(name = "remote-origin-url"))]
    pub remote_origin_url: Option<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "commit-branch"))]
    pub commit_branch: Option<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "commit-id"))]
    pub commit_id: Option<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "commit-user-name"))]
    pub commit_user_name: Option<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "commit-user-email"))]
    pub commit_user_email: Option<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "commit-time"))]
    pub commit_time: Option<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "commit-timestamp"))]
    pub commit_timestamp: Option<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "build-user"))]
    pub build_user: Option<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "build-email"))]
    pub build_email: Option<String>,
});

wit!(record
/// Build facts the host collected; the core never reads a clock.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BuildInfo {
    #[cfg_attr(feature = "wasmtime", component(name = "build-time"))]
    pub build_time: Option<String>,
    pub git: Option<GitInfo>,
});

wit!(record
/// Asks for the executable ark jar beside the biz jar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutableOptions {
    pub container: Library,
    #[cfg_attr(feature = "wasmtime", component(name = "ark-version"))]
    pub ark_version: String,
});

wit!(record
/// Remote slimming rules (`packExcludesUrl`), fetched by the host.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemoteRules {
    pub url: String,
    pub body: String,
});

wit!(record
/// A POM's own `dependencyManagement`: an ancestor of the module, or a BOM it imports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedPom {
    pub coordinates: Coordinates,
    pub parent: Option<Coordinates>,
    pub managed: Vec<Coordinates>,
});

wit!(record
/// An artifact of the base, with its file's summary when the host has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseArtifact {
    pub coordinates: Coordinates,
    pub origin: String,
    pub content: Option<JarContent>,
});

wit!(variant
/// What the core knows of the base the module will run in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseFacts {
    #[cfg_attr(feature = "wasmtime", component(name = "jar"))]
    Jar(BaseArtifact),
    #[cfg_attr(feature = "wasmtime", component(name = "artifacts"))]
    Artifacts(Vec<BaseArtifact>),
});

wit!(enum
/// How the bytecode checks end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckLevel {
    #[cfg_attr(feature = "wasmtime", component(name = "off"))]
    Off,
    #[default]
    #[cfg_attr(feature = "wasmtime", component(name = "warn"))]
    Warn,
    #[cfg_attr(feature = "wasmtime", component(name = "fail"))]
    Fail,
});

wit!(record
/// Module slimming: the user's settings, named as the official plugin names them, and base facts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlimRequest {
    pub excludes: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "exclude-group-ids"))]
    pub exclude_group_ids: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "exclude-artifact-ids"))]
    pub exclude_artifact_ids: Vec<String>,
    pub includes: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "include-group-ids"))]
    pub include_group_ids: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "include-artifact-ids"))]
    pub include_artifact_ids: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "pack-excludes-config"))]
    pub pack_excludes_config: Option<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "pack-excludes-url"))]
    pub pack_excludes_url: Option<RemoteRules>,
    #[cfg_attr(feature = "wasmtime", component(name = "base-dependency-parent-identity"))]
    pub base_dependency_parent_identity: Option<String>,
    pub parents: Vec<ManagedPom>,
    #[cfg_attr(feature = "wasmtime", component(name = "imported-boms"))]
    pub imported_boms: Vec<ManagedPom>,
    pub base: Option<BaseFacts>,
    #[cfg_attr(feature = "wasmtime", component(name = "class-checks"))]
    pub class_checks: CheckLevel,
});

wit!(record
/// Everything needed to make an ark-biz jar. Names follow sofa-ark-maven-plugin's parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BizRequest {
    pub project: Coordinates,
    pub module: ModuleContent,
    #[cfg_attr(feature = "wasmtime", component(name = "module-origin"))]
    pub module_origin: String,
    pub libraries: Vec<Library>,
    #[cfg_attr(feature = "wasmtime", component(name = "conf-files"))]
    pub conf_files: Vec<FileEntry>,
    #[cfg_attr(feature = "wasmtime", component(name = "biz-name"))]
    pub biz_name: String,
    #[cfg_attr(feature = "wasmtime", component(name = "biz-version"))]
    pub biz_version: String,
    pub priority: String,
    #[cfg_attr(feature = "wasmtime", component(name = "main-class"))]
    pub main_class: Option<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "web-context-path"))]
    pub web_context_path: String,
    #[cfg_attr(feature = "wasmtime", component(name = "deny-import-packages"))]
    pub deny_import_packages: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "deny-import-classes"))]
    pub deny_import_classes: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "deny-import-resources"))]
    pub deny_import_resources: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "inject-plugin-dependencies"))]
    pub inject_plugin_dependencies: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "inject-export-packages"))]
    pub inject_export_packages: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "declared-mode"))]
    pub declared_mode: bool,
    #[cfg_attr(feature = "wasmtime", component(name = "declared-whitelist"))]
    pub declared_whitelist: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "package-provided"))]
    pub package_provided: bool,
    #[cfg_attr(feature = "wasmtime", component(name = "requires-unpack"))]
    pub requires_unpack: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "output-timestamp"))]
    pub output_timestamp: Option<i64>,
    #[cfg_attr(feature = "wasmtime", component(name = "build-info"))]
    pub build_info: Option<BuildInfo>,
    pub executable: Option<ExecutableOptions>,
    pub slimming: SlimRequest,
});

impl BizRequest {
    /// A request with the official plugin's defaults for everything but the project and its content.
    pub fn new(project: Coordinates, module: ModuleContent, module_origin: impl Into<String>) -> Self {
        BizRequest {
            biz_name: project.artifact_id.clone(),
            biz_version: project.version.clone(),
            project,
            module,
            module_origin: module_origin.into(),
            libraries: Vec::new(),
            conf_files: Vec::new(),
            priority: "100".into(),
            main_class: None,
            web_context_path: "/".into(),
            deny_import_packages: Vec::new(),
            deny_import_classes: Vec::new(),
            deny_import_resources: Vec::new(),
            inject_plugin_dependencies: Vec::new(),
            inject_export_packages: Vec::new(),
            declared_mode: false,
            declared_whitelist: Vec::new(),
            package_provided: false,
            requires_unpack: Vec::new(),
            output_timestamp: None,
            build_info: None,
            executable: None,
            slimming: SlimRequest::default(),
        }
    }
}

wit!(enum
/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    #[cfg_attr(feature = "wasmtime", component(name = "error"))]
    Error,
    #[cfg_attr(feature = "wasmtime", component(name = "warning"))]
    Warning,
    #[cfg_attr(feature = "wasmtime", component(name = "info"))]
    Info,
});

wit!(record
/// A non-fatal finding, returned beside the result.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub location: Option<String>,
});

impl Diagnostic {
    pub fn warning(code: &str, message: impl Into<String>, location: Option<String>) -> Self {
        Diagnostic { severity: Severity::Warning, code: code.into(), message: message.into(), location }
    }
}

wit!(enum
/// What kind of failure stopped the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    #[cfg_attr(feature = "wasmtime", component(name = "invalid-request"))]
    InvalidRequest,
    #[cfg_attr(feature = "wasmtime", component(name = "invalid-input"))]
    InvalidInput,
    #[cfg_attr(feature = "wasmtime", component(name = "main-class"))]
    MainClass,
    #[cfg_attr(feature = "wasmtime", component(name = "duplicate-entry"))]
    DuplicateEntry,
    #[cfg_attr(feature = "wasmtime", component(name = "slimming-check"))]
    SlimmingCheck,
    #[cfg_attr(feature = "wasmtime", component(name = "internal"))]
    Internal,
});

wit!(record
/// A fatal failure as it crosses the boundary; `crate::Error` is its typed form inside the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackError {
    pub code: ErrorCode,
    pub message: String,
    pub input: Option<String>,
    pub field: Option<String>,
});

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PackError {}

wit!(enum
/// The compression method of a zip entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryMethod {
    #[cfg_attr(feature = "wasmtime", component(name = "stored"))]
    Stored,
    #[cfg_attr(feature = "wasmtime", component(name = "deflated"))]
    Deflated,
});

wit!(variant
/// Where a planned entry's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "from")]
pub enum EntrySource {
    #[cfg_attr(feature = "wasmtime", component(name = "generated"))]
    Generated(String),
    #[cfg_attr(feature = "wasmtime", component(name = "module"))]
    Module(String),
    #[cfg_attr(feature = "wasmtime", component(name = "conf"))]
    Conf(String),
    #[cfg_attr(feature = "wasmtime", component(name = "library"))]
    Library(String),
    #[cfg_attr(feature = "wasmtime", component(name = "container"))]
    Container(String),
    #[cfg_attr(feature = "wasmtime", component(name = "artifact"))]
    Artifact(String),
});

wit!(record
/// One entry of an output jar, before it is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanEntry {
    pub path: String,
    pub method: EntryMethod,
    pub size: u64,
    pub source: EntrySource,
});

wit!(record
/// The plan of one output jar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArtifactPlan {
    pub entries: Vec<PlanEntry>,
    pub manifest: String,
});

wit!(enum
/// What a library is, judged by the marker entry it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LibraryKind {
    #[cfg_attr(feature = "wasmtime", component(name = "standard"))]
    Standard,
    #[cfg_attr(feature = "wasmtime", component(name = "plugin"))]
    Plugin,
    #[cfg_attr(feature = "wasmtime", component(name = "biz"))]
    Biz,
    #[cfg_attr(feature = "wasmtime", component(name = "container"))]
    Container,
    #[cfg_attr(feature = "wasmtime", component(name = "not-a-jar"))]
    NotAJar,
});

wit!(enum
/// What happened to a library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LibraryDecision {
    #[cfg_attr(feature = "wasmtime", component(name = "packaged"))]
    Packaged,
    #[cfg_attr(feature = "wasmtime", component(name = "exported"))]
    Exported,
    #[cfg_attr(feature = "wasmtime", component(name = "provided"))]
    Provided,
    #[cfg_attr(feature = "wasmtime", component(name = "test"))]
    Test,
    #[cfg_attr(feature = "wasmtime", component(name = "not-a-jar"))]
    NotAJar,
    #[cfg_attr(feature = "wasmtime", component(name = "executable-only"))]
    ExecutableOnly,
    #[cfg_attr(feature = "wasmtime", component(name = "container"))]
    Container,
    #[cfg_attr(feature = "wasmtime", component(name = "excluded"))]
    Excluded,
    #[cfg_attr(feature = "wasmtime", component(name = "shaded"))]
    Shaded,
});

wit!(record
/// One library's outcome, with the entry name it got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LibraryOutcome {
    pub coordinates: Coordinates,
    pub origin: String,
    pub kind: LibraryKind,
    pub decision: LibraryDecision,
    pub entry: Option<String>,
});

wit!(enum
/// How the start class was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MainClassSource {
    #[cfg_attr(feature = "wasmtime", component(name = "configured"))]
    Configured,
    #[cfg_attr(feature = "wasmtime", component(name = "manifest"))]
    Manifest,
    #[cfg_attr(feature = "wasmtime", component(name = "detected"))]
    Detected,
});

wit!(record
/// One library's slimming outcome and the rule that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SlimOutcome {
    pub id: String,
    pub coordinates: Coordinates,
    pub scope: Scope,
    pub kept: bool,
    pub rule: String,
    pub source: Option<String>,
    pub path: Vec<String>,
    pub official: Option<String>,
});

wit!(record
/// The slimming report and the official `module-slim-results.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SlimReport {
    pub outcomes: Vec<SlimOutcome>,
    #[cfg_attr(feature = "wasmtime", component(name = "results-json"))]
    #[serde(skip)]
    pub results_json: String,
    #[cfg_attr(feature = "wasmtime", component(name = "report-json"))]
    #[serde(skip)]
    pub report_json: String,
});

wit!(record
/// The facts behind a biz jar, for people and tools.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BizReport {
    #[cfg_attr(feature = "wasmtime", component(name = "biz-name"))]
    pub biz_name: String,
    #[cfg_attr(feature = "wasmtime", component(name = "biz-version"))]
    pub biz_version: String,
    #[cfg_attr(feature = "wasmtime", component(name = "main-class"))]
    pub main_class: String,
    #[cfg_attr(feature = "wasmtime", component(name = "main-class-source"))]
    pub main_class_source: MainClassSource,
    pub libraries: Vec<LibraryOutcome>,
    pub slim: SlimReport,
});

wit!(record
/// Everything that will be written, without the bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BizPlan {
    pub biz: ArtifactPlan,
    pub executable: Option<ArtifactPlan>,
    pub report: BizReport,
    pub diagnostics: Vec<Diagnostic>,
});

wit!(record
/// The written jars and their plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BizOutput {
    pub plan: BizPlan,
    #[cfg_attr(feature = "wasmtime", component(name = "biz-jar"))]
    pub biz_jar: Vec<Piece>,
    #[cfg_attr(feature = "wasmtime", component(name = "executable-jar"))]
    pub executable_jar: Option<Vec<Piece>>,
});

wit!(record
/// `exported` of sofa-ark-plugin-maven-plugin: what an ark plugin shares.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportConfig {
    pub mode: Option<String>,
    #[serde(default)]
    pub packages: Vec<String>,
    #[serde(default)]
    pub classes: Vec<String>,
    #[serde(default)]
    pub resources: Vec<String>,
});

wit!(record
/// `imported`: what an ark plugin takes from other plugins.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportConfig {
    #[serde(default)]
    pub packages: Vec<String>,
    #[serde(default)]
    pub classes: Vec<String>,
    #[serde(default)]
    pub resources: Vec<String>,
});

wit!(record
/// Everything needed to make an ark-plugin jar. Names follow sofa-ark-plugin-maven-plugin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginRequest {
    pub project: Coordinates,
    pub module: ModuleContent,
    #[cfg_attr(feature = "wasmtime", component(name = "module-origin"))]
    pub module_origin: String,
    pub libraries: Vec<Library>,
    #[cfg_attr(feature = "wasmtime", component(name = "plugin-name"))]
    pub plugin_name: String,
    pub priority: String,
    pub description: String,
    pub activator: Option<String>,
    pub imported: ImportConfig,
    pub exported: ExportConfig,
    pub excludes: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "exclude-group-ids"))]
    pub exclude_group_ids: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "exclude-artifact-ids"))]
    pub exclude_artifact_ids: Vec<String>,
    pub shades: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "export-plugin-class"))]
    pub export_plugin_class: bool,
    pub strict: bool,
    #[cfg_attr(feature = "wasmtime", component(name = "output-timestamp"))]
    pub output_timestamp: Option<i64>,
});

impl PluginRequest {
    /// A request with the official plugin's defaults for everything but the project and its content.
    pub fn new(project: Coordinates, module: ModuleContent, module_origin: impl Into<String>) -> Self {
        PluginRequest {
            plugin_name: project.artifact_id.clone(),
            project,
            module,
            module_origin: module_origin.into(),
            libraries: Vec::new(),
            priority: "100".into(),
            description: " ".into(),
            activator: None,
            imported: ImportConfig::default(),
            exported: ExportConfig::default(),
            excludes: Vec::new(),
            exclude_group_ids: Vec::new(),
            exclude_artifact_ids: Vec::new(),
            shades: Vec::new(),
            export_plugin_class: true,
            strict: false,
            output_timestamp: None,
        }
    }
}

wit!(record
/// The facts behind a plugin jar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PluginReport {
    #[cfg_attr(feature = "wasmtime", component(name = "plugin-name"))]
    pub plugin_name: String,
    pub libraries: Vec<LibraryOutcome>,
    #[cfg_attr(feature = "wasmtime", component(name = "contained-packages"))]
    pub contained_packages: Vec<String>,
    #[cfg_attr(feature = "wasmtime", component(name = "referenced-packages"))]
    pub referenced_packages: Vec<String>,
});

wit!(record
/// Everything that will be written, without the bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PluginPlan {
    pub plugin: ArtifactPlan,
    pub report: PluginReport,
    pub diagnostics: Vec<Diagnostic>,
});

wit!(record
/// The written plugin jar and its plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginOutput {
    pub plan: PluginPlan,
    #[cfg_attr(feature = "wasmtime", component(name = "plugin-jar"))]
    pub plugin_jar: Vec<Piece>,
});

wit!(enum
/// What a jar is, judged by its marker entries and layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArchiveKind {
    #[cfg_attr(feature = "wasmtime", component(name = "biz"))]
    Biz,
    #[cfg_attr(feature = "wasmtime", component(name = "plugin"))]
    Plugin,
    #[cfg_attr(feature = "wasmtime", component(name = "executable"))]
    Executable,
    #[cfg_attr(feature = "wasmtime", component(name = "container"))]
    Container,
    #[cfg_attr(feature = "wasmtime", component(name = "plain"))]
    Plain,
});

wit!(record
/// One entry of an existing jar, in the normalized form used by golden tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListedEntry {
    pub path: String,
    pub method: EntryMethod,
    pub size: u64,
    #[cfg_attr(feature = "wasmtime", component(name = "compressed-size"))]
    pub compressed_size: u64,
    pub crc: u32,
    pub time: String,
    pub comment: String,
});

wit!(record
/// What `inspect` found in a jar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inspection {
    pub kind: ArchiveKind,
    pub entries: Vec<ListedEntry>,
    pub manifest: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
});

// ---- interface `split` (docs/split.md): the graph, its evaluation, suggestions and the split plan.
wit!(record
/// One of the app's own Maven modules (or one classes folder or jar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitBundle {
    pub name: String,
    pub origin: String,
    pub content: ModuleContent,
    #[cfg_attr(feature = "wasmtime", component(name = "project-dir"))]
    pub project_dir: Option<String>,
    pub coordinates: Option<Coordinates>,
});

wit!(record
/// A dependency jar of the app: one `library` node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitLibrary {
    pub name: String,
    pub origin: String,
    pub content: Vec<u8>,
});

wit!(record
/// What `analyze` reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnalyzeRequest {
    pub bundles: Vec<SplitBundle>,
    pub libraries: Vec<SplitLibrary>,
});

wit!(record
/// A jar bundle's class and XML entries, inflated and checked (`expand-jar`), and a diagnostic for
/// each entry that could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExpandedJar {
    pub files: Vec<FileEntry>,
    pub diagnostics: Vec<SplitDiagnostic>,
});

wit!(enum
/// What a graph node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    #[cfg_attr(feature = "wasmtime", component(name = "class"))]
    Class,
    #[cfg_attr(feature = "wasmtime", component(name = "package"))]
    Package,
    #[cfg_attr(feature = "wasmtime", component(name = "bundle"))]
    Bundle,
    #[cfg_attr(feature = "wasmtime", component(name = "library"))]
    Library,
});

wit!(enum
/// Why a class is where a request or an event starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    #[cfg_attr(feature = "wasmtime", component(name = "application"))]
    Application,
    #[cfg_attr(feature = "wasmtime", component(name = "controller"))]
    Controller,
    #[cfg_attr(feature = "wasmtime", component(name = "listener"))]
    Listener,
    #[cfg_attr(feature = "wasmtime", component(name = "scheduled"))]
    Scheduled,
});

wit!(enum
/// How a bean is declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stereotype {
    #[cfg_attr(feature = "wasmtime", component(name = "component"))]
    Component,
    #[cfg_attr(feature = "wasmtime", component(name = "service"))]
    Service,
    #[cfg_attr(feature = "wasmtime", component(name = "repository"))]
    Repository,
    #[cfg_attr(feature = "wasmtime", component(name = "controller"))]
    Controller,
    #[cfg_attr(feature = "wasmtime", component(name = "configuration"))]
    Configuration,
    #[cfg_attr(feature = "wasmtime", component(name = "mapper"))]
    Mapper,
    #[cfg_attr(feature = "wasmtime", component(name = "xml"))]
    Xml,
});

wit!(record
/// The bean a class defines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BeanInfo {
    pub name: String,
    pub stereotype: Stereotype,
});

wit!(record
/// A node of the graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitNode {
    pub id: String,
    pub kind: NodeKind,
    pub name: String,
    pub package: Option<String>,
    pub bundle: Option<String>,
    pub entry: Option<EntryKind>,
    pub bean: Option<BeanInfo>,
});

wit!(enum
/// Why one node depends on another; a pair keeps its strongest kind (the later variants are stronger).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    #[cfg_attr(feature = "wasmtime", component(name = "type"))]
    Type,
    #[cfg_attr(feature = "wasmtime", component(name = "call"))]
    Call,
    #[cfg_attr(feature = "wasmtime", component(name = "implements"))]
    Implements,
    #[cfg_attr(feature = "wasmtime", component(name = "extends"))]
    Extends,
    #[cfg_attr(feature = "wasmtime", component(name = "mapper"))]
    Mapper,
    #[cfg_attr(feature = "wasmtime", component(name = "xml-bean"))]
    XmlBean,
    #[cfg_attr(feature = "wasmtime", component(name = "bean"))]
    Bean,
});

wit!(record
/// A dependency between two nodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitEdge {
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
    pub weight: u32,
});

wit!(record
/// Something bytecode cannot decide, reported instead of guessed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Unknown {
    pub node: String,
    pub what: String,
});

wit!(record
/// A non-fatal finding of the analysis.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitDiagnostic {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub subject: Option<String>,
});

wit!(record
/// An injection point of a class.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Injection {
    pub node: String,
    pub member: String,
    #[cfg_attr(feature = "wasmtime", component(name = "bean-type"))]
    pub bean_type: String,
    pub qualifier: Option<String>,
    pub provider: Option<String>,
    pub bean: Option<String>,
});

wit!(record
/// A Spring application event one class publishes and another listens to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventLink {
    pub publisher: String,
    pub listener: String,
    pub event: String,
});

wit!(record
/// Where a class's source file lives, relative to its bundle's source root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassSource {
    pub node: String,
    pub file: String,
    pub main: bool,
});

wit!(enum
/// What a resource file is to the split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResourceKind {
    #[cfg_attr(feature = "wasmtime", component(name = "mapper"))]
    Mapper,
    #[cfg_attr(feature = "wasmtime", component(name = "spring-xml"))]
    SpringXml,
});

wit!(record
/// A resource file that belongs to classes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceFile {
    pub bundle: String,
    pub path: String,
    pub kind: ResourceKind,
    pub classes: Vec<String>,
});

wit!(record
/// What a plan needs to know of a bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleInfo {
    pub id: String,
    #[cfg_attr(feature = "wasmtime", component(name = "project-dir"))]
    pub project_dir: Option<String>,
    pub coordinates: Option<Coordinates>,
});

wit!(record
/// What a plan needs to know of a library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LibraryInfo {
    pub id: String,
    pub coordinates: Option<Coordinates>,
});

wit!(record
/// The graph and everything a session needs; `analysis.json` is this record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitAnalysis {
    pub nodes: Vec<SplitNode>,
    pub edges: Vec<SplitEdge>,
    pub unknowns: Vec<Unknown>,
    pub diagnostics: Vec<SplitDiagnostic>,
    pub injections: Vec<Injection>,
    /// Absent from analyses written before events were read.
    #[serde(default)]
    pub events: Vec<EventLink>,
    pub sources: Vec<ClassSource>,
    pub resources: Vec<ResourceFile>,
    pub bundles: Vec<BundleInfo>,
    pub libraries: Vec<LibraryInfo>,
});

wit!(enum
/// The colour of a node for a candidate module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Color {
    #[cfg_attr(feature = "wasmtime", component(name = "green"))]
    Green,
    #[cfg_attr(feature = "wasmtime", component(name = "blue"))]
    Blue,
    #[cfg_attr(feature = "wasmtime", component(name = "yellow"))]
    Yellow,
    #[cfg_attr(feature = "wasmtime", component(name = "red"))]
    Red,
    #[cfg_attr(feature = "wasmtime", component(name = "none"))]
    None,
});

wit!(record
/// A node's colour and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeStatus {
    pub node: String,
    pub color: Color,
    pub reason: String,
});

wit!(record
/// Figures of a candidate module.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    #[cfg_attr(feature = "wasmtime", component(name = "base-to-module"))]
    pub base_to_module: u32,
    #[cfg_attr(feature = "wasmtime", component(name = "beans-from-base"))]
    pub beans_from_base: u32,
    #[cfg_attr(feature = "wasmtime", component(name = "shared-classes"))]
    pub shared_classes: u32,
    #[cfg_attr(feature = "wasmtime", component(name = "shared-jars"))]
    pub shared_jars: u32,
    #[cfg_attr(feature = "wasmtime", component(name = "crossing-share"))]
    pub crossing_share: f64,
});

wit!(record
/// The checks a split must pass.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    pub ok: bool,
    pub problems: Vec<String>,
    pub warnings: Vec<String>,
});

wit!(record
/// Everything `evaluate` says about a candidate module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evaluation {
    #[serde(serialize_with = "status_map", skip_deserializing)]
    pub status: Vec<NodeStatus>,
    pub closure: Vec<String>,
    pub metrics: Metrics,
    pub verify: Verification,
});

wit!(record
/// A suggested module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub name: String,
    pub members: Vec<String>,
    pub metrics: Metrics,
});

wit!(record
/// A source file the plan moves or copies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileMove {
    pub from: String,
    pub to: String,
    pub classes: Vec<String>,
    /// Written as `null` when absent, like every option of the plan (the view in the page writes
    /// the same JSON); read as absent from plans written before.
    #[serde(default)]
    pub reason: Option<String>,
});

wit!(enum
/// Whether a resource moves or is copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResourceAction {
    #[cfg_attr(feature = "wasmtime", component(name = "move"))]
    Move,
    #[cfg_attr(feature = "wasmtime", component(name = "copy"))]
    Copy,
});

wit!(record
/// A resource file the plan moves or copies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceMove {
    pub from: String,
    pub to: String,
    pub action: ResourceAction,
});

wit!(record
/// A file the plan writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GeneratedFile {
    pub path: String,
    pub content: String,
});

wit!(record
/// A `<module>` added to the root POM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RootModule {
    pub pom: String,
    pub module: String,
});

wit!(record
/// An injection of the module that must become a base lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InjectionChange {
    pub node: String,
    pub member: String,
    pub bean: String,
    pub provider: String,
    pub change: String,
});

wit!(record
/// What rewriting one Java source file for the module did (`split::inject`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceRewrite {
    pub content: String,
    pub changed: Vec<String>,
    pub left: Vec<String>,
});

wit!(record
/// What `apply` does to carve the module out of the project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitPlan {
    pub name: String,
    #[cfg_attr(feature = "wasmtime", component(name = "module-dir"))]
    pub module_dir: String,
    pub members: Vec<String>,
    pub moves: Vec<FileMove>,
    pub copies: Vec<FileMove>,
    pub resources: Vec<ResourceMove>,
    pub generated: Vec<GeneratedFile>,
    #[cfg_attr(feature = "wasmtime", component(name = "root-module"))]
    pub root_module: Option<RootModule>,
    pub injections: Vec<InjectionChange>,
    #[cfg_attr(feature = "wasmtime", component(name = "base-keeps"))]
    pub base_keeps: Vec<String>,
    pub metrics: Metrics,
    pub problems: Vec<String>,
    /// Absent from plans written before warnings were given.
    #[serde(default)]
    pub warnings: Vec<String>,
});

wit!(enum
/// The granularity of the dependency matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatrixLevel {
    #[cfg_attr(feature = "wasmtime", component(name = "package"))]
    Package,
    #[cfg_attr(feature = "wasmtime", component(name = "bundle"))]
    Bundle,
});

wit!(record
/// One non-zero cell of the matrix; JSON `[row, column, count]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[serde(into = "[u32; 3]", from = "[u32; 3]")]
pub struct MatrixCell {
    pub row: u32,
    pub column: u32,
    pub count: u32,
});

wit!(record
/// A dependency structure matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Matrix {
    pub labels: Vec<String>,
    pub cells: Vec<MatrixCell>,
});

impl From<MatrixCell> for [u32; 3] {
    fn from(c: MatrixCell) -> Self {
        [c.row, c.column, c.count]
    }
}

impl From<[u32; 3]> for MatrixCell {
    fn from([row, column, count]: [u32; 3]) -> Self {
        MatrixCell { row, column, count }
    }
}

/// `status` in JSON is an object keyed by node id (`docs/split.md`); the list is already sorted by id.
fn status_map<S: serde::Serializer>(status: &[NodeStatus], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    #[derive(Serialize)]
    struct Entry<'a> {
        color: Color,
        reason: &'a str,
    }
    let mut map = s.serialize_map(Some(status.len()))?;
    for n in status {
        map.serialize_entry(&n.node, &Entry { color: n.color, reason: &n.reason })?;
    }
    map.end()
}
