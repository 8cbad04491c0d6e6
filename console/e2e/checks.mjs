// Helpers of the console's end-to-end test: the API as a website calls it, accessibility checks
// with axe-core, screenshots at 1280×800.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function client(base, writeKey) {
  let n = 0;
  const call = async (method, path, body, headers = {}) => {
    const r = await fetch(base + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    call,
    /** events through the ingest route with the write key, then waits until they are processed */
    async events(...batch) {
      const now = (await call('GET', '/_local/clock')).now;
      await call('POST', '/v1/events', { batch: batch.map((e) => ({ messageId: `e2e-${++n}`, timestamp: now, ...e })) }, { Authorization: `Bearer ${writeKey}` });
      await call('POST', '/_local/settle', {});
    },
  };
}

/** axe-core on the page as it stands: fails on any serious or critical violation. */
export async function accessible(page, name) {
  await page.evaluate(AXE); // through the DevTools protocol: not an inline script, the CSP stays whole
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const lines = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join('; ')}`);
    throw new Error(`accessibility on ${name}:\n  ${lines.join('\n  ')}`);
  }
  return result.violations.length;
}

export async function screenshot(page, dir, name) {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}
