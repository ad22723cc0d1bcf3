// The HTML side panels around the drawing: the module tree (also the drop target), the metrics and
// verify panel, suggestions, diagnostics, search results and the tooltip. Each panel renders from the
// data it is handed; none of them computes a status or a metric.

import type { Candidate, Evaluation, Graph, Metrics, Status } from './api';
import { COLOUR_LABEL, type GraphIndex } from './model';

/** Most entries a list draws at once; the rest is summarised ("… 1,234 more"). */
const LIST_LIMIT = 300;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function chip(status: Status | undefined): HTMLElement {
  const colour = status?.color ?? 'none';
  return el('span', { class: `chip c-${colour}`, title: COLOUR_LABEL[colour] ?? colour, 'data-colour': colour });
}

function more(count: number): HTMLLIElement {
  return el('li', { class: 'more' }, `… ${count.toLocaleString('en-US')} more`);
}

export class Tooltip {
  private readonly node: HTMLElement;

  constructor() {
    this.node = el('div', { id: 'tooltip', role: 'tooltip' });
    this.node.hidden = true;
    document.body.appendChild(this.node);
  }

  show(text: string, x: number, y: number): void {
    this.node.textContent = text;
    this.node.hidden = false;
    const w = this.node.offsetWidth;
    const h = this.node.offsetHeight;
    const left = Math.min(x + 14, window.innerWidth - w - 8);
    const top = y + 14 + h > window.innerHeight ? y - h - 10 : y + 14;
    this.node.style.left = `${Math.max(4, left)}px`;
    this.node.style.top = `${Math.max(4, top)}px`;
  }

  hide(): void {
    this.node.hidden = true;
  }
}

export interface ModuleTreeActions {
  remove(ids: string[]): void;
  reveal(id: string): void;
}

export class ModuleTree {
  constructor(
    private readonly list: HTMLElement,
    private readonly summary: HTMLElement,
    private readonly index: GraphIndex,
    private readonly actions: ModuleTreeActions,
  ) {}

  render(members: readonly string[], evaluation: Evaluation | null): void {
    const status = evaluation?.status ?? {};
    const closure = evaluation?.closure.length ?? 0;
    this.summary.textContent =
      members.length === 0
        ? 'Empty. Drag packages or classes here, or select them and press M.'
        : `${members.length} chosen · closure ${closure} classes`;
    const items: HTMLElement[] = [];
    for (const id of members.slice(0, LIST_LIMIT)) items.push(this.entry(id, status));
    if (members.length > LIST_LIMIT) items.push(more(members.length - LIST_LIMIT));
    this.list.replaceChildren(...items);
  }

  private entry(id: string, status: Record<string, Status>): HTMLElement {
    const node = this.index.node(id);
    const remove = el('button', { class: 'icon', title: 'Remove from the module', 'data-remove': id }, '✕');
    remove.addEventListener('click', () => this.actions.remove([id]));
    const name = el('a', { href: '#', class: 'name', title: id }, node?.name ?? id);
    name.addEventListener('click', (e) => {
      e.preventDefault();
      this.actions.reveal(id);
    });
    const row = el('div', { class: 'row' }, chip(status[id]), name, remove);
    const classes = node?.kind === 'package' ? this.index.classesOf.get(id) ?? [] : [];
    if (classes.length === 0) return el('li', { 'data-id': id }, row);
    // Package: its classes load when the entry is opened.
    const details = el('details', {}, el('summary', {}, row));
    const inner = el('ul', {});
    details.append(inner);
    details.addEventListener('toggle', () => {
      if (!details.open || inner.childElementCount > 0) return;
      const rows: HTMLLIElement[] = classes.slice(0, LIST_LIMIT).map((c) => {
        const link = el('a', { href: '#', class: 'name', title: c }, this.index.shortName(c));
        link.addEventListener('click', (e) => {
          e.preventDefault();
          this.actions.reveal(c);
        });
        return el('li', { 'data-id': c }, el('div', { class: 'row' }, chip(status[c]), link));
      });
      if (classes.length > LIST_LIMIT) rows.push(more(classes.length - LIST_LIMIT));
      inner.replaceChildren(...rows);
    });
    return el('li', { 'data-id': id }, details);
  }
}

const METRIC_LABELS: [keyof Metrics, string, string][] = [
  ['baseToModule', 'base → module references', 'References from code that stays in the base to code in the module. Must be 0: the base cannot see module classes.'],
  ['beansFromBase', 'beans taken from the base', 'Beans the module injects from the base (@AutowiredFromBase or equivalent).'],
  ['sharedClasses', 'shared classes', 'Classes both the module and the base need.'],
  ['sharedJars', 'shared jars', 'Libraries both the module and the base use (candidates to leave in the base).'],
  ['crossingShare', 'crossing share', 'Share of dependency weight that crosses the module boundary.'],
];

export class MetricsPanel {
  constructor(private readonly root: HTMLElement) {}

