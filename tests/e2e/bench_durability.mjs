// Durability bench (issue #24), in headless Chromium against the built app and server.
// For each replica size (default 1,000 and 100,000 cases, the demo generator's records):
//  - the client's replica is filled (window.casehub.benchFillReplica: stored like a
//    snapshot) while offline, so only the edits write;
//  - edit -> durable: record.update of a random case through window.casehub.mutate, one
//    at a time; the time is the mutation's apply in wasm plus its outbox transaction
//    (durability 'strict') from write() to oncomplete, as web/device_store.js measures
//    it; bytes written per edit are what that transaction put (keys + values);
//  - the same edits' outbox entries through the origin-private file system: a sync access
//    handle in a dedicated worker, append + flush(), timed from postMessage to the reply;
//  - reference, measured in the same page: the earlier storage, the whole replica as one
//    JSON value rewritten per edit (what IDBFS's syncfs stored for replica-<id>.json),
//    without the wasm serialisation it also paid — a lower bound for the old way;
//  - cold start: reload, time to the first frame, to the first frame of the shell with
//    data (usable), and until every record is read; reference: reading and parsing the
//    whole-replica value.
//   node tests/e2e/bench_durability.mjs [edits=200] [sizes=1000,100000]
import { chromium } from 'playwright-core';
import { ALEX, SIZES, openApp, signIn, waitForState } from './lib.mjs';
import { CHROMIUM_OPTIONS, startServer } from './server.mjs';

const edits = Number(process.argv[2] || 200);
const sizes = (process.argv[3] || '1000,100000').split(',').map(Number);

function pct(values, q) {
  const v = [...values].sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.floor(q * v.length))] : NaN;
}
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(2).padStart(9) : '      n/a');
const row = (name, values, extra = '') =>
  console.log(`  ${name.padEnd(44)} p50 ${fmt(pct(values, 0.5))}  p99 ${fmt(pct(values, 0.99))} ms${extra}`);

// Inside the page: the new path, then OPFS and the whole-file reference with the same edits.
async function measureEdits(page, n) {
  return page.evaluate(async (count) => {
    const ch = window.casehub;
    const store = window.Module.casehubDevice;
    const ids = ch.records('incident').filter((r) => !r.attributes.statecode).map((r) => r.id);  // active: editable
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const out = { device: [], deviceBytes: [], apply: [], opfs: [], whole: [], wholeBytes: 0, opfsError: '', entries: [] };
    for (let i = 0; i < count; ++i) {
      const before = store.history.length;
      const t0 = performance.now();
      const answer = ch.mutate('record.update', { entity: 'incident', id: ids[(i * 7919) % ids.length], fields: { title: `Bench edit ${i}` } });
      out.apply.push(performance.now() - t0);
      if (!answer.ok) throw new Error(JSON.stringify(answer));
      while (store.history.length === before || !ch.isDurable(answer.clientSeq)) await sleep(1);
      const w = store.history[before];
      out.device.push(out.apply[i] + w.ms);
      out.deviceBytes.push(w.bytes);
      out.entries.push(JSON.stringify({ mutation: { id: answer.id, client_seq: answer.clientSeq, name: 'record.update', title: `Bench edit ${i}` } }));
    }

    // OPFS: one file, entries appended and flushed, in a worker (sync handles exist only there).
    try {
      const src = `
        let handle = null, at = 0;
        onmessage = async (e) => {
          try {
            if (e.data.open) {
              const root = await navigator.storage.getDirectory();
              const file = await root.getFileHandle('bench-outbox.log', { create: true });
              handle = await file.createSyncAccessHandle();
              handle.truncate(0); at = 0;
              postMessage({ ok: true });
              return;
            }
            const bytes = new TextEncoder().encode(e.data.text + '\\n');
            handle.write(bytes, { at }); at += bytes.length;
            handle.flush();
            postMessage({ ok: true });
          } catch (err) { postMessage({ ok: false, error: String(err) }); }
        };`;
      const worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
      // A worker the page's CSP refuses (blob: is not a script source) never answers: give up.
      const call = (msg) => new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ ok: false, error: 'the worker did not answer (blocked by the CSP?)' }), 5000);
        worker.onmessage = (e) => { clearTimeout(timer); resolve(e.data); };
        worker.onerror = (e) => { clearTimeout(timer); resolve({ ok: false, error: String(e.message || 'worker error') }); };
        worker.postMessage(msg);
      });
      const opened = await call({ open: true });
      if (!opened.ok) throw new Error(opened.error);
      for (const text of out.entries) {
        const t0 = performance.now();
        const r = await call({ text });
        if (!r.ok) throw new Error(r.error);
        out.opfs.push(performance.now() - t0);
      }
      worker.terminate();
    } catch (e) { out.opfsError = String(e); }

    // The same outbox entries committed with durability 'relaxed' (no flush to disk before
    // oncomplete): how much of the time above is the flush.
    out.relaxed = [];
    {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('bench-relaxed', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('outbox');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (let i = 0; i < out.entries.length; ++i) {
        const t0 = performance.now();
        await new Promise((resolve, reject) => {
          const tx = db.transaction('outbox', 'readwrite', { durability: 'relaxed' });
          tx.objectStore('outbox').put(out.entries[i], i);
          tx.oncomplete = resolve;
          tx.onabort = () => reject(tx.error);
        });
        out.relaxed.push(performance.now() - t0);
      }
      db.close();
      await new Promise((r) => { const d = indexedDB.deleteDatabase('bench-relaxed'); d.onsuccess = d.onerror = d.onblocked = r; });
    }

    // Reference: the whole replica as one value, rewritten per edit (strict, as the new path).
    const all = await new Promise((resolve, reject) => {
      const req = indexedDB.open(store.name);
      req.onsuccess = () => {
        const tx = req.result.transaction('records', 'readonly');
        const get = tx.objectStore('records').getAll();
        tx.oncomplete = () => { resolve('{"confirmed":[' + get.result.join(',') + ']}'); req.result.close(); };
        tx.onabort = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });
    out.wholeBytes = all.length;
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('bench-whole-file', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('files');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rounds = Math.min(count, 30);
    try {
      for (let i = 0; i < rounds; ++i) {
        const t0 = performance.now();
        await new Promise((resolve, reject) => {
          const tx = db.transaction('files', 'readwrite', { durability: 'strict' });
          tx.objectStore('files').put({ contents: all, timestamp: Date.now() }, '/casehub/replica.json');
          tx.oncomplete = resolve;
          tx.onabort = () => reject(tx.error);
        });
        out.whole.push(performance.now() - t0);
      }
    } catch (e) {
      out.wholeError = String(e && e.message || e);  // the one value is too large to store at all
    }
    if (out.wholeError) { db.close(); delete out.entries; return out; }
    // Cold-start reference: read the one value and parse it.
    const t0 = performance.now();
    const text = await new Promise((resolve, reject) => {
      const tx = db.transaction('files', 'readonly');
      const get = tx.objectStore('files').get('/casehub/replica.json');
      tx.oncomplete = () => resolve(get.result.contents);
      tx.onabort = () => reject(tx.error);
    });
    JSON.parse(text);
    out.wholeLoadMs = performance.now() - t0;
    db.close();
    await new Promise((r) => { const d = indexedDB.deleteDatabase('bench-whole-file'); d.onsuccess = d.onerror = d.onblocked = r; });
    delete out.entries;
    return out;
  }, n);
}

