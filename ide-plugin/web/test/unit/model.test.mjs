// Unit tests of the graph index (src/model.ts): package/class grouping, folding edges onto the visible
// nodes for drill-down, search ranking and tooltip text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colourCounts, describe, GraphIndex, isMovable } from '../../build/unit/model.mjs';

function node(id, kind, extra = {}) {
  const name = kind === 'class' ? id.slice(id.lastIndexOf('.') + 1) : id.slice(2);
  return { id, kind, name, package: null, bundle: null, entry: null, bean: null, ...extra };
}

const graph = {
  nodes: [
    node('b:app', 'bundle'),
    node('b:core', 'bundle'),
    node('p:com.acme.orders', 'package'),
    node('p:com.acme.users', 'package'),
    node('p:com.acme.shared', 'package'),
    node('l:spring-context-5.3.30', 'library'),
    node('c:com.acme.orders.OrderService', 'class', { package: 'p:com.acme.orders', bundle: 'b:app', bean: { name: 'orderService', stereotype: 'service' } }),
    node('c:com.acme.orders.OrderController', 'class', { package: 'p:com.acme.orders', bundle: 'b:app', entry: 'controller' }),
    node('c:com.acme.users.UserService', 'class', { package: 'p:com.acme.users', bundle: 'b:core' }),
    node('c:com.acme.shared.Money', 'class', { package: 'p:com.acme.shared', bundle: 'b:app' }),
    node('c:com.acme.shared.Ids', 'class', { package: 'p:com.acme.shared', bundle: 'b:core' }),
  ],
  events: [{ publisher: 'c:com.acme.orders.OrderService', listener: 'c:com.acme.users.UserService', event: 'com.acme.shared.OrderPlaced' }],
  edges: [
    { from: 'c:com.acme.orders.OrderController', to: 'c:com.acme.orders.OrderService', kind: 'bean', weight: 1 },
    { from: 'c:com.acme.orders.OrderService', to: 'c:com.acme.users.UserService', kind: 'bean', weight: 2 },
    { from: 'c:com.acme.orders.OrderController', to: 'c:com.acme.users.UserService', kind: 'type', weight: 1 },
    { from: 'c:com.acme.orders.OrderService', to: 'c:com.acme.shared.Money', kind: 'type', weight: 3 },
    { from: 'c:com.acme.users.UserService', to: 'l:spring-context-5.3.30', kind: 'type', weight: 1 },
  ],
  unknowns: [],
  diagnostics: [],
};

test('groups classes by package and packages by their single bundle', () => {
  const index = new GraphIndex(graph);
  assert.equal(index.classCount, 5);
  assert.deepEqual(index.packages, ['p:com.acme.orders', 'p:com.acme.shared', 'p:com.acme.users']);
  assert.deepEqual(index.classesOf.get('p:com.acme.orders'), ['c:com.acme.orders.OrderController', 'c:com.acme.orders.OrderService']);
  assert.equal(index.bundleOfPackage.get('p:com.acme.orders'), 'b:app');
  assert.equal(index.bundleOfPackage.get('p:com.acme.users'), 'b:core');
  assert.equal(index.bundleOfPackage.has('p:com.acme.shared'), false, 'a package spread over two bundles nests in none');
  assert.deepEqual(index.libraries, ['l:spring-context-5.3.30']);
});

test('collapsed packages fold class edges into package edges with summed weights', () => {
  const index = new GraphIndex(graph);
  const edges = index.visibleEdges(new Set());
  assert.deepEqual(edges, [
    { from: 'p:com.acme.orders', to: 'p:com.acme.shared', weight: 3, kinds: ['type'] },
    { from: 'p:com.acme.orders', to: 'p:com.acme.users', weight: 3, kinds: ['bean', 'type'] },
    { from: 'p:com.acme.users', to: 'l:spring-context-5.3.30', weight: 1, kinds: ['type'] },
  ]);
});

test('an expanded package shows its classes and their own edges', () => {
  const index = new GraphIndex(graph);
  const edges = index.visibleEdges(new Set(['p:com.acme.orders']));
  assert.deepEqual(
    edges.map((e) => `${e.from} ${e.to} ${e.weight}`),
    [
      'c:com.acme.orders.OrderController c:com.acme.orders.OrderService 1',
      'c:com.acme.orders.OrderController p:com.acme.users 1',
      'c:com.acme.orders.OrderService p:com.acme.shared 3',
      'c:com.acme.orders.OrderService p:com.acme.users 2',
      'p:com.acme.users l:spring-context-5.3.30 1',
    ],
  );
  assert.equal(index.representative('c:com.acme.users.UserService', new Set(['p:com.acme.orders'])), 'p:com.acme.users');
  assert.equal(index.representative('l:spring-context-5.3.30', new Set()), 'l:spring-context-5.3.30');
});

test('search ranks exact and prefix names first and matches every word', () => {
  const index = new GraphIndex(graph);
  assert.deepEqual(index.search('userservice').map((n) => n.id), ['c:com.acme.users.UserService']);
  assert.deepEqual(index.search('order').map((n) => n.id), [
    'c:com.acme.orders.OrderController',
    'c:com.acme.orders.OrderService',
    'p:com.acme.orders',
  ]);
  assert.deepEqual(index.search('orders service').map((n) => n.id), ['c:com.acme.orders.OrderService']);
  assert.deepEqual(index.search('   '), []);
  assert.equal(index.search('acme', 2).length, 2);
});

test('packagesHolding maps closure classes to their packages', () => {
  const index = new GraphIndex(graph);
  assert.deepEqual([...index.packagesHolding(['c:com.acme.shared.Money', 'c:com.acme.shared.Ids', 'c:unknown'])], ['p:com.acme.shared']);
});

test('tooltip text carries the server reason and the node facts', () => {
  const index = new GraphIndex(graph);
  const text = describe(index, 'c:com.acme.orders.OrderService', { color: 'yellow', reason: 'one base class depends on it: X' }, true);
  assert.match(text, /^OrderService {2}\(class\)$/m);
  assert.match(text, /^com\.acme\.orders\.OrderService$/m);
  assert.match(text, /bean "orderService" \(service\)/);
  assert.match(text, /chosen for the module/);
  assert.match(text, /yellow: needs review/);
  assert.match(text, /one base class depends on it: X/);
  assert.match(text, /^publishes OrderPlaced to UserService$/m);
  assert.match(describe(index, 'c:com.acme.users.UserService', undefined, false), /^hears OrderPlaced from OrderService$/m);
  assert.doesNotMatch(describe(index, 'c:com.acme.shared.Money', undefined, false), /publishes|hears/);
  assert.match(describe(index, 'p:com.acme.orders', undefined, false), /2 classes[\s\S]*no status from the server/);
});

test('movable kinds and colour counts', () => {
  const index = new GraphIndex(graph);
  assert.ok(isMovable(index.node('p:com.acme.orders')));
  assert.ok(isMovable(index.node('b:app')));
  assert.ok(!isMovable(index.node('l:spring-context-5.3.30')));
  assert.ok(!isMovable(undefined));
  assert.deepEqual(colourCounts(['a', 'b', 'c'], { a: { color: 'red', reason: '' }, b: { color: 'red', reason: '' } }), {
    green: 0, blue: 0, yellow: 0, red: 2, none: 1,
  });
});
