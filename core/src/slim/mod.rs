//! Module slimming: which libraries a module leaves to its base, and why (reference
//! `ark-format.md` §3, `koupleless-tooling.md` §1.5 to §1.8).
//!
//! [`rules`] reads every rule source, [`pattern`] matches, [`base`] learns what the base has (its
//! dependency parent's managed list, its imported BOMs, or the base itself), this file decides, and
//! [`checks`] verifies the result at the bytecode level. The decision follows sofa-ark-maven-plugin
//! 2.3 (`toFilter = (base ∪ boms ∪ excluded) − included`) with one deliberate change: an excluded
//! dependency takes along only what no kept path still needs, judged on the full dependency graph
//! rather than the build tool's pruned tree. Where that changes the answer, the outcome says so.

pub mod base;
pub mod checks;
pub mod pattern;
pub mod report;
pub mod rules;

use std::collections::{BTreeMap, VecDeque};

use crate::model::{BizRequest, Coordinates, Diagnostic, Scope, Severity, SlimOutcome};
use crate::{Error, Progress, Result};
use rules::{Effect, RuleSet};

/// The official report's identity of an artifact: `groupId:artifactId[:classifier]:type`.
pub fn id(c: &Coordinates) -> String {
    match c.classifier.as_deref().filter(|c| !c.is_empty()) {
        Some(cl) => format!("{}:{}:{}:{}", c.group_id, c.artifact_id, cl, c.extension),
        None => format!("{}:{}:{}", c.group_id, c.artifact_id, c.extension),
    }
}

/// Why a library left the module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removal {
    /// An exclude rule matched it (index into the rule set).
    Rule(usize),
    /// Only excluded dependencies need it; the excluded library (request index) that takes it.
    Through(usize),
    /// The base's dependency parent manages it (`baseDependencyParentIdentity`).
    BaseParent(String),
    /// A BOM imported from the base's parent manages it.
    BaseBom(String),
    /// The base itself has it (origin in the base, version there).
    Base { origin: String, version: String },
}

/// The slimming decision for a request.
#[derive(Debug)]
pub struct Slimmed {
    /// By request index: why the library leaves the module, if it does.
    pub removed: Vec<Option<Removal>>,
    /// By request index: a `provided` library an include turns into a packaged one.
    pub forced: Vec<bool>,
    /// Every non-test library's outcome, sorted by id.
    pub outcomes: Vec<SlimOutcome>,
    pub diagnostics: Vec<Diagnostic>,
    pub rules: RuleSet,
    pub base: Option<base::Base>,
    /// True when some fact says what the base has (a dependency parent, BOMs or the base itself).
    pub base_known: bool,
}

