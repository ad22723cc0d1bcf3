// Entry point of the splitting view: loads the graph from `arkpack split serve`, keeps the module
// choice with undo/redo, asks the server to evaluate after every change (one POST per move) and hands
// the answer to the views and panels, which only restyle. Also exposes `window.arkpackView`, the small
// API the Playwright tests and the IntelliJ host use.

import { ApiError, SplitApi, type Api, type Candidate, type Evaluation, type Graph, type MatrixLevel } from './api';
import { GraphView } from './graphview';
import { MatrixView } from './matrixview';
import { describe, GraphIndex, isMovable } from './model';
import { ModuleTree, MetricsPanel, renderDiagnostics, SearchBox, SuggestionsPanel, Tooltip } from './panels';
import { addMembers, History, LatestOnly, removeMembers } from './state';

type ViewKind = 'graph' | 'matrix';

/** Above this many classes the page opens on the matrix view (the graph stays one click away). */
const DEFAULT_CLASS_THRESHOLD = 4000;

export interface Timing {
  /** From the change to the repaint after the restyle, ms. */
  total: number;
  /** Waiting for POST /api/evaluate and parsing its answer, ms. */
  server: number;
  /** The part of `server` spent in JSON.parse in the page, ms, and the answer's size in characters. */
  parse: number;
  answerChars: number;
  /** Restyling the views and panels, ms. */
  render: number;
  /** From the end of the restyle to the next frame (the browser and cytoscape drawing it), ms. */
  paint: number;
}

/** What the IntelliJ plugin injects into the page (JBCefJSQuery functions). */
interface IdeHost {
  applyPlan(planJson: string, name: string): void;
}

declare global {
  interface Window {
    arkpackView: ViewApi;
    arkpackHost?: IdeHost;
  }
}

function $(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`page is missing #${id}`);
  return node;
}

function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

class App {
  /** `split serve` behind the page, unless ?analysis= asks for the core in the page (start()). */
  api: Api = new SplitApi('');
  index!: GraphIndex;
  readonly history = new History();
  private readonly latest = new LatestOnly();
  evaluation: Evaluation | null = null;
  view: ViewKind = 'graph';
  lastTiming: Timing | null = null;
  /** Completed evaluate-and-restyle rounds (tests wait on it). */
  changes = 0;
  graphView!: GraphView;
  matrixView!: MatrixView;
  private selection: string[] = [];
  private readonly tooltip = new Tooltip();
  private moduleTree!: ModuleTree;
  private readonly metrics = new MetricsPanel($('metrics'));
  private suggestions!: SuggestionsPanel;
  private pending: Promise<void> = Promise.resolve();

