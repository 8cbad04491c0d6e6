// The signing fetch: what it hands to the real fetch (the exact URL and headers signed), and what
// it refuses to sign. The signatures themselves are checked against the AWS SDK for Java's signer
// by ConsoleSigningTest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { load } from './bundle.mjs';

const { signingFetch, signRequest } = await load('sigv4');

const CREDENTIALS = { accessKeyId: 'ASIAEXAMPLEEXAMPLE00', secretAccessKey: 'secret', sessionToken: 'token' };

test('every call is signed with the current credentials and sent as signed', async () => {
  const sent = [];
  let asked = 0;
  const f = signingFetch(
    async () => (asked++, CREDENTIALS),
    'eu-west-1',
    async (url, init) => (sent.push({ url, init }), new Response('{}', { status: 200 })),
  );
  const response = await f('https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/v1/journeys/x?b=2&a=1 2', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: '{"name":"x"}',
  });
  assert.equal(response.status, 200);
  assert.equal(asked, 1);
  const [{ url, init }] = sent;
  assert.equal(url, 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/v1/journeys/x?b=2&a=1%202');
  assert.equal(init.method, 'PUT');
  assert.equal(init.body, '{"name":"x"}');
  assert.equal(init.headers['content-type'], 'application/json');
  assert.equal(init.headers['x-amz-security-token'], 'token');
  assert.match(init.headers.authorization, /^AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEEXAMPLE00\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/);
  assert.equal(init.headers.host, undefined);
});

test('the signature depends on every part of the request', async () => {
  const at = new Date('2026-12-01T00:00:00Z');
  const base = { method: 'POST', url: 'https://h.example.com/v1/a?x=1', headers: { 'content-type': 'application/json' }, body: '{}' };
  const signature = async (r) => (await signRequest(r, CREDENTIALS, 'eu-west-1', at)).headers.authorization;
  const original = await signature(base);
  for (const changed of [
    { ...base, method: 'PUT' },
    { ...base, url: 'https://h.example.com/v1/b?x=1' },
    { ...base, url: 'https://h.example.com/v1/a?x=2' },
    { ...base, url: 'https://other.example.com/v1/a?x=1' },
    { ...base, body: '{ }' },
    { ...base, headers: { 'content-type': 'text/plain' } },
  ]) {
    assert.notEqual(await signature(changed), original, JSON.stringify(changed));
  }
  assert.equal(await signature({ ...base }), original);
});

test('what it cannot sign faithfully it refuses', async () => {
  const f = signingFetch(async () => CREDENTIALS, 'eu-west-1', async () => assert.fail('nothing may be sent'));
  await assert.rejects(f('https://h.example.com/v1/a', { method: 'POST', body: new Uint8Array([1]) }), /body: /);
  await assert.rejects(f('ftp://h.example.com/v1/a'), /url: only http/);
});