/// Decides which libraries leave the module.
pub fn decide(request: &BizRequest, progress: &mut dyn Progress) -> Result<Slimmed> {
    let slim = &request.slimming;
    let set = rules::collect(slim, &request.conf_files)?;
    let libs = &request.libraries;
    let n = libs.len();
    let ids: Vec<String> = libs.iter().map(|l| id(&l.coordinates)).collect();
    let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, key) in ids.iter().enumerate() {
        by_id.entry(key.as_str()).or_insert(i);
    }
    let candidate: Vec<bool> = libs.iter().map(|l| l.scope != Scope::Test).collect();
    let mut diagnostics = Vec::new();

    let managed = base::managed(slim)?;
    let base = match &slim.base {
        Some(facts) => Some(base::Base::load(facts, progress)?),
        None => None,
    };
    let base_known = managed.is_some() || base.is_some();

    // What each rule and base fact says about each library.
    let first = |effect: Effect, i: usize| set.rules.iter().position(|r| r.effect == effect && r.pattern.matches(&libs[i].coordinates));
    let mut by_base: Vec<Option<Removal>> = vec![None; n];
    let mut excluded = vec![None; n];
    let mut included = vec![None; n];
    for i in (0..n).filter(|&i| candidate[i]) {
        excluded[i] = first(Effect::Exclude, i);
        included[i] = first(Effect::Include, i);
        if let Some(m) = &managed {
            by_base[i] = m.removal(&ids[i]);
        }
        if by_base[i].is_none() {
            if let Some(found) = base.as_ref().and_then(|b| b.find(&libs[i].coordinates)) {
                by_base[i] = Some(Removal::Base { origin: found.origin.clone(), version: found.version().to_string() });
            }
        }
        if let Some(w) = first(Effect::Warn, i) {
            let rule = &set.rules[w];
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                code: "slim-warn-rule".into(),
                message: format!("{} matches {} ({}): check whether the module should package it", libs[i].coordinates.gav(), rule.describe(), rule.source),
                location: Some(libs[i].origin.clone()),
            });
        }
    }

    let graph = Graph::new(libs.iter().map(|l| (l.parent.as_deref(), l.depends_on.as_slice())), &by_id, n);
    let blocked: Vec<bool> = (0..n).map(|i| candidate[i] && (excluded[i].is_some() || by_base[i].is_some()) && included[i].is_none()).collect();
    // Kept paths: from the project's direct dependencies through libraries that stay.
    let kept_from = graph.walk(&graph.roots, |i| !blocked[i]);
    // What excluded libraries reach (full graph), and which excluded library reaches it first.
    let excluded_roots: Vec<usize> = (0..n).filter(|&i| excluded[i].is_some() && included[i].is_none() && candidate[i]).collect();
    let through = if set.with_indirect { graph.walk(&excluded_roots, |_| true) } else { vec![None; n] };
    // The official plugin: the pruned tree under a literally excluded node, includes subtracted after.
    let official_tree = if set.with_indirect { graph.tree_under(|i| excluded[i].is_some() && candidate[i]) } else { (0..n).map(|i| excluded[i].is_some()).collect() };

    let mut removed: Vec<Option<Removal>> = vec![None; n];
    for i in (0..n).filter(|&i| candidate[i] && included[i].is_none()) {
        removed[i] = if let Some(r) = excluded[i] {
            Some(Removal::Rule(r))
        } else if let Some(b) = by_base[i].clone() {
            Some(b)
        } else if through[i].is_some() && kept_from[i].is_none() {
            Some(Removal::Through(graph.origin_of(&through, i)))
        } else {
            None
        };
    }
    let forced: Vec<bool> = (0..n).map(|i| candidate[i] && included[i].is_some() && libs[i].scope == Scope::Provided).collect();

    let any_path = graph.walk(&graph.roots, |_| true);
    let mut outcomes = Vec::new();
    for i in (0..n).filter(|&i| candidate[i]) {
        let official_removed = (official_tree[i] || by_base[i].is_some()) && included[i].is_none();
        let (rule, source, path) = explain(i, &removed, &excluded, &included, &through, &kept_from, &any_path, &set, request, &graph);
        let official = match (removed[i].is_some(), official_removed) {
            (true, false) => Some("kept by the official plugin: Maven's pruned tree does not show it under an excluded dependency, but only excluded dependencies need it".to_string()),
            (false, true) => Some(format!(
                "removed by the official plugin: Maven's pruned tree shows it under excluded {}, though a kept dependency needs it",
                graph.tree_excluder(i, |j| excluded[j].is_some()).map(|j| libs[j].coordinates.gav()).unwrap_or_default()
            )),
            _ => None,
        };
        outcomes.push(SlimOutcome {
            id: ids[i].clone(),
            coordinates: libs[i].coordinates.clone(),
            scope: libs[i].scope,
            kept: removed[i].is_none(),
            rule,
            source,
            path,
            official,
        });
    }
    outcomes.sort_by(|a, b| (&a.id, &a.coordinates).cmp(&(&b.id, &b.coordinates)));

    base_versions(request, &removed, &managed, base.as_ref(), &set, &mut diagnostics)?;
    Ok(Slimmed { removed, forced, outcomes, diagnostics, rules: set, base, base_known })
}

