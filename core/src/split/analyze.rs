//! Builds the split graph from bytes: the app's own classes (one node each), its dependency jars
//! (one node each), packages and bundles, with typed edges — references, supertypes, calls, Spring
//! bean injections recovered from annotations, Spring XML refs and MyBatis mapper XML — plus entry
//! points and what bytecode cannot decide (`unknowns`). A corrupt class or jar becomes a diagnostic
//! naming it and is skipped. [`analyze`] is one call; [`Analyzer`] takes the bundles one at a time
//! (so a host can [`expand_jar`] the next one elsewhere meanwhile), then [`Analyzer::finish`] builds
//! the graph in `build`.

use std::collections::{BTreeMap, BTreeSet};

use super::events;
use super::spring::{self, direct_stereotype};
use super::xml;
use crate::classfile::facts::{facts, Ann, ClassFacts};
use crate::classfile::names::{compare, Names};
use crate::classfile::refs::package_of;
use crate::jar::read::{self as jar_read, Archive};
use crate::model::{
    AnalyzeRequest, BeanInfo, BundleInfo, ClassSource, Coordinates, EdgeKind, EntryKind, EventLink, ExpandedJar, FileEntry, Injection, LibraryInfo,
    ModuleContent, NodeKind, ResourceFile, ResourceKind, Severity, SplitAnalysis, SplitBundle, SplitDiagnostic, SplitEdge, SplitLibrary,
    SplitNode, Stereotype, Unknown,
};
use crate::plugin::analysis::is_jdk_package;
use crate::{Progress, Result};

/// One of the app's classes while the graph is built.
struct AppClass {
    facts: ClassFacts,
    bundle: usize,
}

/// A bean definition: its name, the class whose node stands for it, the type it is injected as.
struct Bean {
    name: String,
    provider: u32,
    ty: String,
    primary: bool,
}

/// A file of a bundle that is not a class (only XML is kept).
struct XmlFile {
    bundle: usize,
    path: String,
    text: String,
}

/// What `finish` needs of a bundle besides its classes.
struct BundleHead {
    name: String,
    origin: String,
    project_dir: Option<String>,
    coordinates: Option<Coordinates>,
}

pub fn analyze(request: &AnalyzeRequest, progress: &mut dyn Progress) -> Result<SplitAnalysis> {
    let mut analyzer = Analyzer::default();
    for bundle in &request.bundles {
        analyzer.add_bundle(bundle, Vec::new(), progress);
    }
    analyzer.finish(&request.libraries, progress)
}

/// A jar bundle's class and XML entries, inflated and checked: what [`Analyzer::add_bundle`] reads
/// of a jar. A host can expand the next jar with it (in another thread or component instance) while
/// the analyzer reads the classes of the last; the analysis is the same either way.
pub fn expand_jar(origin: &str, bytes: &[u8]) -> ExpandedJar {
    let mut expanded = ExpandedJar::default();
    jar_entries(origin, bytes, &mut expanded.diagnostics, |path, content| expanded.files.push(FileEntry { path, content }));
    expanded
}

/// Calls `each` with the class and XML entries of a jar; an entry or jar that cannot be read is a
/// diagnostic.
fn jar_entries(origin: &str, bytes: &[u8], diagnostics: &mut Vec<SplitDiagnostic>, mut each: impl FnMut(String, Vec<u8>)) {
    let mut archive = match jar_read::open(origin, bytes) {
        Ok(a) => a,
        Err(e) => return diagnostics.push(diag(Severity::Warning, "corrupt-jar", format!("skipped a bundle that is not a readable jar: {e}"), origin.to_string())),
    };
    for i in 0..archive.len() {
        let Some(Ok(name)) = archive.name_for_index(i).map(|n| n.map(|n| n.into_owned())) else { continue };
        if !(name.ends_with(".class") || name.ends_with(".xml")) {
            continue;
        }
        match jar_read::entry_data(&mut archive, bytes, i) {
            Ok(data) => each(name, data),
            Err(e) => diagnostics.push(diag(Severity::Warning, "corrupt-jar", format!("skipped an entry that cannot be read: {e}"), format!("{origin}!/{name}"))),
        }
    }
}

/// An analysis fed one bundle at a time, then finished with the libraries ([`analyze`] in steps).
#[derive(Default)]
pub struct Analyzer {
    bundles: Vec<BundleHead>,
    symbols: Names,
    classes: Vec<AppClass>,
    /// By name number: a class of that name was read.
    read: Vec<bool>,
    xml_files: Vec<XmlFile>,
    diagnostics: Vec<SplitDiagnostic>,
}

