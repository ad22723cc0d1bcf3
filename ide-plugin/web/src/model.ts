// Read-only index over the graph that `GET /api/graph` returns, with the presentation helpers the
// panels need: packages and their classes, which node stands for a class at the current zoom level
// (the class itself when its package is expanded, else the package), edges folded onto those visible
// nodes, and search. It decides nothing about splitting; that is the server's job. Pure: no DOM.

import type { Colour, EventLink, Graph, GraphEdge, GraphNode, Status } from './api';

export interface VisibleEdge {
  from: string;
  to: string;
  weight: number;
  /** Distinct edge kinds folded into this edge, sorted. */
  kinds: string[];
}

export const COLOUR_LABEL: Record<Colour, string> = {
  green: 'in module, safe',
  blue: 'movable (only module code depends on it)',
  yellow: 'needs review (one base dependent)',
  red: 'should stay (several base dependents)',
  none: 'stays in base',
};

export class GraphIndex {
  readonly byId = new Map<string, GraphNode>();
  /** Package ids, sorted. */
  readonly packages: string[] = [];
  readonly bundles: string[] = [];
  readonly libraries: string[] = [];
  readonly classCount: number;
  /** Class ids of each package, sorted. */
  readonly classesOf = new Map<string, string[]>();
  /** Packages of each bundle, sorted (a package spread over several bundles belongs to none). */
  readonly packagesOf = new Map<string, string[]>();
  /** The one bundle all classes of a package come from, if there is one (for nesting in the drawing). */
  readonly bundleOfPackage = new Map<string, string>();
  /** Spring events by publishing class and by listening class. */
  readonly publishes = new Map<string, EventLink[]>();
  readonly hears = new Map<string, EventLink[]>();
  private readonly lowerNames: { id: string; name: string; key: string }[] = [];

  constructor(readonly graph: Graph) {
    let classes = 0;
    for (const node of graph.nodes) {
      this.byId.set(node.id, node);
      this.lowerNames.push({ id: node.id, name: node.name, key: `${node.name}\u0000${node.id}`.toLowerCase() });
      if (node.kind === 'package') this.packages.push(node.id);
      else if (node.kind === 'bundle') this.bundles.push(node.id);
      else if (node.kind === 'library') this.libraries.push(node.id);
      else if (node.kind === 'class') classes++;
    }
    this.classCount = classes;
    for (const link of graph.events ?? []) {
      push(this.publishes, link.publisher, link);
      push(this.hears, link.listener, link);
    }
    const bundlesSeen = new Map<string, Set<string>>();
    for (const node of graph.nodes) {
      if (node.kind !== 'class' || !node.package) continue;
      push(this.classesOf, node.package, node.id);
      if (node.bundle) {
        let set = bundlesSeen.get(node.package);
        if (!set) bundlesSeen.set(node.package, (set = new Set()));
        set.add(node.bundle);
      }
    }
    // A class may name a package the graph does not list (default package, odd input): give it one.
    for (const pkg of this.classesOf.keys()) {
      if (!this.byId.has(pkg)) {
        const synthetic: GraphNode = {
          id: pkg, kind: 'package', name: pkg.replace(/^p:/, ''), package: null, bundle: null, entry: null, bean: null,
        };
        this.byId.set(pkg, synthetic);
        this.packages.push(pkg);
      }
    }
    for (const [pkg, set] of bundlesSeen) {
      const [only] = set;
      if (set.size === 1 && this.byId.get(only)?.kind === 'bundle') {
        this.bundleOfPackage.set(pkg, only);
        push(this.packagesOf, only, pkg);
      }
    }
    this.packages.sort();
    this.bundles.sort();
    this.libraries.sort();
    for (const list of this.classesOf.values()) list.sort();
    for (const list of this.packagesOf.values()) list.sort();
  }

  node(id: string): GraphNode | undefined {
    return this.byId.get(id);
  }

  /** The id that draws `id` when the packages in `expanded` show their classes. */
  representative(id: string, expanded: ReadonlySet<string>): string {
    const node = this.byId.get(id);
    if (!node || node.kind !== 'class' || !node.package) return id;
    return expanded.has(node.package) ? id : node.package;
  }

