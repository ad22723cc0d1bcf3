//! The component's exports (wasm32 only): wit-bindgen's types mapped to and from [`crate::model`].
//! This file and the wasmtime derives in `model.rs` are the only code that knows about the boundary.

use crate::model as m;
use arkpack::packager::types as w;

wit_bindgen::generate!({ world: "packager", path: "../wit" });

struct Component;
export!(Component);

/// Forwards the core's progress and reads to the host's `progress` and `read` imports.
struct HostProgress;

impl crate::Progress for HostProgress {
    fn report(&mut self, stage: &str, input: &str) {
        progress(stage, input);
    }

    fn read(&mut self, origin: &str, offset: u64, length: u64) -> Result<Vec<u8>, String> {
        read(origin, offset, length)
    }
}

impl Guest for Component {
    fn plan_biz(request: w::BizRequest) -> Result<w::BizPlan, w::Error> {
        crate::plan_biz(&request.into(), &mut HostProgress).map(Into::into).map_err(|e| e.to_model().into())
    }

    fn package_biz(request: w::BizRequest) -> Result<w::BizOutput, w::Error> {
        crate::package_biz(&request.into(), &mut HostProgress).map(Into::into).map_err(|e| e.to_model().into())
    }

    fn plan_plugin(request: w::PluginRequest) -> Result<w::PluginPlan, w::Error> {
        crate::plan_plugin(&request.into(), &mut HostProgress).map(Into::into).map_err(|e| e.to_model().into())
    }

    fn package_plugin(request: w::PluginRequest) -> Result<w::PluginOutput, w::Error> {
        crate::package_plugin(&request.into(), &mut HostProgress).map(Into::into).map_err(|e| e.to_model().into())
    }

    fn inspect(name: String, content: Vec<u8>) -> Result<w::Inspection, w::Error> {
        crate::inspect(&name, &content).map(Into::into).map_err(|e| e.to_model().into())
    }
}

/// Maps C-like enums by variant name, both ways.
macro_rules! map_enum {
    ($from:ty => $to:ty { $($variant:ident),* $(,)? }) => {
        impl From<$from> for $to {
            fn from(v: $from) -> Self {
                match v { $(<$from>::$variant => <$to>::$variant),* }
            }
        }
    };
}

map_enum!(w::Scope => m::Scope { Compile, Runtime, Provided, System, Test });
map_enum!(m::Severity => w::Severity { Error, Warning, Info });
map_enum!(m::ErrorCode => w::ErrorCode { InvalidRequest, InvalidInput, MainClass, DuplicateEntry, SlimmingCheck, Internal });
map_enum!(m::EntryMethod => w::EntryMethod { Stored, Deflated });
map_enum!(m::LibraryKind => w::LibraryKind { Standard, Plugin, Biz, Container, NotAJar });
map_enum!(m::LibraryDecision => w::LibraryDecision { Packaged, Exported, Provided, Test, NotAJar, ExecutableOnly, Container, Excluded, Shaded });
map_enum!(m::MainClassSource => w::MainClassSource { Configured, Manifest, Detected });
map_enum!(m::ArchiveKind => w::ArchiveKind { Biz, Plugin, Executable, Container, Plain });
map_enum!(w::CheckLevel => m::CheckLevel { Off, Warn, Fail });
map_enum!(m::Scope => w::Scope { Compile, Runtime, Provided, System, Test });

impl From<w::Coordinates> for m::Coordinates {
    fn from(c: w::Coordinates) -> Self {
        m::Coordinates { group_id: c.group_id, artifact_id: c.artifact_id, version: c.version, classifier: c.classifier, extension: c.extension }
    }
}

impl From<m::Coordinates> for w::Coordinates {
    fn from(c: m::Coordinates) -> Self {
        w::Coordinates { group_id: c.group_id, artifact_id: c.artifact_id, version: c.version, classifier: c.classifier, extension: c.extension }
    }
}