impl Analyzer {
    /// Reads one of the app's bundles (in the request's order: the first class of a name wins).
    /// `skipped` are the diagnostics of [`expand_jar`] when `bundle` holds the files it expanded.
    pub fn add_bundle(&mut self, bundle: &SplitBundle, skipped: Vec<SplitDiagnostic>, progress: &mut dyn Progress) {
        progress.report("split bundle", &bundle.origin);
        let b = self.bundles.len();
        self.bundles.push(BundleHead { name: bundle.name.clone(), origin: bundle.origin.clone(), project_dir: bundle.project_dir.clone(), coordinates: bundle.coordinates.clone() });
        self.diagnostics.extend(skipped);
        match &bundle.content {
            ModuleContent::Files(files) => files.iter().for_each(|f| self.add_file(b, &f.path, &f.content)),
            ModuleContent::Jar(bytes) => {
                let mut skipped = Vec::new();
                jar_entries(&bundle.origin, bytes, &mut skipped, |path, content| self.add_file(b, &path, &content));
                self.diagnostics.extend(skipped);
            }
        }
    }

    fn add_file(&mut self, b: usize, path: &str, bytes: &[u8]) {
        let origin = &self.bundles[b].origin;
        if path.ends_with(".class") {
            if path.ends_with("module-info.class") || path.ends_with("package-info.class") {
                return;
            }
            match facts(bytes, &mut self.symbols) {
                Ok(f) => {
                    self.read.resize(self.symbols.len(), false);
                    if std::mem::replace(&mut self.read[f.id as usize], true) {
                        self.diagnostics.push(diag(
                            Severity::Warning,
                            "duplicate-class",
                            format!("class {} is in more than one bundle; the first one read is kept", f.name().replace('/', ".")),
                            format!("{origin}!/{path}"),
                        ));
                    } else {
                        self.classes.push(AppClass { facts: f, bundle: b });
                    }
                }
                Err(reason) => self.diagnostics.push(diag(Severity::Warning, "corrupt-class", format!("skipped a class that cannot be read: {reason}"), format!("{origin}!/{path}"))),
            }
        } else if path.ends_with(".xml") {
            if let Ok(text) = std::str::from_utf8(bytes) {
                if text.contains("<mapper") || text.contains("<beans") || text.contains(":beans") {
                    self.xml_files.push(XmlFile { bundle: b, path: path.to_string(), text: text.to_string() });
                }
            }
        }
    }

    /// Reads the libraries and builds the graph.
    pub fn finish(self, libraries: &[SplitLibrary], progress: &mut dyn Progress) -> Result<SplitAnalysis> {
        let Analyzer { bundles, symbols, classes, read: _, xml_files, diagnostics } = self;
        build(&bundles, symbols, classes, xml_files, diagnostics, libraries, progress)
    }
}