/// The official check after slimming (when the base is known): a library left to the base that the
/// base lacks, or has in another version (a failure with `buildFailWhenExcludeDiffBaseDependency`).
fn base_versions(
    request: &BizRequest,
    removed: &[Option<Removal>],
    managed: &Option<base::Managed>,
    base: Option<&base::Base>,
    set: &RuleSet,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<()> {
    if managed.is_none() && base.is_none() {
        return Ok(());
    }
    let mut mismatches = Vec::new();
    for (i, lib) in request.libraries.iter().enumerate() {
        if removed[i].is_none() {
            continue;
        }
        let c = &lib.coordinates;
        let versions: Vec<(String, String)> = managed
            .iter()
            .filter_map(|m| m.version_of(&id(c)))
            .chain(base.and_then(|b| b.find(c)).map(|a| (a.version().to_string(), format!("the base ({})", a.origin))))
            .collect();
        if versions.is_empty() {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                code: "slim-not-in-base".into(),
                message: format!("{} is left out of the module, but the base has no such jar: its classes will be missing at runtime", c.gav()),
                location: Some(lib.origin.clone()),
            });
        } else if let Some((version, place)) = versions.iter().find(|(v, _)| v != &c.version) {
            let message = format!("{} is left out of the module, but {place} has version {version}: the module runs against another version than it was built with", c.gav());
            diagnostics.push(Diagnostic { severity: Severity::Warning, code: "slim-base-version".into(), message: message.clone(), location: Some(lib.origin.clone()) });
            mismatches.push(message);
        }
    }
    if set.fail_on_base_version && !mismatches.is_empty() {
        return Err(Error::Slimming { reason: format!("buildFailWhenExcludeDiffBaseDependency is true and {}", mismatches.join("; ")) });
    }
    Ok(())
}

/// The rule that decided library `i`, where it came from, and a path from the module to it.
#[allow(clippy::too_many_arguments)]
fn explain(
    i: usize,
    removed: &[Option<Removal>],
    excluded: &[Option<usize>],
    included: &[Option<usize>],
    through: &[Option<usize>],
    kept_from: &[Option<usize>],
    any_path: &[Option<usize>],
    set: &RuleSet,
    request: &BizRequest,
    graph: &Graph,
) -> (String, Option<String>, Vec<String>) {
    let libs = &request.libraries;
    let gav = |j: usize| libs[j].coordinates.gav();
    let path = |parents: &[Option<usize>]| {
        let mut p = vec![request.project.gav()];
        p.extend(graph.path(parents, i).into_iter().map(gav));
        p
    };
    match &removed[i] {
        Some(Removal::Rule(r)) => (set.rules[*r].describe(), Some(set.rules[*r].source.clone()), path(any_path)),
        Some(Removal::Through(x)) => {
            let rule = excluded[*x].map(|r| &set.rules[r]);
            (
                format!("only needed through excluded {} (excludeWithIndirectDependencies)", gav(*x)),
                rule.map(|r| format!("{}: {}", r.source, r.describe())),
                path(through),
            )
        }
        Some(Removal::BaseParent(p)) => (format!("managed by the base dependency parent {p}"), Some("baseDependencyParentIdentity".into()), path(any_path)),
        Some(Removal::BaseBom(b)) => (format!("managed by {b}, a BOM whose parent is the base dependency parent"), Some("baseDependencyParentIdentity".into()), path(any_path)),
        Some(Removal::Base { origin, version }) => (format!("the base has it ({origin}, version {version})"), Some("base".into()), path(any_path)),
        None => {
            if let Some(r) = included[i] {
                let rule = &set.rules[r];
                let what = if libs[i].scope == Scope::Provided { "packaged although provided" } else { "kept" };
                return (format!("{} ({what})", rule.describe()), Some(rule.source.clone()), path(any_path));
            }
            if through[i].is_some() {
                return ("needed by a kept dependency, though an excluded one needs it too".into(), None, path(kept_from));
            }
            let rule = if libs[i].scope == Scope::Provided { "provided scope: not packaged, the base must have it" } else { "no rule removes it" };
            (rule.into(), None, path(any_path))
        }
    }
}