impl From<w::FileEntry> for m::FileEntry {
    fn from(f: w::FileEntry) -> Self {
        m::FileEntry { path: f.path, content: f.content }
    }
}

impl From<w::JarContent> for m::JarContent {
    fn from(c: w::JarContent) -> Self {
        match c {
            w::JarContent::Bytes(b) => m::JarContent::Bytes(b),
            w::JarContent::Summary(s) => m::JarContent::Summary(m::JarSummary { size: s.size, crc: s.crc, tail_offset: s.tail_offset, tail: s.tail, sha1: s.sha1 }),
        }
    }
}

impl From<w::Library> for m::Library {
    fn from(l: w::Library) -> Self {
        m::Library {
            coordinates: l.coordinates.into(),
            scope: l.scope.into(),
            origin: l.origin,
            content: l.content.into(),
            parent: l.parent,
            depends_on: l.depends_on,
        }
    }
}

impl From<w::ManagedPom> for m::ManagedPom {
    fn from(p: w::ManagedPom) -> Self {
        m::ManagedPom { coordinates: p.coordinates.into(), parent: p.parent.map(Into::into), managed: p.managed.into_iter().map(Into::into).collect() }
    }
}

impl From<w::BaseArtifact> for m::BaseArtifact {
    fn from(a: w::BaseArtifact) -> Self {
        m::BaseArtifact { coordinates: a.coordinates.into(), origin: a.origin, content: a.content.map(Into::into) }
    }
}

impl From<w::SlimRequest> for m::SlimRequest {
    fn from(s: w::SlimRequest) -> Self {
        m::SlimRequest {
            excludes: s.excludes,
            exclude_group_ids: s.exclude_group_ids,
            exclude_artifact_ids: s.exclude_artifact_ids,
            includes: s.includes,
            include_group_ids: s.include_group_ids,
            include_artifact_ids: s.include_artifact_ids,
            pack_excludes_config: s.pack_excludes_config,
            pack_excludes_url: s.pack_excludes_url.map(|r| m::RemoteRules { url: r.url, body: r.body }),
            base_dependency_parent_identity: s.base_dependency_parent_identity,
            parents: s.parents.into_iter().map(Into::into).collect(),
            imported_boms: s.imported_boms.into_iter().map(Into::into).collect(),
            base: s.base.map(|b| match b {
                w::BaseFacts::Jar(a) => m::BaseFacts::Jar(a.into()),
                w::BaseFacts::Artifacts(list) => m::BaseFacts::Artifacts(list.into_iter().map(Into::into).collect()),
            }),
            class_checks: s.class_checks.into(),
        }
    }
}

impl From<m::Piece> for w::Piece {
    fn from(p: m::Piece) -> Self {
        match p {
            m::Piece::Bytes(b) => w::Piece::Bytes(b),
            m::Piece::Library(l) => w::Piece::Library(w::LibraryPiece { index: l.index, size: l.size, crc: l.crc }),
        }
    }
}

fn pieces(list: Vec<m::Piece>) -> Vec<w::Piece> {
    list.into_iter().map(Into::into).collect()
}

impl From<w::GitInfo> for m::GitInfo {
    fn from(g: w::GitInfo) -> Self {
        m::GitInfo {
            remote_origin_url: g.remote_origin_url,
            commit_branch: g.commit_branch,
            commit_id: g.commit_id,
            commit_user_name: g.commit_user_name,
            commit_user_email: g.commit_user_email,
            commit_time: g.commit_time,
            commit_timestamp: g.commit_timestamp,
            build_user: g.build_user,
            build_email: g.build_email,
        }
    }
}

impl From<w::ModuleContent> for m::ModuleContent {
    fn from(c: w::ModuleContent) -> Self {
        match c {
            w::ModuleContent::Jar(bytes) => m::ModuleContent::Jar(bytes),
            w::ModuleContent::Files(files) => m::ModuleContent::Files(files.into_iter().map(Into::into).collect()),
        }
    }
}

