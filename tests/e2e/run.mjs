// CaseHub's browser end-to-end runner. Builds nothing: it starts the built server on a
// free port with a fresh data directory, serving the built web app, opens Debian's
// headless Chromium through playwright-core, runs every tests/e2e/*.test.mjs in name
// order (each file's exported async functions in source order; `default` counts as
// one test named after the file), prints one line per test and then "N passed, M failed".
// Exit code 0 only if all passed. The server is always stopped.
//
//   node tests/e2e/run.mjs [filter]       filter: run only tests whose name contains it
//   CASEHUB_SERVER / CASEHUB_WEB_ROOT     which server and web app (see server.mjs)
//   CASEHUB_CHROMIUM  browser binary   (default /usr/bin/chromium)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_OPTIONS, ROOT, startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const TEST_TIMEOUT_MS = 240000;

// Exported async functions of a test file, in the order they appear in its source.
async function testsOf(file) {
  const mod = await import(pathToFileURL(file).href);
  const source = fs.readFileSync(file, 'utf8');
  const order = [...source.matchAll(/export\s+async\s+function\s+([A-Za-z0-9_$]+)/g)].map((m) => m[1]);
  const names = Object.keys(mod).filter((k) => typeof mod[k] === 'function' && k !== 'default');
  names.sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9));
  const base = path.basename(file, '.test.mjs');
  const tests = names.map((n) => ({ name: `${base}: ${n}`, fn: mod[n] }));
  if (typeof mod.default === 'function') tests.unshift({ name: base, fn: mod.default });
  return tests;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms); }),
  ]);
}

async function main() {
  const filter = process.argv[2] || '';
  const stopOnSignal = { stop: null };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, async () => {
      if (stopOnSignal.stop) await stopOnSignal.stop().catch(() => {});
      process.exit(130);
    });
  }

  let server = null, browser = null;
  let passed = 0, failed = 0;
  try {
    server = await startServer();
    stopOnSignal.stop = server.stop;
    console.log(`server: ${path.relative(ROOT, server.bin)} on ${server.baseUrl} (web root ${path.relative(ROOT, server.web) || server.web})`);
    browser = await chromium.launch(CHROMIUM_OPTIONS);
    const files = fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join(here, f));
    for (const file of files) {
      for (const test of await testsOf(file)) {
        if (filter && !test.name.includes(filter)) continue;
        const contexts = [];
        const consoleLines = [];
        const ctx = {
          browser, baseUrl: server.baseUrl, root: ROOT, dataDir: server.dataDir,
          // A fresh browser context (own storage, service workers) + page, closed after the test.
          async newPage(options = {}) {
            const context = await browser.newContext(options);
            contexts.push(context);
            const page = await context.newPage();
            page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
            page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
            return page;
          },
        };
        const started = Date.now();
        try {
          await withTimeout(Promise.resolve().then(() => test.fn(ctx)), TEST_TIMEOUT_MS, test.name);
          passed++;
          console.log(`ok    ${test.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        } catch (err) {
          failed++;
          console.log(`FAIL  ${test.name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${err && err.message ? err.message : err}`);
          const tail = consoleLines.filter((l) => !/GPU stall|GL Driver Message/.test(l)).slice(-15);
          for (const l of tail) console.log(`      console ${l}`);
        } finally {
          for (const c of contexts) await c.close().catch(() => {});
        }
      }
    }
  } catch (err) {
    failed++;
    console.log(`FAIL  setup: ${err && err.message ? err.message : err}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop().catch(() => {});
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((err) => {
  console.log(`FAIL  runner: ${err && err.message ? err.message : err}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