/// The dependency graph of the request's libraries: full edges (`depends-on`) and the build
/// tool's pruned tree (`parent`), by request index.
struct Graph {
    roots: Vec<usize>,
    edges: Vec<Vec<usize>>,
    tree_parent: Vec<Option<usize>>,
    tree_children: Vec<Vec<usize>>,
}

impl Graph {
    fn new<'a>(facts: impl Iterator<Item = (Option<&'a str>, &'a [String])>, by_id: &BTreeMap<&str, usize>, n: usize) -> Graph {
        let mut g = Graph { roots: Vec::new(), edges: vec![Vec::new(); n], tree_parent: vec![None; n], tree_children: vec![Vec::new(); n] };
        for (i, (parent, depends_on)) in facts.enumerate() {
            match parent.and_then(|p| by_id.get(p)) {
                Some(&p) if p != i => {
                    g.tree_parent[i] = Some(p);
                    g.tree_children[p].push(i);
                }
                // A parent that is not among the libraries makes it a direct dependency.
                _ => g.roots.push(i),
            }
            g.edges[i] = depends_on.iter().filter_map(|d| by_id.get(d.as_str()).copied()).filter(|&d| d != i).collect();
        }
        // The tree's edges are edges of the full graph too, whatever the host sent.
        for i in 0..n {
            if let Some(p) = g.tree_parent[i] {
                if !g.edges[p].contains(&i) {
                    g.edges[p].push(i);
                }
            }
        }
        g
    }

    /// Breadth-first from `starts` through nodes `enter` allows: for each node reached, the node it
    /// was reached from (a start points to itself). Gives shortest paths, deterministically.
    fn walk(&self, starts: &[usize], enter: impl Fn(usize) -> bool) -> Vec<Option<usize>> {
        let mut from = vec![None; self.edges.len()];
        let mut queue = VecDeque::new();
        for &s in starts {
            if enter(s) && from[s].is_none() {
                from[s] = Some(s);
                queue.push_back(s);
            }
        }
        while let Some(i) = queue.pop_front() {
            for &d in &self.edges[i] {
                if from[d].is_none() && enter(d) {
                    from[d] = Some(i);
                    queue.push_back(d);
                }
            }
        }
        from
    }

    /// The start a walk reached `i` from.
    fn origin_of(&self, from: &[Option<usize>], i: usize) -> usize {
        self.path(from, i).first().copied().unwrap_or(i)
    }

    /// The path a walk took to `i`, start first.
    fn path(&self, from: &[Option<usize>], i: usize) -> Vec<usize> {
        let mut path = vec![i];
        let mut at = i;
        while let Some(p) = from[at].filter(|&p| p != at) {
            if path.len() > from.len() {
                break;
            }
            path.push(p);
            at = p;
        }
        path.reverse();
        path
    }

    /// Every node at or under a node `hit` selects, in the pruned tree, walking from the roots and
    /// stopping at the first hit on each path (the official `excludeWithIndirectDependencies`).
    fn tree_under(&self, hit: impl Fn(usize) -> bool) -> Vec<bool> {
        let mut out = vec![false; self.edges.len()];
        let mut stack: Vec<(usize, bool)> = self.roots.iter().map(|&r| (r, false)).collect();
        while let Some((i, under)) = stack.pop() {
            let now = under || hit(i);
            out[i] |= now;
            stack.extend(self.tree_children[i].iter().map(|&c| (c, now)));
        }
        out
    }

    /// The nearest tree ancestor (or itself) that `hit` selects.
    fn tree_excluder(&self, i: usize, hit: impl Fn(usize) -> bool) -> Option<usize> {
        let mut at = Some(i);
        let mut steps = 0;
        while let Some(j) = at {
            if hit(j) {
                return Some(j);
            }
            steps += 1;
            if steps > self.edges.len() {
                return None;
            }
            at = self.tree_parent[j];
        }
        None
    }
}

#[cfg(test)]
mod tests;