/// The graph from what the bundles gave (`heads`, `classes`, `xml_files`) and the libraries.
fn build(
    heads: &[BundleHead],
    symbols: Names,
    mut classes: Vec<AppClass>,
    xml_files: Vec<XmlFile>,
    mut diagnostics: Vec<SplitDiagnostic>,
    request_libraries: &[SplitLibrary],
    progress: &mut dyn Progress,
) -> Result<SplitAnalysis> {
    // Libraries: which packages each provides (classes reference libraries through their package),
    // and its coordinates when it carries exactly one pom.properties.
    let mut libraries: Vec<Library<'_>> = Vec::new();
    let mut package_library: BTreeMap<String, u32> = BTreeMap::new();
    for lib in request_libraries {
        progress.report("split library", &lib.origin);
        match jar_read::open(&lib.origin, &lib.content) {
            Ok(archive) => {
                let li = libraries.len() as u32;
                let mut poms = Vec::new();
                for name in archive.file_names().filter_map(Result::ok) {
                    if let Some(class) = name.strip_suffix(".class") {
                        package_library.entry(internal_package(class).to_string()).or_insert(li);
                    } else if name.starts_with("META-INF/maven/") && name.ends_with("/pom.properties") {
                        poms.push(name.to_string());
                    }
                }
                // A jar may carry the pom.properties of what it shades: prefer the one its file is named after.
                let mut library = Library { name: lib.name.clone(), coordinates: None, archive, bytes: &lib.content };
                let mut found: Vec<Coordinates> = poms.iter().filter_map(|p| library.entry(p).and_then(|b| pom_properties(&b))).collect();
                if found.len() > 1 {
                    found.retain(|c| lib.name == format!("{}-{}", c.artifact_id, c.version));
                }
                library.coordinates = if found.len() == 1 { found.pop() } else { None };
                libraries.push(library);
            }
            Err(e) => diagnostics.push(diag(Severity::Warning, "corrupt-jar", format!("skipped a library that is not a readable jar: {e}"), lib.origin.clone())),
        }
    }

    // Classes in name order: node ids and edge order follow it.
    classes.sort_unstable_by(|a, b| compare(a.facts.name().as_bytes(), b.facts.name().as_bytes()));
    let names: Vec<String> = classes.iter().map(|c| c.facts.name.clone()).collect();
    let index = ClassIndex::new(&symbols, &classes);
    let n = classes.len();

    // Stereotypes, resolved through meta-annotations in app classes and in libraries.
    let mut meta = MetaAnnotations { cache: BTreeMap::new(), index: &index, classes: &classes, package_library: &package_library, libraries: &mut libraries };
    let stereotypes: Vec<Option<(Stereotype, Option<String>)>> = classes.iter().map(|c| meta.stereotype_of_class(&c.facts.annotations)).collect();
    drop(meta);

    let mut unknowns: BTreeSet<Unknown> = BTreeSet::new();
    let ids: Vec<String> = names.iter().map(|n| format!("c:{}", n.replace('/', "."))).collect();
    let class_id = |i: u32| ids[i as usize].clone();

    // Beans.
    let mut beans: Vec<Bean> = Vec::new();
    let mut node_bean: Vec<Option<BeanInfo>> = vec![None; n];
    for (i, c) in classes.iter().enumerate() {
        let f = &c.facts;
        if let Some((st, explicit)) = &stereotypes[i] {
            let usable = if *st == Stereotype::Mapper { f.is_interface } else { !f.is_interface && !f.is_abstract && !f.is_annotation };
            if usable {
                let name = explicit.clone().unwrap_or_else(|| spring::default_bean_name(f.name()));
                node_bean[i] = Some(BeanInfo { name: name.clone(), stereotype: *st });
                let primary = f.annotations.iter().any(|a| a.ty == spring::PRIMARY);
                beans.push(Bean { name, provider: i as u32, ty: f.name().to_string(), primary });
            }
        }
        for a in &f.annotations {
            if spring::is_conditional(&a.ty) {
                unknowns.insert(Unknown { node: class_id(i as u32), what: format!("conditional bean (@{}): whether it exists is decided at run time", simple(&a.ty)) });
            }
        }
        for m in &f.methods {
            let Some(bean) = m.annotations.iter().find(|a| a.ty == spring::BEAN) else { continue };
            let Some(ty) = &m.returns else { continue };
            let name = bean.string("name").or_else(|| bean.string("value")).map(str::to_string).unwrap_or_else(|| m.name.clone());
            let primary = m.annotations.iter().any(|a| a.ty == spring::PRIMARY);
            beans.push(Bean { name, provider: i as u32, ty: ty.clone(), primary });
            if let Some(cond) = m.annotations.iter().find(|a| spring::is_conditional(&a.ty)) {
                unknowns.insert(Unknown { node: class_id(i as u32), what: format!("conditional bean `{}` (@{}): whether it exists is decided at run time", m.name, simple(&cond.ty)) });
            }
        }
        if f.registers_beans {
            unknowns.insert(Unknown { node: class_id(i as u32), what: "registers beans programmatically (registerBean/registerBeanDefinition); those beans are not in the graph".into() });
        }
    }

    // What a class inherits that matters here (programmatic registration, ApplicationListener), as
    // flags folded through the app's own supertypes; full supertype sets only for bean classes.
    let mut flags: Vec<Option<u8>> = vec![None; n];
    for i in 0..n {
        inherited_flags(i, &classes, &index, &mut flags, 0);
    }
    for (i, f) in flags.iter().enumerate() {
        let f = f.unwrap_or(0);
        for (bit, what) in REGISTRATION.iter().enumerate() {
            if f & (1 << bit) != 0 {
                unknowns.insert(Unknown { node: class_id(i as u32), what: format!("is {what}: the beans it registers or produces are known at run time only") });
            }
        }
    }
    let mut supers: Vec<Option<BTreeSet<String>>> = vec![None; n];

    // XML: Spring bean files and MyBatis mappers (they may add beans, so before injections).
    let mut edges: Vec<Vec<(u32, EdgeKind, u32)>> = vec![Vec::new(); n];
    let mut resources = Vec::new();
    let mut xml_refs: Vec<(u32, String)> = Vec::new();
    for file in &xml_files {
        let subject = format!("{}!/{}", heads[file.bundle].origin, file.path);
        let tags = match xml::tags(&file.text) {
            Ok(t) => t,
            Err(e) => {
                diagnostics.push(diag(Severity::Warning, "bad-xml", format!("skipped an XML file that cannot be read: {e}"), subject));
                continue;
            }
        };
        let lookup = |dotted: &str| index.get(dotted.replace('.', "/").as_str());
        let bundle_id = format!("b:{}", heads[file.bundle].name);
        match tags.first().map(|t| t.name.as_str()) {
            Some("mapper") => {
                let Some(iface) = tags[0].attr("namespace").and_then(lookup) else { continue };
                if node_bean[iface as usize].is_none() {
                    let name = spring::default_bean_name(&names[iface as usize]);
                    node_bean[iface as usize] = Some(BeanInfo { name: name.clone(), stereotype: Stereotype::Mapper });
                    beans.push(Bean { name, provider: iface, ty: names[iface as usize].clone(), primary: false });
                }
                for t in &tags {
                    for attr in ["resultType", "parameterType", "type", "ofType", "javaType"] {
                        if let Some(target) = t.attr(attr).and_then(lookup) {
                            if target != iface {
                                edges[iface as usize].push((target, EdgeKind::Mapper, 1));
                            }
                        }
                    }
                }
                resources.push(ResourceFile { bundle: bundle_id, path: file.path.clone(), kind: ResourceKind::Mapper, classes: vec![class_id(iface)] });
            }
            Some("beans") => {
                // The enclosing <bean> of each tag, by depth.
                let mut stack: Vec<(usize, Option<u32>)> = Vec::new();
                let mut named = BTreeSet::new();
                for t in &tags {
                    while stack.last().is_some_and(|(d, _)| *d >= t.depth) {
                        stack.pop();
                    }
                    let owner = stack.iter().rev().find_map(|(_, c)| *c);
                    if t.name == "bean" {
                        let class = t.attr("class").and_then(lookup);
                        if let Some(c) = class {
                            named.insert(c);
                            let name = t.attr("id").or_else(|| t.attr("name").and_then(|n| n.split([',', ';', ' ']).next())).map(str::to_string);
                            let name = name.unwrap_or_else(|| format!("{}#0", names[c as usize].replace('/', ".")));
                            if node_bean[c as usize].is_none() {
                                node_bean[c as usize] = Some(BeanInfo { name: name.clone(), stereotype: Stereotype::Xml });
                            }
                            beans.push(Bean { name, provider: c, ty: names[c as usize].clone(), primary: t.attr("primary") == Some("true") });
                        }
                        stack.push((t.depth, class));
                    }
                    if let Some(owner) = owner {
                        for attr in ["ref", "bean", "value-ref", "key-ref"] {
                            if let Some(r) = t.attr(attr) {
                                if matches!(t.name.as_str(), "property" | "constructor-arg" | "ref" | "entry" | "idref") {
                                    xml_refs.push((owner, r.to_string()));
                                }
                            }
                        }
                    }
                }
                if !named.is_empty() {
                    resources.push(ResourceFile { bundle: bundle_id, path: file.path.clone(), kind: ResourceKind::SpringXml, classes: named.into_iter().map(class_id).collect() });
                }
            }
            _ => {}
        }
    }

    let mut beans_by_type: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut beans_by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut bean_types: Vec<BTreeSet<String>> = Vec::new();
    for b in &beans {
        let mut types = BTreeSet::from([b.ty.clone()]);
        if let Some(c) = index.get(b.ty.as_str()) {
            ancestors(c as usize, &classes, &index, &mut supers, 0);
            types.extend(supers[c as usize].iter().flatten().cloned());
        }
        bean_types.push(types);
    }
    for (bi, b) in beans.iter().enumerate() {
        for t in &bean_types[bi] {
            beans_by_type.entry(t.as_str()).or_default().push(bi);
        }
        beans_by_name.entry(b.name.as_str()).or_default().push(bi);
    }
    for (owner, r) in &xml_refs {
        if let Some(&[bi]) = beans_by_name.get(r.as_str()).map(Vec::as_slice) {
            if beans[bi].provider != *owner {
                edges[*owner as usize].push((beans[bi].provider, EdgeKind::XmlBean, 1));
            }
        }
    }

    // Injection points.
    let mut injections = Vec::new();
    for (i, c) in classes.iter().enumerate() {
        let f = &c.facts;
        let is_bean = node_bean[i].as_ref().is_some_and(|b| b.stereotype != Stereotype::Mapper);
        let mut points: Vec<(String, String, Option<String>, Option<String>)> = Vec::new(); // member, type, qualifier, name hint
        for fld in &f.fields {
            if fld.is_static {
                continue;
            }
            let Some(ty) = fld.types[0].clone() else { continue };
            let resource = fld.annotations.iter().find(|a| spring::is_resource(&a.ty));
            let inject = fld.annotations.iter().any(|a| a.ty == spring::AUTOWIRED || spring::is_inject(&a.ty));
            if resource.is_none() && !inject {
                continue;
            }
            let qualifier = resource.and_then(|r| r.string("name")).map(str::to_string).or_else(|| qualifier_of(&fld.annotations));
            points.push((fld.name.clone(), ty, qualifier, Some(fld.name.clone())));
        }
        let constructors: Vec<_> = f.methods.iter().filter(|m| m.name == "<init>").collect();
        let annotated = constructors.iter().filter(|m| m.annotations.iter().any(|a| a.ty == spring::AUTOWIRED || spring::is_inject(&a.ty))).count();
        for m in &f.methods {
            let wired = m.annotations.iter().any(|a| a.ty == spring::AUTOWIRED || spring::is_inject(&a.ty) || spring::is_resource(&a.ty));
            let is_ctor = m.name == "<init>";
            let bean_method = m.annotations.iter().any(|a| a.ty == spring::BEAN);
            let take = (is_ctor && is_bean && (wired || (annotated == 0 && constructors.len() == 1))) || (!is_ctor && wired && !m.is_static) || bean_method;
            if !take {
                continue;
            }
            let resource_name = m.annotations.iter().find(|a| spring::is_resource(&a.ty)).and_then(|r| r.string("name"));
            for (p, ty) in m.types.iter().enumerate() {
                let Some(ty) = ty else { continue };
                let qualifier = qualifier_of(&m.params[p]).or_else(|| resource_name.map(str::to_string));
                // A setter's property name is the by-name hint (`setUserService` → `userService`).
                let hint = m.name.strip_prefix("set").filter(|_| m.types.len() == 1).map(spring::decapitalize);
                points.push((format!("{}({p})", m.name), ty.clone(), qualifier, hint));
            }
        }
        for (member, ty, qualifier, hint) in points {
            if is_jdk_package(&package_of(&ty)) {
                continue;
            }
            let app_type = index.get(ty.as_str()).is_some();
            let resolved = resolve(&ty, qualifier.as_deref(), hint.as_deref(), &beans, &beans_by_type, &beans_by_name);
            let node = class_id(i as u32);
            let (provider, bean) = match resolved {
                Resolved::One(bi) => {
                    let p = beans[bi].provider;
                    if p as usize != i {
                        edges[i].push((p, EdgeKind::Bean, 1));
                    }
                    (Some(class_id(p)), Some(beans[bi].name.clone()))
                }
                Resolved::None => {
                    if app_type {
                        unknowns.insert(Unknown { node: node.clone(), what: format!("injection `{member}`: no bean of type {} found in the bytecode", ty.replace('/', ".")) });
                    }
                    (None, None)
                }
                Resolved::Many(list) => {
                    let names: Vec<_> = list.iter().map(|&b| beans[b].name.as_str()).collect();
                    unknowns.insert(Unknown { node: node.clone(), what: format!("injection `{member}`: {} beans of type {} ({}); the one used is decided at run time", list.len(), ty.replace('/', "."), names.join(", ")) });
                    (None, None)
                }
            };
            if app_type || provider.is_some() {
                injections.push(Injection { node, member, bean_type: ty.replace('/', "."), qualifier, provider, bean });
            }
        }
    }

    // Entry points.
    let entries: Vec<Option<EntryKind>> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let f = &c.facts;
            if f.annotations.iter().any(|a| a.ty == spring::SPRING_BOOT_APPLICATION) || f.has_main() {
                Some(EntryKind::Application)
            } else if matches!(&stereotypes[i], Some((Stereotype::Controller, _))) {
                Some(EntryKind::Controller)
            } else if f.methods.iter().any(|m| m.annotations.iter().any(|a| spring::is_event_listener(&a.ty)))
                || flags[i].unwrap_or(0) & LISTENER != 0
            {
                Some(EntryKind::Listener)
            } else if f.methods.iter().any(|m| m.annotations.iter().any(|a| a.ty == spring::SCHEDULED)) {
                Some(EntryKind::Scheduled)
            } else {
                None
            }
        })
        .collect();

    // Spring events, publisher → listener.
    let facts: Vec<&ClassFacts> = classes.iter().map(|c| &c.facts).collect();
    let listens: Vec<events::Listens<'_>> = facts.iter().map(|f| events::listens(f)).collect();
    let mut event_links: Vec<EventLink> = events::links(&facts, &listens, &symbols, |name| index.get(name).map(|i| i as usize))
        .into_iter()
        .map(|(p, l, e)| EventLink { publisher: class_id(p), listener: class_id(l), event: symbols.name(e).replace('/', ".") })
        .collect();
    event_links.sort();
    for (i, l) in listens.iter().enumerate() {
        for what in &l.generic {
            unknowns.insert(Unknown { node: class_id(i as u32), what: format!("listens to a generic event type ({what}): the events it hears are set by its subclasses' type arguments; not linked to publishers") });
        }
    }

    // Reference edges: to app classes and, at jar granularity, to libraries (targets n + library).
    let mut library_of = LibraryOf { package_library: &package_library, symbols: &symbols, known: vec![UNASKED; symbols.len()] };
    for (i, c) in classes.iter().enumerate() {
        let f = &c.facts;
        let list = &mut edges[i];
        let super_class = f.super_class.as_deref().and_then(|s| symbols.get(s));
        let interfaces: Vec<u32> = f.interfaces.iter().filter_map(|s| symbols.get(s)).collect();
        // `calls` is a sorted subset of the sorted `refs`: walked alongside rather than searched.
        let mut calls = f.calls.iter().peekable();
        for &r in &f.refs {
            while calls.next_if(|&&c| c < r).is_some() {}
            let is_call = calls.next_if(|&&c| c == r).is_some();
            let target = match index.of(r) {
                Some(t) => t,
                None => match library_of.get(r) {
                    Some(l) => n as u32 + l,
                    None => continue,
                },
            };
            if target as usize == i {
                continue;
            }
            let kind = if super_class == Some(r) {
                EdgeKind::Extends
            } else if interfaces.contains(&r) {
                EdgeKind::Implements
            } else if is_call {
                EdgeKind::Call
            } else {
                EdgeKind::Type
            };
            list.push((target, kind, 1));
        }
    }

    // Nodes, sorted by id: bundles (b:), classes (c:), libraries (l:), packages (p:).
    let mut nodes = Vec::new();
    let mut packages: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for c in &classes {
        packages.entry(package_of(c.facts.name())).or_default().insert(c.bundle);
    }
    let package_id = |p: &str| if p.is_empty() { "p:(default)".to_string() } else { format!("p:{p}") };
    for b in heads {
        nodes.push(SplitNode { id: format!("b:{}", b.name), kind: NodeKind::Bundle, name: b.name.clone(), package: None, bundle: None, entry: None, bean: None });
    }
    let mut sources = Vec::new();
    for (i, c) in classes.iter().enumerate() {
        let name = &names[i];
        let package = package_of(name);
        let id = class_id(i as u32);
        if let Some(sf) = &c.facts.source_file {
            let dir = name.rsplit_once('/').map(|(d, _)| format!("{d}/")).unwrap_or_default();
            sources.push(ClassSource { node: id.clone(), file: format!("{dir}{sf}"), main: c.facts.has_main() });
        }
        nodes.push(SplitNode {
            id,
            kind: NodeKind::Class,
            name: name.rsplit('/').next().unwrap_or(name).to_string(),
            package: Some(package_id(&package)),
            bundle: Some(format!("b:{}", heads[c.bundle].name)),
            entry: entries[i],
            bean: node_bean[i].clone(),
        });
    }
    for Library { name, .. } in &libraries {
        nodes.push(SplitNode { id: format!("l:{name}"), kind: NodeKind::Library, name: name.clone(), package: None, bundle: None, entry: None, bean: None });
    }
    for p in packages.keys() {
        let name = if p.is_empty() { "(default)".to_string() } else { p.clone() };
        nodes.push(SplitNode { id: package_id(p), kind: NodeKind::Package, name, package: None, bundle: None, entry: None, bean: None });
    }
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    nodes.dedup_by(|a, b| a.id == b.id);

    // Edges: per class, merged by target (strongest kind, summed weight); targets sort as their ids.
    let target_id = |t: u32| if (t as usize) < n { class_id(t) } else { format!("l:{}", libraries[t as usize - n].name) };
    let mut lib_order: Vec<usize> = (0..libraries.len()).collect();
    lib_order.sort_by(|&a, &b| libraries[a].name.cmp(&libraries[b].name));
    let mut lib_rank = vec![0u32; libraries.len()];
    for (rank, &l) in lib_order.iter().enumerate() {
        lib_rank[l] = rank as u32;
    }
    let sort_key = |t: u32| if (t as usize) < n { (0, t) } else { (1, lib_rank[t as usize - n]) };
    let mut out_edges = Vec::new();
    for (i, list) in edges.iter_mut().enumerate() {
        list.sort_by_key(|&(t, _, _)| sort_key(t));
        let mut k = 0;
        while k < list.len() {
            let (t, mut kind, mut weight) = list[k];
            let mut j = k + 1;
            while j < list.len() && list[j].0 == t {
                kind = kind.max(list[j].1);
                weight += list[j].2;
                j += 1;
            }
            out_edges.push(SplitEdge { from: class_id(i as u32), to: target_id(t), kind, weight });
            k = j;
        }
    }

    let mut bundles: BTreeMap<String, BundleInfo> = BTreeMap::new();
    for b in heads {
        let id = format!("b:{}", b.name);
        bundles.entry(id.clone()).or_insert(BundleInfo { id, project_dir: b.project_dir.clone(), coordinates: b.coordinates.clone() });
    }
    let mut libs: Vec<LibraryInfo> = libraries.iter().map(|l| LibraryInfo { id: format!("l:{}", l.name), coordinates: l.coordinates.clone() }).collect();
    libs.sort_by(|a, b| a.id.cmp(&b.id));
    libs.dedup_by(|a, b| a.id == b.id);
    diagnostics.sort_by(|a, b| (&a.subject, &a.code, &a.message).cmp(&(&b.subject, &b.code, &b.message)));
    injections.sort();
    resources.sort_by(|a, b| (&a.bundle, &a.path).cmp(&(&b.bundle, &b.path)));
    Ok(SplitAnalysis {
        nodes,
        edges: out_edges,
        unknowns: unknowns.into_iter().collect(),
        diagnostics,
        injections,
        events: event_links,
        sources,
        resources,
        bundles: bundles.into_values().collect(),
        libraries: libs,
    })
}

