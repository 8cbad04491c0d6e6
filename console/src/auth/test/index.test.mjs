// connect()'s deployed half: a signed-in tab gets the signing fetch and the API's base URL; a tab
// with no session, or with a sign-in answer it did not ask for, is sent to the sign-in page.
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { test } from 'node:test';
import { load } from './bundle.mjs';

const { signedConnection } = await load('index');

const CONFIG = {
  region: 'eu-west-1',
  apiUrl: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/',
  userPoolId: 'eu-west-1_AbCdEfGhI',
  userPoolClientId: 'client123',
  identityPoolId: 'eu-west-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  signInDomain: 'waymark-x.auth.eu-west-1.amazoncognito.com',
};

function browser(href, session) {
  const items = new Map(session ? [['waymark.console.session', JSON.stringify(session)]] : []);
  let assigned;
  const sent = new Promise((resolve) => (assigned = resolve));
  return {
    sent,
    items,
    location: { href, assign: (url) => assigned(url) },
    history: { replaceState() {} },
    storage: { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, v), removeItem: (k) => items.delete(k) },
    crypto: webcrypto,
    fetch: async () => assert.fail('no token request expected'),
  };
}

test('a signed-in tab gets the signing fetch and the API as its base', async () => {
  const b = browser('https://d1.cloudfront.net/console/', { idToken: 'id', expiresAt: Date.now() + 3_600_000 });
  const connection = await signedConnection(CONFIG, b);
  assert.equal(connection.baseUrl, 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com');
  assert.equal(typeof connection.fetch, 'function');
  assert.equal(typeof connection.signOut, 'function');
});

test('no session: the tab goes to the sign-in page', async () => {
  const b = browser('https://d1.cloudfront.net/console/');
  signedConnection(CONFIG, b);
  assert.match(await b.sent, /^https:\/\/waymark-x\.auth\.eu-west-1\.amazoncognito\.com\/oauth2\/authorize\?/);
});

test('a sign-in answer this tab did not ask for is dropped and the user signs in afresh', async () => {
  const b = browser('https://d1.cloudfront.net/console/?code=stolen&state=forged');
  signedConnection(CONFIG, b);
  const url = new URL(await b.sent);
  assert.equal(url.pathname, '/oauth2/authorize');
  assert.notEqual(url.searchParams.get('state'), 'forged');
});
