// Signs requests with the console's SigV4 module (src/auth/sigv4.ts, bundled for the browser as
// the console's build bundles it) and prints what it would send, for ConsoleSigningTest
// (local/runtime) to check against the AWS SDK for Java's signer. Stdin:
//   {"credentials": {...}, "region": "...", "date": "<ISO instant>",
//    "requests": [{"method", "url", "headers", "body"?}]}
// Output on stdout: [{"url", "headers"}] in the same order.
import { readFileSync } from 'node:fs';
import { load } from './bundle.mjs';

const { signRequest } = await load('sigv4');
const input = JSON.parse(readFileSync(0, 'utf8'));
const answers = [];
for (const request of input.requests) {
  answers.push(await signRequest(request, input.credentials, input.region, new Date(input.date)));
}
process.stdout.write(JSON.stringify(answers) + '\n');
