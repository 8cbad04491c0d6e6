// Signs requests with the console's SigV4 module (src/auth/sigv4.ts, bundled here by esbuild for
// the browser, as the console's build bundles it) and prints what it would send, for
// ConsoleSigningTest (local/runtime) to check against the AWS SDK for Java's signer. Stdin:
//   {"credentials": {...}, "region": "...", "date": "<ISO instant>",
//    "requests": [{"method", "url", "headers", "body"?}]}
// Output on stdout: [{"url", "headers"}] in the same order.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../sigv4.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'waymark-sigv4-'));
try {
  const out = join(dir, 'sigv4.mjs');
  await build({ entryPoints: [source], bundle: true, format: 'esm', platform: 'browser', outfile: out, logLevel: 'error' });
  const { signRequest } = await import(pathToFileURL(out).href);
  const input = JSON.parse(readFileSync(0, 'utf8'));
  const answers = [];
  for (const request of input.requests) {
    answers.push(await signRequest(request, input.credentials, input.region, new Date(input.date)));
  }
  process.stdout.write(JSON.stringify(answers) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
