// Durability on the device (issue #24) in real headless Chromium:
// - over several rounds, online and offline, with the server killed (SIGKILL) and
//   restarted, alex creates and edits cases and the tab is reloaded (or closed and opened
//   again) at a random moment 0–1,000 ms after an edit; at the end every edit the client
//   showed as made (stored on the device: casehub.isDurable) reached the server exactly
//   once, edits reloaded away before they were stored either reached it once or never,
//   and no client_seq was used for two changes (read from the server's own SQLite file);
// - a full storage quota (QuotaExceededError at commit) is reported to the agent and the
//   edit waits on the device, then is stored and sent once there is room;
// - a browser that refuses IndexedDB (a private window) is reported, and work still syncs.
// One server (own data directory, restartable) and one browser context for all rounds.
// CASEHUB_CHAOS_ROUNDS (default 8) and CASEHUB_CHAOS_SEED repeat or lengthen a run.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServer } from './server.mjs';
import {
  ALEX, SIZES, api, assert, clickLabel, findWidgets, openApp, records, screenshot, signIn, syncState, typeText,
  waitFirstFrame, waitForLabel, waitForState, waitForWidget, waitFrames,
} from './lib.mjs';

// Small seeded generator, so a failing run can be repeated with CASEHUB_CHAOS_SEED.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function waitForServiceWorker(page) {
  const controlled = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false;
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 300 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 100));
    return !!navigator.serviceWorker.controller;
  });
  assert(controlled, 'no service worker controls the page, so it cannot reload offline');
}

// Polls, inside the page, which of `seqs` the client shows as made (stored on the device)
// for `ms` milliseconds; returns those it saw.
async function watchStored(page, seqs, ms) {
  return page.evaluate(async ([list, wait]) => {
    const seen = [];
    const end = performance.now() + wait;
    for (;;) {
      for (const s of list) if (!seen.includes(s) && window.casehub.isDurable(s)) seen.push(s);
      if (performance.now() >= end) return seen;
      await new Promise((r) => setTimeout(r, Math.min(5, Math.max(0, end - performance.now()))));
    }
  }, [seqs, ms]);
}

async function waitUsable(page) {
  await waitFirstFrame(page, 90000);
  return waitForState(page, 'local data after the reload', (s) => !s.loading && s.signedIn, 60000);
}

