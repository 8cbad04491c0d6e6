// Trades an id token for credentials with the console's credentials module (bundled for the
// browser), against the Cognito Identity endpoint given, and signs one request with them; for
// ConsoleIdentityPoolOnMotoIT (tests/aws-emulator). Stdin: {"config", "idToken", "endpoint"}.
// Output: {"accessKeyId", "secretAccessKey", "sessionToken", "expiration", "authorization"}.
import { readFileSync } from 'node:fs';
import { load } from './bundle.mjs';

const { identityPoolCredentials } = await load('credentials');
const { signRequest } = await load('sigv4');
const input = JSON.parse(readFileSync(0, 'utf8'));
const source = identityPoolCredentials(input.config, async () => input.idToken, input.endpoint);
const credentials = await source();
const signed = await signRequest(
  { method: 'GET', url: `${input.config.apiUrl}/v1/journeys`, headers: {} },
  credentials,
  input.config.region,
);
process.stdout.write(
  JSON.stringify({
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    expiration: credentials.expiration?.toISOString(),
    authorization: signed.headers.authorization,
  }) + '\n',
);
