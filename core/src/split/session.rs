//! A prepared graph: the analysis indexed once (class → class adjacency in both directions as flat
//! arrays, class → library lists, package and bundle membership, injections per class), so that one
//! evaluation of a candidate module is a few linear passes over the edges.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Color, EdgeKind, EntryKind, Evaluation, Metrics, NodeKind, NodeStatus, SplitAnalysis, Verification};
use crate::{Error, Result};

/// At most this many problems are listed; the rest are counted.
const MAX_PROBLEMS: usize = 50;

/// Adjacency in compressed rows: the neighbours of `i` are `to[start[i]..start[i + 1]]`.
#[derive(Debug, Default)]
pub(crate) struct Csr {
    pub start: Vec<u32>,
    pub to: Vec<u32>,
    pub weight: Vec<u32>,
    pub kind: Vec<EdgeKind>,
}

impl Csr {
    fn build(n: usize, mut edges: Vec<(u32, u32, u32, EdgeKind)>) -> Self {
        edges.sort_by_key(|e| (e.0, e.1));
        let mut start = vec![0u32; n + 1];
        for e in &edges {
            start[e.0 as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        Csr { start, to: edges.iter().map(|e| e.1).collect(), weight: edges.iter().map(|e| e.2).collect(), kind: edges.iter().map(|e| e.3).collect() }
    }

    pub fn range(&self, i: usize) -> std::ops::Range<usize> {
        self.start[i] as usize..self.start[i + 1] as usize
    }
}

/// An injection point of a class, indexed.
#[derive(Debug)]
pub(crate) struct Point {
    pub member: String,
    pub bean: Option<String>,
    pub provider: Option<u32>,
    pub bean_type: String,
}

pub struct Session {
    pub(crate) analysis: SplitAnalysis,
    /// Class ids (`c:...`), sorted; a class's index is its position.
    pub(crate) classes: Vec<String>,
    pub(crate) class_index: BTreeMap<String, u32>,
    pub(crate) package_of: Vec<u32>,
    /// Package ids, sorted, with their classes.
    pub(crate) packages: Vec<(String, Vec<u32>)>,
    pub(crate) bundle_of: Vec<u32>,
    pub(crate) bundles: Vec<(String, Vec<u32>)>,
    pub(crate) out: Csr,
    pub(crate) inc: Csr,
    /// Class → library indexes.
    pub(crate) libs: Csr,
    pub(crate) library_ids: Vec<String>,
    pub(crate) application: Vec<bool>,
    /// Entry points of any kind.
    pub(crate) entry: Vec<bool>,
    pub(crate) points: Vec<Vec<Point>>,
    /// Spring events: publisher, listener, the event's dotted name.
    pub(crate) events: Vec<(u32, u32, String)>,
}

impl Session {
    /// Indexes an analysis.
    pub fn new(analysis: SplitAnalysis) -> Self {
        let classes: Vec<String> = analysis.nodes.iter().filter(|n| n.kind == NodeKind::Class).map(|n| n.id.clone()).collect();
        let class_index: BTreeMap<String, u32> = classes.iter().enumerate().map(|(i, c)| (c.clone(), i as u32)).collect();
        let mut package_map: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut bundle_map: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut application = vec![false; classes.len()];
        let mut entry = vec![false; classes.len()];
        for n in analysis.nodes.iter().filter(|n| n.kind == NodeKind::Class) {
            let i = class_index[&n.id];
            package_map.entry(n.package.clone().unwrap_or_else(|| "p:(default)".into())).or_default().push(i);
            bundle_map.entry(n.bundle.clone().unwrap_or_default()).or_default().push(i);
            application[i as usize] = n.entry == Some(EntryKind::Application);
            entry[i as usize] = n.entry.is_some();
        }
        for n in analysis.nodes.iter().filter(|n| n.kind == NodeKind::Bundle) {
            bundle_map.entry(n.id.clone()).or_default();
        }
        let packages: Vec<(String, Vec<u32>)> = package_map.into_iter().collect();
        let bundles: Vec<(String, Vec<u32>)> = bundle_map.into_iter().filter(|(b, _)| !b.is_empty()).collect();
        let mut package_of = vec![0u32; classes.len()];
        for (p, (_, members)) in packages.iter().enumerate() {
            members.iter().for_each(|&c| package_of[c as usize] = p as u32);
        }
        let mut bundle_of = vec![u32::MAX; classes.len()];
        for (b, (_, members)) in bundles.iter().enumerate() {
            members.iter().for_each(|&c| bundle_of[c as usize] = b as u32);
        }
        let library_ids: Vec<String> = analysis.nodes.iter().filter(|n| n.kind == NodeKind::Library).map(|n| n.id.clone()).collect();
        let library_index: BTreeMap<&str, u32> = library_ids.iter().enumerate().map(|(i, l)| (l.as_str(), i as u32)).collect();
        let mut class_edges = Vec::new();
        let mut lib_edges = Vec::new();
        for e in &analysis.edges {
            let Some(&from) = class_index.get(&e.from) else { continue };
            if let Some(&to) = class_index.get(&e.to) {
                class_edges.push((from, to, e.weight, e.kind));
            } else if let Some(&l) = library_index.get(e.to.as_str()) {
                lib_edges.push((from, l, e.weight, e.kind));
            }
        }
        let inc = Csr::build(classes.len(), class_edges.iter().map(|&(f, t, w, k)| (t, f, w, k)).collect());
        let out = Csr::build(classes.len(), class_edges);
        let libs = Csr::build(classes.len(), lib_edges);
        let mut points: Vec<Vec<Point>> = (0..classes.len()).map(|_| Vec::new()).collect();
        for inj in &analysis.injections {
            if let Some(&c) = class_index.get(&inj.node) {
                let provider = inj.provider.as_ref().and_then(|p| class_index.get(p).copied());
                points[c as usize].push(Point { member: inj.member.clone(), bean: inj.bean.clone(), provider, bean_type: inj.bean_type.clone() });
            }
        }
        let events = analysis
            .events
            .iter()
            .filter_map(|e| Some((*class_index.get(&e.publisher)?, *class_index.get(&e.listener)?, e.event.clone())))
            .collect();
        Session { analysis, classes, class_index, package_of, packages, bundle_of, bundles, out, inc, libs, library_ids, application, entry, points, events }
    }

    pub fn analysis(&self) -> &SplitAnalysis {
        &self.analysis
    }

    /// The classes a list of class, package or bundle ids selects.
    pub fn select(&self, ids: &[String]) -> Result<Vec<bool>> {
        let mut sel = vec![false; self.classes.len()];
        for id in ids {
            if let Some(&c) = self.class_index.get(id) {
                sel[c as usize] = true;
            } else if let Ok(p) = self.packages.binary_search_by(|(p, _)| p.as_str().cmp(id)) {
                self.packages[p].1.iter().for_each(|&c| sel[c as usize] = true);
            } else if let Ok(b) = self.bundles.binary_search_by(|(b, _)| b.as_str().cmp(id)) {
                self.bundles[b].1.iter().for_each(|&c| sel[c as usize] = true);
            } else {
                return Err(Error::field("module", format!("`{id}` is not a class, package or bundle of the analysis")));
            }
        }
        Ok(sel)
    }

    /// The simple display name of a class id (`c:com.acme.A` → `com.acme.A`).
    fn name(&self, c: u32) -> &str {
        &self.classes[c as usize][2..]
    }

    pub fn evaluate(&self, ids: &[String]) -> Result<Evaluation> {
        let sel = self.select(ids)?;
        Ok(self.evaluate_selection(&sel))
    }

    pub fn evaluate_selection(&self, sel: &[bool]) -> Evaluation {
        let n = self.classes.len();
        let mut colors = vec![Color::None; n];
        let mut status = Vec::with_capacity(n + self.packages.len());
        let mut class_reasons = Vec::with_capacity(n);
        for c in 0..n {
            let range = self.inc.range(c);
            let total = range.len();
            let base: Vec<u32> = self.inc.to[range].iter().copied().filter(|&u| !sel[u as usize]).collect();
            let (color, reason) = if sel[c] {
                match base.len() {
                    0 => (Color::Green, "in the module; no base class depends on it".to_string()),
                    1 => (Color::Yellow, format!("in the module; 1 base class depends on it ({}): review it", self.name(base[0]))),
                    k => (Color::Red, format!("in the module; {k} base classes depend on it ({}): it should stay in the base", self.names(&base))),
                }
            } else if total > 0 && base.is_empty() {
                (Color::Blue, format!("not selected; only module classes depend on it ({total}): it can move"))
            } else if total > base.len() {
                (Color::None, format!("stays in the base; {} module and {} base classes depend on it", total - base.len(), base.len()))
            } else {
                (Color::None, "stays in the base".to_string())
            };
            colors[c] = color;
            class_reasons.push((color, reason));
        }
        let mut package_status = Vec::with_capacity(self.packages.len());
        for (id, members) in &self.packages {
            let selected: Vec<u32> = members.iter().copied().filter(|&c| sel[c as usize]).collect();
            let (color, reason) = if selected.is_empty() {
                if members.iter().all(|&c| colors[c as usize] == Color::Blue) {
                    (Color::Blue, format!("none of its {} classes is selected; all of them can move", members.len()))
                } else {
                    (Color::None, format!("none of its {} classes is selected", members.len()))
                }
            } else {
                let worst = selected.iter().map(|&c| colors[c as usize]).max_by_key(|c| severity(*c)).unwrap_or(Color::Green);
                let counted = selected.iter().filter(|&&c| colors[c as usize] == worst).count();
                let what = match worst {
                    Color::Red => format!("{counted} should stay in the base"),
                    Color::Yellow => format!("{counted} need review"),
                    _ => "no base class depends on them".to_string(),
                };
                (worst, format!("{} of its {} classes selected; {what}", selected.len(), members.len()))
            };
            package_status.push(NodeStatus { node: id.clone(), color, reason });
        }
        // Both lists are sorted by id; class ids (`c:`) sort before package ids (`p:`).
        for (c, (color, reason)) in class_reasons.into_iter().enumerate() {
            status.push(NodeStatus { node: self.classes[c].clone(), color, reason });
        }
        status.extend(package_status);

        Evaluation { status, closure: self.closure(sel).into_iter().map(|c| self.classes[c as usize].clone()).collect(), metrics: self.metrics(sel), verify: self.verify(sel) }
    }

    fn names(&self, list: &[u32]) -> String {
        let mut shown: Vec<&str> = list.iter().take(3).map(|&c| self.name(c)).collect();
        if list.len() > 3 {
            shown.push("...");
        }
        shown.join(", ")
    }

    /// Classes outside `sel` reachable from it and not reachable from the rest of the base without
    /// passing through it: what must move along. Two linear walks.
    pub fn closure(&self, sel: &[bool]) -> Vec<u32> {
        let n = self.classes.len();
        let mut reached = vec![false; n];
        let mut stack: Vec<u32> = (0..n as u32).filter(|&c| sel[c as usize]).collect();
        while let Some(c) = stack.pop() {
            for &t in &self.out.to[self.out.range(c as usize)] {
                if !sel[t as usize] && !reached[t as usize] {
                    reached[t as usize] = true;
                    stack.push(t);
                }
            }
        }
        let mut needed = vec![false; n];
        let mut stack: Vec<u32> = (0..n as u32).filter(|&c| !sel[c as usize] && !reached[c as usize]).collect();
        stack.iter().for_each(|&c| needed[c as usize] = true);
        while let Some(c) = stack.pop() {
            for &t in &self.out.to[self.out.range(c as usize)] {
                if !sel[t as usize] && !needed[t as usize] {
                    needed[t as usize] = true;
                    stack.push(t);
                }
            }
        }
        (0..n as u32).filter(|&c| reached[c as usize] && !needed[c as usize]).collect()
    }

    pub fn metrics(&self, sel: &[bool]) -> Metrics {
        let n = self.classes.len();
        let (mut base_to_module, mut crossing, mut total) = (0u32, 0u64, 0u64);
        let mut shared = vec![false; n];
        for u in 0..n {
            for e in self.out.range(u) {
                let v = self.out.to[e] as usize;
                let w = u64::from(self.out.weight[e]);
                total += w;
                if sel[u] != sel[v] {
                    crossing += w;
                    if sel[v] {
                        base_to_module += 1;
                    } else {
                        shared[v] = true;
                    }
                }
            }
        }
        let mut beans = BTreeSet::new();
        for c in (0..n).filter(|&c| sel[c]) {
            for p in &self.points[c] {
                if let Some(provider) = p.provider.filter(|&p| !sel[p as usize]) {
                    beans.insert((provider, p.bean.clone()));
                }
            }
        }
        let mut used = vec![(false, false); self.library_ids.len()];
        for (c, &in_module) in sel.iter().enumerate().take(n) {
            for &l in &self.libs.to[self.libs.range(c)] {
                if in_module {
                    used[l as usize].0 = true;
                } else {
                    used[l as usize].1 = true;
                }
            }
        }
        Metrics {
            base_to_module,
            beans_from_base: beans.len() as u32,
            shared_classes: shared.iter().filter(|&&s| s).count() as u32,
            shared_jars: used.iter().filter(|&&(a, b)| a && b).count() as u32,
            crossing_share: if total == 0 { 0.0 } else { crossing as f64 / total as f64 },
        }
    }

    pub fn verify(&self, sel: &[bool]) -> Verification {
        let mut problems = Vec::new();
        let mut more = 0usize;
        let mut push = |p: String, problems: &mut Vec<String>| {
            if problems.len() < MAX_PROBLEMS {
                problems.push(p);
            } else {
                more += 1;
            }
        };
        let (mut into, mut out_of) = (0usize, 0usize);
        for u in 0..self.classes.len() {
            for e in self.out.range(u) {
                let v = self.out.to[e] as usize;
                match (sel[u], sel[v]) {
                    (false, true) => {
                        into += 1;
                        push(format!("base class {} references module class {} ({})", self.name(u as u32), self.name(v as u32), kind_word(self.out.kind[e])), &mut problems);
                    }
                    (true, false) => out_of += 1,
                    _ => {}
                }
            }
        }
        for c in (0..self.classes.len()).filter(|&c| sel[c]) {
            for p in self.points[c].iter().filter(|p| p.provider.is_none()) {
                push(format!("module class {}: injection `{}` of {} has no bean in the module or the base", self.name(c as u32), p.member, p.bean_type), &mut problems);
            }
        }
        if into > 0 && out_of > 0 {
            push(format!("cycle between the base and the module: {into} base → module and {out_of} module → base references"), &mut problems);
        }
        if more > 0 {
            problems.push(format!("... and {more} more"));
        }
        Verification { ok: problems.is_empty(), problems, warnings: self.lost_events(sel) }
    }

    /// A warning per event the split keeps from its listener: Spring delivers an event inside the
    /// publisher's context and its parents only, and a module's context is not a child of the base's.
    fn lost_events(&self, sel: &[bool]) -> Vec<String> {
        let side = |c: u32| if sel[c as usize] { "module" } else { "base" };
        let mut lost = self.events.iter().filter(|(p, l, _)| sel[*p as usize] != sel[*l as usize]);
        let mut warnings: Vec<String> = lost
            .by_ref()
            .take(MAX_PROBLEMS)
            .map(|&(p, l, ref event)| {
                format!(
                    "{} class {} publishes {event}, which {} class {} listens to: after the split it no longer receives it (Spring events stay inside the publisher's context and its parents, and a module's context is not a child of the base's)",
                    side(p),
                    self.name(p),
                    side(l),
                    self.name(l)
                )
            })
            .collect();
        let more = lost.count();
        if more > 0 {
            warnings.push(format!("... and {more} more"));
        }
        warnings
    }

    /// The library ids classes of `sel` (or of the base, `module == false`) reference.
    pub(crate) fn libraries_used(&self, sel: &[bool], module: bool) -> BTreeSet<u32> {
        (0..self.classes.len()).filter(|&c| sel[c] == module).flat_map(|c| self.libs.to[self.libs.range(c)].iter().copied()).collect()
    }

    /// The dependency matrix of packages or bundles.
    pub fn matrix(&self, bundles: bool) -> crate::model::Matrix {
        let (labels, group): (Vec<String>, &[u32]) =
            if bundles { (self.bundles.iter().map(|b| b.0.clone()).collect(), &self.bundle_of) } else { (self.packages.iter().map(|p| p.0.clone()).collect(), &self.package_of) };
        let mut cells: BTreeMap<(u32, u32), u32> = BTreeMap::new();
        for u in 0..self.classes.len() {
            for &v in &self.out.to[self.out.range(u)] {
                let (a, b) = (group[u], group[v as usize]);
                if a != u32::MAX && b != u32::MAX {
                    *cells.entry((a, b)).or_default() += 1;
                }
            }
        }
        crate::model::Matrix { labels, cells: cells.into_iter().map(|((row, column), count)| crate::model::MatrixCell { row, column, count }).collect() }
    }
}

fn severity(c: Color) -> u8 {
    match c {
        Color::Red => 3,
        Color::Yellow => 2,
        Color::Green => 1,
        Color::Blue | Color::None => 0,
    }
}

pub(crate) fn kind_word(k: EdgeKind) -> &'static str {
    match k {
        EdgeKind::Type => "type",
        EdgeKind::Call => "call",
        EdgeKind::Implements => "implements",
        EdgeKind::Extends => "extends",
        EdgeKind::Mapper => "mapper",
        EdgeKind::XmlBean => "xml-bean",
        EdgeKind::Bean => "bean",
    }
}