enum Resolved {
    None,
    One(usize),
    Many(Vec<usize>),
}

/// Spring's choice among candidate beans: by qualifier name; else by type, narrowed by `@Primary`
/// and then by the field or property name.
fn resolve(ty: &str, qualifier: Option<&str>, hint: Option<&str>, beans: &[Bean], by_type: &BTreeMap<&str, Vec<usize>>, by_name: &BTreeMap<&str, Vec<usize>>) -> Resolved {
    let of_type = by_type.get(ty).map(Vec::as_slice).unwrap_or_default();
    if let Some(q) = qualifier {
        let named: Vec<usize> = by_name.get(q).map(|v| v.to_vec()).unwrap_or_default();
        let typed: Vec<usize> = named.iter().copied().filter(|b| of_type.contains(b)).collect();
        return match (typed.as_slice(), named.as_slice()) {
            ([one], _) | ([], [one]) => Resolved::One(*one),
            _ => Resolved::None,
        };
    }
    match of_type {
        [] => Resolved::None,
        [one] => Resolved::One(*one),
        many => {
            let primary: Vec<usize> = many.iter().copied().filter(|&b| beans[b].primary).collect();
            if let [one] = primary.as_slice() {
                return Resolved::One(*one);
            }
            if let Some(&b) = hint.and_then(|h| many.iter().find(|&&b| beans[b].name == h)) {
                return Resolved::One(b);
            }
            Resolved::Many(many.to_vec())
        }
    }
}

