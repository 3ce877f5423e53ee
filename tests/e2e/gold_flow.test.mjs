// The seeds' end-to-end example (issue #6, "Done when"), through the real server and a
// real browser: a Gold customer emails the Gold mailbox; the record creation rule makes
// a case, the routing rules put it in the Gold queue and the Gold SLA starts its 15-minute
// first-response timer. Camille picks the item in the queue view and opens the case from
// it, sees the SLA countdown, goes offline, moves the case through the Phone to Case
// process on its bar (picking the Research stage's subject), finds the knowledge article
// in the reference panel, inserts it into an email draft, opens the draft from the
// timeline, addresses it and sends it, resolves the case (the device already shows 14
// cases left on the entitlement), comes back online, and the server agrees: case
// resolved, email sent, Gold Support entitlement 15 -> 14. Everything the agent does is
// a click; the API is only used to send the customer's email and to read server state.
import crypto from 'node:crypto';
import {
  SIZES, api, assert, clickCommand, clickLabel, findWidgets, openApp, records, screenshot, signIn, typeText, waitForLabel, waitForState, waitForWidget, waitFrames, widgets,
} from './lib.mjs';

const PASSWORD = 'casehub-demo';

// Icons are not part of recorded labels; the process bar names the active stage in words.
const ACTIVE = 'Active stage: ';
const NEXT = 'Next Stage';
const ARTICLE = 'Descale the X200 coffee machine';

async function flagged(page) {
  const w = (await widgets(page)).find((x) => x.label.startsWith(ACTIVE));
  return w ? w.label.slice(ACTIVE.length) : '';
}

// Opens the lookup of the process step labelled `step` (its "---" button while empty)
// and takes the first record it lists.
async function pickFirstLookupMatch(page, step) {
  const label = (await widgets(page)).filter((w) => w.label === step).sort((a, b) => a.y - b.y)[0];
  assert(label, `the ${step} step is not on the process bar`);
  const picker = (await widgets(page))
    .filter((w) => w.label.startsWith('---') && Math.abs(w.y + w.h / 2 - (label.y + label.h / 2)) < 30)[0];
  assert(picker, `no lookup button beside the ${step} step`);
  await clickLabel(page, picker.label, { where: (w) => Math.abs(w.y - picker.y) < 2 });
  const hint = await waitForWidget(page, 'Search records');
  await waitFrames(page, 3);
  const hit = (await widgets(page)).filter((w) => w.y > hint.y + hint.h - 1 && w.label && !w.input
    && Math.abs(w.x - hint.x) < 40).sort((a, b) => a.y - b.y)[0];
  assert(hit, `the ${step} lookup lists nothing`);
  await clickLabel(page, hit.label, { where: (w) => Math.abs(w.y - hit.y) < 2 });
}

// Scrolls the pane under `anchor` with the mouse wheel until a widget labelled `label`
// (and passing `where`) is drawn; widgets scrolled out of view are not recorded.
async function scrollUntil(page, label, where, anchor, tries = 20) {
  for (let i = 0; i < tries; i++) {
    const found = await findWidgets(page, label, where);
    if (found.length) return found[0];
    await page.mouse.move(anchor.x + 20, anchor.y + anchor.h / 2);
    await page.mouse.wheel(0, 400);
    await waitFrames(page, 3);
  }
  const labels = [...new Set((await widgets(page)).map((w) => w.label))].join(' | ');
  throw new Error(`no "${label}" after scrolling; the last frame had: ${labels}`);
}

const lookupId = (v) => (v && typeof v === 'object' ? v.id : undefined);