async function coldStart(page) {
  await page.reload({ waitUntil: 'commit' });
  const t = await page.evaluate(async () => {
    const start = performance.timeOrigin;
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    let firstFrame = 0, usable = 0, restored = 0;
    const deadline = performance.now() + 300000;
    while (performance.now() < deadline) {
      const ch = window.casehub;
      const now = performance.now();
      if (!firstFrame && ch && ch.firstFrame) firstFrame = now;
      if (firstFrame && ch.syncState) {
        const s = ch.syncState();
        // The shell with the replica's first records on screen (edits wait for the rest).
        if (!usable && s.signedIn && (s.restored > 0 || !s.loading) && ch.widgets().some((w) => w.label === 'Quick create')) usable = now;
        if (usable && !s.loading && !s.restoring) { restored = now; break; }
      }
      await sleep(5);
    }
    return { firstFrame, usable, restored, origin: start };
  });
  return t;
}

async function main() {
  const server = await startServer();
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  try {
    console.log(`durability bench: ${edits} edits per size, Chromium ${browser.version()}, strict durability`);
    for (const size of sizes) {
      const context = await browser.newContext(SIZES.desktop);
      const page = await context.newPage();
      await openApp(page, server.baseUrl, 120000);
      await signIn(page, ALEX, 60000);
      await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && !s.loading, 120000);
      // The cold start reloads offline: the service worker must serve the app by then.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        for (let i = 0; i < 300 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 100));
      });
      await context.setOffline(true);
      await waitForState(page, 'offline', (s) => !s.online, 10000);
      const t0 = Date.now();
      const filled = await page.evaluate((n) => window.casehub.benchFillReplica(n), size);
      if (filled < 0) throw new Error('benchFillReplica found no open replica');
      await waitForState(page, 'the filled replica to be stored', (s) => s.saved, 600000);
      const cases = await page.evaluate(() => window.casehub.records('incident').length);
      console.log(`\n== ${cases} cases (${filled} records), stored in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const m = await measureEdits(page, edits);
      row('edit -> durable, device store (IndexedDB)', m.device,
        `   bytes/edit ${Math.round(m.deviceBytes.reduce((a, b) => a + b, 0) / m.deviceBytes.length)}`);
      row('  of which apply in wasm', m.apply);
      row('  same entries, IDB durability relaxed', m.relaxed);
      if (m.opfs.length) row('edit -> durable, OPFS sync handle (worker)', m.opfs);
      else console.log(`  OPFS sync access handle: not available (${m.opfsError})`);
      if (m.wholeError) console.log(`  reference: whole replica per edit (IDB): cannot be stored (${m.wholeBytes} bytes): ${m.wholeError}`);
      else row('reference: whole replica per edit (IDB)', m.whole, `   bytes/edit ${m.wholeBytes}`);

      const cold = await coldStart(page);
      console.log(`  cold start: first frame ${cold.firstFrame.toFixed(0)} ms, first usable frame (shell + records) ` +
        `${cold.usable.toFixed(0)} ms, all ${filled} records read ${cold.restored.toFixed(0)} ms after navigation`);
      if (!m.wholeError) console.log(`  reference: reading + JSON.parse of the whole replica value alone ${m.wholeLoadMs.toFixed(0)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