fn qualifier_of(annotations: &[Ann]) -> Option<String> {
    annotations.iter().find(|a| a.ty == spring::QUALIFIER || spring::is_named(&a.ty)).and_then(|a| a.string("value")).map(str::to_string)
}

/// The supertypes `inherited_flags` looks for: programmatic registration (one bit each, in this
/// order) and `ApplicationListener` (`LISTENER`).
const REGISTRATION: [&str; 4] = ["a BeanDefinitionRegistryPostProcessor", "an ImportBeanDefinitionRegistrar", "an ImportSelector", "a FactoryBean"];
const LISTENER: u8 = 1 << 4;

fn direct_flags(ty: &str) -> u8 {
    match spring::programmatic_registration(ty) {
        Some(what) => 1 << REGISTRATION.iter().position(|r| *r == what).unwrap_or(0),
        None if ty == spring::APPLICATION_LISTENER => LISTENER,
        None => 0,
    }
}

/// Fills `flags[i]`: the flags of class `i`'s supertypes, through the app's own classes.
fn inherited_flags(i: usize, classes: &[AppClass], index: &ClassIndex<'_>, flags: &mut Vec<Option<u8>>, depth: usize) -> u8 {
    if let Some(f) = flags[i] {
        return f;
    }
    flags[i] = Some(0); // a cycle (malformed input) ends here
    let f = &classes[i].facts;
    let mut out = 0;
    for s in f.super_class.iter().chain(&f.interfaces) {
        out |= direct_flags(s);
        if let Some(p) = index.get(s.as_str()) {
            if depth < 64 {
                out |= inherited_flags(p as usize, classes, index, flags, depth + 1);
            }
        }
    }
    flags[i] = Some(out);
    out
}

