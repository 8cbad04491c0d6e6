// The console's end-to-end test (issue 11), in Debian's headless Chromium against a running local
// runtime whose virtual clock stands still at a weekday morning (ConsoleEndToEndTest starts it):
// a new user builds the seed-004 journey on the canvas, fixes the error the console points at,
// publishes it; events go in through the API; the clock is advanced from the console; the counts
// show on the canvas, Simulate shows predicted counts there, the message in the outbox, the decision trace on the person's page; a
// template edit shows in the preview; a segment built in the builder shows its count. Every page
// passes axe-core without serious violations; bad input shows the API's problem at the field.
//   WAYMARK_URL=http://127.0.0.1:3000 WAYMARK_WRITE_KEY=wk_... [SCREENSHOTS=dir] node e2e/run.mjs
import { launch } from './browser.mjs';
import { accessible, client, screenshot } from './checks.mjs';

const base = process.env.WAYMARK_URL;
const writeKey = process.env.WAYMARK_WRITE_KEY;
const shots = process.env.SCREENSHOTS;
if (!base || !writeKey) {
  console.error('usage: WAYMARK_URL=... WAYMARK_WRITE_KEY=... node e2e/run.mjs');
  process.exit(2);
}
const TIMEOUT = 60_000; // a bound for a loaded machine, never a pause: every wait is for a state
const api = client(base, writeKey);
const { browser, page, consoleErrors } = await launch();
page.setDefaultTimeout(TIMEOUT);
const log = (s) => console.log(`e2e: ${s}`);
const open = async (hash) => {
  await page.goto(`${base}/console/#/${hash}`);
  await page.locator('main h1').first().waitFor();
};
const checked = [];
const check = async (name) => checked.push(`${name}: ${await accessible(page, name)} minor`);
const fill = (scope, label, value) => scope.getByLabel(label, { exact: true }).fill(value);
const choose = (scope, label, value) => scope.getByLabel(label, { exact: true }).selectOption({ label: value });
const text = (scope, t) => scope.getByText(t, { exact: false }).first().waitFor();

