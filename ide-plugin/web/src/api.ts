// The JSON contract of `arkpack split serve` (types) and a small client for it. The view computes
// nothing that this API answers: statuses, closure, metrics, verify, suggestions and plans all come
// from the Rust core, behind these endpoints or in the page (inpage.ts, the same shapes).

export type NodeKind = 'class' | 'package' | 'bundle' | 'library';
export type EntryKind = 'application' | 'controller' | 'listener' | 'scheduled';
export type EdgeKind = 'type' | 'extends' | 'implements' | 'call' | 'bean' | 'xml-bean' | 'mapper';
export type Colour = 'green' | 'blue' | 'yellow' | 'red' | 'none';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  name: string;
  package: string | null;
  bundle: string | null;
  entry: EntryKind | null;
  bean: { name: string; stereotype: string } | null;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  weight: number;
}

export interface Diagnostic {
  severity: string;
  code: string;
  message: string;
  subject?: string | null;
}

/** A Spring event `publisher` publishes (it constructs `event`) and `listener` listens to. */
export interface EventLink {
  publisher: string;
  listener: string;
  event: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  unknowns: { node: string; what: string }[];
  diagnostics: Diagnostic[];
  /** Absent from servers older than the events. */
  events?: EventLink[];
}

export interface Status {
  color: Colour;
  reason: string;
}

export interface Metrics {
  baseToModule: number;
  beansFromBase: number;
  sharedClasses: number;
  sharedJars: number;
  crossingShare: number;
  [other: string]: number;
}

export interface Evaluation {
  status: Record<string, Status>;
  closure: string[];
  metrics: Metrics;
  /** `warnings`: flows the split changes without stopping the module (lost Spring events). */
  verify: { ok: boolean; problems: string[]; warnings?: string[] };
}

export interface Candidate {
  name: string;
  members: string[];
  metrics: Partial<Metrics>;
}

export interface Matrix {
  labels: string[];
  /** [row, column, count]: labels[row] depends on labels[column] `count` times. */
  cells: [number, number, number][];
}

export type MatrixLevel = 'package' | 'bundle';

/** Raised for a non-2xx answer; carries the server's text so the view can show it. */
export class ApiError extends Error {
  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${endpoint}: HTTP ${status}: ${ApiError.sentence(body)}`);
  }

  /** The server answers errors as {"error": "one sentence"}; fall back to the raw text. */
  static sentence(body: string): string {
    try {
      const parsed = JSON.parse(body) as { error?: unknown };
      if (typeof parsed.error === 'string') return parsed.error;
    } catch {
      // not JSON
    }
    return body.slice(0, 300);
  }
}

/** What the view asks of the core: answered by `split serve` ([`SplitApi`]) or in the page ([`openInPage`] in inpage.ts). */
export interface Api {
  /** Time the last answer took to parse or convert in the page (ms) and its size (characters; 0 in the page). */
  readonly lastParse: { ms: number; chars: number };
  graph(): Promise<Graph>;
  evaluate(module: readonly string[]): Promise<Evaluation>;
  suggest(seeds: readonly string[] | null): Promise<{ candidates: Candidate[] }>;
  /** The plan as JSON text, as it is downloaded. */
  plan(module: readonly string[], name: string): Promise<string>;
  matrix(level: MatrixLevel): Promise<Matrix>;
}

/** Client for the endpoints; `base` is the URL prefix ('' when the page is served by split serve). */
export class SplitApi implements Api {
  /** Time the last answer took to parse in the page (ms) and its size (characters), for the timing line. */
  lastParse = { ms: 0, chars: 0 };

  constructor(private readonly base = '') {}

  private async call<T>(endpoint: string, init?: RequestInit): Promise<T> {
    const response = await fetch(this.base + endpoint, init);
    const text = await response.text();
    if (!response.ok) throw new ApiError(endpoint, response.status, text);
    const start = performance.now();
    const value = JSON.parse(text) as T;
    this.lastParse = { ms: performance.now() - start, chars: text.length };
    return value;
  }

  private post<T>(endpoint: string, body: unknown): Promise<T> {
    return this.call<T>(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  graph(): Promise<Graph> {
    return this.call<Graph>('api/graph');
  }

  evaluate(module: readonly string[]): Promise<Evaluation> {
    return this.post<Evaluation>('api/evaluate', { module });
  }

  suggest(seeds: readonly string[] | null): Promise<{ candidates: Candidate[] }> {
    return this.post('api/suggest', { seeds });
  }

  /** The plan is returned as the server's own text, so the download holds exactly its bytes. */
  async plan(module: readonly string[], name: string): Promise<string> {
    const response = await fetch(this.base + 'api/plan', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ module, name }),
    });
    const text = await response.text();
    if (!response.ok) throw new ApiError('api/plan', response.status, text);
    return text;
  }

  matrix(level: MatrixLevel): Promise<Matrix> {
    return this.call<Matrix>(`api/matrix?level=${level}`);
  }
}
