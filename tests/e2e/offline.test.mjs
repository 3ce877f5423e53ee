// Offline work (issue #4) in real headless Chromium: sign in as alex through the login
// screen, wait for the first sync, go offline (context.setOffline), create a case and
// edit it, reload the page with no network (the service worker serves the app, IndexedDB
// the data), see the edits still there and pending, go online, wait until nothing is
// pending, and check on the server through its HTTP API that the case has the edits.
import crypto from 'node:crypto';
import {
  SIZES, assert, clickLabel, mutate, openApp, records, screenshot, syncState, typeText, waitFirstFrame, waitForState, waitForWidget,
} from './lib.mjs';

const PASSWORD = 'casehub-demo';

// Not exported: run.mjs runs every exported function as a test.
async function signInThroughLoginScreen(page, username) {
  await waitForWidget(page, 'Username', { timeout: 30000 });
  await clickLabel(page, 'Username');
  await typeText(page, username);
  await clickLabel(page, 'Password');
  await typeText(page, PASSWORD);
  await clickLabel(page, 'Sign in');
  await page.waitForFunction(() => window.casehub.syncState && window.casehub.syncState().signedIn, null,
    { timeout: 30000, polling: 100 }).catch(async () => {
    const state = await syncState(page);
    const labels = [...new Set((await page.evaluate(() => window.casehub.widgets())).map((w) => w.label))];
    throw new Error(`sign-in as ${username} did not complete: ${JSON.stringify(state)}; screen: ${labels.join(' | ')}`);
  });
}

async function serverLogin(baseUrl, username) {
  const res = await fetch(new URL('api/auth/login', baseUrl), {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const text = await res.text();
  assert(res.ok, `server login as ${username} answered ${res.status}: ${text}`);
  return JSON.parse(text).token;
}

async function serverRecord(baseUrl, token, entity, id) {
  const res = await fetch(new URL('api/sync/snapshot', baseUrl), { headers: { Authorization: `Bearer ${token}` } });
  const text = await res.text();
  assert(res.ok, `snapshot answered ${res.status}: ${text.slice(0, 300)}`);
  const snapshot = JSON.parse(text);
  return snapshot.records.find((r) => r.entity === entity && r.id === id) || null;
}

export async function offlineEditsSurviveReloadAndSync(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  const context = page.context();
  await openApp(page, ctx.baseUrl);
  await screenshot(page, 'offline-login');
  await signInThroughLoginScreen(page, 'alex');

  // First sync: the snapshot brings alex's records.
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);
  const accounts = await records(page, 'account');
  assert(accounts.length > 0, 'the first sync brought no accounts');
  const casesBefore = (await records(page, 'incident')).length;
  assert(casesBefore > 0, 'the first sync brought no cases');

  // The reload below happens offline: the service worker must control the page by then.
  const controlled = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false;
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 300 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 100));
    return !!navigator.serviceWorker.controller;
  });
  assert(controlled, 'no service worker controls the page, so it cannot reload offline');

  await context.setOffline(true);
  await waitForState(page, 'the client to see it is offline', (s) => !s.online, 10000);

  // Create a case and edit it. No case form exists yet, so this goes through the
  // test hook casehub.mutate, which submits the same mutations a form would.
  const caseId = crypto.randomUUID();
  const account = accounts[0];
  await mutate(page, 'record.create', {
    entity: 'incident', id: caseId,
    fields: { title: 'Pump failure at site 7', customerid: { entity: 'account', id: account.id }, caseorigincode: 1 },
  });
  await mutate(page, 'record.update', {
    entity: 'incident', id: caseId,
    fields: { title: 'Pump failure at site 7 (seal replaced)', description: 'Typed with no network.' },
  });
  let state = await syncState(page);
  assert(state.pending === 2, `expected 2 pending changes offline, got ${JSON.stringify(state)}`);
  const statusLabel = (await page.evaluate(() => window.casehub.widgets())).map((w) => w.label)
    .find((l) => l.includes('pending'));
  assert(statusLabel && statusLabel.includes('Offline') && statusLabel.includes('2 pending'),
    `the top bar should say offline with 2 pending, it says: ${statusLabel}`);
  await screenshot(page, 'offline-edited');

  // Everything is in IndexedDB before the reload.
  await waitForState(page, 'the local save', (s) => s.saved, 10000);

  // Reload with no network: the app comes from the service worker, the work from IndexedDB.
  await page.reload({ waitUntil: 'load' });
  await waitFirstFrame(page);
  state = await waitForState(page, 'local data after the reload', (s) => !s.loading && s.signedIn, 30000);
  assert(!state.online, 'the client should still be offline after the reload');
  assert(state.pending === 2, `the 2 offline changes should still be pending after the reload: ${JSON.stringify(state)}`);
  const offlineCase = (await records(page, 'incident')).find((r) => r.id === caseId);
  assert(offlineCase, 'the case made offline is gone after the reload');
  assert(offlineCase.attributes.title === 'Pump failure at site 7 (seal replaced)',
    `the edited title did not survive the reload: ${offlineCase.attributes.title}`);
  assert(offlineCase.attributes.description === 'Typed with no network.', 'the description did not survive the reload');
  await waitForWidget(page, 'Cases');  // the shell, not the login screen
  await screenshot(page, 'offline-after-reload');

  // Back online: the outbox goes out without any further edit.
  await context.setOffline(false);
  state = await waitForState(page, 'the outbox to drain', (s) => s.online && s.pending === 0 && s.lastSyncedAt > 0, 90000);
  assert(state.rejected === 0, `the server rejected offline work: ${JSON.stringify(state.rejections)}`);
  assert(!state.lastError, `sync ended with an error: ${state.lastError}`);
  await screenshot(page, 'offline-synced');

  // The server has the case with both edits.
  const token = await serverLogin(ctx.baseUrl, 'alex');
  const onServer = await serverRecord(ctx.baseUrl, token, 'incident', caseId);
  assert(onServer, 'the case made offline is not on the server');
  assert(onServer.attributes.title === 'Pump failure at site 7 (seal replaced)',
    `the server has title ${JSON.stringify(onServer.attributes.title)}`);
  assert(onServer.attributes.description === 'Typed with no network.', 'the server lacks the offline description');
  assert(onServer.attributes.customerid && onServer.attributes.customerid.id === account.id,
    'the server case lost its customer');
}

// A change the server refuses (here: a case without its required customer, which the
// client's permissive local apply let through) leaves the outbox and is shown to the
// agent with the server's reason until dismissed; nothing disappears silently.
export async function refusedChangeIsShownWithItsReason(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openApp(page, ctx.baseUrl);
  await signInThroughLoginScreen(page, 'alex');
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0, 90000);

  const caseId = crypto.randomUUID();
  await mutate(page, 'record.create', { entity: 'incident', id: caseId, fields: { title: 'No customer given' } });
  const state = await waitForState(page, 'the server to answer', (s) => s.pending === 0 && s.rejected === 1, 60000);
  const rejection = state.rejections[0];
  assert(rejection.mutation === 'record.create' && rejection.message,
    `the rejection should carry the server's reason: ${JSON.stringify(rejection)}`);
  assert(!(await records(page, 'incident')).some((r) => r.id === caseId), 'the refused case is still shown as saved');
  await waitForWidget(page, 'A change was not saved');
  await waitForWidget(page, rejection.message);
  await screenshot(page, 'offline-rejection');

  await clickLabel(page, 'Dismiss');
  await waitForState(page, 'the notice to go', (s) => s.rejected === 0, 10000);
}