  /** Edges folded onto the visible nodes: weights summed, self-loops of a collapsed package dropped. */
  visibleEdges(expanded: ReadonlySet<string>): VisibleEdge[] {
    const folded = new Map<string, { from: string; to: string; weight: number; kinds: Set<string> }>();
    for (const edge of this.graph.edges) {
      const from = this.representative(edge.from, expanded);
      const to = this.representative(edge.to, expanded);
      if (from === to) continue;
      const key = `${from}\u0000${to}`;
      let entry = folded.get(key);
      if (!entry) {
        entry = { from, to, weight: 0, kinds: new Set() };
        folded.set(key, entry);
      }
      entry.weight += edge.weight || 1;
      entry.kinds.add(edge.kind);
    }
    return [...folded.values()]
      .map((e) => ({ from: e.from, to: e.to, weight: e.weight, kinds: [...e.kinds].sort() }))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  }

  /**
   * Nodes whose name or id contains every word of `query` (case-insensitive), best first: exact name,
   * then name prefix, then the rest; ties by kind (packages before classes) and id.
   */
  search(query: string, limit = 30): GraphNode[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const first = words[0];
    const scored: { node: GraphNode; score: number }[] = [];
    for (const entry of this.lowerNames) {
      if (!words.every((w) => entry.key.includes(w))) continue;
      const name = entry.name.toLowerCase();
      const score = name === first ? 0 : name.startsWith(first) ? 1 : 2;
      scored.push({ node: this.byId.get(entry.id)!, score });
    }
    const kindOrder: Record<string, number> = { package: 0, class: 1, bundle: 2, library: 3 };
    scored.sort(
      (a, b) =>
        a.score - b.score ||
        (kindOrder[a.node.kind] ?? 9) - (kindOrder[b.node.kind] ?? 9) ||
        (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0),
    );
    return scored.slice(0, limit).map((s) => s.node);
  }

  /** Packages that hold at least one of `classIds` (to mark collapsed packages for closure display). */
  packagesHolding(classIds: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const id of classIds) {
      const pkg = this.byId.get(id)?.package;
      if (pkg) out.add(pkg);
    }
    return out;
  }

  /** Short label for drawing: simple class name, last package segment(s), jar name. */
  shortName(id: string): string {
    const node = this.byId.get(id);
    if (!node) return id.replace(/^[a-z]:/, '');
    if (node.kind === 'class') {
      const dot = node.name.lastIndexOf('.');
      return dot >= 0 ? node.name.slice(dot + 1) : node.name;
    }
    return node.name;
  }
}

/** Kinds of node that can be put into a module (the server selects a package's or bundle's classes). */
export function isMovable(node: GraphNode | undefined): boolean {
  return node?.kind === 'class' || node?.kind === 'package' || node?.kind === 'bundle';
}

/** Text for a tooltip: what the node is and what the server said about it. */
export function describe(index: GraphIndex, id: string, status: Status | undefined, inModule: boolean): string {
  const node = index.node(id);
  const lines: string[] = [];
  lines.push(node ? `${node.name}  (${node.kind})` : id);
  if (node?.kind === 'class') lines.push(id.replace(/^c:/, ''));
  if (node?.kind === 'package') lines.push(`${index.classesOf.get(id)?.length ?? 0} classes`);
  if (node?.kind === 'bundle') lines.push(`${index.packagesOf.get(id)?.length ?? 0} packages`);
  if (node?.entry) lines.push(`entry point: ${node.entry}`);
  if (node?.bean) lines.push(`bean "${node.bean.name}" (${node.bean.stereotype})`);
  const simple = (name: string) => name.slice(name.lastIndexOf('.') + 1);
  eventLines(lines, index.publishes.get(id), (l) => `publishes ${simple(l.event)} to ${simple(l.listener)}`);
  eventLines(lines, index.hears.get(id), (l) => `hears ${simple(l.event)} from ${simple(l.publisher)}`);
  if (inModule) lines.push('chosen for the module');
  if (status) {
    lines.push(`${status.color}: ${COLOUR_LABEL[status.color] ?? status.color}`);
    if (status.reason) lines.push(status.reason);
  } else {
    lines.push('no status from the server');
  }
  return lines.join('\n');
}

/** Up to three event lines, then how many more. */
function eventLines(lines: string[], links: EventLink[] | undefined, say: (l: EventLink) => string): void {
  if (!links) return;
  lines.push(...links.slice(0, 3).map(say));
  if (links.length > 3) lines.push(`… and ${links.length - 3} more events`);
}

/** Counts of each colour over `ids` (for the legend). */
export function colourCounts(ids: Iterable<string>, status: Record<string, Status>): Record<Colour, number> {
  const counts: Record<Colour, number> = { green: 0, blue: 0, yellow: 0, red: 0, none: 0 };
  for (const id of ids) {
    const c = status[id]?.color ?? 'none';
    counts[c] = (counts[c] ?? 0) + 1;
  }
  return counts;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type { GraphEdge };