function serverMutations(dataDir) {
  const out = execFileSync('sqlite3', ['-json', path.join(dataDir, 'casehub.db'),
    'SELECT id, client_id, client_seq, status, error FROM sync_mutation'], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

export async function everyEditShownAsMadeReachesTheServerOnce(ctx) {
  const rounds = Number(process.env.CASEHUB_CHAOS_ROUNDS || 8);
  const seed = Number(process.env.CASEHUB_CHAOS_SEED || (Date.now() % 1000000));
  const random = mulberry32(seed);
  const server = await startServer();
  const context = await ctx.browser.newContext(SIZES.desktop);
  try {
    let page = await context.newPage();
    await openApp(page, server.baseUrl);
    await signIn(page, ALEX);
    await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && s.pending === 0 && !s.loading, 90000);
    await waitForServiceWorker(page);
    const account = (await records(page, 'account'))[0];
    assert(account, 'the first sync brought no accounts');

    const made = new Map();    // mutation id -> edit, shown as made before the reload
    const unsure = new Map();  // mutation id -> edit, reloaded away before it was shown as made
    const createdCases = [];   // cases whose create was shown as made
    let serverDown = false;
    for (let round = 0; round < rounds; ++round) {
      const offline = random() < 0.4;
      const crash = !offline && random() < 0.5;
      await context.setOffline(offline);
      const waiting = [];      // edits of this round not yet seen stored
      const edits = 2 + Math.floor(random() * 3);
      let crashTimer = null;
      for (let i = 0; i < edits; ++i) {
        let name, args, caseId, value;
        if (createdCases.length === 0 || random() < 0.5) {
          caseId = crypto.randomUUID();
          value = `Chaos ${seed} r${round} e${i}`;
          name = 'record.create';
          args = { entity: 'incident', id: caseId, fields: { title: value, customerid: { entity: 'account', id: account.id }, caseorigincode: 1 } };
        } else {
          caseId = createdCases[Math.floor(random() * createdCases.length)];
          value = `Edited ${seed} r${round} e${i}`;
          name = 'record.update';
          args = { entity: 'incident', id: caseId, fields: { description: value } };
        }
        const answer = await page.evaluate(([n, a]) => window.casehub.mutate(n, a), [name, args]);
        assert(answer && answer.ok, `round ${round}: ${name} was refused locally: ${JSON.stringify(answer)}`);
        waiting.push({ id: answer.id, clientSeq: answer.clientSeq, name, caseId, value, round });
        if (crash && i === 0) crashTimer = setTimeout(() => { serverDown = true; server.crash(); }, Math.floor(random() * 400));
        const last = i === edits - 1;
        const wait = last ? Math.floor(random() * 1000) : Math.floor(random() * 250);
        const seen = await watchStored(page, waiting.map((e) => e.clientSeq), wait);
        for (const e of waiting.filter((w) => seen.includes(w.clientSeq))) {
          made.set(e.id, e);
          if (e.name === 'record.create') createdCases.push(e.caseId);
        }
        waiting.splice(0, waiting.length, ...waiting.filter((w) => !seen.includes(w.clientSeq)));
      }
      for (const e of waiting) unsure.set(e.id, e);

      // The reload (or the tab closed and opened again), right after the last edit.
      if (random() < 0.25) {
        await page.close({ runBeforeUnload: false });
        page = await context.newPage();
        await page.goto(server.baseUrl, { waitUntil: 'load' });
      } else {
        await page.reload({ waitUntil: 'load' });
      }
      if (crashTimer) clearTimeout(crashTimer);
      if (crash) {
        await server.restart();
        serverDown = false;
      }
      const state = await waitUsable(page);
      assert(!state.storageError, `round ${round}: storage error after the reload: ${state.storageError}`);
      // Everything shown as made is still on the device.
      const cases = new Map((await records(page, 'incident')).map((r) => [r.id, r]));
      for (const e of made.values())
        if (e.name === 'record.create')
          assert(cases.has(e.caseId), `round ${round}: case "${e.value}" was shown as made, then gone after the reload`);
      console.log(`      round ${round}: ${offline ? 'offline' : 'online'}${crash ? ', server killed' : ''}, ` +
        `${edits} edits, ${waiting.length} reloaded before stored`);
    }

    // Settle: online, server up, everything sent and pulled.
    if (serverDown) await server.restart();
    await context.setOffline(false);
    await page.evaluate(() => window.casehub.syncNow());
    const final = await waitForState(page, 'everything to reach the server',
      (s) => s.online && s.pending === 0 && s.unsaved === 0 && !s.lastError && s.lastSyncedAt > 0, 180000);
    assert(final.rejected === 0, `the server rejected work: ${JSON.stringify(final.rejections)}`);
    await screenshot(page, 'durability-settled');

    // The server's own record: each change at most once (its id is the key), each client
    // number used once, and every change shown as made is there and accepted.
    const ours = new Set([...made.keys(), ...unsure.keys()]);
    const rows = serverMutations(server.dataDir).filter((r) => ours.has(r.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, e] of made) {
      const row = byId.get(id);
      assert(row, `the ${e.name} "${e.value}" (round ${e.round}) was shown as made but never reached the server`);
      assert(row.status === 'accepted', `the ${e.name} "${e.value}" was ${row.status}: ${row.error}`);
    }
    const seqs = new Map();
    for (const r of rows) {
      const key = `${r.client_id}#${r.client_seq}`;
      assert(!seqs.has(key), `client_seq ${r.client_seq} of ${r.client_id} numbers two changes: ${seqs.get(key)} and ${r.id}`);
      seqs.set(key, r.id);
      assert(r.status === 'accepted', `mutation ${r.id} was ${r.status}: ${r.error}`);
    }
    const all = serverMutations(server.dataDir);
    assert(!all.some((r) => /duplicate_client_seq|client_seq_gap/.test(r.error || '')), 'the server saw a reused or skipped number');

    // The server's records carry every create and the last update applied to each case.
    const token = (await api(server.baseUrl, 'api/auth/login', { body: { username: ALEX.user, password: ALEX.password } })).token;
    const snapshot = await api(server.baseUrl, 'api/sync/snapshot', { token });
    const onServer = new Map(snapshot.records.filter((r) => r.entity === 'incident').map((r) => [r.id, r]));
    const applied = [...made.values(), ...[...unsure.values()].filter((e) => byId.has(e.id))]
      .sort((a, b) => byId.get(a.id).client_seq - byId.get(b.id).client_seq);
    const lastDescription = new Map();
    for (const e of applied) {
      if (e.name === 'record.create') assert(onServer.has(e.caseId), `the server lacks the case "${e.value}"`);
      else lastDescription.set(e.caseId, e.value);
    }
    for (const [caseId, value] of lastDescription)
      assert(onServer.get(caseId).attributes.description === value,
        `case ${caseId} has description ${JSON.stringify(onServer.get(caseId).attributes.description)} on the server, expected ${value}`);
    const unsureArrived = [...unsure.keys()].filter((id) => byId.has(id)).length;
    console.log(`      seed ${seed}: ${made.size} edits shown as made, all on the server once; ${unsure.size} reloaded ` +
      `before stored (${unsureArrived} stored anyway and sent once); 0 lost, 0 numbers reused`);
    assert(made.size >= rounds, `too few edits were shown as made (${made.size}) for the run to mean anything`);
  } finally {
    await context.close().catch(() => {});
    await server.stop();
  }
}

// A full storage quota: the edit shows, the status says it is not saved on this device
// (with what to do), nothing is pushed; with room again it is stored and sent. Chromium
// applies a quota override (CDP Storage.overrideQuotaForOrigin) only to an origin whose
// storage is not open yet, so the disk fills here the way IndexedDB reports it: while
// window.__casehubDiskFull is set, every read-write transaction aborts with a
// QuotaExceededError, after its requests were made, as a commit over quota does.
export async function fullStorageQuotaIsReported(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await page.addInitScript(() => {
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode, options) {
      const tx = transaction.call(this, stores, mode, options);
      if (mode === 'readwrite' && window.__casehubDiskFull) {
        const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        Object.defineProperty(tx, 'error', { get: () => error });
        tx.commit = () => tx.abort();  // the explicit commit fails as a commit over quota does
        queueMicrotask(() => { try { tx.abort(); } catch (e) { /* already aborted */ } });
      }
      return tx;
    };
  });
  await openApp(page, ctx.baseUrl);
  await signIn(page, ALEX);
  await waitForState(page, 'the first sync, stored', (s) => s.lastSyncedAt > 0 && s.pending === 0 && !s.loading && s.saved, 90000);
  await page.evaluate(() => { window.__casehubDiskFull = true; });

  const caseId = crypto.randomUUID();
  const account = (await records(page, 'account'))[0];
  const answer = await page.evaluate(([id, acc]) => window.casehub.mutate('record.create', {
    entity: 'incident', id, fields: { title: 'Written on a full disk', customerid: { entity: 'account', id: acc }, caseorigincode: 1 },
  }), [caseId, account.id]);
  assert(answer.ok, `the edit was refused locally: ${JSON.stringify(answer)}`);
  let state = await waitForState(page, 'the quota error', (s) => s.storageError !== '', 30000);
  assert(/no storage space/.test(state.storageError) && /Free some space/.test(state.storageError),
    `the storage error does not say what happened and what to do: ${state.storageError}`);
  assert(state.unsaved === 1 && !state.saved, `the edit should wait, not saved: ${JSON.stringify(state)}`);
  await waitForLabel(page, (l) => l.includes('Not saved on this device'), 'the red status');

  // The form's own save says so too: never "Saved on this device" while the device refuses
  // it, but the refusal and what to do.
  await page.evaluate((id) => { location.hash = `#/incident/${id}`; }, caseId);
  await waitForWidget(page, 'Written on a full disk');
  await waitFrames(page, 3);
  const titles = await findWidgets(page, 'Case Title');
  const body = titles.reduce((a, b) => (b.y > a.y ? b : a));  // the form's field, below the process bar's
  await clickLabel(page, 'Case Title', { where: (w) => w.y === body.y });
  await typeText(page, ' (form)');
  await clickLabel(page, 'Save');
  await waitForLabel(page, (l) => l.startsWith('Not saved on this device: This device has no storage space'),
    'the form\'s save refused by the device');
  assert((await findWidgets(page, 'Saved on this device')).length === 0, 'the form says saved while the device refused it');
  await screenshot(page, 'durability-quota-full');
  await page.waitForTimeout(2500);  // a retry (2 s) fails again: still not pushed
  state = await syncState(page);
  assert(state.pending === 2 && state.unsaved === 2 && state.storageError,
    `the unsaved edits must not be pushed: ${JSON.stringify(state)}`);

  await page.evaluate(() => { window.__casehubDiskFull = false; });  // room again
  await waitForWidget(page, 'Saved on this device', { timeout: 30000 });
  state = await waitForState(page, 'the retry to store and send them',
    (s) => s.storageError === '' && s.unsaved === 0 && s.pending === 0 && s.saved, 90000);
  const token = (await api(ctx.baseUrl, 'api/auth/login', { body: { username: ALEX.user, password: ALEX.password } })).token;
  const snapshot = await api(ctx.baseUrl, 'api/sync/snapshot', { token });
  const onServer = snapshot.records.find((r) => r.id === caseId);
  assert(onServer, 'the case stored after the quota error did not reach the server');
  assert(onServer.attributes.title === 'Written on a full disk (form)', `the form's save did not reach the server: ${onServer.attributes.title}`);
}

