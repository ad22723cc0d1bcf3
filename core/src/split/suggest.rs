//! Candidate modules: Louvain communities over the undirected weighted class graph, or label
//! propagation from entry points a person picks (each seed its own label, the application class
//! holding a "base" label).
//!
//! Louvain is written here rather than taken from a crate: the pure-Rust Leiden/Louvain crates found
//! (leiden-rs, fa-leiden-cd, sdivi-detection) are young 0.x single-maintainer crates that bring their
//! own graph types, randomness and optional parallelism; the core needs a result that is identical
//! natively and in the component, from a graph already held as flat arrays, and the whole
//! algorithm (local moving + aggregation, fixed visiting order, no random numbers) is ~100 lines.

use std::collections::BTreeMap;

use super::session::Session;
use crate::model::Candidate;
use crate::{Error, Result};

/// An undirected weighted graph as adjacency lists; a self loop holds the weight inside a node.
struct Graph {
    adj: Vec<Vec<(u32, f64)>>,
}

impl Graph {
    fn degree(&self, i: usize) -> f64 {
        self.adj[i].iter().map(|&(_, w)| w).sum()
    }
}

/// Louvain modularity optimisation; returns a community number per node (numbered by first member).
pub fn louvain(adj: Vec<Vec<(u32, f64)>>) -> Vec<u32> {
    let n = adj.len();
    let mut graph = Graph { adj };
    let mut assignment: Vec<u32> = (0..n as u32).collect();
    for _level in 0..32 {
        let (community, moved) = local_moving(&graph);
        if !moved {
            break;
        }
        let (renumbered, count) = renumber(&community);
        for a in assignment.iter_mut() {
            *a = renumbered[*a as usize];
        }
        if count == graph.adj.len() {
            break;
        }
        graph = aggregate(&graph, &renumbered, count);
    }
    renumber(&assignment).0
}