  async start(): Promise<void> {
    const params = new URLSearchParams(location.search);
    const analysis = params.get('analysis');
    let graph: Graph;
    if (analysis) {
      this.setStatus('loading the core…');
      const inpage = await this.inPage();
      this.api = await inpage.openInPage(new URL(analysis, location.href).href, this.coreBase());
      graph = await this.api.graph();
    } else {
      this.setStatus('loading graph…');
      try {
        graph = await this.api.graph();
      } catch (e) {
        // No API behind a static copy of the page: the person picks an analysis.json instead.
        if (!(e instanceof ApiError) || e.status !== 404) throw e;
        this.api = await this.pickAnalysis();
        graph = await this.api.graph();
      }
    }
    this.index = new GraphIndex(graph);
    const threshold = Number(params.get('threshold') ?? DEFAULT_CLASS_THRESHOLD);
    const wanted = params.get('view');
    const initial: ViewKind = wanted === 'graph' || wanted === 'matrix' ? wanted : this.index.classCount > threshold ? 'matrix' : 'graph';
    $('app-size').textContent =
      `${this.index.classCount.toLocaleString('en-US')} classes · ${this.index.packages.length} packages · ` +
      `${this.index.libraries.length} libraries · ${graph.edges.length.toLocaleString('en-US')} edges`;

    const dropTarget = () => $('module-panel');
    this.graphView = new GraphView($('graph'), {
      index: this.index,
      dropIntoModule: (ids) => void this.move(ids),
      selectionChanged: (ids) => this.selectionChanged(ids),
      showTooltip: (id, x, y) => this.tooltip.show(this.describe(id), x, y),
      hideTooltip: () => this.tooltip.hide(),
      dropTarget,
    });
    this.matrixView = new MatrixView($('matrix'), {
      describe: (id) => this.describe(id),
      shortName: (id) => this.index.shortName(id),
      dropIntoModule: (ids) => void this.move(ids),
      selectionChanged: (ids) => this.selectionChanged(ids),
      showTooltipText: (text, x, y) => this.tooltip.show(text, x, y),
      hideTooltip: () => this.tooltip.hide(),
      dropTarget,
      open: (id) => void this.openInGraph(id),
    });
    this.moduleTree = new ModuleTree($('module-tree'), $('module-summary'), this.index, {
      remove: (ids) => void this.remove(ids),
      reveal: (id) => void this.reveal(id),
    });
    this.suggestions = new SuggestionsPanel($('suggestions'), {
      apply: (c) => void this.applyCandidate(c),
      show: (c) => this.select(c.members),
    });
    new SearchBox($('search') as HTMLInputElement, $('search-results'), this.index, { reveal: (id) => void this.reveal(id) });
    renderDiagnostics($('diagnostics'), graph);
    this.bindControls();
    await this.setView(initial);
    await this.refresh();
    this.setStatus('ready');
  }

  describe(id: string): string {
    return describe(this.index, id, this.evaluation?.status[id], this.history.current.includes(id));
  }

  private selectionChanged(ids: string[]): void {
    this.selection = ids;
    ($('move') as HTMLButtonElement).disabled = ids.length === 0;
    ($('remove') as HTMLButtonElement).disabled = !ids.some((id) => this.history.current.includes(id));
  }

  select(ids: readonly string[]): void {
    if (this.view === 'graph') this.graphView.setSelected(ids);
    else this.matrixView.setSelected(ids);
    this.selectionChanged([...ids]);
  }