// A browser that refuses IndexedDB (a private window): the agent is told, and work made in
// the tab still reaches the server.
export async function refusedStorageIsReported(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await page.addInitScript(() => {
    const refuse = () => { throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'); };
    Object.defineProperty(window, 'indexedDB', { value: { open: refuse, deleteDatabase: refuse }, configurable: true });
  });
  await openApp(page, ctx.baseUrl);
  await signIn(page, ALEX);
  let state = await waitForState(page, 'the refusal', (s) => s.storageError !== '' && s.signedIn, 30000);
  assert(/refuses to store/.test(state.storageError) && /normal window/.test(state.storageError),
    `the refusal does not say what to do: ${state.storageError}`);
  await waitForLabel(page, (l) => l.includes('Not saved on this device'), 'the red status');
  await screenshot(page, 'durability-storage-refused');
  state = await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0, 90000);
  const account = (await records(page, 'account'))[0];
  const caseId = crypto.randomUUID();
  const answer = await page.evaluate(([id, acc]) => window.casehub.mutate('record.create', {
    entity: 'incident', id, fields: { title: 'Made in a private window', customerid: { entity: 'account', id: acc }, caseorigincode: 1 },
  }), [caseId, account.id]);
  assert(answer.ok, `the edit was refused locally: ${JSON.stringify(answer)}`);
  await waitForState(page, 'the edit to reach the server', (s) => s.pending === 0, 60000);
  const token = (await api(ctx.baseUrl, 'api/auth/login', { body: { username: ALEX.user, password: ALEX.password } })).token;
  const snapshot = await api(ctx.baseUrl, 'api/sync/snapshot', { token });
  assert(snapshot.records.some((r) => r.id === caseId), 'the case made without device storage did not reach the server');
}

