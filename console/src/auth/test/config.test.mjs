// config.json: what the deployed console accepts, and how it tells it is local.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { load } from './bundle.mjs';

const { parseConfig, loadConfig } = await load('config');

const GOOD = {
  region: 'eu-west-1',
  apiUrl: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
  userPoolId: 'eu-west-1_AbCdEfGhI',
  userPoolClientId: '1example23456789abcdefghij',
  identityPoolId: 'eu-west-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  signInDomain: 'waymark-x.auth.eu-west-1.amazoncognito.com',
};

test('a complete config is taken as it is', () => {
  assert.deepEqual(parseConfig({ ...GOOD, extra: 'ignored' }), GOOD);
});

test('a missing or malformed field is refused, naming it', () => {
  for (const [field, value] of [
    ['region', undefined],
    ['apiUrl', 'http://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com'],
    ['apiUrl', 'javascript:alert(1)'],
    ['userPoolId', 42],
    ['identityPoolId', 'eu-west-1:not-a-uuid'],
    ['signInDomain', 'evil.example.com/path'],
  ]) {
    assert.throws(() => parseConfig({ ...GOOD, [field]: value }), new RegExp(`config.json: ${field} `));
  }
  assert.throws(() => parseConfig([]), /expected an object/);
  assert.throws(() => parseConfig({ ...GOOD, userPoolId: 'us-east-1_AbCdEfGhI' }), /must be in region/);
});

const answer = (status, body) => async (url, init) => {
  answer.seen = { url, init };
  return new Response(body === undefined ? null : JSON.stringify(body), { status });
};

test('no config.json (the local runtime) means local: null', async () => {
  assert.equal(await loadConfig(answer(404), 'http://127.0.0.1:3000/console/#/people'), null);
  assert.equal(answer.seen.url, 'http://127.0.0.1:3000/console/config.json');
  assert.equal(answer.seen.init.cache, 'no-store');
});

test('config.json beside the page is read and checked; a refusal is an error, not local', async () => {
  assert.deepEqual(await loadConfig(answer(200, GOOD), 'https://d1.cloudfront.net/console/'), GOOD);
  await assert.rejects(loadConfig(answer(403), 'https://d1.cloudfront.net/console/'), /HTTP 403/);
  await assert.rejects(loadConfig(answer(200, { region: 'eu-west-1' }), 'https://d1.cloudfront.net/console/'), /apiUrl/);
});
