// device_store.js — CaseHub's device store: the replica of one user in one IndexedDB
// database ("casehub-replica-<systemuser id>") with three object stores, keyed the way the
// core's DeviceJournal writes them (core/sync/device_journal.hpp):
//   records  "<entity>/<id>" -> record JSON text   (the confirmed server state)
//   outbox   client_seq      -> outbox entry text  (the agent's work not yet confirmed)
//   meta     name            -> value              (client_id, next_client_seq, cursor, rejections)
// Writes are batches, one transaction each, run strictly one after another in the order
// given; a batch holding new work commits with durability 'strict' (on disk before
// oncomplete). When a batch fails, every batch queued behind it fails too (without
// running) until unblock(): the caller puts them back together and retries, so what is
// stored is always a prefix of what was written — never an outbox with a hole.
// Cold start reads meta and outbox first (small), then records in pages, a few ahead.
// No DOM, no wasm: wasm/platform/device_store.cpp drives it; benches and tests may too.
'use strict';

(function (global) {
  const PAGE = 10000;      // records per page on cold start: one getAll, one crossing into wasm
  const PAGES_AHEAD = 2;   // pages read before the client takes them

  function describe(error) {
    if (!error) return { name: 'UnknownError', message: 'IndexedDB gave no reason' };
    return { name: String(error.name || 'Error'), message: String(error.message || error) };
  }

  class DeviceStore {
    constructor(name) {
      this.name = name;
      this.db = null;
      this.openError = null;     // {name, message} when the browser refused the database
      this.head = null;          // {meta, outbox, recordCount} once read
      this.pages = [];           // record pages read and not yet taken (JSON array texts)
      this.recordsDone = false;
      this.readError = null;
      this.queue = [];           // [{ticket, text}] waiting to be written
      this.running = [];         // the batches being written (see _mayStart)
      this.blocked = null;       // {name, message} of the failure that stops the queue
      this.results = [];         // [{ticket, ok, name?, message?, ms, bytes}]
      this.bytesWritten = 0;     // keys + values written since open (bench)
      this.history = [];         // the last 1,000 writes {ms, bytes, strict} (bench)
      this.closing = false;
      this._lastKey = null;
      this._reading = false;
      this._open();
    }

    _open() {
      let request;
      try {
        if (typeof indexedDB === 'undefined' || !indexedDB) throw Object.assign(new Error('this browser has no IndexedDB'), { name: 'NotSupportedError' });
        request = indexedDB.open(this.name, 1);
      } catch (e) {
        this.openError = describe(e);
        return;
      }
      request.onupgradeneeded = () => {
        const db = request.result;
        for (const store of ['records', 'outbox', 'meta'])
          if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
      };
      request.onblocked = () => {};  // an older tab holds version 0: it is never upgraded in place
      request.onerror = () => { this.openError = describe(request.error); };
      request.onsuccess = () => {
        this.db = request.result;
        // Another tab deleting the database, or the browser evicting it, closes it here.
        this.db.onversionchange = () => { this.db.close(); this.db = null; this.blocked = { name: 'VersionError', message: 'the stored data was removed by another tab' }; };
        this.db.onclose = () => { this.db = null; if (!this.closing) this.blocked = this.blocked || { name: 'InvalidStateError', message: 'the browser closed the database (storage cleared or evicted)' }; };
        this._readHead();
      };
    }

    _readHead() {
      let tx;
      try { tx = this.db.transaction(['meta', 'outbox', 'records'], 'readonly'); } catch (e) { this.readError = describe(e); return; }
      const head = { meta: {}, outbox: [], recordCount: 0 };
      const metaKeys = tx.objectStore('meta').getAllKeys();
      const metaValues = tx.objectStore('meta').getAll();
      const outbox = tx.objectStore('outbox').getAll();
      const count = tx.objectStore('records').count();
      tx.oncomplete = () => {
        metaKeys.result.forEach((k, i) => { head.meta[k] = metaValues.result[i]; });
        head.outbox = outbox.result;
        head.recordCount = count.result;
        this.head = head;
        this._readPages();
      };
      tx.onabort = () => { this.readError = describe(tx.error); };
    }

    // Reads the next pages of records (key order) while fewer than PAGES_AHEAD wait.
    _readPages() {
      if (this._reading || this.recordsDone || !this.db || this.pages.length >= PAGES_AHEAD) return;
      this._reading = true;
      let tx;
      try { tx = this.db.transaction('records', 'readonly'); } catch (e) { this.readError = describe(e); this._reading = false; return; }
      const range = this._lastKey === null ? null : IDBKeyRange.lowerBound(this._lastKey, true);
      const values = tx.objectStore('records').getAll(range, PAGE);
      tx.oncomplete = () => {
        this._reading = false;
        const page = values.result;
        if (page.length) {
          // The key of the last value, from the value itself ("<entity>/<id>"): no second
          // request for the keys.
          const last = JSON.parse(page[page.length - 1]);
          this._lastKey = last.entity + '/' + last.id;
          this.pages.push('[' + page.join(',') + ']');
        }
        if (page.length < PAGE) this.recordsDone = true;
        this._readPages();
      };
      tx.onabort = () => { this._reading = false; this.readError = describe(tx.error); };
    }

    // The head as JSON text once read, else null.
    takeHead() {
      if (!this.head) return null;
      const text = JSON.stringify(this.head);
      this.head = { taken: true };
      return text;
    }

    // The next page of records as a JSON array text, or null (none read yet, or done).
    takePage() {
      const page = this.pages.length ? this.pages.shift() : null;
      this._readPages();
      return page;
    }

    isDone() { return this.recordsDone && this.pages.length === 0; }

    write(ticket, text) {
      this.queue.push({ ticket, text, queued: performance.now() });
      this._pump();
    }

    unblock() {
      this.blocked = null;
      this._pump();
    }

    takeResults() {
      const out = this.results;
      this.results = [];
      return out;
    }

    // Nothing queued or running.
    isIdle() { return this.running.length === 0 && this.queue.length === 0; }

    // ms: from write() to the outcome, the edit -> durable latency the bench reports.
    _fail(item, error) {
      this.results.push({ ticket: item.ticket, ok: false, name: error.name, message: error.message, ms: performance.now() - item.queued });
    }

    // May `item` start now? Batches run one after another, except that the agent's new
    // work (strict) does not wait behind batches that hold none (records, cursor): IndexedDB
    // still commits them in the order they were started, and if such a batch fails, the
    // outbox on the device has no hole, because the agent's entries were never in it.
    _mayStart(item) {
      if (this.running.length === 0) return true;
      return item.strict && this.running.every((r) => !r.strict);
    }

    _pump() {
      for (;;) {
        if (this.blocked || !this.db) {
          if (!this.blocked && !this.openError && !this.db) return;  // still opening: writes wait
          const why = this.blocked || this.openError;
          for (const item of this.queue.splice(0)) this._fail(item, why);
          return;
        }
        const item = this.queue[0];
        if (!item) {
          if (this.closing && this.running.length === 0) { this.db.close(); this.db = null; }
          return;
        }
        if (item.batch === undefined) {
          try { item.batch = JSON.parse(item.text); item.strict = !!item.batch.strict; } catch (e) { item.batch = null; item.error = describe(e); }
          item.text = null;  // the parsed batch is what is kept
        }
        if (item.batch && !this._mayStart(item)) return;
        this.queue.shift();
        this._start(item);
      }
    }

    _start(item) {
      let tx, bytes = 0;
      const batch = item.batch;
      try {
        if (!batch) throw Object.assign(new Error(item.error.message), { name: item.error.name });
        tx = this.db.transaction(['records', 'outbox', 'meta'], 'readwrite', { durability: batch.strict ? 'strict' : 'relaxed' });
        const records = tx.objectStore('records'), outbox = tx.objectStore('outbox'), meta = tx.objectStore('meta');
        if (batch.clear_records) records.clear();
        if (batch.clear_outbox) outbox.clear();
        for (const [key, value] of batch.put_records) { records.put(value, key); bytes += key.length + value.length; }
        for (const key of batch.delete_records) records.delete(key);
        for (const [seq, value] of batch.put_outbox) { outbox.put(value, seq); bytes += 8 + value.length; }
        for (const seq of batch.delete_outbox) outbox.delete(seq);
        for (const key of Object.keys(batch.meta)) {
          const value = batch.meta[key];
          meta.put(value, key);
          bytes += key.length + (typeof value === 'string' ? value.length : 8);
        }
        // Commit now: without this the transaction waits until this (busy, drawing) thread
        // has handled every request's success event, a frame or more later.
        if (tx.commit) tx.commit();
      } catch (e) {
        if (tx) try { tx.abort(); } catch (ignored) {}
        this.blocked = describe(e);
        this._fail(item, this.blocked);
        this._pump();
        return;
      }
      item.batch = null;
      this.running.push(item);
      const done = () => { this.running.splice(this.running.indexOf(item), 1); };
      tx.oncomplete = () => {
        done();
        this.bytesWritten += bytes;
        const ms = performance.now() - item.queued;
        if (this.history.push({ ms, bytes, strict: item.strict, committedAt: performance.now() }) > 1000) this.history.shift();
        this.results.push({ ticket: item.ticket, ok: true, ms, bytes });
        this._pump();
      };
      tx.onabort = () => {
        done();
        this.blocked = this.blocked || describe(tx.error);
        this._fail(item, describe(tx.error) || this.blocked);
        this._pump();
      };
    }

    // Closes the database once every queued write is done.
    close() {
      this.closing = true;
      if (this.db && this.isIdle()) { this.db.close(); this.db = null; }
    }
  }

  global.CaseHubDeviceStore = DeviceStore;
})(typeof window !== 'undefined' ? window : globalThis);