export async function goldCustomerEmailBecomesARoutedCaseWorkedToResolutionPartlyOffline(ctx) {
  // The Gold customer, its contact and the Gold mailbox, as the server has them.
  const admin = (await api(ctx.baseUrl, 'api/auth/login', { body: { username: 'admin', password: PASSWORD } })).token;
  let snapshot = await api(ctx.baseUrl, 'api/sync/snapshot', { token: admin });
  const find = (entity, test) => snapshot.records.find((r) => r.entity === entity && test(r.attributes, r));
  const gold = find('entitlement', (a) => a.name === 'Gold Support');
  assert(gold && gold.attributes.remainingterms === 15, `Gold Support should start at 15: ${JSON.stringify(gold)}`);
  const account = lookupId(gold.attributes.customerid);
  const contact = find('contact', (a) => lookupId(a.parentcustomerid) === account && a.emailaddress1);
  assert(contact, 'the Gold account has no contact with an email address');
  const goldQueue = find('queue', (a) => a.name === 'Gold');

  // 1. The customer's email reaches the Gold mailbox.
  const tag = crypto.randomUUID().slice(0, 8);
  const subject = `X200 coffee machine does not heat ${tag}`;
  const received = await api(ctx.baseUrl, 'api/inbound/email', {
    token: admin,
    body: {
      from: `${contact.attributes.fullname} <${contact.attributes.emailaddress1}>`,
      to: goldQueue.attributes.emailaddress,
      subject,
      body: 'Our X200 coffee machine blinks orange and no longer heats. What should we do?',
      messageid: `<${crypto.randomUUID()}@customer.example>`,
    },
  });
  const caseId = received.case_id;
  assert(caseId, `the record creation rule made no case: ${JSON.stringify(received)}`);

  // 2. Routed to the Gold queue, with the Gold entitlement and a 15-minute first response.
  snapshot = await api(ctx.baseUrl, 'api/sync/snapshot', { token: admin });
  const theCase = find('incident', (a, r) => r.id === caseId);
  assert(lookupId(theCase.attributes.entitlementid) === gold.id, 'the case did not pick the Gold entitlement');
  const item = find('queueitem', (a) => lookupId(a.objectid) === caseId && a.statecode === 0);
  assert(item && lookupId(item.attributes.queueid) === goldQueue.id, `the case is not in the Gold queue: ${JSON.stringify(item)}`);
  const firstResponse = find('slakpiinstance', (a) => lookupId(a.regarding) === caseId && /first/i.test(a.name));
  assert(firstResponse, 'no first-response SLA timer on the case');

  // 3. Camille (Gold queue) picks it in the queue view.
  const page = await ctx.newPage(SIZES.desktop);
  await openApp(page, ctx.baseUrl);
  await signIn(page, { user: 'camille', password: PASSWORD });
  await waitForState(page, "camille's first sync", (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);
  const onDevice = (await records(page, 'incident')).some((r) => r.id === caseId);
  const itemOnDevice = (await records(page, 'queueitem')).some((r) => r.id === item.id);
  assert(onDevice && itemOnDevice, `camille's device lacks the case (${onDevice}) or its queue item (${itemOnDevice}); `
    + `owner ${JSON.stringify(theCase.attributes.ownerid)}`);
  await clickLabel(page, 'Queues', { where: (w) => w.x < 240 });
  await waitForLabel(page, (l) => l === 'Items available to work on', 'the queue view');
  await clickLabel(page, 'All Queues');
  const goldEntry = await waitForLabel(page, (l) => /^Gold \(\d+\)$/.test(l), 'the Gold queue in the switcher');
  await clickLabel(page, goldEntry.label);
  await clickLabel(page, 'Search queue items');
  await typeText(page, tag);
  const row = await waitForLabel(page, (l) => l.startsWith('Select: ') && l.includes(tag), 'our case');
  await clickLabel(page, row.label);
  await clickCommand(page, 'Pick');
  await waitForState(page, 'the pick to sync', (s) => s.pending === 0, 30000);
  const camille = (await records(page, 'systemuser')).find((u) => u.attributes.domainname === 'camille');
  const picked = (await records(page, 'queueitem')).find((q) => q.id === item.id);
  assert(picked && lookupId(picked.attributes.workerid) === camille.id,
    `the pick did not make camille the worker: ${JSON.stringify(picked)}`);

  // 4. The picked item is under "Items I am working on"; its title opens the case, whose
  //    form shows the SLA countdown. Then the network goes away.
  await clickLabel(page, 'Items available to work on');
  await clickLabel(page, 'Items I am working on', { where: (w) => w.h > 0 });
  await waitForLabel(page, (l) => l === 'Items I am working on', 'the My work view');
  const mine = await waitForLabel(page, (l) => l === `Select: ${subject}`, 'our case among my items');
  await clickLabel(page, subject, { where: (w) => Math.abs(w.y - mine.y) < 20 });
  await waitForLabel(page, (l) => / left$/.test(l), 'an SLA countdown');
  await waitForWidget(page, 'Phone to Case Process');
  await screenshot(page, 'gold-flow-case');
  await page.context().setOffline(true);
  await waitForState(page, 'offline', (s) => !s.online, 10000);

  // 5. The process flow by its bar: Identify is complete (customer and title came from the
  //    email), so Next Stage moves on; Research needs a subject, picked in the step's lookup.
  await waitForWidget(page, `${ACTIVE}Identify`);
  await clickLabel(page, NEXT);
  await waitForWidget(page, `${ACTIVE}Research`, { timeout: 10000 });
  await clickLabel(page, NEXT);
  await waitForLabel(page, (l) => l.startsWith('Fill in the required steps'), 'Next Stage refusing the empty Subject');
  assert(await flagged(page) === 'Research', 'Next Stage left Research although its Subject step is empty');
  await pickFirstLookupMatch(page, 'Subject');
  await clickLabel(page, NEXT);
  await waitForWidget(page, `${ACTIVE}Resolve`, { timeout: 10000 });
  const moved = (await records(page, 'incident')).find((r) => r.id === caseId).attributes;
  assert(lookupId(moved.subjectid), 'Next Stage did not save the Subject step on the case');

  // 6. The reference panel suggests the article offline; it goes into an email draft, which
  //    the agent opens from the timeline, addresses to the customer and sends.
  await waitForWidget(page, 'Suggested for this case', { timeout: 20000 });
  const article = await clickLabel(page, ARTICLE);
  await clickLabel(page, 'Insert article content');
  await waitForWidget(page, 'Inserted into the email draft');
  const draft = (await records(page, 'email')).find((e) => lookupId(e.attributes.regardingobjectid) === caseId
    && e.attributes.statecode === 0 && /descaling program/.test(e.attributes.description || ''));
  assert(draft, 'no email draft with the article content on the case');
  // The timeline is below the case details: scroll the form body down to it.
  const body = (await findWidgets(page, 'Case Title')).sort((a, b) => b.y - a.y)[0];
  const timeline = await scrollUntil(page, 'Timeline', () => true, body);
  const inTimeline = (w) => Math.abs(w.x - timeline.x) < 40 && w.x + w.w < article.x;
  const entry = await scrollUntil(page, ARTICLE, (w) => inTimeline(w), body);
  await clickLabel(page, ARTICLE, { where: (w) => w.y === entry.y && inTimeline(w) });
  await waitForWidget(page, 'Send');
  // The draft is addressed to the case's contact already (the agent could change To).
  const drafted = (await records(page, 'email')).find((e) => e.id === draft.id).attributes;
  assert(drafted.torecipients === contact.attributes.emailaddress1,
    `the draft is addressed to "${drafted.torecipients}", not the case's contact`);
  await clickCommand(page, 'Send');
  await waitForWidget(page, 'Email queued for sending');
  const sent = (await records(page, 'email')).find((e) => e.id === draft.id).attributes;
  assert(sent.torecipients === contact.attributes.emailaddress1, `the email went to ${sent.torecipients}`);
  assert(sent.statecode !== 0, `the email is still open after Send: ${JSON.stringify(sent)}`);

  // Back to the queue (still on "Items I am working on"), and the case again from there.
  await clickLabel(page, 'Back');
  await clickLabel(page, subject);
  await waitForWidget(page, `${ACTIVE}Resolve`);

  // 7. Resolve from the form, offline; the device already counts the entitlement down.
  await clickCommand(page, 'Resolve Case');
  await waitForWidget(page, 'Resolution Type');
  await clickLabel(page, 'Resolution');
  await typeText(page, 'Descaled the machine following the article.');
  await clickLabel(page, 'Resolve');
  await waitForWidget(page, 'Case resolved', { timeout: 10000 });
  const local = (await records(page, 'entitlement')).find((e) => e.id === gold.id);
  assert(local.attributes.remainingterms === 14, `the device shows ${local.attributes.remainingterms} cases left, not 14`);
  await screenshot(page, 'gold-flow-resolved-offline');

  // 8. Back online: everything reaches the server.
  await page.context().setOffline(false);
  await waitForState(page, 'the offline work to sync', (s) => s.online && s.pending === 0 && s.rejected === 0, 60000)
    .catch(async (e) => { throw new Error(`${e.message}; state ${JSON.stringify(await page.evaluate(() => window.casehub.syncState()))}`); });
  snapshot = await api(ctx.baseUrl, 'api/sync/snapshot', { token: admin });
  const resolved = find('incident', (a, r) => r.id === caseId);
  assert(resolved.attributes.statecode === 1, `the server has the case in state ${resolved.attributes.statecode}`);
  const after = find('entitlement', (a, r) => r.id === gold.id);
  assert(after.attributes.remainingterms === 14, `the server has ${after.attributes.remainingterms} cases left, not 14`);
  const email = find('email', (a, r) => r.id === draft.id).attributes;
  assert(email.statecode !== 0 && email.torecipients === contact.attributes.emailaddress1,
    `the server has the email in state ${email.statecode}, to ${email.torecipients}`);
  assert(find('incidentresolution', (a) => lookupId(a.incidentid) === caseId), 'no case resolution activity');
  await waitFrames(page, 2);
}
