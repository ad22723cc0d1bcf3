// The graph view: cytoscape.js draws bundles ⊃ packages ⊃ classes as compound nodes. Packages start
// collapsed and show their classes on double-click (drill-down); edges are folded onto whatever is
// visible. After a move only styles change (classes on nodes), never positions: no relayout.
// Above a size limit, edges are drawn on demand (for the selected nodes) to keep redraws cheap.

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Colour, Evaluation } from './api';
import { isMovable, type GraphIndex, type VisibleEdge } from './model';

cytoscape.use(fcose);

export interface GraphViewHost {
  index: GraphIndex;
  /** Nodes were dropped on the module panel. */
  dropIntoModule(ids: string[]): void;
  selectionChanged(ids: string[]): void;
  showTooltip(id: string, x: number, y: number): void;
  hideTooltip(): void;
  /** The element that accepts dropped nodes. */
  dropTarget(): HTMLElement;
}

/** Above this many visible nodes the view lays out on a grid instead of running fCoSE. */
const FORCE_LAYOUT_LIMIT = 1200;
/**
 * Up to this many packages, packages are drawn inside their bundle. Above it bundles are left out of the
 * graph (the matrix has a bundle level): a compound parent of thousands of children makes every restyle
 * recompute its bounds, which measured ~120 ms a frame at 1,000 packages against ~15 ms without it.
 */
const BUNDLE_NEST_LIMIT = 300;
/** Above this many folded edges, only the selected nodes' edges are drawn. */
const EDGE_LIMIT = 3000;

