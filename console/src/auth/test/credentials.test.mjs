// The identity pool's credentials are asked for once and kept until shortly before they expire.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { load } from './bundle.mjs';

const { cached, userPoolProvider } = await load('credentials');

test('credentials are kept until five minutes before they expire, then asked for again', async () => {
  let now = 0;
  let asked = 0;
  const source = cached(async () => ({ accessKeyId: `AK${++asked}`, secretAccessKey: 's', expiration: new Date(3_600_000) }), () => now);
  assert.equal((await source()).accessKeyId, 'AK1');
  now = 3_600_000 - 5 * 60_000 - 1;
  assert.equal((await source()).accessKeyId, 'AK1');
  now = 3_600_000 - 5 * 60_000;
  assert.equal((await source()).accessKeyId, 'AK2');
  assert.equal(asked, 2);
});

test('a failed exchange is not kept: the next call asks again', async () => {
  let calls = 0;
  const source = cached(async () => {
    calls++;
    if (calls === 1) throw new Error('NotAuthorizedException');
    return { accessKeyId: 'AK', secretAccessKey: 's' };
  });
  await assert.rejects(source(), /NotAuthorized/);
  assert.equal((await source()).accessKeyId, 'AK');
  assert.equal((await source()).accessKeyId, 'AK');
  assert.equal(calls, 2);
});

test('the identity pool knows the user pool by its issuer name', () => {
  assert.equal(
    userPoolProvider({ region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEfGhI' }),
    'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI',
  );
});
