// The view's API answered in the page by the Rust core itself: the core component, transpiled by jco
// (build.mjs), holds the split session as `split serve` does. Nothing is computed here: this file
// loads the component and an analysis.json and converts between the component's records and the
// JSON shapes of `split serve` (api.ts), so that the view cannot tell the two apart.
// Opened by main.ts for index.html?analysis=<URL of an analysis.json>, or with a file the person
// picks when no server answers; bundled as dist/inpage.js.

import { environment, exit, stderr, stdin, stdout, terminalInput, terminalOutput, terminalStderr, terminalStdin, terminalStdout } from '@bytecodealliance/preview2-shim/cli';
import { error, poll, streams } from '@bytecodealliance/preview2-shim/io';
import { insecureSeed } from '@bytecodealliance/preview2-shim/random';
import { instantiate, type ImportObject } from '../build/core/core.js';
import type { Session as CoreSession, SplitAnalysis } from '../build/core/interfaces/arkpack-packager-split.js';
import type { Api, Candidate, Evaluation, Graph, Matrix, MatrixLevel } from './api';

/** Loads the analysis at `analysisUrl` and the core modules under `coreBase`, and opens a session. */
export async function openInPage(analysisUrl: string, coreBase: URL): Promise<Api> {
  const response = await fetch(analysisUrl);
  if (!response.ok) throw new Error(`cannot load the analysis ${analysisUrl}: HTTP ${response.status}`);
  return openAnalysis(await response.text(), analysisUrl, coreBase);
}

/** A jar the person picked: its file name and bytes. */
export interface PickedJar {
  name: string;
  bytes: Uint8Array;
}

/**
 * Analyses jars in the page with the core's `split.analyze` (what `arkpack split analyze --app A.jar
 * --lib L.jar` asks of it) and opens a session on the result. Bundles and libraries are named as the
 * CLI names them: the file name without `.jar`, a repeated bundle name numbered, a repeated library
 * left out; libraries in name order (the first to provide a package wins).
 */
export async function analyzeInPage(app: PickedJar[], libs: PickedJar[], coreBase: URL): Promise<Api> {
  if (app.length === 0) throw new Error("pick at least one of the app's own jars");
  const stem = (name: string) => name.replace(/\.jar$/i, '');
  const taken = new Set<string>();
  const bundles = app.map((jar) => {
    let name = stem(jar.name);
    for (let k = 2; taken.has(name); k++) name = `${stem(jar.name)}-${k}`;
    taken.add(name);
    return { name, origin: jar.name, content: { tag: 'jar' as const, val: jar.bytes } };
  });
  const seen = new Set<string>();
  const libraries = [...libs]
    .sort((a, b) => (stem(a.name) < stem(b.name) ? -1 : stem(a.name) > stem(b.name) ? 1 : 0))
    .filter((jar) => !seen.has(stem(jar.name)) && seen.add(stem(jar.name)))
    .map((jar) => ({ name: stem(jar.name), origin: jar.name, content: jar.bytes }));
  const core = await loadCore(coreBase);
  let analysis: SplitAnalysis;
  try {
    analysis = core.split.analyze({ bundles, libraries });
  } catch (e) {
    throw new Error(`the analysis failed: ${sentence(e).message}`);
  }
  // The view reads the graph as analysis.json writes it: an absent option is null.
  const graph = JSON.parse(JSON.stringify(graphLists(analysis), nullForAbsent)) as Graph;
  return new InPageApi(new core.split.Session(analysis), graph);
}