const COLOURS: Colour[] = ['green', 'blue', 'yellow', 'red', 'none'];
/** The server colours a selected class (or a package with selected classes) green, yellow or red. */
export const IN_MODULE: ReadonlySet<string> = new Set(['green', 'yellow', 'red']);

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 9,
      'text-valign': 'center',
      'text-halign': 'center',
      'text-wrap': 'ellipsis',
      'text-max-width': '110px',
      // Labels too small to read are not drawn (keeps a zoomed-out frame of 1,000 packages cheap).
      'min-zoomed-font-size': 6,
      color: '#1f2328',
      'background-color': '#cfd4da',
      'border-width': 1,
      'border-color': '#8c959f',
      width: 28,
      height: 28,
    },
  },
  { selector: 'node.k-package', style: { shape: 'round-rectangle', width: 46, height: 26 } },
  { selector: 'node.k-library', style: { shape: 'diamond', width: 24, height: 24, 'text-valign': 'bottom' } },
  { selector: 'node.k-class', style: { shape: 'ellipse', 'text-valign': 'bottom', 'font-size': 8 } },
  { selector: 'node.entry', style: { shape: 'star', width: 30, height: 30 } },
  {
    selector: 'node.k-bundle',
    style: {
      shape: 'rectangle',
      'background-color': '#f6f8fa',
      'background-opacity': 1,
      'border-style': 'dashed',
      'border-color': '#8c959f',
      'text-valign': 'top',
      'font-size': 11,
      'font-weight': 'bold',
      padding: '14px',
    },
  },
  {
    selector: 'node.k-package:parent',
    style: { 'background-opacity': 0.25, 'text-valign': 'top', 'font-size': 10, padding: '10px' },
  },
  { selector: 'node.st-green', style: { 'background-color': '#2da44e' } },
  { selector: 'node.st-blue', style: { 'background-color': '#4493f8' } },
  { selector: 'node.st-yellow', style: { 'background-color': '#e3b341' } },
  { selector: 'node.st-red', style: { 'background-color': '#e5534b' } },
  { selector: 'node.st-none', style: { 'background-color': '#cfd4da' } },
  { selector: 'node.member', style: { 'border-width': 3, 'border-color': '#116329' } },
  {
    selector: 'node.closure',
    style: { 'underlay-color': '#8250df', 'underlay-opacity': 0.35, 'underlay-padding': 5 },
  },
  { selector: 'node.hit', style: { 'border-width': 4, 'border-color': '#fb8500' } },
  { selector: 'node:selected', style: { 'overlay-color': '#0969da', 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
  {
    selector: 'edge',
    style: {
      width: 'mapData(weight, 1, 40, 0.6, 4)',
      'line-color': '#8c959f',
      'target-arrow-color': '#8c959f',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.6,
      'curve-style': 'straight',
      opacity: 0.55,
    },
  },
  { selector: 'edge.into-module', style: { 'line-color': '#cf222e', 'target-arrow-color': '#cf222e', opacity: 0.9 } },
];

export class GraphView {
  private cy: cytoscape.Core | null = null;
  private readonly expanded = new Set<string>();
  private edgesOnDemand = false;
  private folded: VisibleEdge[] = [];
  private readonly incident = new Map<string, VisibleEdge[]>();
  private evaluation: Evaluation | null = null;
  private members: ReadonlySet<string> = new Set();
  private grabbed: { ids: string[]; positions: Map<string, cytoscape.Position> } | null = null;
  private pointer = { x: -1, y: -1 };

  constructor(
    private readonly container: HTMLElement,
    private readonly host: GraphViewHost,
  ) {}

  get mounted(): boolean {
    return this.cy !== null;
  }

  mount(): void {
    const index = this.host.index;
    const elements: cytoscape.ElementDefinition[] = [];
    const nest = index.packages.length <= BUNDLE_NEST_LIMIT;
    if (nest) for (const id of index.bundles) elements.push(this.nodeDef(id, null));
    for (const id of index.packages) {
      elements.push(this.nodeDef(id, nest ? index.bundleOfPackage.get(id) ?? null : null));
    }
    for (const id of index.libraries) elements.push(this.nodeDef(id, null));
    this.cy = cytoscape({
      container: this.container,
      elements,
      style: STYLE,
      layout: { name: 'preset' },
      boxSelectionEnabled: true,
      selectionType: 'additive',
      minZoom: 0.02,
      maxZoom: 4,
      textureOnViewport: true,
      hideEdgesOnViewport: true,
    });
    this.syncEdges();
    this.layoutAll(true);
    this.bindEvents();
  }

  private nodeDef(id: string, parent: string | null): cytoscape.ElementDefinition {
    const index = this.host.index;
    const node = index.node(id);
    const kind = node?.kind ?? 'class';
    let label = index.shortName(id);
    if (kind === 'package') label = `${label} (${index.classesOf.get(id)?.length ?? 0})`;
    // Status colours apply to what the server colours: classes and packages.
    const classes = kind === 'class' || kind === 'package' ? [`k-${kind}`, 'st-none'] : [`k-${kind}`];
    if (node?.entry) classes.push('entry');
    return { group: 'nodes', data: parent ? { id, label, parent } : { id, label }, classes };
  }

  private bindEvents(): void {
    const cy = this.cy!;
    cy.on('mouseover', 'node', (e) => {
      const p = e.renderedPosition ?? e.target.renderedPosition();
      const box = this.container.getBoundingClientRect();
      this.host.showTooltip(e.target.id(), box.left + p.x, box.top + p.y);
    });
    cy.on('mouseout', 'node', () => this.host.hideTooltip());
    cy.on('dbltap', 'node', (e) => {
      const node = this.host.index.node(e.target.id());
      if (node?.kind === 'package') this.toggle(node.id);
      else if (node?.kind === 'class' && node.package) this.collapse(node.package);
    });
    // A box selection fires one event per node: handle them once, after the burst.
    let pending = false;
    cy.on('select unselect', 'node', () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        if (this.edgesOnDemand) this.syncDemandEdges();
        this.host.selectionChanged(this.selected());
      });
    });
    // Drag onto the module panel: remember where the grabbed nodes were, put them back on release.
    const track = (e: PointerEvent | MouseEvent) => (this.pointer = { x: e.clientX, y: e.clientY });
    window.addEventListener('pointermove', track, true);
    window.addEventListener('mousemove', track, true);
    cy.on('grab', 'node', (e) => {
      const target = e.target as cytoscape.NodeSingular;
      const nodes = target.selected() ? cy.nodes(':selected') : target;
      const positions = new Map<string, cytoscape.Position>();
      nodes.forEach((n) => {
        positions.set(n.id(), { ...n.position() });
        n.descendants().forEach((d) => {
          positions.set(d.id(), { ...d.position() });
        });
      });
      this.grabbed = { ids: nodes.map((n) => n.id()), positions };
    });
    cy.on('drag', 'node', () => {
      this.host.dropTarget().classList.toggle('drop-hover', this.pointerOverDropTarget());
    });
    cy.on('free', 'node', () => {
      const grabbed = this.grabbed;
      this.grabbed = null;
      this.host.dropTarget().classList.remove('drop-hover');
      if (!grabbed || !this.pointerOverDropTarget()) return;
      cy.batch(() => {
        for (const [id, pos] of grabbed.positions) cy.getElementById(id).position(pos);
      });
      const movable = grabbed.ids.filter((id) => isMovable(this.host.index.node(id)));
      if (movable.length > 0) this.host.dropIntoModule(movable);
    });
  }

  private pointerOverDropTarget(): boolean {
    const r = this.host.dropTarget().getBoundingClientRect();
    const { x, y } = this.pointer;
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  selected(): string[] {
    if (!this.cy) return [];
    return this.cy
      .nodes(':selected')
      .map((n) => n.id())
      .sort();
  }

  setSelected(ids: readonly string[]): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes(':selected').unselect();
      for (const id of ids) cy.getElementById(id).select();
    });
  }

  isExpanded(pkg: string): boolean {
    return this.expanded.has(pkg);
  }

  toggle(pkg: string): void {
    if (this.expanded.has(pkg)) this.collapse(pkg);
    else this.expand(pkg);
  }

  expand(pkg: string): void {
    const cy = this.cy;
    const classes = this.host.index.classesOf.get(pkg);
    if (!cy || !classes || this.expanded.has(pkg)) return;
    this.expanded.add(pkg);
    const centre = cy.getElementById(pkg).position();
    const side = Math.ceil(Math.sqrt(classes.length));
    const gap = 60;
    cy.batch(() => {
      classes.forEach((id, i) => {
        const def = this.nodeDef(id, pkg);
        def.position = {
          x: centre.x + ((i % side) - (side - 1) / 2) * gap,
          y: centre.y + (Math.floor(i / side) - (side - 1) / 2) * gap,
        };
        cy.add(def);
      });
    });
    this.syncEdges();
    this.restyle();
    if (cy.nodes().length <= FORCE_LAYOUT_LIMIT) this.layoutAll(false, false);
    // Show the opened package rather than the whole graph.
    const opened = cy.getElementById(pkg);
    cy.fit(opened.union(opened.descendants()), 60);
    if (cy.zoom() > 1.5) cy.zoom({ level: 1.5, position: opened.position() });
  }

  collapse(pkg: string): void {
    const cy = this.cy;
    if (!cy || !this.expanded.has(pkg)) return;
    this.expanded.delete(pkg);
    cy.getElementById(pkg).children().remove();
    this.syncEdges();
    this.restyle();
  }

  /** Shows `id`: expands its package if it is a class, selects it and centres on it. */
  reveal(id: string): void {
    const cy = this.cy;
    if (!cy) return;
    const node = this.host.index.node(id);
    if (node?.kind === 'class' && node.package) this.expand(node.package);
    const element = cy.getElementById(id);
    if (element.empty()) return;
    cy.batch(() => {
      cy.nodes('.hit').removeClass('hit');
      cy.nodes(':selected').unselect();
      element.addClass('hit').select();
    });
    cy.animate({ center: { eles: element }, zoom: Math.max(cy.zoom(), 0.8) }, { duration: 150 });
  }

  /** Recomputes which folded edges exist for the current expansion, and adds or removes the difference. */
  private syncEdges(): void {
    this.folded = this.host.index.visibleEdges(this.expanded);
    this.edgesOnDemand = this.folded.length > EDGE_LIMIT;
    this.incident.clear();
    if (this.edgesOnDemand) {
      for (const e of this.folded) {
        push(this.incident, e.from, e);
        push(this.incident, e.to, e);
      }
      this.syncDemandEdges();
      return;
    }
    this.setEdges(this.folded);
  }

  private syncDemandEdges(): void {
    const wanted: VisibleEdge[] = [];
    const seen = new Set<string>();
    for (const id of this.selected()) {
      for (const e of this.incident.get(id) ?? []) {
        const key = edgeId(e);
        if (!seen.has(key)) {
          seen.add(key);
          wanted.push(e);
        }
      }
    }
    this.setEdges(wanted);
  }

  private setEdges(edges: VisibleEdge[]): void {
    const cy = this.cy!;
    const wanted = new Map(edges.map((e) => [edgeId(e), e]));
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        if (!wanted.has(edge.id())) edge.remove();
      });
      for (const [id, e] of wanted) {
        if (!cy.getElementById(id).empty()) continue;
        if (cy.getElementById(e.from).empty() || cy.getElementById(e.to).empty()) continue;
        cy.add({ group: 'edges', data: { id, source: e.from, target: e.to, weight: e.weight, kinds: e.kinds.join(',') } });
      }
    });
    this.restyleEdges();
  }

  private layoutAll(randomize: boolean, fit = true): void {
    const cy = this.cy!;
    if (cy.nodes().length <= FORCE_LAYOUT_LIMIT) {
      cy.layout({
        name: 'fcose',
        randomize,
        animate: false,
        quality: 'default',
        nodeDimensionsIncludeLabels: true,
        packComponents: true,
        nodeRepulsion: () => 6000,
        idealEdgeLength: () => 80,
      } as cytoscape.LayoutOptions).run();
    } else {
      // Big graphs: packages on a grid in id order (deterministic, instant), bundles around them.
      cy.nodes()
        .filter((n) => !n.isParent() || n.hasClass('k-package'))
        .filter((n) => !n.hasClass('k-class'))
        .layout({ name: 'grid', avoidOverlap: true, condense: true, sort: (a, b) => (a.id() < b.id() ? -1 : 1) } as cytoscape.LayoutOptions)
        .run();
    }
    if (fit) cy.fit(undefined, 20);
  }

  /** Applies the server's answer: colour, membership and closure marks. Styles only, no layout. */
  applyEvaluation(evaluation: Evaluation, members: ReadonlySet<string>): void {
    this.evaluation = evaluation;
    this.members = members;
    this.restyle();
  }

  private restyle(): void {
    const cy = this.cy;
    const evaluation = this.evaluation;
    if (!cy || !evaluation) return;
    const index = this.host.index;
    const closure = new Set(evaluation.closure);
    const closurePackages = index.packagesHolding(evaluation.closure);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const id = n.id();
        const colour = evaluation.status[id]?.color ?? 'none';
        if ((n.hasClass('k-class') || n.hasClass('k-package')) && n.scratch('colour') !== colour) {
          for (const c of COLOURS) n.removeClass(`st-${c}`);
          n.addClass(`st-${colour}`);
          n.scratch('colour', colour);
        }
        const member = this.members.has(id);
        if (n.hasClass('member') !== member) n.toggleClass('member', member);
        const inClosure =
          closure.has(id) || (n.hasClass('k-package') && !this.expanded.has(id) && closurePackages.has(id));
        if (n.hasClass('closure') !== inClosure) n.toggleClass('closure', inClosure);
      });
    });
    this.restyleEdges();
  }

  /** Edges from a node that stays in base into a node that is (partly) in the module are drawn red. */
  private restyleEdges(): void {
    const cy = this.cy;
    const evaluation = this.evaluation;
    if (!cy || !evaluation) return;
    const inModule = (id: string) => IN_MODULE.has(evaluation.status[id]?.color ?? 'none');
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        const into = inModule(edge.data('target')) && !inModule(edge.data('source'));
        if (edge.hasClass('into-module') !== into) edge.toggleClass('into-module', into);
      });
    });
  }

  /** The colour class actually drawn for `id` (for tests and the IDE bridge), or null if not drawn. */
  drawnColour(id: string): Colour | null {
    const n = this.cy?.getElementById(id);
    if (!n || n.empty()) return null;
    return COLOURS.find((c) => n.hasClass(`st-${c}`)) ?? null;
  }

  drawnMarks(id: string): { member: boolean; closure: boolean } | null {
    const n = this.cy?.getElementById(id);
    if (!n || n.empty()) return null;
    return { member: n.hasClass('member'), closure: n.hasClass('closure') };
  }

  /** Page coordinates of a drawn node's centre (tests drag it). */
  pagePosition(id: string): { x: number; y: number } | null {
    const n = this.cy?.getElementById(id);
    if (!n || n.empty()) return null;
    const p = n.renderedPosition();
    const box = this.container.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  counts(): { nodes: number; edges: number; edgesOnDemand: boolean } {
    return { nodes: this.cy?.nodes().length ?? 0, edges: this.cy?.edges().length ?? 0, edgesOnDemand: this.edgesOnDemand };
  }

  resize(): void {
    this.cy?.resize();
  }

  fit(): void {
    this.cy?.fit(undefined, 20);
  }
}

function edgeId(e: VisibleEdge): string {
  return `${e.from}->${e.to}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