/// Moves single nodes to the neighbouring community with the best modularity gain, visiting nodes
/// in index order, until a full pass moves nothing.
fn local_moving(g: &Graph) -> (Vec<u32>, bool) {
    let n = g.adj.len();
    let k: Vec<f64> = (0..n).map(|i| g.degree(i)).collect();
    let m2: f64 = k.iter().sum();
    let mut community: Vec<u32> = (0..n as u32).collect();
    let mut total: Vec<f64> = k.clone();
    if m2 == 0.0 {
        return (community, false);
    }
    let mut weight_to = vec![0.0f64; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut any = false;
    for _pass in 0..64 {
        let mut moved = false;
        for i in 0..n {
            let own = community[i];
            for &(j, w) in &g.adj[i] {
                if j as usize == i {
                    continue;
                }
                let c = community[j as usize];
                if weight_to[c as usize] == 0.0 {
                    touched.push(c);
                }
                weight_to[c as usize] += w;
            }
            total[own as usize] -= k[i];
            let gain = |c: u32, weight_to: &[f64]| weight_to[c as usize] - total[c as usize] * k[i] / m2;
            // The best gain wins; a tie keeps the node where it is, else goes to the lower community.
            let mut best = own;
            let mut best_gain = gain(own, &weight_to);
            for &c in &touched {
                let g = gain(c, &weight_to);
                if g > best_gain + 1e-12 || ((g - best_gain).abs() <= 1e-12 && best != own && c < best) {
                    best = c;
                    best_gain = g;
                }
            }
            total[best as usize] += k[i];
            if best != own {
                community[i] = best;
                moved = true;
                any = true;
            }
            for &c in &touched {
                weight_to[c as usize] = 0.0;
            }
            touched.clear();
        }
        if !moved {
            break;
        }
    }
    (community, any)
}

/// Numbers communities 0.. in the order their first node appears.
fn renumber(community: &[u32]) -> (Vec<u32>, usize) {
    let mut map: BTreeMap<u32, u32> = BTreeMap::new();
    let mut out = Vec::with_capacity(community.len());
    for &c in community {
        let next = map.len() as u32;
        out.push(*map.entry(c).or_insert(next));
    }
    (out, map.len())
}

/// One node per community; edge weights summed, inner weight kept as a self loop.
fn aggregate(g: &Graph, community: &[u32], count: usize) -> Graph {
    let mut sums: Vec<BTreeMap<u32, f64>> = vec![BTreeMap::new(); count];
    for (i, list) in g.adj.iter().enumerate() {
        let ci = community[i];
        for &(j, w) in list {
            *sums[ci as usize].entry(community[j as usize]).or_default() += w;
        }
    }
    Graph { adj: sums.into_iter().map(|m| m.into_iter().collect()).collect() }
}

/// Label propagation: seeds keep their labels. Label 0 is the base's. Every other node first takes
/// the label of the nearest picked seed that depends on it (breadth first along dependencies, seeds
/// in order: what an entry point uses belongs with it); what no picked seed reaches goes to the
/// base when a base seed reaches it, or when it touches a base node; the rest to its nearest
/// labelled neighbour. Then, pass after pass in index order, a node moves to the label with
/// strictly more weight among its neighbours than its own, until nothing changes.
pub fn propagate(adj: &[Vec<(u32, f64)>], out: &[Vec<u32>], seeds: &[(u32, u32)]) -> Vec<Option<u32>> {
    let n = adj.len();
    let mut label: Vec<Option<u32>> = vec![None; n];
    let mut fixed = vec![false; n];
    for &(node, l) in seeds {
        label[node as usize] = Some(l);
        fixed[node as usize] = true;
    }
    let picked: Vec<u32> = seeds.iter().filter(|s| s.1 != 0).map(|s| s.0).collect();
    let base: Vec<u32> = seeds.iter().filter(|s| s.1 == 0).map(|s| s.0).collect();
    let spread = |label: &mut Vec<Option<u32>>, from: Vec<u32>, directed: bool| {
        let mut queue: std::collections::VecDeque<u32> = from.into();
        while let Some(u) = queue.pop_front() {
            let next: Vec<u32> = if directed { out[u as usize].clone() } else { adj[u as usize].iter().map(|e| e.0).collect() };
            for v in next {
                if label[v as usize].is_none() {
                    label[v as usize] = label[u as usize];
                    queue.push_back(v);
                }
            }
        }
    };
    spread(&mut label, picked, true);
    spread(&mut label, base, true);
    let based: Vec<u32> = (0..n as u32).filter(|&i| label[i as usize] == Some(0)).collect();
    spread(&mut label, based, false);
    let labelled: Vec<u32> = (0..n as u32).filter(|&i| label[i as usize].is_some()).collect();
    spread(&mut label, labelled, false);
    let labels = seeds.iter().map(|s| s.1).max().map_or(0, |m| m as usize + 1);
    let mut weight = vec![0.0f64; labels];
    for _pass in 0..100 {
        let mut changed = false;
        for i in 0..n {
            let Some(current) = label[i] else { continue };
            if fixed[i] {
                continue;
            }
            weight.iter_mut().for_each(|w| *w = 0.0);
            for &(j, w) in &adj[i] {
                if let Some(l) = label[j as usize] {
                    weight[l as usize] += w;
                }
            }
            let mut best = current;
            for (l, &w) in weight.iter().enumerate() {
                if w > weight[best as usize] + 1e-12 {
                    best = l as u32;
                }
            }
            if best != current {
                label[i] = Some(best);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    label
}

impl Session {
    /// The class graph without direction: weights of both directions summed.
    fn undirected(&self, skip: &[bool]) -> Vec<Vec<(u32, f64)>> {
        let n = self.classes.len();
        let mut adj: Vec<BTreeMap<u32, f64>> = vec![BTreeMap::new(); n];
        for u in 0..n {
            for e in self.out.range(u) {
                let v = self.out.to[e] as usize;
                if u == v || skip[u] || skip[v] {
                    continue;
                }
                let w = f64::from(self.out.weight[e]);
                *adj[u].entry(v as u32).or_default() += w;
                *adj[v].entry(u as u32).or_default() += w;
            }
        }
        adj.into_iter().map(|m| m.into_iter().collect()).collect()
    }

    /// Candidate modules: Louvain communities when `seeds` is `None`, else one per seed.
    pub fn suggest(&self, seeds: Option<&[String]>) -> Result<Vec<Candidate>> {
        let n = self.classes.len();
        let mut groups: Vec<Vec<u32>> = Vec::new();
        match seeds {
            None => {
                let adj = self.undirected(&self.application);
                let community = louvain(adj);
                let mut by: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
                for c in (0..n).filter(|&c| !self.application[c]) {
                    by.entry(community[c]).or_default().push(c as u32);
                }
                groups = by.into_values().filter(|g| g.len() >= 2).collect();
                groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            }
            Some(seeds) => {
                let mut pairs = Vec::new();
                for (l, id) in seeds.iter().enumerate() {
                    let c = *self.class_index.get(id).ok_or_else(|| Error::field("seeds", format!("`{id}` is not a class of the analysis")))?;
                    pairs.push((c, l as u32 + 1));
                }
                // The base label (0) starts at every entry point that is not a seed: what a person
                // did not pick stays with the base and pulls its own dependencies there.
                for c in (0..n).filter(|&c| self.entry[c]) {
                    if !pairs.iter().any(|p| p.0 as usize == c) {
                        pairs.push((c as u32, 0));
                    }
                }
                let out: Vec<Vec<u32>> = (0..n).map(|u| self.out.to[self.out.range(u)].to_vec()).collect();
                let label = propagate(&self.undirected(&vec![false; n]), &out, &pairs);
                for l in 1..=seeds.len() as u32 {
                    groups.push((0..n as u32).filter(|&c| label[c as usize] == Some(l)).collect());
                }
            }
        }
        let mut used: BTreeMap<String, usize> = BTreeMap::new();
        Ok(groups
            .into_iter()
            .map(|members| {
                let mut sel = vec![false; n];
                members.iter().for_each(|&c| sel[c as usize] = true);
                let base = self.common_name(&members);
                let count = used.entry(base.clone()).or_default();
                *count += 1;
                let name = if *count == 1 { base } else { format!("{base}-{count}") };
                Candidate { name, members: members.iter().map(|&c| self.classes[c as usize].clone()).collect(), metrics: self.metrics(&sel) }
            })
            .collect())
    }

    /// The last segment of the package holding most members (ties: the first by name).
    pub(crate) fn common_name(&self, members: &[u32]) -> String {
        let mut count: BTreeMap<u32, usize> = BTreeMap::new();
        members.iter().for_each(|&c| *count.entry(self.package_of[c as usize]).or_default() += 1);
        let best = count.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(&p, _)| p);
        best.and_then(|p| self.packages[p as usize].0.rsplit('.').next().map(|s| s.trim_start_matches("p:").to_string()))
            .filter(|s| !s.is_empty() && s != "(default)")
            .unwrap_or_else(|| "module".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn undirected(n: usize, edges: &[(u32, u32)]) -> Vec<Vec<(u32, f64)>> {
        let mut adj = vec![Vec::new(); n];
        for &(a, b) in edges {
            adj[a as usize].push((b, 1.0));
            adj[b as usize].push((a, 1.0));
        }
        adj
    }

    #[test]
    fn louvain_finds_two_triangles_joined_by_a_bridge() {
        let adj = undirected(6, &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]);
        assert_eq!(louvain(adj), [0, 0, 0, 1, 1, 1]);
    }

    #[test]
    fn labels_spread_from_seeds() {
        let adj = undirected(6, &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]);
        let out: Vec<Vec<u32>> = adj.iter().map(|l| l.iter().map(|e| e.0).collect()).collect();
        assert_eq!(propagate(&adj, &out, &[(0, 1), (5, 2)]), [Some(1), Some(1), Some(1), Some(2), Some(2), Some(2)]);
    }
}
