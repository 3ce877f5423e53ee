// CaseHub's browser end-to-end runner. Builds nothing: it starts the built server on a
// free port with a fresh data directory, serving the built web app, opens Debian's
// headless Chromium through playwright-core, runs every tests/e2e/*.test.mjs in name
// order (each file's exported async functions in source order; `default` counts as
// one test named after the file), prints one line per test and then "N passed, M failed".
// Exit code 0 only if all passed. The server is always stopped.
//
//   node tests/e2e/run.mjs [filter]       filter: run only tests whose name contains it
//   CASEHUB_SERVER    server binary   (default build/native/server/casehub_server,
//                                      then build/lead/server/casehub_server)
//   CASEHUB_WEB_ROOT  web app to serve (default build/web/dist)
//   CASEHUB_CHROMIUM  browser binary   (default /usr/bin/chromium)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const TEST_TIMEOUT_MS = 240000;

function pickServer() {
  if (process.env.CASEHUB_SERVER) return path.resolve(process.env.CASEHUB_SERVER);
  const candidates = ['build/native/server/casehub_server', 'build/lead/server/casehub_server'];
  for (const c of candidates) if (fs.existsSync(path.join(root, c))) return path.join(root, c);
  return path.join(root, candidates[0]);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(url + 'health');
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer ${url}health within ${timeoutMs} ms`);
}

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
  const serverBin = pickServer();
  const webRoot = path.resolve(process.env.CASEHUB_WEB_ROOT || path.join(root, 'build/web/dist'));
  const chromiumBin = process.env.CASEHUB_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(serverBin)) throw new Error(`no server binary at ${serverBin}: build it first (or set CASEHUB_SERVER)`);
  if (!fs.existsSync(path.join(webRoot, 'index.html')))
    throw new Error(`no web app in ${webRoot}: build casehub_web with emcmake first (or set CASEHUB_WEB_ROOT)`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casehub-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}/`;
  const server = spawn(serverBin, ['--port', String(port), '--data-dir', dataDir, '--web-root', webRoot],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  const stopServer = () => { if (server.exitCode === null && !server.killed) server.kill('SIGTERM'); };
  process.on('exit', stopServer);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stopServer(); process.exit(130); });

  let browser = null;
  let passed = 0, failed = 0;
  try {
    await waitHealthy(baseUrl, server, 20000);
    console.log(`server: ${path.relative(root, serverBin)} on ${baseUrl} (web root ${path.relative(root, webRoot) || webRoot})`);
    browser = await chromium.launch({
      executablePath: chromiumBin, headless: true,
      args: ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const files = fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join(here, f));
    for (const file of files) {
      for (const test of await testsOf(file)) {
        if (filter && !test.name.includes(filter)) continue;
        const contexts = [];
        const consoleLines = [];
        const ctx = {
          browser, baseUrl, root, dataDir,
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
    if (serverLog) console.log(serverLog.trim().split('\n').map((l) => '      server ' + l).join('\n'));
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      stopServer();
      await withTimeout(exited, 5000, 'server stop').catch(() => server.kill('SIGKILL'));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((err) => {
  console.log(`FAIL  runner: ${err && err.message ? err.message : err}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