/// Fills `supers[i]` with every supertype of class `i`, following the app's own classes.
fn ancestors(i: usize, classes: &[AppClass], index: &ClassIndex<'_>, supers: &mut Vec<Option<BTreeSet<String>>>, depth: usize) {
    if supers[i].is_some() {
        return;
    }
    supers[i] = Some(BTreeSet::new()); // a cycle (malformed input) ends here
    let f = &classes[i].facts;
    let mut set = BTreeSet::new();
    for s in f.super_class.iter().chain(&f.interfaces) {
        set.insert(s.clone());
        if let Some(p) = index.get(s.as_str()) {
            if depth < 64 {
                ancestors(p as usize, classes, index, supers, depth + 1);
                set.extend(supers[p as usize].iter().flatten().cloned());
            }
        }
    }
    set.remove("java/lang/Object");
    supers[i] = Some(set);
}

/// Resolves stereotypes through meta-annotations, reading annotation classes of libraries on demand.
struct MetaAnnotations<'a, 'b> {
    cache: BTreeMap<String, Option<Stereotype>>,
    index: &'a ClassIndex<'a>,
    classes: &'a [AppClass],
    package_library: &'a BTreeMap<String, u32>,
    libraries: &'a mut [Library<'b>],
}

impl MetaAnnotations<'_, '_> {
    /// The class's stereotype and explicit bean name (`value` of the stereotype annotation).
    fn stereotype_of_class(&mut self, annotations: &[Ann]) -> Option<(Stereotype, Option<String>)> {
        let mut found: Option<(Stereotype, Option<String>)> = None;
        for a in annotations {
            if let Some(st) = self.stereotype_of(&a.ty, 0) {
                let name = a.string("value").map(str::to_string);
                // Mapper beats the generic ones, a specific stereotype beats @Component.
                let better = match &found {
                    None => true,
                    Some((prev, _)) => rank(st) > rank(*prev),
                };
                if better {
                    found = Some((st, name.or_else(|| found.as_ref().and_then(|f| f.1.clone()))));
                }
            }
        }
        found
    }

