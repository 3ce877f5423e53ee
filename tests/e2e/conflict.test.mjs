// Conflicting edits (issue #4): camille changes a case title on the server while alex,
// offline, changes the same title. Alex syncs later, so his value wins (server order);
// camille's value is kept in a sync conflict that alex sees on the case form, and
// "Restore the replaced value" puts it back, on the server too. Nothing typed is lost.
import crypto from 'node:crypto';
import { SIZES, api, assert, clickLabel, openApp, screenshot, signIn, waitForState, widgets } from './lib.mjs';

const PASSWORD = 'casehub-demo';

async function waitForLabelContaining(page, text, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await widgets(page)).find((w) => w.label.includes(text));
    if (found) return found;
    if (Date.now() > deadline) {
      const labels = [...new Set((await widgets(page)).map((w) => w.label))].join(' | ');
      throw new Error(`no widget containing "${text}" after ${timeout} ms; the last frame had: ${labels}`);
    }
    await page.waitForTimeout(100);
  }
}

export async function concurrentEditIsKeptAsConflictAndRestorable(ctx) {
  // A case of alex's business unit that camille (CSR Manager there) may change too.
  const alexLogin = await api(ctx.baseUrl, 'api/auth/login', { body: { username: 'alex', password: PASSWORD } });
  const camille = await api(ctx.baseUrl, 'api/auth/login', { body: { username: 'camille', password: PASSWORD } });
  const snapshot = await api(ctx.baseUrl, 'api/sync/snapshot', { token: alexLogin.token });
  const target = snapshot.records.find((r) => r.entity === 'incident' && r.attributes.statecode === 0 &&
    r.attributes.owningbusinessunit && r.attributes.owningbusinessunit.id === alexLogin.user.business_unit_id &&
    typeof r.attributes.title === 'string');
  assert(target, 'no active case of alex\'s business unit in the demo data');
  const original = target.attributes.title;

  const page = await ctx.newPage(SIZES.desktop);
  await openApp(page, ctx.baseUrl);
  await signIn(page, { user: 'alex', password: PASSWORD });
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);

  // Alex, offline, retitles the case (base = the title he read).
  await page.context().setOffline(true);
  await waitForState(page, 'offline', (s) => !s.online, 10000);
  const alexTitle = `${original} — alex`;
  const mutated = await page.evaluate(([id, title]) => window.casehub.mutate('record.update',
    { entity: 'incident', id, fields: { title } }), [target.id, alexTitle]);
  assert(mutated && mutated.ok, `alex's edit was refused locally: ${JSON.stringify(mutated)}`);

  // Meanwhile camille retitles it on the server from the same original.
  const camilleTitle = `${original} — camille`;
  const clientId = crypto.randomUUID();
  const pushed = await api(ctx.baseUrl, 'api/sync/push', {
    token: camille.token,
    body: { client_id: clientId, mutations: [{ id: crypto.randomUUID(), client_id: clientId, client_seq: 1,
      name: 'record.update', args: { entity: 'incident', id: target.id, fields: { title: camilleTitle },
        base: { title: original } }, client_time: Date.now() }] },
  });
  assert(pushed.results[0].status === 'accepted', `camille's edit: ${JSON.stringify(pushed.results[0])}`);

  // Alex comes back online: his later push wins and camille's value is kept as a conflict.
  await page.context().setOffline(false);
  await waitForState(page, 'alex\'s edit to sync', (s) => s.online && s.pending === 0 && s.lastSyncedAt > 0, 90000);
  const afterSync = await page.evaluate((id) => window.casehub.records('incident').find((r) => r.id === id), target.id);
  assert(afterSync.attributes.title === alexTitle, `expected alex's title to win, got ${afterSync.attributes.title}`);

  // The case form shows the conflict with both values.
  await page.evaluate((id) => { window.location.hash = `#/incident/${id}`; }, target.id);
  const banner = await waitForLabelContaining(page, 'Sync conflict');
  assert(banner.label.includes(camilleTitle) && banner.label.includes(alexTitle),
    `the conflict should name both values: ${banner.label}`);
  await screenshot(page, 'conflict-on-form');

  // Restoring puts camille's value back, locally at once and on the server after sync.
  await clickLabel(page, 'Restore the replaced value');
  await waitForState(page, 'the restore to sync', (s) => s.pending === 0 && s.rejected === 0, 60000);
  const restored = await page.evaluate((id) => window.casehub.records('incident').find((r) => r.id === id), target.id);
  assert(restored.attributes.title === camilleTitle, `restore left the title at ${restored.attributes.title}`);
  const server = await api(ctx.baseUrl, 'api/sync/snapshot', { token: camille.token });
  const onServer = server.records.find((r) => r.entity === 'incident' && r.id === target.id);
  assert(onServer.attributes.title === camilleTitle, `the server title is ${onServer.attributes.title}`);
  const conflict = server.records.find((r) => r.entity === 'syncconflict' &&
    r.attributes.regardingobjectid && r.attributes.regardingobjectid.id === target.id);
  assert(conflict && conflict.attributes.isresolved === true, `the conflict is not marked resolved: ${JSON.stringify(conflict)}`);
  await screenshot(page, 'conflict-restored');
}