// A replica kept the earlier way — one JSON file, replica-<user id>.json, in the IDBFS
// folder /casehub — moves into the device store at the next start when the user's database
// is empty: its outbox is pushed under its own client id, and the file is removed once the
// copy is stored.
export async function aReplicaFileOfTheEarlierStorageIsImported(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openApp(page, ctx.baseUrl);
  await signIn(page, ALEX);
  await waitForState(page, 'the first sync, stored', (s) => s.lastSyncedAt > 0 && s.pending === 0 && s.saved, 90000);
  const account = (await records(page, 'account'))[0];

  // On a page of the same origin that does not start the app: the stored replica goes, an
  // old-style file with one unsent case takes its place (IDBFS keeps files as
  // {timestamp, mode, contents} under their path in the database "/casehub", store FILE_DATA).
  await page.goto(new URL('icon.svg', ctx.baseUrl).href);
  const caseId = crypto.randomUUID(), mutationId = crypto.randomUUID(), clientId = `legacy-${crypto.randomUUID()}`;
  const userId = await page.evaluate(async ([caseId, mutationId, clientId, accountId]) => {
    const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n.startsWith('casehub-replica-'));
    const userId = name.slice('casehub-replica-'.length);
    await new Promise((resolve, reject) => { const d = indexedDB.deleteDatabase(name); d.onsuccess = resolve; d.onerror = () => reject(d.error); d.onblocked = resolve; });
    const file = {
      client_id: clientId, next_client_seq: 2, cursor: 0, confirmed: [], rejections: [],
      outbox: [{ accepted_seq: 0, mutation: { id: mutationId, client_id: clientId, client_seq: 1, name: 'record.create',
        client_time: Date.now(), args: { entity: 'incident', id: caseId,
          fields: { title: 'Kept in the old replica file', customerid: { entity: 'account', id: accountId }, caseorigincode: 1 } } } }],
    };
    const db = await req(indexedDB.open('/casehub'));
    const tx = db.transaction('FILE_DATA', 'readwrite');
    tx.objectStore('FILE_DATA').put({ timestamp: new Date(), mode: 33206, contents: new TextEncoder().encode(JSON.stringify(file)) },
      `/casehub/replica-${userId}.json`);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
    db.close();
    return userId;
  }, [caseId, mutationId, clientId, account.id]);

  await page.goto(ctx.baseUrl);
  await waitUsable(page);
  await waitForState(page, 'the imported case to reach the server', (s) => s.pending === 0 && s.lastSyncedAt > 0 && s.saved, 90000);
  assert((await records(page, 'incident')).some((r) => r.id === caseId), 'the imported case is not in the replica');
  const token = (await api(ctx.baseUrl, 'api/auth/login', { body: { username: ALEX.user, password: ALEX.password } })).token;
  const snapshot = await api(ctx.baseUrl, 'api/sync/snapshot', { token });
  assert(snapshot.records.some((r) => r.id === caseId), 'the case of the old replica file did not reach the server');
  // The device store now holds the replica under the file's client id; the file is gone.
  await waitForState(page, 'the import to finish', (s) => s.saved, 30000);
  const after = await page.evaluate(async (userId) => {
    const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const device = await req(indexedDB.open(`casehub-replica-${userId}`));
    const client = await req(device.transaction('meta').objectStore('meta').get('client_id'));
    device.close();
    for (let i = 0; i < 50; i++) {  // the file's removal reaches IDBFS with the next syncfs
      const fs = await req(indexedDB.open('/casehub'));
      const file = await req(fs.transaction('FILE_DATA').objectStore('FILE_DATA').get(`/casehub/replica-${userId}.json`));
      fs.close();
      if (!file) return { client, file: false };
      await new Promise((r) => setTimeout(r, 200));
    }
    return { client, file: true };
  }, userId);
  assert(after.client === clientId, `the device store holds client ${after.client}, not the file's ${clientId}`);
  assert(!after.file, 'the old replica file was not removed after the import');
}