try {
  log('the journeys list');
  await open('journeys');
  await text(page.locator('table'), 'Action-based engagement');
  await check('journeys list');
  await screenshot(page, shots, 'journeys');

  log('the shipped seed-004 journey is paused from its page, so the new one is the only one entering');
  await page.getByRole('link', { name: /^Action-based engagement/ }).click();
  await page.locator('[data-step="wait-favorite"]').waitFor();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await text(page, 'Paused: new entries are refused.');

  log('a new journey, built on the canvas');
  await open('journeys');
  await fill(page, 'New journey id (a-z, 0-9, -)', 'discounts-favorites');
  await page.getByRole('button', { name: 'Create journey' }).click();
  const settings = page.getByRole('region', { name: 'Journey settings' });
  await settings.waitFor();
  await text(page, 'steps must have at least one step'); // the compiler speaks at once
  await fill(settings, 'Name', 'Discounts, then favourites');
  await fill(settings, 'Entry event', 'Screen View');
  const entryFilters = settings.getByRole('group', { name: 'Entry filters' });
  await entryFilters.getByRole('button', { name: 'Add filter' }).click();
  await fill(entryFilters, 'Field 1', 'name');
  await choose(entryFilters, 'Operator 1', 'contains');
  await fill(entryFilters, 'Value 1', 'Discounts');
  await settings.getByRole('button', { name: 'Add goal' }).click();
  await fill(settings, 'Goal 1 event', 'Purchase');
  const goalFilters = settings.getByRole('group', { name: 'Goal 1 filters' });
  await goalFilters.getByRole('button', { name: 'Add filter' }).click();
  await fill(goalFilters, 'Field 1', 'properties.price');
  await choose(goalFilters, 'Operator 1', 'greaterThan');
  await fill(goalFilters, 'Value 1', '100');
  await fill(settings, 'Goal 1 within (duration)', 'P1M');

  const addStep = async (type, id, connect) => {
    const form = page.getByRole('form', { name: 'Add a step' });
    await choose(form, 'New step type', type);
    await fill(form, 'New step id', id);
    await choose(form, 'Connect', connect);
    await form.getByRole('button', { name: 'Add step' }).click();
    const panel = page.getByRole('region', { name: `Step ${id}` });
    await panel.waitFor();
    return panel;
  };
  let panel = await addStep('Wait for event', 'wait-favorite', '(the first step)');
  await fill(panel, 'Event to wait for', 'Add To Favorites');
  await fill(panel, 'Timeout (ISO-8601)', 'P3D');

  panel = await addStep('Send', 'favorite-offer', 'after wait-favorite: performed');
  await fill(panel, 'Channels, in fallback order (email, sms, push)', 'push, email');
  await fill(panel, 'Template', 'favourite-offer'); // the British spelling: no such template
  await fill(panel, 'Consent topic (optional)', 'offers');
  log('the console points at the error, on the step and at the field');
  await page.locator('[data-step="favorite-offer"].has-errors').waitFor();
  await text(panel, 'template "favourite-offer" is not a template');
  await check('journey with an error');
  await screenshot(page, shots, 'journey-error');
  await fill(panel, 'Template', 'favorite-offer');
  await page.locator('[data-step="favorite-offer"]:not(.has-errors)').waitFor();

  panel = await addStep('Send', 'discover-more', 'after wait-favorite: timed out');
  await fill(panel, 'Channels, in fallback order (email, sms, push)', 'push, email');
  await fill(panel, 'Template', 'discover-more');
  await fill(panel, 'Consent topic (optional)', 'offers');
  await text(page.getByRole('toolbar', { name: 'Journey actions' }), 'No errors');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await text(page, 'Published version 1.');
  await text(page.locator('h1'), 'live');

  log('two people, through the API; consent recorded from the console');
  await api.events(
    { type: 'identify', userId: 'ada', traits: { email: 'ada@example.com', firstName: 'Ada' } },
    { type: 'identify', userId: 'bob', traits: { email: 'bob@example.com', firstName: 'Bob' } },
  );
  for (const email of ['ada@example.com', 'bob@example.com']) {
    await open('people');
    const find = page.getByRole('form', { name: 'Find a person' });
    await fill(find, 'Value', email);
    await find.getByRole('button', { name: 'Find' }).click();
    const consent = page.getByRole('form', { name: 'Record a consent decision' });
    await consent.getByRole('button', { name: 'Record consent' }).click();
    await text(page, 'Recorded: email granted.');
  }
  log('both view the Discounts screen; an hour later (the console advances the clock) Ada adds a favourite');
  await api.events({ type: 'screen', userId: 'ada', name: 'Discounts' }, { type: 'screen', userId: 'bob', name: 'Discounts' });
  const advance = async (by) => {
    await open('messages');
    const clock = page.getByRole('form', { name: 'Virtual clock' });
    const before = await clock.locator('[data-clock]').textContent();
    await fill(clock, 'Advance by (ISO-8601 duration: PT1H, P3D)', by);
    await clock.getByRole('button', { name: 'Advance' }).click();
    await page.waitForFunction((b) => document.querySelector('[data-clock]')?.textContent !== b, before);
  };
  await advance('PT1H');
  await api.events({ type: 'track', userId: 'ada', event: 'Add To Favorites', properties: { product: 'E-V roof box' } });
  log('three days on, Bob has timed out');
  await advance('P3D');
  await check('messages');

  log('the counts on the canvas');
  await open('journeys/discounts-favorites');
  const count = (step, name, n) => page.locator(`[data-step="${step}"] [data-count="${name}"]`).filter({ hasText: String(n) }).waitFor();
  await count('__entry', 'entered', 2);
  await count('wait-favorite', 'performed', 1);
  await count('wait-favorite', 'timed out', 1);
  await count('favorite-offer', 'sent', 1);
  await count('discover-more', 'sent', 1);
  log('Simulate replays the recorded events through the journey: predicted counts on the boxes');
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await text(page.getByRole('status'), 'would enter');
  const atLeast = async (step, name, n) => {
    const c = page.locator(`[data-step="${step}"] [data-count="${name}"] b`);
    await c.waitFor();
    const got = Number(await c.textContent());
    if (!(got >= n)) throw new Error(`${step} ${name}: ${got}, expected at least ${n}`);
  };
  await atLeast('__entry', 'predicted entered', 2); // Ada and Bob (and any seeded person who viewed Discounts)
  await atLeast('wait-favorite', 'predicted performed', 1);
  await atLeast('wait-favorite', 'predicted timed out', 1);
  await atLeast('favorite-offer', 'predicted sent', 1);
  log('keyboard: a step on the canvas is a button; Enter opens its panel');
  await page.locator('[data-step="discover-more"]').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Step discover-more' }).waitFor();
  await page.locator('[data-step="favorite-offer"]').click();
  await check('journey canvas');
  await screenshot(page, shots, 'journey-canvas');

  log("the message in the outbox, as Ada sees it");
  await open('messages');
  await page.getByRole('button', { name: /Show the message to ada@example.com: Ada, your favourite is waiting/ }).click();
  const mail = page.frameLocator('iframe[title="E-mail to ada@example.com as rendered"]');
  await mail.getByText('You added an item to your favourites.').waitFor();
  await screenshot(page, shots, 'messages');
  await page.getByRole('button', { name: 'Open it as the recipient' }).click();
  await text(page, 'Opened: the open is on its way back as feedback.');
  await api.call('POST', '/_local/settle', {});
  log("the day's message log across people shows Ada's message and its open");
  await page.getByLabel('Day', { exact: true }).fill('2026-11-24'); // the entry's day; the clock has moved on
  await page.getByRole('table', { name: 'Message log' }).getByRole('row').filter({ hasText: 'favorite-offer' }).filter({ hasText: 'open' }).waitFor();

  log("Ada's decision trace");
  await open('people');
  const find = page.getByRole('form', { name: 'Find a person' });
  await choose(find, 'Identity', 'User id');
  await fill(find, 'Value', 'ada');
  await find.getByRole('button', { name: 'Find' }).click();
  const trace = page.getByRole('list', { name: 'Decision trace' });
  await text(trace, 'discounts-favorites: entered the journey');
  await text(trace, 'discounts-favorites: was sent a message');
  await text(trace, 'action-based-engagement: did not enter the journey (paused)');
  await text(page.getByRole('table', { name: 'Journey runs' }), 'discounts-favorites');
  await page.getByRole('table', { name: 'Message log' }).getByRole('row').filter({ hasText: 'favorite-offer' }).filter({ hasText: 'open' }).waitFor();
  await check('person');
  await screenshot(page, shots, 'person');

  log('a template edit shows in the preview as one types; a broken one is refused at its field, nothing saved');
  await open('templates/favorite-offer');
  const form = page.getByRole('form', { name: 'Template' });
  await text(page.locator('[data-preview="subject"]'), 'Sarah, your favourite is waiting');
  await fill(form, 'E-mail subject', '{{ profile.firstName }}, your favourite is still here');
  await text(page.locator('[data-preview="subject"]'), 'Sarah, your favourite is still here'); // before saving
  await form.getByRole('button', { name: 'Save version' }).click();
  await text(page, 'Saved as version 2.');
  await fill(form, 'E-mail subject', '{{ profile.firstName ');
  await form.getByRole('button', { name: 'Save version' }).click();
  await form.locator('.field-error').first().waitFor();
  await page.locator('input[name="email/subject"][aria-invalid="true"]').waitFor();
  const current = await api.call('GET', '/v1/templates/favorite-offer');
  if (current.version !== 2) throw new Error(`a refused template was saved: version ${current.version}`);
  await check('template');
  await screenshot(page, shots, 'templates');

  log('a segment built in the builder shows its preview count');
  await open('segments');
  const builder = page.getByRole('region', { name: 'Segment builder' });
  await choose(builder, 'Rule kind (rule)', 'events performed');
  await fill(builder, 'Event name ("*" = any) (rule)', 'Add To Favorites');
  await fill(builder, 'Within (duration back from now) (rule)', 'P-1D');
  await text(builder.getByRole('list', { name: 'Rule problems' }), '/rule/within');
  await page.locator('input[aria-invalid="true"]').first().waitFor();
  await fill(builder, 'Within (duration back from now) (rule)', 'P30D');
  await builder.locator('[data-preview-size]').filter({ hasText: '1' }).waitFor();
  await text(builder, '1 person matches');
  await check('segments');
  await screenshot(page, shots, 'segments');

  log("a segment's size over the last days");
  await open('segments/email-reachable');
  const sizes = page.getByRole('table', { name: 'Size at the end of each day' });
  await sizes.getByRole('row').nth(1).waitFor();
  await check('segment sizes');

  if (consoleErrors.length) throw new Error(`the page logged errors:\n  ${consoleErrors.join('\n  ')}`);
  log(`passed; accessibility: ${checked.join(', ')}`);
} catch (e) {
  await screenshot(page, shots ?? '/tmp', 'failure').catch(() => {});
  console.error(`e2e: FAILED: ${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
