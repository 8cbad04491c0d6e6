'use strict';
// @segment/analytics-node on a landing page's server, as docs/clicks.md shows it: the page view of
// the browser (its anonymousId) carries the wm_id a click link handed it as context.waymarkToken.
const { Analytics } = require('@segment/analytics-node');

async function main() {
  const analytics = new Analytics({ writeKey: process.env.WAYMARK_WRITE_KEY, host: process.env.WAYMARK_URL });
  const errors = [];
  const sent = [];
  analytics.on('error', (err) => errors.push(`${err.code}: ${err.reason}`));
  analytics.on('http_response', (r) => { if (r.status >= 300) errors.push(`HTTP ${r.status} ${r.statusText}`); });
  analytics.on('page', (ctx) => sent.push({ messageId: ctx.event.messageId, type: 'page' }));
  analytics.page({
    anonymousId: process.env.WAYMARK_ANONYMOUS_ID,
    name: 'Build your own',
    context: { waymarkToken: process.env.WAYMARK_WM_ID },
  });
  await analytics.closeAndFlush({ timeout: 20000 });
  if (errors.length > 0 || sent.length !== 1) {
    console.error(`segment-node-click: ${sent.length}/1 delivered; errors: ${errors.join('; ')}`);
    process.exit(1);
  }
  console.log(JSON.stringify({ sent }));
}
main().catch((e) => { console.error(e); process.exit(1); });
