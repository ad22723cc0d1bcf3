// Unit tests of the view's pure state helpers (src/state.ts, built to build/unit/ by `npm run build`):
// module set operations, the undo/redo history and the stale-answer guard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMembers, History, LatestOnly, normalize, removeMembers, sameMembers } from '../../build/unit/state.mjs';

test('normalize sorts and removes duplicates', () => {
  assert.deepEqual(normalize(['p:b', 'c:a', 'p:b']), ['c:a', 'p:b']);
});

test('addMembers and removeMembers keep the module sorted and unique', () => {
  const m = addMembers(['p:x'], ['c:z', 'p:x', 'c:a']);
  assert.deepEqual(m, ['c:a', 'c:z', 'p:x']);
  assert.deepEqual(removeMembers(m, ['c:z', 'c:missing']), ['c:a', 'p:x']);
  assert.ok(sameMembers(['a', 'b'], ['a', 'b']));
  assert.ok(!sameMembers(['a', 'b'], ['a']));
  assert.ok(!sameMembers(['a', 'b'], ['a', 'c']));
});

test('history: apply, undo, redo walk the states in order', () => {
  const h = new History();
  assert.equal(h.canUndo, false);
  assert.equal(h.canRedo, false);
  assert.ok(h.apply(['p:a'], 'move p:a'));
  assert.ok(h.apply(['p:a', 'p:b'], 'move p:b'));
  assert.deepEqual(h.current, ['p:a', 'p:b']);
  assert.equal(h.undoLabel, 'move p:b');
  assert.deepEqual(h.undo(), ['p:a']);
  assert.equal(h.redoLabel, 'move p:b');
  assert.deepEqual(h.undo(), []);
  assert.equal(h.undo(), null, 'nothing before the start');
  assert.deepEqual(h.redo(), ['p:a']);
  assert.deepEqual(h.redo(), ['p:a', 'p:b']);
  assert.equal(h.redo(), null, 'nothing after the newest step');
});

test('history: a new step after undo drops the redoable steps', () => {
  const h = new History();
  h.apply(['p:a'], 'a');
  h.apply(['p:a', 'p:b'], 'b');
  h.undo();
  assert.ok(h.canRedo);
  h.apply(['p:a', 'p:c'], 'c');
  assert.equal(h.canRedo, false);
  assert.deepEqual(h.current, ['p:a', 'p:c']);
  assert.deepEqual(h.undo(), ['p:a']);
  assert.deepEqual(h.undo(), []);
});

test('history: a step that changes nothing is not recorded (order of ids does not matter)', () => {
  const h = new History(['p:b', 'p:a']);
  assert.deepEqual(h.current, ['p:a', 'p:b']);
  assert.equal(h.apply(['p:a', 'p:b'], 'same'), false);
  assert.equal(h.apply(['p:b', 'p:a', 'p:a'], 'same again'), false);
  assert.equal(h.depth, 0);
  assert.equal(h.canUndo, false);
});

test('history: the oldest steps are dropped beyond the limit', () => {
  const h = new History([], 3);
  for (let i = 1; i <= 5; i++) h.apply([`c:${i}`], `step ${i}`);
  assert.equal(h.depth, 3);
  assert.deepEqual(h.undo(), ['c:4']);
  assert.deepEqual(h.undo(), ['c:3']);
  assert.deepEqual(h.undo(), ['c:2']);
  assert.equal(h.undo(), null);
});

test('history: states handed out are not changed by later steps', () => {
  const h = new History();
  h.apply(['p:a'], 'a');
  const seen = h.current;
  h.apply(['p:a', 'p:b'], 'b');
  assert.deepEqual(seen, ['p:a']);
});

test('LatestOnly: only the newest ticket is current', () => {
  const l = new LatestOnly();
  const first = l.next();
  const second = l.next();
  assert.equal(l.isLatest(first), false);
  assert.equal(l.isLatest(second), true);
});