  async setView(kind: ViewKind): Promise<void> {
    this.view = kind;
    this.tooltip.hide();
    $('graph').hidden = kind !== 'graph';
    $('matrix').hidden = kind !== 'matrix';
    ($('level') as HTMLSelectElement).disabled = kind !== 'matrix';
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-view]')) {
      b.classList.toggle('active', b.dataset.view === kind);
      b.setAttribute('aria-pressed', String(b.dataset.view === kind));
    }
    document.body.dataset.view = kind;
    if (kind === 'graph') {
      if (!this.graphView.mounted) this.graphView.mount();
      this.graphView.resize();
    } else if (!this.matrixView.loaded) {
      await this.loadMatrix(($('level') as HTMLSelectElement).value as MatrixLevel);
    }
    const members = new Set(this.history.current);
    if (this.evaluation) {
      if (kind === 'graph') this.graphView.applyEvaluation(this.evaluation, members);
      else this.matrixView.applyEvaluation(this.evaluation, members);
    }
    const keep = this.selection;
    this.select(keep);
  }

  private async loadMatrix(level: MatrixLevel): Promise<void> {
    this.setStatus(`loading ${level} matrix…`);
    const matrix = await this.api.matrix(level);
    this.matrixView.setMatrix(matrix, level);
    if (this.evaluation) this.matrixView.applyEvaluation(this.evaluation, new Set(this.history.current));
    this.setStatus('ready');
  }

  /** Puts `ids` into the module (one undoable step) and re-evaluates. */
  move(ids: readonly string[]): Promise<void> {
    const movable = ids.filter((id) => isMovable(this.index.node(id)));
    const label = `move ${movable.length === 1 ? movable[0] : `${movable.length} items`}`;
    if (!this.history.apply(addMembers(this.history.current, movable), label)) return Promise.resolve();
    return this.refresh();
  }

  remove(ids: readonly string[]): Promise<void> {
    const label = `remove ${ids.length === 1 ? ids[0] : `${ids.length} items`}`;
    if (!this.history.apply(removeMembers(this.history.current, ids), label)) return Promise.resolve();
    return this.refresh();
  }

  undo(): Promise<void> {
    return this.history.undo() ? this.refresh() : Promise.resolve();
  }

  redo(): Promise<void> {
    return this.history.redo() ? this.refresh() : Promise.resolve();
  }

  applyCandidate(candidate: Candidate): Promise<void> {
    if (!this.history.apply(candidate.members, `apply suggestion ${candidate.name}`)) return Promise.resolve();
    return this.refresh();
  }

  /** One POST /api/evaluate for the current module, then a restyle; stale answers are dropped. */
  refresh(): Promise<void> {
    const ticket = this.latest.next();
    const module = [...this.history.current];
    this.updateHistoryButtons();
    const run = async () => {
      const t0 = performance.now();
      let evaluation: Evaluation;
      try {
        evaluation = await this.api.evaluate(module);
      } catch (e) {
        this.showError(e);
        return;
      }
      const t1 = performance.now();
      if (!this.latest.isLatest(ticket)) return;
      this.evaluation = evaluation;
      this.render();
      const t2 = performance.now();
      await nextPaint();
      const t3 = performance.now();
      this.lastTiming = {
        total: t3 - t0,
        server: t1 - t0,
        parse: this.api.lastParse.ms,
        answerChars: this.api.lastParse.chars,
        render: t2 - t1,
        paint: t3 - t2,
      };
      this.changes++;
      $('timing').textContent = `last change: ${this.lastTiming.total.toFixed(1)} ms (server ${this.lastTiming.server.toFixed(1)} ms)`;
    };
    this.pending = run();
    return this.pending;
  }

  private render(): void {
    const members = new Set(this.history.current);
    if (this.evaluation) {
      if (this.view === 'graph') this.graphView.applyEvaluation(this.evaluation, members);
      else this.matrixView.applyEvaluation(this.evaluation, members);
    }
    this.moduleTree.render(this.history.current, this.evaluation);
    this.metrics.render(this.evaluation);
    this.updateHistoryButtons();
    this.selectionChanged(this.selection);
    $('apply-ide').hidden = !window.arkpackHost;
    const closure = this.evaluation?.closure.length ?? 0;
    const addClosure = $('add-closure') as HTMLButtonElement;
    addClosure.hidden = closure === 0;
    addClosure.textContent = `Add closure (${closure})`;
    this.clearError();
  }

  private updateHistoryButtons(): void {
    const undo = $('undo') as HTMLButtonElement;
    const redo = $('redo') as HTMLButtonElement;
    undo.disabled = !this.history.canUndo;
    redo.disabled = !this.history.canRedo;
    undo.title = this.history.undoLabel ? `Undo ${this.history.undoLabel} (Ctrl+Z)` : 'Nothing to undo';
    redo.title = this.history.redoLabel ? `Redo ${this.history.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo';
  }

  async reveal(id: string): Promise<void> {
    const kind = this.index.node(id)?.kind;
    if (this.view === 'matrix') {
      const row = kind === 'class' ? this.index.node(id)?.package ?? id : id;
      if (this.matrixView.rowPagePosition(row)) {
        this.select([row]);
        this.matrixView.scrollToRow(row);
        return;
      }
      await this.setView('graph');
    }
    this.graphView.reveal(id);
    this.selectionChanged(this.graphView.selected());
  }

  private async openInGraph(id: string): Promise<void> {
    await this.setView('graph');
    if (this.index.node(id)?.kind === 'package') this.graphView.expand(id);
    this.graphView.reveal(id);
  }

  moduleName(): string {
    const raw = ($('module-name') as HTMLInputElement).value.trim();
    return raw || 'module';
  }

  async fetchPlan(): Promise<string> {
    return this.api.plan([...this.history.current], this.moduleName());
  }

  async exportPlan(): Promise<void> {
    try {
      const text = await this.fetchPlan();
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${this.moduleName()}.plan.json`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.setStatus(`plan exported as ${a.download}`);
    } catch (e) {
      this.showError(e);
    }
  }

  async applyInIde(): Promise<void> {
    if (!window.arkpackHost) return;
    try {
      window.arkpackHost.applyPlan(await this.fetchPlan(), this.moduleName());
      this.setStatus('plan handed to the IDE');
    } catch (e) {
      this.showError(e);
    }
  }

  async suggest(): Promise<void> {
    const fromSelection = ($('suggest-from-selection') as HTMLInputElement).checked;
    // The server seeds with classes: a selected package or bundle stands for its classes.
    const seeds = fromSelection && this.selection.length > 0 ? this.seedClasses(this.selection) : null;
    this.suggestions.busy('asking the server…');
    try {
      const answer = await this.api.suggest(seeds);
      this.suggestions.render(answer.candidates);
    } catch (e) {
      this.suggestions.failed('failed');
      this.showError(e);
    }
  }

  /** Where the core's wasm modules are (dist/core/, beside the page). */
  private coreBase(): URL {
    return new URL('core/', location.href);
  }

  /** dist/inpage.js (the core's glue), a module of its own fetched only when the core runs in the
   * page: a computed specifier keeps esbuild from bundling it into app.js. */
  private async inPage(): Promise<typeof import('./inpage')> {
    return (await import(new URL('inpage.js', location.href).href)) as typeof import('./inpage');
  }

  /** Shows the file inputs and opens a session on the analysis picked, or on the jars analysed in
   * the page (again after a bad file). */
  private pickAnalysis(): Promise<Api> {
    const panel = $('open-analysis');
    const input = $('analysis-file') as HTMLInputElement;
    const appJars = $('app-jars') as HTMLInputElement;
    const libJars = $('lib-jars') as HTMLInputElement;
    panel.hidden = false;
    this.setStatus('waiting for an analysis.json or jars');
    const core = this.coreBase();
    const jars = (files: FileList | null) =>
      Promise.all([...(files ?? [])].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    return new Promise((resolvePicked) => {
      const open = async (status: string, make: (inpage: typeof import('./inpage')) => Promise<Api>) => {
        try {
          this.setStatus(status);
          const api = await make(await this.inPage());
          panel.hidden = true;
          this.clearError();
          resolvePicked(api);
        } catch (e) {
          this.showError(e);
          this.setStatus('waiting for an analysis.json or jars');
        }
      };
      input.addEventListener('change', async () => {
        const file = input.files?.[0];
        if (file) await open('loading the core…', async (inpage) => inpage.openAnalysis(await file.text(), file.name, core));
      });
      $('analyse-jars').addEventListener('click', () =>
        open(`analysing ${appJars.files?.length ?? 0} app jars and ${libJars.files?.length ?? 0} dependency jars…`, async (inpage) =>
          inpage.analyzeInPage(await jars(appJars.files), await jars(libJars.files), core),
        ),
      );
    });
  }

  private seedClasses(ids: readonly string[]): string[] {
    const out = new Set<string>();
    for (const id of ids) {
      const kind = this.index.node(id)?.kind;
      if (kind === 'class') out.add(id);
      else if (kind === 'package') for (const c of this.index.classesOf.get(id) ?? []) out.add(c);
      else if (kind === 'bundle') {
        for (const n of this.index.graph.nodes) if (n.kind === 'class' && n.bundle === id) out.add(n.id);
      }
    }
    return [...out].sort();
  }

  private bindControls(): void {
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-view]')) {
      b.addEventListener('click', () => void this.setView(b.dataset.view as ViewKind));
    }
    $('level').addEventListener('change', (e) => void this.loadMatrix((e.target as HTMLSelectElement).value as MatrixLevel));
    $('undo').addEventListener('click', () => void this.undo());
    $('redo').addEventListener('click', () => void this.redo());
    $('move').addEventListener('click', () => void this.move(this.selection));
    $('remove').addEventListener('click', () => void this.remove(this.selection));
    $('export').addEventListener('click', () => void this.exportPlan());
    $('apply-ide').addEventListener('click', () => void this.applyInIde());
    $('suggest').addEventListener('click', () => void this.suggest());
    $('add-closure').addEventListener('click', () => {
      const closure = this.evaluation?.closure ?? [];
      if (closure.length > 0) void this.move(closure);
    });
    $('fit').addEventListener('click', () => this.graphView.fit());
    window.addEventListener('resize', () => this.graphView.resize());
    window.addEventListener('arkpack-host-ready', () => ($('apply-ide').hidden = !window.arkpackHost));
    document.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void this.undo();
      } else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) {
        e.preventDefault();
        void this.redo();
      } else if (!mod && key === 'm') {
        void this.move(this.selection);
      } else if (!mod && (key === 'delete' || key === 'backspace')) {
        void this.remove(this.selection);
      } else if (!mod && key === '/') {
        e.preventDefault();
        $('search').focus();
      }
    });
  }

  setStatus(text: string): void {
    $('status').textContent = text;
  }

  private showError(e: unknown): void {
    const message = e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e);
    const banner = $('error');
    banner.textContent = message;
    banner.hidden = false;
  }

  private clearError(): void {
    $('error').hidden = true;
  }

  /** The colour drawn for `id` in the current view (read from cytoscape's classes or canvas pixels). */
  drawnColour(id: string): string | null {
    return this.view === 'graph' ? this.graphView.drawnColour(id) : this.matrixView.drawnColour(id);
  }
}