impl From<w::PluginRequest> for m::PluginRequest {
    fn from(r: w::PluginRequest) -> Self {
        m::PluginRequest {
            project: r.project.into(),
            module: r.module.into(),
            module_origin: r.module_origin,
            libraries: r.libraries.into_iter().map(Into::into).collect(),
            plugin_name: r.plugin_name,
            priority: r.priority,
            description: r.description,
            activator: r.activator,
            imported: m::ImportConfig { packages: r.imported.packages, classes: r.imported.classes, resources: r.imported.resources },
            exported: m::ExportConfig { mode: r.exported.mode, packages: r.exported.packages, classes: r.exported.classes, resources: r.exported.resources },
            excludes: r.excludes,
            exclude_group_ids: r.exclude_group_ids,
            exclude_artifact_ids: r.exclude_artifact_ids,
            shades: r.shades,
            export_plugin_class: r.export_plugin_class,
            strict: r.strict,
            output_timestamp: r.output_timestamp,
        }
    }
}

impl From<w::BizRequest> for m::BizRequest {
    fn from(r: w::BizRequest) -> Self {
        m::BizRequest {
            project: r.project.into(),
            module: r.module.into(),
            module_origin: r.module_origin,
            libraries: r.libraries.into_iter().map(Into::into).collect(),
            conf_files: r.conf_files.into_iter().map(Into::into).collect(),
            biz_name: r.biz_name,
            biz_version: r.biz_version,
            priority: r.priority,
            main_class: r.main_class,
            web_context_path: r.web_context_path,
            deny_import_packages: r.deny_import_packages,
            deny_import_classes: r.deny_import_classes,
            deny_import_resources: r.deny_import_resources,
            inject_plugin_dependencies: r.inject_plugin_dependencies,
            inject_export_packages: r.inject_export_packages,
            declared_mode: r.declared_mode,
            declared_whitelist: r.declared_whitelist,
            package_provided: r.package_provided,
            requires_unpack: r.requires_unpack,
            output_timestamp: r.output_timestamp,
            build_info: r.build_info.map(|b| m::BuildInfo { build_time: b.build_time, git: b.git.map(Into::into) }),
            executable: r.executable.map(|e| m::ExecutableOptions { container: e.container.into(), ark_version: e.ark_version }),
            slimming: r.slimming.into(),
        }
    }
}

impl From<m::PackError> for w::Error {
    fn from(e: m::PackError) -> Self {
        w::Error { code: e.code.into(), message: e.message, input: e.input, field: e.field }
    }
}

impl From<m::Diagnostic> for w::Diagnostic {
    fn from(d: m::Diagnostic) -> Self {
        w::Diagnostic { severity: d.severity.into(), code: d.code, message: d.message, location: d.location }
    }
}

impl From<m::EntrySource> for w::EntrySource {
    fn from(s: m::EntrySource) -> Self {
        match s {
            m::EntrySource::Generated(x) => w::EntrySource::Generated(x),
            m::EntrySource::Module(x) => w::EntrySource::Module(x),
            m::EntrySource::Conf(x) => w::EntrySource::Conf(x),
            m::EntrySource::Library(x) => w::EntrySource::Library(x),
            m::EntrySource::Container(x) => w::EntrySource::Container(x),
            m::EntrySource::Artifact(x) => w::EntrySource::Artifact(x),
        }
    }
}

impl From<m::ArtifactPlan> for w::ArtifactPlan {
    fn from(p: m::ArtifactPlan) -> Self {
        let entries = p
            .entries
            .into_iter()
            .map(|e| w::PlanEntry { path: e.path, method: e.method.into(), size: e.size, source: e.source.into() })
            .collect();
        w::ArtifactPlan { entries, manifest: p.manifest }
    }
}

impl From<m::LibraryOutcome> for w::LibraryOutcome {
    fn from(l: m::LibraryOutcome) -> Self {
        w::LibraryOutcome { coordinates: l.coordinates.into(), origin: l.origin, kind: l.kind.into(), decision: l.decision.into(), entry: l.entry }
    }
}

