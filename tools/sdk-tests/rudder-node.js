'use strict';
// @rudderstack/rudder-sdk-node, pointed at Waymark with its documented `dataPlaneUrl` setting.
// It gzips its bodies and stamps `originalTimestamp` (not `timestamp`) by default.
const Analytics = require('@rudderstack/rudder-sdk-node');
const story = require('./story');

async function main() {
  const errors = [];
  const client = new Analytics(process.env.WAYMARK_WRITE_KEY, {
    dataPlaneUrl: process.env.WAYMARK_URL,
    flushAt: 100,
    flushInterval: 60000,
    retryCount: 0,
    errorHandler: (err) => errors.push(err.response ? `${err.response.status} ${JSON.stringify(err.response.data)}` : String(err)),
  });
  const sent = [];
  for (const c of story.calls) {
    const message = {
      messageId: c.messageId,
      ...(c.at ? { originalTimestamp: c.at } : {}),
      ...(c.userId ? { userId: c.userId } : {}),
      ...(c.anonymousId ? { anonymousId: c.anonymousId } : {}),
    };
    switch (c.type) {
      case 'page': client.page({ ...message, name: c.name, properties: c.properties }); break;
      case 'screen': client.screen({ ...message, name: c.name, properties: c.properties }); break;
      case 'track': client.track({ ...message, event: c.event, properties: c.properties }); break;
      case 'identify': client.identify({ ...message, traits: c.traits }); break;
      case 'group': client.group({ ...message, groupId: c.groupId, traits: c.traits }); break;
      case 'alias': client.alias({ messageId: c.messageId, originalTimestamp: c.at, userId: c.userId, previousId: c.previousId }); break;
      default: throw new Error(c.type);
    }
    sent.push({ messageId: c.messageId, type: c.type, at: c.at ? c.at.toISOString() : null });
  }
  await client.flush();
  if (errors.length > 0) {
    console.error(`rudder-node: errors: ${errors.join('; ')}`);
    process.exit(1);
  }
  console.log(JSON.stringify({ sent }));
}
main().catch((e) => { console.error(e); process.exit(1); });