  render(evaluation: Evaluation | null): void {
    if (!evaluation) {
      this.root.replaceChildren(el('p', { class: 'muted' }, 'Waiting for the server…'));
      return;
    }
    const rows: HTMLElement[] = [];
    const known = new Set<string>();
    for (const [key, label, help] of METRIC_LABELS) {
      known.add(key as string);
      rows.push(this.row(key as string, label, help, evaluation.metrics[key]));
    }
    for (const [key, value] of Object.entries(evaluation.metrics).sort()) {
      if (!known.has(key)) rows.push(this.row(key, key, '', value));
    }
    const verify = evaluation.verify;
    const items = (list: string[]) => {
      const shown = list.slice(0, LIST_LIMIT).map((p) => el('li', {}, p));
      if (list.length > LIST_LIMIT) shown.push(more(list.length - LIST_LIMIT));
      return shown;
    };
    const warned = verify.warnings ?? [];
    this.root.replaceChildren(
      el('table', { class: 'metrics' }, ...rows),
      el(
        'div',
        { class: `verify ${verify.ok ? 'ok' : 'bad'}`, 'data-verify': verify.ok ? 'ok' : 'problems' },
        verify.ok ? '✔ verify: the module can be split as chosen' : `✘ verify: ${verify.problems.length} problem(s)`,
      ),
      el('ul', { class: 'problems' }, ...items(verify.problems)),
      ...(warned.length === 0
        ? []
        : [
            el('div', { class: 'verify warn', 'data-verify-warnings': String(warned.length) }, `⚠ ${warned.length} warning(s): behaviour changes after the split`),
            el('ul', { class: 'problems warnings' }, ...items(warned)),
          ]),
    );
  }

  private row(key: string, label: string, help: string, value: number | undefined): HTMLElement {
    const text = value === undefined ? '–' : Number.isInteger(value) ? String(value) : value.toFixed(3);
    const cls = key === 'baseToModule' ? (value === 0 ? 'good' : 'bad') : '';
    return el(
      'tr',
      { title: help },
      el('th', {}, label),
      el('td', { 'data-metric': key, class: cls }, text),
    );
  }
}

export interface SuggestionActions {
  apply(candidate: Candidate): void;
  show(candidate: Candidate): void;
}

export class SuggestionsPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: SuggestionActions,
  ) {}

  // aria-busy tells assistive tools, and tests, that an answer is on its way: the "asking" line
  // must not be read as the answer.
  busy(text: string): void {
    this.root.setAttribute('aria-busy', 'true');
    this.root.replaceChildren(el('p', { class: 'muted' }, text));
  }

  failed(text: string): void {
    this.root.setAttribute('aria-busy', 'false');
    this.root.replaceChildren(el('p', { class: 'muted' }, text));
  }

  render(candidates: Candidate[]): void {
    this.root.setAttribute('aria-busy', 'false');
    if (candidates.length === 0) {
      this.root.replaceChildren(el('p', { class: 'muted' }, 'No candidate found.'));
      return;
    }
    this.root.replaceChildren(
      ...candidates.map((c, i) => {
        const apply = el('button', { 'data-apply': String(i) }, 'Apply');
        apply.addEventListener('click', () => this.actions.apply(c));
        const show = el('button', { class: 'secondary' }, 'Select');
        show.addEventListener('click', () => this.actions.show(c));
        const m = c.metrics;
        const facts = [
          `${c.members.length} members`,
          m.baseToModule !== undefined ? `base→module ${m.baseToModule}` : '',
          m.crossingShare !== undefined ? `crossing ${Number(m.crossingShare).toFixed(2)}` : '',
        ].filter(Boolean);
        return el(
          'div',
          { class: 'candidate', 'data-candidate': c.name },
          el('div', { class: 'cand-name' }, c.name),
          el('div', { class: 'muted' }, facts.join(' · ')),
          el('div', { class: 'buttons' }, apply, show),
        );
      }),
    );
  }
}

export function renderDiagnostics(root: HTMLElement, graph: Graph): void {
  const items: HTMLElement[] = [];
  for (const d of graph.diagnostics.slice(0, LIST_LIMIT)) {
    items.push(el('li', { class: `sev-${d.severity}` }, `${d.severity} ${d.code}: ${d.message}${d.subject ? ` (${d.subject})` : ''}`));
  }
  for (const u of graph.unknowns.slice(0, LIST_LIMIT)) {
    items.push(el('li', { class: 'sev-unknown' }, `unknown: ${u.node}: ${u.what}`));
  }
  const total = graph.diagnostics.length + graph.unknowns.length;
  if (items.length < total) items.push(more(total - items.length));
  root.replaceChildren(
    el('summary', {}, `Diagnostics (${graph.diagnostics.length}) and unknowns (${graph.unknowns.length})`),
    el('ul', {}, ...items),
  );
}

export interface SearchActions {
  reveal(id: string): void;
}

export class SearchBox {
  constructor(
    private readonly input: HTMLInputElement,
    private readonly results: HTMLElement,
    private readonly index: GraphIndex,
    private readonly actions: SearchActions,
  ) {
    input.addEventListener('input', () => this.update());
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        const first = this.results.querySelector<HTMLElement>('[data-id]');
        if (first) this.actions.reveal(first.dataset.id!);
      } else if (e.key === 'Escape') {
        input.value = '';
        this.update();
        input.blur();
      }
    });
  }

  private update(): void {
    const hits = this.index.search(this.input.value, 30);
    this.results.replaceChildren(
      ...hits.map((n) => {
        const link = el('a', { href: '#', 'data-id': n.id, title: n.id }, `${n.name}`, el('span', { class: 'kind' }, n.kind));
        link.addEventListener('click', (e) => {
          e.preventDefault();
          this.actions.reveal(n.id);
        });
        return el('li', {}, link);
      }),
    );
  }
}
