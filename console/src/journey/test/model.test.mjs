// The canvas's counts per way (console/src/journey/model.ts): the stats API's `branches` and
// `splits` summed over versions, shown on the boxes and mapped onto the edges (ports) they count.
import { build } from 'esbuild';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bundled = await build({
  entryPoints: [fileURLToPath(new URL('../model.ts', import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  logLevel: 'error',
});
const model = await import('data:text/javascript,' + encodeURIComponent(bundled.outputFiles[0].text));

const route = {
  id: 'route',
  type: 'branch',
  conditions: [
    { trait: 'country', op: 'equals', value: 'PL', next: 'offer-pl' },
    { entry: 'properties.amount', op: 'greaterThan', value: 100 },
  ],
  default: 'offer',
};
const ab = { id: 'ab', type: 'split', variants: [{ name: 'a', percent: 50, next: 'x' }, { name: 'b', percent: 50, next: 'y' }] };
const versions = [
  { steps: { 'step:offer:sent': 2 }, branches: { route: { 1: 2, default: 1 } }, splits: { ab: { a: 1 } } },
  { steps: { 'step:offer:sent': 1 }, branches: { route: { 1: 1, 2: 4 } }, splits: { ab: { a: 2, b: 5 } } },
];

test('the versions are summed per step and way', () => {
  const sum = model.sumStats(versions);
  assert.deepEqual(sum.branches, { route: { 1: 3, 2: 4, default: 1 } });
  assert.deepEqual(sum.splits, { ab: { a: 3, b: 5 } });
  assert.deepEqual(sum.steps, { 'step:offer:sent': 3 });
});

test("a branch's box lists each way; its edges carry their way's count", () => {
  const sum = model.sumStats(versions);
  assert.deepEqual(model.stepCounts(sum, 'route'), [['condition 1', 3], ['condition 2', 4], ['otherwise', 1]]);
  const ports = model.ports(route);
  assert.deepEqual(ports.map((p) => p.path), ['conditions/0/next', 'conditions/1/next', 'default']);
  assert.deepEqual(ports.map((p) => model.portCount(sum, route, p)), [3, 4, 1]);
});

test("a split's edges carry their variant's count; other steps' edges none", () => {
  const sum = model.sumStats(versions);
  assert.deepEqual(model.ports(ab).map((p) => model.portCount(sum, ab, p)), [3, 5]);
  const send = { id: 'offer', type: 'send', next: 'later' };
  assert.equal(model.portCount(sum, send, model.ports(send)[0]), undefined);
  assert.equal(model.portCount(undefined, route, model.ports(route)[0]), undefined);
  assert.deepEqual(model.stepCounts(sum, 'offer'), [['sent', 3]]);
});
