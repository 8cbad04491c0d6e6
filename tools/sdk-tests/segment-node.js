'use strict';
// @segment/analytics-node, pointed at Waymark with its documented `host` setting.
const { Analytics } = require('@segment/analytics-node');
const story = require('./story');

async function main() {
  const analytics = new Analytics({ writeKey: process.env.WAYMARK_WRITE_KEY, host: process.env.WAYMARK_URL });
  const errors = [];
  analytics.on('error', (err) => errors.push(`${err.code}: ${err.reason}`));
  const sent = [];
  // analytics-node emits the call's type once the call was delivered (a 2xx answer)
  for (const type of ['page', 'screen', 'track', 'identify', 'group', 'alias']) {
    analytics.on(type, (ctx) =>
      sent.push({ messageId: ctx.event.messageId, type, at: ctx.event.timestamp ? new Date(ctx.event.timestamp).toISOString() : null }));
  }
  analytics.on('http_response', (r) => { if (r.status >= 300) errors.push(`HTTP ${r.status} ${r.statusText}`); });
  for (const c of story.calls) {
    const common = { messageId: c.messageId, ...(c.at ? { timestamp: c.at } : {}) };
    const ids = { ...(c.userId ? { userId: c.userId } : {}), ...(c.anonymousId ? { anonymousId: c.anonymousId } : {}) };
    switch (c.type) {
      case 'page': analytics.page({ ...common, ...ids, name: c.name, properties: c.properties }); break;
      case 'screen': analytics.screen({ ...common, ...ids, name: c.name, properties: c.properties }); break;
      case 'track': analytics.track({ ...common, ...ids, event: c.event, properties: c.properties }); break;
      case 'identify': analytics.identify({ ...common, ...ids, traits: c.traits }); break;
      case 'group': analytics.group({ ...common, ...ids, groupId: c.groupId, traits: c.traits }); break;
      case 'alias': analytics.alias({ ...common, userId: c.userId, previousId: c.previousId }); break;
      default: throw new Error(c.type);
    }
  }
  await analytics.closeAndFlush({ timeout: 20000 });
  if (errors.length > 0 || sent.length !== story.calls.length) {
    console.error(`segment-node: ${sent.length}/${story.calls.length} delivered; errors: ${errors.join('; ')}`);
    process.exit(1);
  }
  console.log(JSON.stringify({ sent }));
}
main().catch((e) => { console.error(e); process.exit(1); });
