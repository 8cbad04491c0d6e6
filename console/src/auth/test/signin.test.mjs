// Sign-in with the hosted page (authorization code + PKCE), in a browser made of plain objects:
// real WebCrypto, an in-memory sessionStorage, and a token endpoint that records what it gets.
import assert from 'node:assert/strict';
import { createHash, webcrypto } from 'node:crypto';
import { test } from 'node:test';
import { load } from './bundle.mjs';

const { beginSignIn, currentSession, signOut, redirectUri } = await load('signin');

const CONFIG = {
  region: 'eu-west-1',
  apiUrl: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
  userPoolId: 'eu-west-1_AbCdEfGhI',
  userPoolClientId: 'client123',
  identityPoolId: 'eu-west-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  signInDomain: 'waymark-x.auth.eu-west-1.amazoncognito.com',
};
const CONSOLE = 'https://d1.cloudfront.net/console/';

function browser(href, tokenAnswers = []) {
  const items = new Map();
  const b = {
    location: { href, assigned: [], assign(url) { this.assigned.push(url); } },
    history: { replaced: [], replaceState(_d, _u, url) { this.replaced.push(url); } },
    storage: {
      getItem: (k) => (items.has(k) ? items.get(k) : null),
      setItem: (k, v) => items.set(k, String(v)),
      removeItem: (k) => items.delete(k),
    },
    items,
    crypto: webcrypto,
    tokenRequests: [],
    fetch: async (url, init) => {
      b.tokenRequests.push({ url, init, form: Object.fromEntries(new URLSearchParams(init.body)) });
      const [status, body] = tokenAnswers.shift() ?? [500, {}];
      return new Response(JSON.stringify(body), { status });
    },
  };
  return b;
}

const base64url = (buffer) => buffer.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

test('the sign-in page is asked for a code with a PKCE S256 challenge of a kept verifier', async () => {
  const b = browser(CONSOLE + '#/journeys/lease-renewal');
  await beginSignIn(CONFIG, b);
  assert.equal(b.location.assigned.length, 1);
  const url = new URL(b.location.assigned[0]);
  assert.equal(url.origin + url.pathname, 'https://waymark-x.auth.eu-west-1.amazoncognito.com/oauth2/authorize');
  const q = url.searchParams;
  assert.equal(q.get('response_type'), 'code');
  assert.equal(q.get('client_id'), 'client123');
  assert.equal(q.get('redirect_uri'), CONSOLE);
  assert.equal(q.get('code_challenge_method'), 'S256');
  const pending = JSON.parse(b.items.get('waymark.console.pending'));
  assert.equal(q.get('state'), pending.state);
  assert.match(pending.verifier, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(q.get('code_challenge'), base64url(createHash('sha256').update(pending.verifier).digest()));
  assert.equal(pending.returnTo, '#/journeys/lease-renewal');
  const again = browser(CONSOLE);
  await beginSignIn(CONFIG, again);
  assert.notEqual(JSON.parse(again.items.get('waymark.console.pending')).verifier, pending.verifier);
});

test('coming back with the code: state checked, code and verifier traded, code gone from the address', async () => {
  const b = browser(CONSOLE, [[200, { id_token: 'id-1', refresh_token: 'refresh-1', expires_in: 3600 }]]);
  await beginSignIn(CONFIG, b);
  const { state, verifier } = JSON.parse(b.items.get('waymark.console.pending'));
  b.location.href = `${CONSOLE}?code=the-code&state=${state}`;
  const before = Date.now();
  const session = await currentSession(CONFIG, b);
  assert.equal(session.idToken, 'id-1');
  assert.ok(session.expiresAt >= before + 3600_000);
  const [request] = b.tokenRequests;
  assert.equal(request.url, 'https://waymark-x.auth.eu-west-1.amazoncognito.com/oauth2/token');
  assert.equal(request.init.method, 'POST');
  assert.deepEqual(request.form, {
    client_id: 'client123',
    grant_type: 'authorization_code',
    code: 'the-code',
    redirect_uri: CONSOLE,
    code_verifier: verifier,
  });
  assert.deepEqual(b.history.replaced, [CONSOLE]);
  assert.equal(b.items.has('waymark.console.pending'), false);
  b.location.href = CONSOLE;
  assert.deepEqual(await currentSession(CONFIG, b), session); // kept for this tab
  assert.equal(b.tokenRequests.length, 1);
});

test('an answer for a sign-in this tab did not start is refused, and nothing is traded', async () => {
  const b = browser(CONSOLE, [[200, { id_token: 'id-1', expires_in: 3600 }]]);
  await beginSignIn(CONFIG, b);
  b.location.href = `${CONSOLE}?code=stolen&state=forged`;
  await assert.rejects(currentSession(CONFIG, b), /does not match/);
  assert.equal(b.tokenRequests.length, 0);
  const fresh = browser(`${CONSOLE}?code=stolen&state=forged`);
  await assert.rejects(currentSession(CONFIG, fresh), /does not match/);
  assert.equal(fresh.items.has('waymark.console.session'), false);
});

test('a session about to expire is refreshed; a refused refresh ends it', async () => {
  const b = browser(CONSOLE, [[200, { id_token: 'id-2', expires_in: 3600 }], [400, { error: 'invalid_grant' }]]);
  b.storage.setItem('waymark.console.session', JSON.stringify({ idToken: 'id-1', refreshToken: 'r', expiresAt: Date.now() + 60_000 }));
  const refreshed = await currentSession(CONFIG, b);
  assert.equal(refreshed.idToken, 'id-2');
  assert.equal(refreshed.refreshToken, 'r');
  assert.deepEqual(b.tokenRequests[0].form, { client_id: 'client123', grant_type: 'refresh_token', refresh_token: 'r' });

  b.storage.setItem('waymark.console.session', JSON.stringify({ ...refreshed, expiresAt: Date.now() }));
  assert.equal(await currentSession(CONFIG, b), null);
  assert.equal(b.items.has('waymark.console.session'), false);
  assert.equal(await currentSession(CONFIG, browser(CONSOLE)), null);
});

test('signing out forgets the session and ends the hosted one', () => {
  const b = browser(CONSOLE + '#/people');
  b.storage.setItem('waymark.console.session', '{"idToken":"x","expiresAt":1}');
  signOut(CONFIG, b);
  assert.equal(b.items.has('waymark.console.session'), false);
  const url = new URL(b.location.assigned[0]);
  assert.equal(url.pathname, '/logout');
  assert.equal(url.searchParams.get('logout_uri'), CONSOLE);
  assert.equal(redirectUri('https://d1.cloudfront.net/console/index.html?x=1#/a'), CONSOLE);
});
