'use strict';
// The calls every SDK script sends, as plain data (ids, traits, client times).
const prefix = process.env.WAYMARK_PREFIX || 'sdk';
const base = Date.now() - 10 * 60 * 1000; // client times: ten minutes ago, one minute apart
const at = (i) => new Date(base + i * 60 * 1000);
const anon = `${prefix}-anon`;
const user = `${prefix}-user`;
module.exports = {
  prefix,
  anon,
  user,
  calls: [
    { type: 'page', messageId: `${prefix}-1`, anonymousId: anon, name: 'Lease renewal offers',
      properties: { path: '/lease/renew' }, at: at(0) },
    { type: 'track', messageId: `${prefix}-2`, anonymousId: anon, event: 'Configuration Started',
      properties: { model: 'Carvelo e-Tour 60' }, at: at(1) },
    { type: 'identify', messageId: `${prefix}-3`, anonymousId: anon, userId: user,
      traits: { firstName: 'Ana', email: `${prefix}@example.com`, plan: 'lease' }, at: at(2) },
    { type: 'screen', messageId: `${prefix}-4`, userId: user, name: 'Offer details',
      properties: { offer: 'renew-36' }, at: at(3) },
    { type: 'group', messageId: `${prefix}-5`, userId: user, groupId: `${prefix}-acme`,
      traits: { name: 'Acme Fleet', plan: 'enterprise', employees: 120 }, at: at(4) },
    { type: 'alias', messageId: `${prefix}-6`, userId: user, previousId: `${prefix}-crm`, at: at(5) },
    { type: 'track', messageId: `${prefix}-7`, userId: user, event: 'Test Drive Booked',
      properties: { dealer: 'Oslo' }, at: null },
  ],
};
