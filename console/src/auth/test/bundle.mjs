// Loads one of the auth modules as the browser gets it: bundled by esbuild for the browser
// platform (as build.mjs bundles the console), into a temporary folder, then imported.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function load(module) {
  const source = fileURLToPath(new URL(`../${module}.ts`, import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'waymark-auth-'));
  try {
    const out = join(dir, `${module}.mjs`);
    await build({ entryPoints: [source], bundle: true, format: 'esm', platform: 'browser', outfile: out, logLevel: 'error' });
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
