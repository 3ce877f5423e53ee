// Starts the built CaseHub server for browser tests and benches: a free port, a fresh
// data directory, the built web app as web root; stop() ends it and removes the data,
// crash() kills it (SIGKILL, data kept) and restart() starts it again on the same port
// and data (the durability test's server failures).
//   CASEHUB_SERVER    server binary   (default build/native/server/casehub_server,
//                                      then build/lead/server/casehub_server)
//   CASEHUB_WEB_ROOT  web app to serve (default build/web/dist)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function serverBinary() {
  if (process.env.CASEHUB_SERVER) return path.resolve(process.env.CASEHUB_SERVER);
  const candidates = ['build/native/server/casehub_server', 'build/lead/server/casehub_server'];
  for (const c of candidates) if (fs.existsSync(path.join(ROOT, c))) return path.join(ROOT, c);
  return path.join(ROOT, candidates[0]);
}

export function webRoot() {
  return path.resolve(process.env.CASEHUB_WEB_ROOT || path.join(ROOT, 'build/web/dist'));
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

// Resolves once /health answers; rejects with the server's output if it exits first.
export async function startServer() {
  const bin = serverBinary(), web = webRoot();
  if (!fs.existsSync(bin)) throw new Error(`no server binary at ${bin}: build it first (or set CASEHUB_SERVER)`);
  if (!fs.existsSync(path.join(web, 'index.html')))
    throw new Error(`no web app in ${web}: build casehub_web with emcmake first (or set CASEHUB_WEB_ROOT)`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casehub-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}/`;
  let child = null;
  let log = '';
  const launch = () => {
    child = spawn(bin, ['--port', String(port), '--data-dir', dataDir, '--web-root', web],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => { log += d; });
    child.stderr.on('data', (d) => { log += d; });
  };
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = () => { if (running() && !child.killed) child.kill('SIGTERM'); };
  process.on('exit', () => kill());

  const stop = async () => {
    if (running()) {
      const exited = new Promise((r) => child.once('exit', r));
      kill();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  // Kills the server at once, as a crash would: no shutdown, the data stays.
  const crash = async () => {
    if (!running()) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };

  launch();
  await waitHealthy();
  return { baseUrl, dataDir, bin, web, stop, crash, restart, log: () => log };

  async function restart() {
    await crash();
    launch();
    await waitHealthy();
  }

  async function waitHealthy() {
    const deadline = Date.now() + 20000;
    for (;;) {
      if (!running()) {
        await stop();
        throw new Error(`the server exited with code ${child.exitCode}:\n${log.trim()}`);
      }
      try {
        if ((await fetch(baseUrl + 'health')).ok) break;
      } catch { /* not listening yet */ }
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`the server did not answer ${baseUrl}health within 20 s:\n${log.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

// Chromium as every test and bench launches it (Debian's, software GL).
export const CHROMIUM_OPTIONS = {
  executablePath: process.env.CASEHUB_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
};
