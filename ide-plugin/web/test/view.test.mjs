// End-to-end test of the splitting view in headless Chromium against the REAL `arkpack split serve`
// (no mock): analyse an app with `arkpack split analyze`, serve dist/ with the analysis, then drive the
// page as a person would (drag a package into the module, undo, redo, export, suggestions, search,
// matrix) and check that what is drawn equals what the server answers for the same module. A second
// case opens the same analysis with no arkpack behind the page (a plain static file server): the core
// component transpiled by jco answers in the page, and every answer must equal the server's. A third
// case analyses a synthetic 20,000-class app and measures how long a move takes to be recomputed and
// redrawn. Screenshots go to target/test-artifacts/view/.
//
// Env: ARKPACK_BIN (required: the arkpack binary), CHROMIUM_BIN (default /usr/bin/chromium),
// ARKPACK_VIEW_LARGE_CLASSES (default 20000; 0 skips the large case), ARKPACK_VIEW_FIXTURE (default
// tests/fixtures/split-monolith).
// Run: npm run build && node test/view.test.mjs   (npm test does both, after the unit tests)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { writeSyntheticApp } from './synth-app.mjs';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(webDir, '../..');
const dist = join(webDir, 'dist');
const artifacts = join(repoRoot, 'target/test-artifacts/view');
const fixtureDir = process.env.ARKPACK_VIEW_FIXTURE ?? join(repoRoot, 'tests/fixtures/split-monolith');
const bin = process.env.ARKPACK_BIN;
const chromiumBin = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const largeClasses = Number(process.env.ARKPACK_VIEW_LARGE_CLASSES ?? 20000);
/** The goal for one move (POST /api/evaluate + restyle + paint) at 20k classes, ms. */
const MOVE_TARGET_MS = 100;

// ---------------------------------------------------------------------------------------------------
// Helpers: running arkpack, talking to the server directly, driving the page.