    fn stereotype_of(&mut self, annotation: &str, depth: usize) -> Option<Stereotype> {
        if let Some(st) = direct_stereotype(annotation) {
            return Some(st);
        }
        if depth > 8 || annotation.starts_with("java/") || annotation.starts_with("kotlin/") {
            return None;
        }
        if let Some(cached) = self.cache.get(annotation) {
            return *cached;
        }
        self.cache.insert(annotation.to_string(), None); // cycles end here
        let metas: Vec<String> = match self.index.get(annotation) {
            Some(i) => {
                let f = &self.classes[i as usize].facts;
                if !f.is_annotation {
                    return None;
                }
                f.annotations.iter().map(|a| a.ty.clone()).collect()
            }
            None => self.library_annotations(annotation),
        };
        let mut best: Option<Stereotype> = None;
        for m in metas {
            if let Some(st) = self.stereotype_of(&m, depth + 1) {
                if best.is_none_or(|b| rank(st) > rank(b)) {
                    best = Some(st);
                }
            }
        }
        self.cache.insert(annotation.to_string(), best);
        best
    }

    fn library_annotations(&mut self, annotation: &str) -> Vec<String> {
        let Some(&l) = self.package_library.get(internal_package(annotation)) else { return Vec::new() };
        let Some(bytes) = self.libraries[l as usize].entry(&format!("{annotation}.class")) else { return Vec::new() };
        crate::classfile::facts::class_annotations(&bytes).map(|list| list.into_iter().map(|a| a.ty).collect()).unwrap_or_default()
    }
}