/** Opens a session on an analysis.json's text (`source` names it in errors). */
export async function openAnalysis(text: string, source: string, coreBase: URL): Promise<Api> {
  let analysis: SplitAnalysis;
  let graph: Graph;
  try {
    // analysis.json writes an absent option as null; jco takes it as undefined.
    analysis = JSON.parse(text, (_, v) => (v === null ? undefined : v)) as SplitAnalysis;
    graph = JSON.parse(text) as Graph;
  } catch (e) {
    throw new Error(`${source} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    throw new Error(`${source} is not an analysis (no nodes and edges): write one with arkpack split analyze --out`);
  }
  const core = await loadCore(coreBase);
  let session: CoreSession;
  try {
    session = new core.split.Session(analysis);
  } catch (e) {
    throw new Error(`${source} cannot be read as an analysis: ${sentence(e).message}`);
  }
  return new InPageApi(session, graphLists(graph));
}

/** The core component, its modules compiled from `coreBase`. */
function loadCore(coreBase: URL) {
  return instantiate((name) => WebAssembly.compileStreaming(fetch(new URL(name, coreBase))), imports());
}

/** The lists `GET /api/graph` answers, out of a whole analysis. */
function graphLists<T extends Graph | SplitAnalysis>(a: T): Pick<T, 'nodes' | 'edges' | 'unknowns' | 'diagnostics' | 'events'> {
  return { nodes: a.nodes, edges: a.edges, unknowns: a.unknowns, diagnostics: a.diagnostics, events: a.events };
}

/** A JSON.stringify replacer that writes an absent option as null, as serde does. */
function nullForAbsent(_: string, v: unknown): unknown {
  return v === undefined ? null : v;
}

/** The WASI imports Rust's std pulls in (no file system, no network), and the world's own two. */
function imports(): ImportObject {
  const wasi = {
    'wasi:cli/environment': environment,
    'wasi:cli/exit': exit,
    'wasi:cli/stderr': stderr,
    'wasi:cli/stdin': stdin,
    'wasi:cli/stdout': stdout,
    'wasi:cli/terminal-input': terminalInput,
    'wasi:cli/terminal-output': terminalOutput,
    'wasi:cli/terminal-stderr': terminalStderr,
    'wasi:cli/terminal-stdin': terminalStdin,
    'wasi:cli/terminal-stdout': terminalStdout,
    'wasi:io/error': error,
    'wasi:io/poll': poll,
    'wasi:io/streams': streams,
    'wasi:random/insecure-seed': insecureSeed,
  };
  const world = {
    // The session reads no files and reports no progress: both are for `analyze` over a host's jars.
    progress: { default: () => {} },
    read: {
      default: (): Uint8Array => {
        throw new Error('the page has no files to read');
      },
    },
    'arkpack:packager/types@0.1.0': {},
  };
  // The transpiled code looks the WASI interfaces up without their version.
  return { ...world, ...wasi } as unknown as ImportObject;
}

/** The core's error record, or the trap, as one sentence. */
function sentence(e: unknown): Error {
  const payload = (e as { payload?: { message?: unknown } } | null)?.payload;
  if (payload && typeof payload.message === 'string') return new Error(payload.message);
  return e instanceof Error ? e : new Error(String(e));
}

class InPageApi implements Api {
  lastParse = { ms: 0, chars: 0 };

  constructor(
    private readonly session: CoreSession,
    private readonly graphLists: Graph,
  ) {}

  /** Runs one call of the session and converts its answer, timing the conversion as `lastParse`. */
  private answer<R, T>(call: () => R, convert: (r: R) => T): Promise<T> {
    try {
      const r = call();
      const start = performance.now();
      const value = convert(r);
      this.lastParse = { ms: performance.now() - start, chars: 0 };
      return Promise.resolve(value);
    } catch (e) {
      return Promise.reject(sentence(e));
    }
  }

  graph(): Promise<Graph> {
    return Promise.resolve(this.graphLists);
  }

  evaluate(module: readonly string[]): Promise<Evaluation> {
    return this.answer(
      () => this.session.evaluate([...module]),
      (e) => ({
        // `split serve` answers the statuses as an object keyed by node id, in the core's order.
        status: Object.fromEntries(e.status.map((s) => [s.node, { color: s.color, reason: s.reason }])),
        closure: e.closure,
        metrics: { ...e.metrics },
        verify: e.verify,
      }),
    );
  }

  suggest(seeds: readonly string[] | null): Promise<{ candidates: Candidate[] }> {
    return this.answer(
      () => this.session.suggest(seeds ? [...seeds] : undefined),
      (candidates) => ({ candidates: candidates.map((c) => ({ name: c.name, members: c.members, metrics: { ...c.metrics } })) }),
    );
  }

  plan(module: readonly string[], name: string): Promise<string> {
    // An absent option is written as null, as serde writes it for `split serve` and `split apply` reads it.
    return this.answer(
      () => this.session.plan([...module], name),
      (plan) => JSON.stringify(plan, nullForAbsent),
    );
  }

  matrix(level: MatrixLevel): Promise<Matrix> {
    return this.answer(
      () => this.session.matrix(level),
      (m) => ({ labels: m.labels, cells: m.cells.map((c) => [c.row, c.column, c.count] as [number, number, number]) }),
    );
  }
}