impl From<m::SlimOutcome> for w::SlimOutcome {
    fn from(o: m::SlimOutcome) -> Self {
        w::SlimOutcome {
            id: o.id,
            coordinates: o.coordinates.into(),
            scope: o.scope.into(),
            kept: o.kept,
            rule: o.rule,
            source: o.source,
            path: o.path,
            official: o.official,
        }
    }
}

impl From<m::PluginOutput> for w::PluginOutput {
    fn from(o: m::PluginOutput) -> Self {
        w::PluginOutput { plan: o.plan.into(), plugin_jar: pieces(o.plugin_jar) }
    }
}

impl From<m::PluginPlan> for w::PluginPlan {
    fn from(p: m::PluginPlan) -> Self {
        let r = p.report;
        w::PluginPlan {
            plugin: p.plugin.into(),
            report: w::PluginReport {
                plugin_name: r.plugin_name,
                libraries: r.libraries.into_iter().map(Into::into).collect(),
                contained_packages: r.contained_packages,
                referenced_packages: r.referenced_packages,
            },
            diagnostics: p.diagnostics.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<m::BizPlan> for w::BizPlan {
    fn from(p: m::BizPlan) -> Self {
        let r = p.report;
        let libraries = r.libraries.into_iter().map(Into::into).collect();
        w::BizPlan {
            biz: p.biz.into(),
            executable: p.executable.map(Into::into),
            report: w::BizReport {
                biz_name: r.biz_name,
                biz_version: r.biz_version,
                main_class: r.main_class,
                main_class_source: r.main_class_source.into(),
                libraries,
                slim: w::SlimReport {
                    outcomes: r.slim.outcomes.into_iter().map(Into::into).collect(),
                    results_json: r.slim.results_json,
                    report_json: r.slim.report_json,
                },
            },
            diagnostics: p.diagnostics.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<m::BizOutput> for w::BizOutput {
    fn from(o: m::BizOutput) -> Self {
        w::BizOutput { plan: o.plan.into(), biz_jar: pieces(o.biz_jar), executable_jar: o.executable_jar.map(pieces) }
    }
}

impl From<m::Inspection> for w::Inspection {
    fn from(i: m::Inspection) -> Self {
        let entries = i
            .entries
            .into_iter()
            .map(|e| w::ListedEntry {
                path: e.path,
                method: e.method.into(),
                size: e.size,
                compressed_size: e.compressed_size,
                crc: e.crc,
                time: e.time,
                comment: e.comment,
            })
            .collect();
        w::Inspection { kind: i.kind.into(), entries, manifest: i.manifest, diagnostics: i.diagnostics.into_iter().map(Into::into).collect() }
    }
}

// ---- interface `split`: records map field by field through `Conv`, so each mapping is one line.

use exports::arkpack::packager::split as ws;

/// A conversion between a wit-bindgen type and its `model` twin (both directions, as needed).
trait Conv<T> {
    fn conv(self) -> T;
}

impl<A: Conv<B>, B> Conv<Vec<B>> for Vec<A> {
    fn conv(self) -> Vec<B> {
        self.into_iter().map(Conv::conv).collect()
    }
}

impl<A: Conv<B>, B> Conv<Option<B>> for Option<A> {
    fn conv(self) -> Option<B> {
        self.map(Conv::conv)
    }
}

macro_rules! same {
    ($($t:ty),*) => { $(impl Conv<$t> for $t { fn conv(self) -> $t { self } })* };
}
same!(String, u8, u32, f64, bool);

macro_rules! record {
    ($from:path => $to:path { $($f:ident),* $(,)? }) => {
        impl Conv<$to> for $from {
            fn conv(self) -> $to {
                $to { $($f: self.$f.conv()),* }
            }
        }
    };
}

macro_rules! conv_enum {
    ($from:ty => $to:ty { $($v:ident),* $(,)? }) => {
        impl Conv<$to> for $from {
            fn conv(self) -> $to {
                match self { $(<$from>::$v => <$to>::$v),* }
            }
        }
    };
}

impl Conv<m::Coordinates> for w::Coordinates {
    fn conv(self) -> m::Coordinates {
        self.into()
    }
}
impl Conv<w::Coordinates> for m::Coordinates {
    fn conv(self) -> w::Coordinates {
        self.into()
    }
}
impl Conv<m::ModuleContent> for w::ModuleContent {
    fn conv(self) -> m::ModuleContent {
        self.into()
    }
}
conv_enum!(w::Severity => m::Severity { Error, Warning, Info });
conv_enum!(m::Severity => w::Severity { Error, Warning, Info });

record!(ws::SplitBundle => m::SplitBundle { name, origin, content, project_dir, coordinates });
record!(ws::SplitLibrary => m::SplitLibrary { name, origin, content });
record!(ws::AnalyzeRequest => m::AnalyzeRequest { bundles, libraries });

macro_rules! both {
    (enum $w:ty, $m:ty { $($v:ident),* $(,)? }) => {
        conv_enum!($w => $m { $($v),* });
        conv_enum!($m => $w { $($v),* });
    };
    (record $w:path, $m:path { $($f:ident),* $(,)? }) => {
        record!($w => $m { $($f),* });
        record!($m => $w { $($f),* });
    };
}

both!(enum ws::NodeKind, m::NodeKind { Class, Package, Bundle, Library });
both!(enum ws::EntryKind, m::EntryKind { Application, Controller, Listener, Scheduled });
both!(enum ws::Stereotype, m::Stereotype { Component, Service, Repository, Controller, Configuration, Mapper, Xml });
both!(enum ws::EdgeKind, m::EdgeKind { Type, Call, Implements, Extends, Mapper, XmlBean, Bean });
both!(enum ws::ResourceKind, m::ResourceKind { Mapper, SpringXml });
both!(enum ws::Color, m::Color { Green, Blue, Yellow, Red, None });
both!(enum ws::ResourceAction, m::ResourceAction { Move, Copy });
both!(enum ws::MatrixLevel, m::MatrixLevel { Package, Bundle });
both!(record ws::BeanInfo, m::BeanInfo { name, stereotype });
both!(record ws::SplitNode, m::SplitNode { id, kind, name, package, bundle, entry, bean });
both!(record ws::SplitEdge, m::SplitEdge { from, to, kind, weight });
both!(record ws::Unknown, m::Unknown { node, what });
both!(record ws::SplitDiagnostic, m::SplitDiagnostic { severity, code, message, subject });
both!(record ws::Injection, m::Injection { node, member, bean_type, qualifier, provider, bean });
both!(record ws::ClassSource, m::ClassSource { node, file, main });
both!(record ws::ResourceFile, m::ResourceFile { bundle, path, kind, classes });
both!(record ws::BundleInfo, m::BundleInfo { id, project_dir, coordinates });
both!(record ws::LibraryInfo, m::LibraryInfo { id, coordinates });
both!(record ws::EventLink, m::EventLink { publisher, listener, event });
both!(record ws::SplitAnalysis, m::SplitAnalysis { nodes, edges, unknowns, diagnostics, injections, events, sources, resources, bundles, libraries });
record!(m::NodeStatus => ws::NodeStatus { node, color, reason });
record!(m::Metrics => ws::Metrics { base_to_module, beans_from_base, shared_classes, shared_jars, crossing_share });
record!(m::Verification => ws::Verification { ok, problems, warnings });
record!(m::Evaluation => ws::Evaluation { status, closure, metrics, verify });
record!(m::Candidate => ws::Candidate { name, members, metrics });
record!(m::FileMove => ws::FileMove { from, to, classes, reason });
record!(m::ResourceMove => ws::ResourceMove { from, to, action });
record!(m::GeneratedFile => ws::GeneratedFile { path, content });
record!(m::RootModule => ws::RootModule { pom, module });
both!(record ws::InjectionChange, m::InjectionChange { node, member, bean, provider, change });
record!(m::SourceRewrite => ws::SourceRewrite { content, changed, left });
record!(m::SplitPlan => ws::SplitPlan { name, module_dir, members, moves, copies, resources, generated, root_module, injections, base_keeps, metrics, problems, warnings });
record!(m::MatrixCell => ws::MatrixCell { row, column, count });
record!(m::Matrix => ws::Matrix { labels, cells });

fn split_error(e: crate::Error) -> w::Error {
    e.to_model().into()
}

impl Conv<ws::ExpandedJar> for m::ExpandedJar {
    fn conv(self) -> ws::ExpandedJar {
        // The contents are moved, not mapped byte by byte.
        let files = self.files.into_iter().map(|f| w::FileEntry { path: f.path, content: f.content }).collect();
        ws::ExpandedJar { files, diagnostics: self.diagnostics.conv() }
    }
}

impl ws::Guest for Component {
    type Session = SplitSession;
    type Analyzer = SplitAnalyzer;

    fn expand_jar(origin: String, jar: Vec<u8>) -> ws::ExpandedJar {
        crate::split::expand_jar(&origin, &jar).conv()
    }

    fn analyze(request: ws::AnalyzeRequest) -> Result<ws::SplitAnalysis, w::Error> {
        crate::split::analyze(&request.conv(), &mut HostProgress).map(Conv::conv).map_err(split_error)
    }

    fn rewrite_injections(source: String, injections: Vec<ws::InjectionChange>) -> Result<ws::SourceRewrite, w::Error> {
        let injections: Vec<m::InjectionChange> = injections.conv();
        crate::split::rewrite_injections(&source, &injections).map(Conv::conv).map_err(split_error)
    }
}

/// The analysis in steps behind the `analyzer` resource.
pub struct SplitAnalyzer(std::cell::RefCell<crate::split::Analyzer>);

impl ws::GuestAnalyzer for SplitAnalyzer {
    fn new() -> Self {
        SplitAnalyzer(Default::default())
    }

    fn add_bundle(&self, bundle: ws::SplitBundle, skipped: Vec<ws::SplitDiagnostic>) {
        self.0.borrow_mut().add_bundle(&bundle.conv(), skipped.conv(), &mut HostProgress);
    }

    fn finish(analyzer: ws::Analyzer, libraries: Vec<ws::SplitLibrary>) -> Result<ws::SplitAnalysis, w::Error> {
        let libraries: Vec<m::SplitLibrary> = libraries.conv();
        analyzer.into_inner::<SplitAnalyzer>().0.into_inner().finish(&libraries, &mut HostProgress).map(Conv::conv).map_err(split_error)
    }
}

/// The prepared graph behind the `session` resource.
pub struct SplitSession(crate::split::Session);

impl ws::GuestSession for SplitSession {
    fn new(analysis: ws::SplitAnalysis) -> Self {
        SplitSession(crate::split::Session::new(analysis.conv()))
    }

    fn evaluate(&self, module: Vec<String>) -> Result<ws::Evaluation, w::Error> {
        self.0.evaluate(&module).map(Conv::conv).map_err(split_error)
    }

    fn suggest(&self, seeds: Option<Vec<String>>) -> Result<Vec<ws::Candidate>, w::Error> {
        self.0.suggest(seeds.as_deref()).map(Conv::conv).map_err(split_error)
    }

    fn plan(&self, module: Vec<String>, name: String) -> Result<ws::SplitPlan, w::Error> {
        self.0.plan(&module, &name).map(Conv::conv).map_err(split_error)
    }

    fn matrix(&self, level: ws::MatrixLevel) -> ws::Matrix {
        self.0.matrix(matches!(level, ws::MatrixLevel::Bundle)).conv()
    }
}