/// Class name or name number → the class's index (its node), through the numbers the reader gave.
struct ClassIndex<'a> {
    symbols: &'a Names,
    /// By name number: the class's index, or `NONE` for names that are not app classes.
    class_of: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl<'a> ClassIndex<'a> {
    fn new(symbols: &'a Names, classes: &[AppClass]) -> Self {
        let mut class_of = vec![NONE; symbols.len()];
        for (i, c) in classes.iter().enumerate() {
            class_of[c.facts.id as usize] = i as u32;
        }
        ClassIndex { symbols, class_of }
    }
    fn of(&self, symbol: u32) -> Option<u32> {
        self.class_of.get(symbol as usize).copied().filter(|&i| i != NONE)
    }
    fn get(&self, name: &str) -> Option<u32> {
        self.symbols.get(name).and_then(|s| self.of(s))
    }
}

const UNASKED: u32 = u32::MAX - 1;

/// Name number → the library that provides its package, looked up once per name.
struct LibraryOf<'a> {
    package_library: &'a BTreeMap<String, u32>,
    symbols: &'a Names,
    known: Vec<u32>,
}

impl LibraryOf<'_> {
    fn get(&mut self, symbol: u32) -> Option<u32> {
        let slot = &mut self.known[symbol as usize];
        if *slot == UNASKED {
            *slot = self.package_library.get(internal_package(self.symbols.name(symbol))).copied().unwrap_or(NONE);
        }
        Some(*slot).filter(|&l| l != NONE)
    }
}

/// Orders stereotypes by how specific they are (when a class carries several).
fn rank(st: Stereotype) -> u8 {
    match st {
        Stereotype::Component | Stereotype::Xml => 0,
        Stereotype::Configuration => 1,
        Stereotype::Service | Stereotype::Repository => 2,
        Stereotype::Controller => 3,
        Stereotype::Mapper => 4,
    }
}

/// A dependency jar of the app, opened.
struct Library<'a> {
    name: String,
    coordinates: Option<Coordinates>,
    archive: Archive<'a>,
    /// What `archive` was opened on.
    bytes: &'a [u8],
}

impl Library<'_> {
    /// An entry's bytes, when the jar has it and it can be read.
    fn entry(&mut self, name: &str) -> Option<Vec<u8>> {
        let index = self.archive.index_for_name(name)?;
        jar_read::entry_data(&mut self.archive, self.bytes, index).ok()
    }
}

/// `groupId`, `artifactId`, `version` of a `pom.properties`.
fn pom_properties(bytes: &[u8]) -> Option<Coordinates> {
    let text = std::str::from_utf8(bytes).ok()?;
    let get = |key: &str| text.lines().find_map(|l| l.trim().strip_prefix(key).and_then(|r| r.trim_start().strip_prefix('=')).map(|v| v.trim().to_string()));
    Some(Coordinates { group_id: get("groupId")?, artifact_id: get("artifactId")?, version: get("version")?, classifier: None, extension: "jar".into() })
}

/// `a/b/C` → `a/b` (the key of `package_library`), without allocating.
fn internal_package(internal: &str) -> &str {
    internal.rsplit_once('/').map(|(p, _)| p).unwrap_or("")
}

fn simple(internal: &str) -> &str {
    internal.rsplit('/').next().unwrap_or(internal)
}

fn diag(severity: Severity, code: &str, message: String, subject: String) -> SplitDiagnostic {
    SplitDiagnostic { severity, code: code.into(), message, subject: Some(subject) }
}