/** The page's scripting surface (tests, IntelliJ). Everything here goes through the same paths as clicks. */
export interface ViewApi {
  ready: Promise<void>;
  move(ids: string[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  setView(kind: ViewKind): Promise<void>;
  view(): ViewKind;
  module(): string[];
  drawnColour(id: string): string | null;
  drawnMarks(id: string): { member: boolean; closure: boolean } | null;
  serverStatus(id: string): { color: string; reason: string } | null;
  metrics(): Record<string, number> | null;
  lastTiming(): Timing | null;
  changes(): number;
  selected(): string[];
  select(ids: string[]): void;
  expand(pkg: string): void;
  graphPosition(id: string): { x: number; y: number } | null;
  matrixRowPosition(id: string): { x: number; y: number } | null;
  counts(): { classes: number; packages: number; graphNodes: number; graphEdges: number; edgesOnDemand: boolean };
}

const app = new App();
const ready = app.start().catch((e) => {
  const banner = document.getElementById('error');
  if (banner) {
    banner.textContent = `The view could not start: ${e instanceof Error ? e.message : String(e)}`;
    banner.hidden = false;
  }
  throw e;
});

window.arkpackView = {
  ready,
  move: (ids) => app.move(ids),
  remove: (ids) => app.remove(ids),
  undo: () => app.undo(),
  redo: () => app.redo(),
  setView: (kind) => app.setView(kind),
  view: () => app.view,
  module: () => [...app.history.current],
  drawnColour: (id) => app.drawnColour(id),
  drawnMarks: (id) => app.graphView.drawnMarks(id),
  serverStatus: (id) => app.evaluation?.status[id] ?? null,
  metrics: () => (app.evaluation ? { ...app.evaluation.metrics } : null),
  lastTiming: () => app.lastTiming,
  changes: () => app.changes,
  select: (ids) => app.select(ids),
  selected: () => (app.view === 'graph' ? app.graphView.selected() : app.matrixView.selected()),
  expand: (pkg) => app.graphView.expand(pkg),
  graphPosition: (id) => app.graphView.pagePosition(id),
  matrixRowPosition: (id) => app.matrixView.rowPagePosition(id),
  counts: () => {
    const c = app.graphView.counts();
    return { classes: app.index.classCount, packages: app.index.packages.length, graphNodes: c.nodes, graphEdges: c.edges, edgesOnDemand: c.edgesOnDemand };
  },
};