function run(command, args, { timeoutMs = 300_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise({ out, err });
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${err}${out}`));
    });
  });
}

/** `arkpack split serve --port 0`: waits for the port it prints; returns {base, stop}. */
async function serve(analysis) {
  const child = spawn(bin, ['split', 'serve', '--analysis', analysis, '--port', '0', '--static', dist], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let seen = '';
  const port = await new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`split serve printed no port in 120 s:\n${seen}`)), 120_000);
    const look = (d) => {
      seen += d;
      const m = seen.match(/127\.0\.0\.1:(\d+)/) ?? seen.match(/\bport\D{0,3}(\d{2,5})\b/i);
      if (m) {
        clearTimeout(timer);
        resolvePromise(Number(m[1]));
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`split serve exited ${code} before listening:\n${seen}`));
    });
  });
  child.removeAllListeners('exit');
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    stop: () =>
      new Promise((resolvePromise) => {
        if (child.exitCode !== null) return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.kill('SIGTERM');
      }),
  };
}

/** A plain static file server for dist/ and the named extra files: no arkpack, no /api. */
async function serveStatic(files) {
  const types = { html: 'text/html', js: 'text/javascript', css: 'text/css', wasm: 'application/wasm', json: 'application/json', map: 'application/json' };
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    requests.push(path);
    const file = files[path] ?? join(dist, path === '/' ? 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[file.split('.').pop()] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  return { base: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((r) => server.close(r)) };
}

async function api(base, path, body) {
  const response = await fetch(base + path, body === undefined ? {} : {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `${path}: ${text.slice(0, 500)}`);
  return { text, json: JSON.parse(text) };
}

async function launch() {
  assert.ok(existsSync(chromiumBin), `no Chromium at ${chromiumBin} (apt-get install chromium, or set CHROMIUM_BIN)`);
  return chromium.launch({ executablePath: chromiumBin, args: ['--no-sandbox', '--disable-gpu'] });
}

async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.evaluate(() => window.arkpackView.ready);
  return { page, errors };
}

/** The page from a static server with no API and no ?analysis=: it shows the file inputs (`ready` waits for a pick). */
async function openPicker(base) {
  const picked = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const pageErrors = [];
  picked.on('pageerror', (e) => pageErrors.push(e.message));
  await picked.goto(`${base}/index.html`);
  await picked.waitForSelector('#open-analysis:not([hidden])');
  return { picked, pageErrors };
}

const shot = (page, name) => page.screenshot({ path: join(artifacts, `${name}.png`) });

/** Runs `action` (a UI gesture) and waits until the page finished the evaluate-and-restyle it caused. */
async function afterChange(page, action) {
  const before = await page.evaluate(() => window.arkpackView.changes());
  await action();
  await page.waitForFunction((n) => window.arkpackView.changes() > n, before, { timeout: 30_000 });
}

/** Metric cells as the page shows them, and the server's metrics formatted the same way. */
async function shownMetrics(page) {
  return page.$$eval('[data-metric]', (cells) => Object.fromEntries(cells.map((c) => [c.dataset.metric, c.textContent])));
}

function formatMetrics(metrics) {
  return Object.fromEntries(
    Object.entries(metrics).map(([k, v]) => [k, Number.isInteger(v) ? String(v) : v.toFixed(3)]),
  );
}

/** Asserts the page draws, for each id, the colour the server's evaluation gives it. */
async function assertDrawnMatches(page, ids, evaluation, what) {
  const drawn = await page.evaluate((list) => list.map((id) => window.arkpackView.drawnColour(id)), ids);
  const wrong = [];
  ids.forEach((id, i) => {
    const expected = evaluation.status[id]?.color ?? 'none';
    if (drawn[i] !== expected) wrong.push(`${id}: drawn ${drawn[i]}, server ${expected}`);
  });
  assert.deepEqual(wrong, [], `${what}: drawn colours differ from the server's`);
}

async function dragOntoModulePanel(page, from) {
  const panel = await page.locator('#module-panel').boundingBox();
  const to = { x: panel.x + panel.width / 2, y: panel.y + panel.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
  }
  await page.mouse.up();
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ---------------------------------------------------------------------------------------------------
// The app the small case analyses.

/**
 * Analyses the fixture app in `tests/fixtures/split-monolith/` (or ARKPACK_VIEW_FIXTURE) with the real
 * `arkpack split analyze`. A fixture with a `build.sh` (the split-monolith Maven project) is copied into
 * the work folder, compiled there by `bash build.sh COPY`, and read with `--maven-project COPY`.
 * Otherwise: an `analyze-args` file (the arguments, paths relative to the folder); a `pom.xml` with
 * compiled modules (`--maven-project`); else every `*.jar` and the `classes/` folder as `--app`.
 * Returns the analysis path.
 */
async function analyzeFixture(work) {
  assert.ok(bin, 'set ARKPACK_BIN to the arkpack binary');
  assert.ok(existsSync(fixtureDir), `missing fixture folder ${fixtureDir}`);
  const out = join(work, 'fixture-analysis.json');
  let args;
  const argsFile = join(fixtureDir, 'analyze-args');
  if (existsSync(join(fixtureDir, 'build.sh'))) {
    const copy = join(work, 'fixture');
    await cp(fixtureDir, copy, { recursive: true, filter: (src) => !relative(fixtureDir, src).split(/[\\/]/).includes('target') });
    await run('bash', [join(copy, 'build.sh'), copy], { timeoutMs: 600_000 });
    args = ['--maven-project', copy];
  } else if (existsSync(argsFile)) {
    const words = (await readFile(argsFile, 'utf8')).split(/\s+/).filter(Boolean);
    args = words.map((w) => (w.startsWith('-') ? w : resolve(fixtureDir, w)));
  } else if (existsSync(join(fixtureDir, 'pom.xml'))) {
    args = ['--maven-project', fixtureDir];
  } else {
    const entries = (await readdir(fixtureDir)).sort();
    args = entries.filter((e) => e.endsWith('.jar')).flatMap((e) => ['--app', join(fixtureDir, e)]);
    if (existsSync(join(fixtureDir, 'classes'))) args.push('--app', join(fixtureDir, 'classes'));
  }
  assert.ok(args.length > 0, `nothing to analyse in ${fixtureDir}`);
  await run(bin, ['split', 'analyze', ...args, '--out', out]);
  return out;
}

/**
 * The package the small case moves: among packages without an `application` entry point, biggest first,
 * the first whose evaluation has a closure (so "Add closure" has work), else the biggest.
 */
async function pickPackage(base, graph) {
  const byPackage = new Map();
  for (const c of graph.nodes.filter((n) => n.kind === 'class')) {
    const entry = byPackage.get(c.package) ?? { count: 0, app: false };
    entry.count++;
    if (c.entry === 'application') entry.app = true;
    byPackage.set(c.package, entry);
  }
  const candidates = [...byPackage]
    .filter(([, e]) => !e.app)
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([id]) => id);
  assert.ok(candidates.length > 0, 'the fixture has no package to move');
  for (const id of candidates) {
    if ((await api(base, '/api/evaluate', { module: [id] })).json.closure.length > 0) return id;
  }
  return candidates[0];
}

// ---------------------------------------------------------------------------------------------------

await mkdir(artifacts, { recursive: true });
const work = await mkdtemp(join(tmpdir(), 'arkpack-view-'));
const browser = await launch();
let analysed;
/** The fixture's analysis, made once for the cases that use it. */
const fixtureAnalysis = () => (analysed ??= analyzeFixture(work));

test('ARKPACK_BIN runs `arkpack split`', async () => {
  assert.ok(bin, 'set ARKPACK_BIN to the arkpack binary');
  assert.ok(existsSync(join(dist, 'index.html')), 'dist/ is missing: npm run build');
  assert.ok(existsSync(join(dist, 'inpage.js')), 'dist/inpage.js is missing: build the core component (cargo build --release -p arkpack), then npm run build');
  const { out } = await run(bin, ['split', '--help']);
  assert.match(out, /serve/);
});

test('small app: move, colours, metrics, undo, redo, export, suggestions, search, matrix', async (t) => {
  const analysis = await fixtureAnalysis();
  const server = await serve(analysis);
  t.after(() => server.stop());
  const graph = (await api(server.base, '/api/graph')).json;
  const pkg = await pickPackage(server.base, graph);
  const pkgClasses = graph.nodes.filter((n) => n.kind === 'class' && n.package === pkg).map((n) => n.id).sort();
  const packages = graph.nodes.filter((n) => n.kind === 'package').map((n) => n.id).sort();
  const empty = (await api(server.base, '/api/evaluate', { module: [] })).json;
  const moved = (await api(server.base, '/api/evaluate', { module: [pkg] })).json;
  const { page, errors } = await openPage(browser, `${server.base}/?view=graph`);

  await t.test('opens on the graph with the empty module drawn as the server colours it', async () => {
    assert.equal(await page.evaluate(() => window.arkpackView.view()), 'graph');
    await assertDrawnMatches(page, packages, empty, 'empty module');
    assert.deepEqual(await shownMetrics(page), formatMetrics(empty.metrics));
    await shot(page, '01-initial');
  });

  await t.test(`dragging ${pkg} onto the module panel moves it; colours and metrics are the server's`, async () => {
    const from = await page.evaluate((id) => window.arkpackView.graphPosition(id), pkg);
    assert.ok(from, `${pkg} is not drawn`);
    const calls = [];
    const count = (request) => calls.push(new URL(request.url()).pathname);
    page.on('request', count);
    await afterChange(page, () => dragOntoModulePanel(page, from));
    page.off('request', count);
    assert.deepEqual(calls, ['/api/evaluate'], 'a move costs exactly one request: POST /api/evaluate');
    assert.deepEqual(await page.evaluate(() => window.arkpackView.module()), [pkg]);
    assert.notEqual(moved.status[pkg].color, empty.status[pkg].color, 'the server changes the moved package colour');
    await assertDrawnMatches(page, packages, moved, 'after the move');
    assert.deepEqual(await shownMetrics(page), formatMetrics(moved.metrics));
    const chip = await page.getAttribute(`#module-tree li[data-id="${pkg}"] .chip`, 'data-colour');
    assert.equal(chip, moved.status[pkg].color, 'module tree chip');
    const verify = await page.getAttribute('[data-verify]', 'data-verify');
    assert.equal(verify, moved.verify.ok ? 'ok' : 'problems');
    // In the default fixture orders publish OrderPlaced and payments, left in the base, listen to it.
    if (!process.env.ARKPACK_VIEW_FIXTURE) assert.ok(moved.verify.warnings.length > 0, 'the server warns about the event payments no longer receive');
    assert.deepEqual(await page.$$eval('.warnings li', (els) => els.map((e) => e.textContent)), moved.verify.warnings);
    const timing = await page.evaluate(() => window.arkpackView.lastTiming());
    console.log(`# small app: move of ${pkg} recomputed and redrawn in ${timing.total.toFixed(1)} ms (server ${timing.server.toFixed(1)} ms, paint ${timing.paint.toFixed(1)} ms)`);
    await shot(page, '02-moved');
  });

  await t.test('drill-down: the package opens into its classes, each coloured by the server', async () => {
    await page.evaluate((id) => window.arkpackView.expand(id), pkg);
    await assertDrawnMatches(page, pkgClasses, moved, 'classes of the moved package');
    for (const id of moved.closure.filter((c) => pkgClasses.includes(c))) {
      const marks = await page.evaluate((x) => window.arkpackView.drawnMarks(x), id);
      assert.equal(marks.closure, true, `${id} is in the closure`);
    }
    const at = await page.evaluate((id) => window.arkpackView.graphPosition(id), pkgClasses[0]);
    await page.mouse.move(at.x, at.y);
    // Waits for this class's tooltip: one left open by an earlier gesture must not pass for it.
    const reason = moved.status[pkgClasses[0]].reason;
    const shown = await page
      .waitForFunction((r) => {
        const tip = document.querySelector('#tooltip');
        return !tip.hidden && tip.textContent.includes(r);
      }, reason, { timeout: 10_000 })
      .then(() => true, () => false);
    const tip = await page.textContent('#tooltip');
    assert.ok(shown, `tooltip shows the server's reason "${reason}": ${tip}`);
    await shot(page, '03-expanded-tooltip');
  });

  await t.test('undo (Ctrl+Z) restores the empty module, redo (button) brings the move back', async () => {
    await page.mouse.click(5, 890); // focus the page, not an input
    await afterChange(page, () => page.keyboard.press('Control+z'));
    assert.deepEqual(await page.evaluate(() => window.arkpackView.module()), []);
    await assertDrawnMatches(page, [...packages, ...pkgClasses], empty, 'after undo');
    assert.deepEqual(await shownMetrics(page), formatMetrics(empty.metrics));
    assert.equal(await page.locator('#module-tree li').count(), 0);
    await shot(page, '04-undone');
    await afterChange(page, () => page.click('#redo'));
    assert.deepEqual(await page.evaluate(() => window.arkpackView.module()), [pkg]);
    await assertDrawnMatches(page, [...packages, ...pkgClasses], moved, 'after redo');
    assert.deepEqual(await shownMetrics(page), formatMetrics(moved.metrics));
    assert.equal(await page.isDisabled('#redo'), true);
  });

  await t.test('"Add closure" moves exactly the classes the server lists as the closure', async () => {
    const shown = await page.isVisible('#add-closure');
    assert.equal(shown, moved.closure.length > 0, 'the button shows when the server reports a closure');
    if (moved.closure.length === 0) {
      console.log(`# small app: the server reports no closure for ${pkg}; the Add closure step has nothing to move`);
      return;
    }
    await afterChange(page, () => page.click('#add-closure'));
    const module = [...new Set([pkg, ...moved.closure])].sort();
    assert.deepEqual(await page.evaluate(() => window.arkpackView.module()), module);
    const evaluation = (await api(server.base, '/api/evaluate', { module })).json;
    assert.deepEqual(await shownMetrics(page), formatMetrics(evaluation.metrics));
    await afterChange(page, () => page.click('#undo'));
    assert.deepEqual(await page.evaluate(() => window.arkpackView.module()), [pkg]);
  });

  await t.test('export downloads the server plan for the module and its name', async () => {
    await page.fill('#module-name', 'orders-module');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    assert.equal(download.suggestedFilename(), 'orders-module.plan.json');
    const saved = join(artifacts, 'orders-module.plan.json');
    await download.saveAs(saved);
    const text = await readFile(saved, 'utf8');
    const expected = await api(server.base, '/api/plan', { module: [pkg], name: 'orders-module' });
    assert.equal(text, expected.text, 'the download holds exactly the server plan');
    const plan = JSON.parse(text);
    assert.equal(plan.name, 'orders-module');
    assert.ok(Array.isArray(plan.members) && plan.members.length > 0, 'plan lists members');
  });

  await t.test('suggestions seeded with the selection; applying one is an undoable step', async () => {
    await page.evaluate(() => window.arkpackView.setView('graph'));
    const seeds = [pkgClasses[0]];
    const expected = (await api(server.base, '/api/suggest', { seeds })).json;
    await page.evaluate((ids) => window.arkpackView.select(ids), seeds);
    // The answer is held back a moment, as a loaded server would: the panel must say it is asking,
    // and only aria-busy="false" marks the answer (a CI run once read the "asking" line as one).
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/api/suggest', async (route) => { await held; await route.continue(); });
    await page.click('#suggest');
    await page.waitForSelector('#suggestions[aria-busy="true"]');
    assert.equal(await page.locator('#suggestions .candidate').count(), 0, 'no candidate shown while asking');
    release();
    await page.waitForSelector('#suggestions[aria-busy="false"]');
    await page.unroute('**/api/suggest');
    const names = await page.$$eval('#suggestions .candidate', (els) => els.map((e) => e.dataset.candidate));
    assert.deepEqual(names, expected.candidates.map((c) => c.name));
    if (expected.candidates.length === 0) return;
    const first = expected.candidates[0];
    await afterChange(page, () => page.click('#suggestions [data-apply="0"]'));
    assert.deepEqual(await page.evaluate(() => window.arkpackView.module()), [...new Set(first.members)].sort());
    const evaluation = (await api(server.base, '/api/evaluate', { module: [...new Set(first.members)].sort() })).json;
    assert.deepEqual(await shownMetrics(page), formatMetrics(evaluation.metrics));
    await shot(page, '05-suggestion-applied');
    await afterChange(page, () => page.click('#undo'));
    assert.deepEqual(await page.evaluate(() => window.arkpackView.module()), [pkg]);
  });

  await t.test('search finds a class and reveals it', async () => {
    const target = graph.nodes.find((n) => n.kind === 'class' && n.package !== pkg);
    await page.fill('#search', target.id.slice(2));
    await page.waitForSelector(`#search-results [data-id="${target.id}"]`);
    await page.click(`#search-results [data-id="${target.id}"]`);
    await page.waitForFunction((id) => window.arkpackView.selected().includes(id), target.id);
    assert.ok(await page.evaluate((id) => window.arkpackView.graphPosition(id), target.id), 'revealed class is drawn');
    await shot(page, '06-search');
  });

  await t.test('the matrix view draws the server matrix with the server colours', async () => {
    const matrix = (await api(server.base, '/api/matrix?level=package')).json;
    assert.ok(matrix.labels.length > 0);
    await page.click('[data-view="matrix"]');
    await page.waitForFunction((first) => window.arkpackView.matrixRowPosition(first) !== null, matrix.labels[0]);
    await assertDrawnMatches(page, matrix.labels, moved, 'matrix rows');
    await shot(page, '07-matrix');
    await page.selectOption('#level', 'bundle');
    const bundles = (await api(server.base, '/api/matrix?level=bundle')).json;
    await page.waitForFunction((first) => window.arkpackView.matrixRowPosition(first) !== null, bundles.labels[0]);
    await shot(page, '08-matrix-bundles');
  });

  assert.deepEqual(errors, [], 'no errors in the page');
});

test('in the page: the core component (jco) answers as split serve does, with no server behind the page', async (t) => {
  const analysis = await fixtureAnalysis();
  const server = await serve(analysis); // the reference answers
  t.after(() => server.stop());
  const statics = await serveStatic({ '/analysis.json': analysis });
  t.after(() => statics.close());
  const graph = (await api(server.base, '/api/graph')).json;
  const pkg = await pickPackage(server.base, graph);
  const classes = graph.nodes.filter((n) => n.kind === 'class').map((n) => n.id).sort();
  const packages = graph.nodes.filter((n) => n.kind === 'package').map((n) => n.id).sort();
  const { page, errors } = await openPage(browser, `${statics.base}/index.html?analysis=analysis.json&view=graph`);
  assert.equal((await page.evaluate(() => window.arkpackView.counts())).classes, classes.length);

  // A move (the gestures are the small case's): every status, the metrics and the verify panel equal
  // the server's for the same module.
  await afterChange(page, () => page.evaluate((id) => window.arkpackView.move([id]), pkg));
  assert.deepEqual(await page.evaluate(() => window.arkpackView.module()), [pkg]);
  const moved = (await api(server.base, '/api/evaluate', { module: [pkg] })).json;
  const statuses = await page.evaluate((ids) => ids.map((id) => window.arkpackView.serverStatus(id)), [...classes, ...packages]);
  assert.deepEqual(statuses, [...classes, ...packages].map((id) => moved.status[id]), 'the page core gives the server statuses and reasons');
  await assertDrawnMatches(page, packages, moved, 'in-page move');
  assert.deepEqual(await shownMetrics(page), formatMetrics(moved.metrics));
  assert.deepEqual(await page.$$eval('.warnings li', (els) => els.map((e) => e.textContent)), moved.verify.warnings);
  await shot(page, 'inpage-01-moved');

  // Suggestions seeded with a class of the package.
  const seeds = classes.filter((c) => graph.nodes.find((n) => n.id === c).package === pkg).slice(0, 1);
  const expected = (await api(server.base, '/api/suggest', { seeds })).json;
  await page.evaluate((ids) => window.arkpackView.select(ids), seeds);
  await page.click('#suggest');
  await page.waitForSelector('#suggestions[aria-busy="false"]');
  assert.deepEqual(await page.$$eval('#suggestions .candidate', (els) => els.map((e) => e.dataset.candidate)), expected.candidates.map((c) => c.name));

  // The exported plan holds what the server plans (the page writes the JSON itself: compared parsed).
  await page.fill('#module-name', 'orders-module');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const saved = join(artifacts, 'inpage-orders-module.plan.json');
  await download.saveAs(saved);
  const plan = (await api(server.base, '/api/plan', { module: [pkg], name: 'orders-module' })).json;
  assert.deepEqual(JSON.parse(await readFile(saved, 'utf8')), plan);

  // The matrix.
  const matrix = (await api(server.base, '/api/matrix?level=package')).json;
  await page.click('[data-view="matrix"]');
  await page.waitForFunction((first) => window.arkpackView.matrixRowPosition(first) !== null, matrix.labels[0]);
  await assertDrawnMatches(page, matrix.labels, moved, 'in-page matrix rows');
  await shot(page, 'inpage-02-matrix');

  const asked = statics.requests.filter((p) => p.startsWith('/api/'));
  assert.deepEqual(asked, [], 'nothing asked of a server');
  assert.ok(statics.requests.includes('/core/core.core.wasm'), 'the page fetched the core component');
  assert.deepEqual(errors, [], 'no errors in the page');

  await t.test('a static copy with no server asks for an analysis.json; a bad file is named, a good one opens', async () => {
    const { picked, pageErrors } = await openPicker(statics.base);
    await picked.setInputFiles('#analysis-file', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"nodes": 3}') });
    await picked.waitForSelector('#error:not([hidden])');
    assert.match(await picked.textContent('#error'), /notes\.json is not an analysis/);
    await picked.setInputFiles('#analysis-file', analysis);
    await picked.evaluate(() => window.arkpackView.ready);
    assert.equal(await picked.isHidden('#open-analysis'), true);
    assert.equal((await picked.evaluate(() => window.arkpackView.counts())).classes, classes.length);
    await afterChange(picked, () => picked.evaluate((id) => window.arkpackView.move([id]), pkg));
    assert.deepEqual(await shownMetrics(picked), formatMetrics(moved.metrics));
    await shot(picked, 'inpage-03-picked');
    assert.deepEqual(pageErrors, [], 'no errors in the page');
    await picked.close();
  });

  await t.test("jars analysed in the page give split serve's answers for the CLI's analysis of the same jars", { skip: !existsSync(join(work, 'fixture', 'pom.xml')) && 'the fixture is not the split-monolith Maven project' }, async () => {
    // The fixture's two Maven modules as jars, and its dependency jars.
    const fixture = join(work, 'fixture');
    const jars = join(work, 'jars');
    await mkdir(jars, { recursive: true });
    const apps = [];
    for (const module of ['app', 'common']) {
      const jar = join(jars, `shop-${module}.jar`);
      await run('jar', ['--create', '--file', jar, '-C', join(fixture, module, 'target/classes'), '.']);
      apps.push(jar);
    }
    const depDir = join(fixture, 'app/target/dependency');
    const libs = (await readdir(depDir)).filter((f) => f.endsWith('.jar')).sort().map((f) => join(depDir, f));
    const cliAnalysis = join(work, 'jars-analysis.json');
    await run(bin, ['split', 'analyze', ...apps.flatMap((a) => ['--app', a]), ...libs.flatMap((l) => ['--lib', l]), '--out', cliAnalysis]);
    const reference = await serve(cliAnalysis);
    try {
      const expected = (await api(reference.base, '/api/evaluate', { module: [pkg] })).json;
      const { picked, pageErrors } = await openPicker(statics.base);
      await picked.click('#analyse-jars');
      await picked.waitForSelector('#error:not([hidden])');
      assert.match(await picked.textContent('#error'), /pick at least one of the app's own jars/);
      await picked.setInputFiles('#app-jars', apps);
      await picked.setInputFiles('#lib-jars', [...libs].reverse()); // the page orders them itself
      await picked.click('#analyse-jars');
      await picked.evaluate(() => window.arkpackView.ready);
      assert.equal((await picked.evaluate(() => window.arkpackView.counts())).classes, classes.length);
      await afterChange(picked, () => picked.evaluate((id) => window.arkpackView.move([id]), pkg));
      const ids = Object.keys(expected.status);
      const statuses = await picked.evaluate((list) => list.map((id) => window.arkpackView.serverStatus(id)), ids);
      assert.deepEqual(statuses, ids.map((id) => expected.status[id]), 'statuses and reasons of the jars analysed in the page');
      assert.deepEqual(await shownMetrics(picked), formatMetrics(expected.metrics));
      await shot(picked, 'inpage-04-jars-analysed');
      assert.deepEqual(pageErrors, [], 'no errors in the page');
      await picked.close();
    } finally {
      await reference.stop();
    }
  });
});

test(`large app (${largeClasses} classes): a move is recomputed and redrawn quickly`, { skip: largeClasses === 0 }, async (t) => {
  const perPackage = 20;
  const appDir = join(work, 'large-app');
  const made = await writeSyntheticApp(appDir, { packages: Math.ceil(largeClasses / perPackage), classesPerPackage: perPackage });
  const analysis = join(work, 'large-analysis.json');
  const t0 = performance.now();
  await run(bin, ['split', 'analyze', '--app', appDir, '--out', analysis]);
  const analyzeMs = performance.now() - t0;
  const server = await serve(analysis);
  t.after(() => server.stop());
  const t1 = performance.now();
  const { page, errors } = await openPage(browser, `${server.base}/`);
  const loadMs = performance.now() - t1;
  const counts = await page.evaluate(() => window.arkpackView.counts());
  assert.equal(counts.classes, made.classes);
  assert.equal(await page.evaluate(() => window.arkpackView.view()), 'matrix', 'a large app opens on the matrix');
  console.log(`# large app: ${made.classes} classes, ${counts.packages} packages; analyze ${analyzeMs.toFixed(0)} ms; page ready ${loadMs.toFixed(0)} ms`);

  // Ten moves, each one more package into the module (one POST /api/evaluate each), then undo them.
  const picks = made.packages.slice(1, 11).map((p) => `p:${p}`);
  const measure = async (label, on = page, answered = 'server') => {
    const totals = [];
    const servers = [];
    const renders = [];
    const paints = [];
    const parses = [];
    let chars = 0;
    for (const p of picks) {
      const ms = await on.evaluate(async (id) => {
        const start = performance.now();
        await window.arkpackView.move([id]);
        return performance.now() - start;
      }, p);
      const timing = await on.evaluate(() => window.arkpackView.lastTiming());
      totals.push(ms);
      servers.push(timing.server);
      renders.push(timing.render);
      paints.push(timing.paint);
      parses.push(timing.parse);
      chars = timing.answerChars;
    }
    const line =
      `# large app, ${label}: move recomputed and redrawn in median ${median(totals).toFixed(1)} ms, max ${Math.max(...totals).toFixed(1)} ms ` +
      `(${answered} median ${median(servers).toFixed(1)} ms of which ${answered === 'server' ? `JSON.parse ${median(parses).toFixed(1)} ms for ${(chars / 1e6).toFixed(1)} MB` : `${median(parses).toFixed(1)} ms converting the answer`}, restyle median ${median(renders).toFixed(1)} ms, paint median ${median(paints).toFixed(1)} ms; target ${MOVE_TARGET_MS} ms: ${median(totals) <= MOVE_TARGET_MS ? 'met' : 'MISSED'})`;
    console.log(line);
    return { totals, renders };
  };

  const matrix = await measure('matrix view');
  const module = await page.evaluate(() => window.arkpackView.module());
  assert.deepEqual(module, [...picks].sort());
  const evaluation = (await api(server.base, '/api/evaluate', { module })).json;
  const labels = (await api(server.base, '/api/matrix?level=package')).json.labels;
  await assertDrawnMatches(page, labels, evaluation, 'large matrix rows');
  assert.deepEqual(await shownMetrics(page), formatMetrics(evaluation.metrics));
  await shot(page, '10-large-matrix');
  for (let i = 0; i < picks.length; i++) await page.evaluate(() => window.arkpackView.undo());
  assert.deepEqual(await page.evaluate(() => window.arkpackView.module()), []);

  await page.evaluate(() => window.arkpackView.setView('graph'));
  const graphCounts = await page.evaluate(() => window.arkpackView.counts());
  console.log(`# large app, graph view: ${graphCounts.graphNodes} nodes drawn (packages collapsed), edges ${graphCounts.edgesOnDemand ? 'on demand' : graphCounts.graphEdges}`);
  const graphRun = await measure('graph view');
  await assertDrawnMatches(page, picks, evaluation, 'large graph packages');
  await shot(page, '11-large-graph');

  // The view's own share (restyle of views and panels) must stay far under the goal; the total
  // includes the server's evaluation and is printed above against the 100 ms target.
  assert.ok(median(matrix.renders) < MOVE_TARGET_MS / 2, `matrix restyle median ${median(matrix.renders)} ms`);
  assert.ok(median(graphRun.renders) < MOVE_TARGET_MS / 2, `graph restyle median ${median(graphRun.renders)} ms`);
  assert.deepEqual(errors, [], 'no errors in the page');

  // The same moves with the core in the page (jco), no server behind it: printed, and the last
  // evaluation must equal the server's.
  const statics = await serveStatic({ '/large-analysis.json': analysis });
  t.after(() => statics.close());
  const t2 = performance.now();
  const inPage = await openPage(browser, `${statics.base}/index.html?analysis=large-analysis.json`);
  console.log(`# large app, in the page: ready in ${(performance.now() - t2).toFixed(0)} ms (core compiled and session prepared in the page)`);
  await measure('in the page, matrix view', inPage.page, 'core in the page');
  assert.deepEqual(await shownMetrics(inPage.page), formatMetrics(evaluation.metrics));
  assert.deepEqual(inPage.errors, [], 'no errors in the in-page view');
});

test.after(async () => {
  await browser.close();
  await rm(work, { recursive: true, force: true });
});
