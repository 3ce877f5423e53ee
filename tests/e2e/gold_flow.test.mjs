// The seeds' end-to-end example (issue #6, "Done when"), through the real server and a
// real browser: a Gold customer emails the Gold mailbox; the record creation rule makes
// a case, the routing rules put it in the Gold queue and the Gold SLA starts its 15-minute
// first-response timer. Camille picks the item in the queue view, sees the SLA countdown
// on the case, goes offline, moves the case through the Phone to Case process, finds the
// knowledge article in the reference panel, inserts it into an email and sends it,
// resolves the case (the device already shows 14 cases left on the entitlement), comes
// back online, and the server agrees: case resolved, Gold Support entitlement 15 -> 14.
import crypto from 'node:crypto';
import {
  SIZES, api, assert, clickLabel, openApp, screenshot, signIn, typeText, waitForLabel, waitForState, waitForWidget, waitFrames, widgets,
} from './lib.mjs';

const PASSWORD = 'casehub-demo';
const PHONE_TO_CASE = '0ffbcde4-61c1-4355-aa89-aa1d7b2b8792';

async function records(page, entity) {
  return page.evaluate((e) => window.casehub.records(e), entity);
}

async function mutate(page, name, args) {
  const answer = await page.evaluate(([n, a]) => window.casehub.mutate(n, a), [name, args]);
  assert(answer && answer.ok, `${name} was refused on the device: ${JSON.stringify(answer)}`);
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
  await clickLabel(page, 'Pick');
  await waitForState(page, 'the pick to sync', (s) => s.pending === 0, 30000);
  const camille = (await records(page, 'systemuser')).find((u) => u.attributes.domainname === 'camille');
  const picked = (await records(page, 'queueitem')).find((q) => q.id === item.id);
  assert(picked && lookupId(picked.attributes.workerid) === camille.id,
    `the pick did not make camille the worker: ${JSON.stringify(picked)}`);

  // 4. The case form shows the SLA countdown; then the network goes away.
  await page.evaluate((id) => { window.location.hash = `#/incident/${id}`; }, caseId);
  await waitForLabel(page, (l) => l.includes(tag) && !l.startsWith('Select: '), 'the case form');
  await waitForLabel(page, (l) => / left$/.test(l), 'an SLA countdown');
  await screenshot(page, 'gold-flow-case');
  await page.context().setOffline(true);
  await waitForState(page, 'offline', (s) => !s.online, 10000);

  // 5. The process flow: Identify is complete (customer and title came from the email);
  //    Research needs a subject.
  const instanceId = (await records(page, 'bpfinstance')).find((b) => lookupId(b.attributes.regardingobjectid) === caseId
    && lookupId(b.attributes.processid) === PHONE_TO_CASE).id;
  await mutate(page, 'process.next_stage', { id: instanceId });
  const subjectRecord = (await records(page, 'subject'))[0];
  const base = (await records(page, 'incident')).find((r) => r.id === caseId).attributes;
  await mutate(page, 'record.update', {
    entity: 'incident', id: caseId, fields: { subjectid: { entity: 'subject', id: subjectRecord.id } },
    base: { subjectid: base.subjectid ?? null },
  });
  await mutate(page, 'process.next_stage', { id: instanceId });
  await waitForWidget(page, 'Resolve', { timeout: 10000 });

  // 6. The reference panel suggests the article offline; it goes into an email, which is sent.
  await waitForWidget(page, 'Suggested for this case', { timeout: 20000 });
  await clickLabel(page, 'Descale the X200 coffee machine');
  await clickLabel(page, 'Insert article content');
  await waitForWidget(page, 'Inserted into the email draft');
  const draft = (await records(page, 'email')).find((e) => lookupId(e.attributes.regardingobjectid) === caseId
    && e.attributes.statecode === 0 && /descaling program/.test(e.attributes.description || ''));
  assert(draft, 'no email draft with the article content on the case');
  await mutate(page, 'record.update', {
    entity: 'email', id: draft.id, fields: { torecipients: contact.attributes.emailaddress1 },
    base: { torecipients: draft.attributes.torecipients ?? null },
  });
  await mutate(page, 'email.send', { id: draft.id });

  // 7. Resolve from the form, offline; the device already counts the entitlement down.
  await clickLabel(page, 'Resolve Case');
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
  assert(find('email', (a, r) => r.id === draft.id).attributes.statecode !== 0, 'the email was not sent');
  assert(find('incidentresolution', (a) => lookupId(a.incidentid) === caseId), 'no case resolution activity');
  await waitFrames(page, 2);
}
