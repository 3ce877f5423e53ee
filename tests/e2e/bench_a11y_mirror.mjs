// Per-frame cost of the accessibility mirror (issue 22) on the 100k-case grid, with the
// frame without the mirror as the reference measured in the same run, same page.
// The client generates 100,000 cases in memory (window.casehub.loadBenchCases) and shows
// All Active Cases; then, alternating mirror on / off in several rounds (so drift in the
// shared machine's load hits both alike), it measures:
//   idle   - nothing changes: the tree is encoded but not sent (byte-identical)
//   scroll - the wheel moves the grid every frame: new rows, a changed tree each frame
// Per phase: the wasm's CPU time per frame (window.casehub.frameStats(), which includes
// the synchronous call into JS and its DOM update), and with the mirror on, the mirror's
// own part: encode + publish in the wasm (casehub.a11yCost) and the DOM update in JS
// (casehub.a11yStats).
//   node tests/e2e/bench_a11y_mirror.mjs [seconds=4] [rounds=3] [cases=100000]
//   CASEHUB_SERVER / CASEHUB_WEB_ROOT as for the e2e tests (see server.mjs)
import { chromium } from 'playwright-core';
import { SIZES, clickLabel, openShell, waitForWidget, waitFrames } from './lib.mjs';
import { CHROMIUM_OPTIONS, startServer } from './server.mjs';

const seconds = Number(process.argv[2] || 4);
const rounds = Number(process.argv[3] || 3);
const cases = Number(process.argv[4] || 100000);

const server = await startServer();
const browser = await chromium.launch(CHROMIUM_OPTIONS);
try {
  const page = await (await browser.newContext(SIZES.desktop)).newPage();
  await openShell(page, server.baseUrl);
  const made = await page.evaluate((n) => window.casehub.loadBenchCases(n), cases);
  await clickLabel(page, 'Cases', { where: (w) => w.x < 240 });
  await clickLabel(page, 'My Active Cases');
  await clickLabel(page, 'All Active Cases');
  const header = await waitForWidget(page, 'Case Title', { where: (w) => w.y > 90 });
  await waitFrames(page, 30, 120000);  // idle frames pre-sort the columns first
  const rowsInTree = await page.evaluate(() => document.querySelectorAll('#a11y-root [role=grid] [role=row]').length);
  const rowCount = await page.evaluate(() => Number(document.querySelector('#a11y-root [role=grid]').getAttribute('aria-rowcount')));
  const nodes = await page.evaluate(() => document.querySelectorAll('#a11y-root [data-key]').length);
  console.log(`${made} cases generated; All Active Cases: aria-rowcount ${rowCount}, ${rowsInTree} rows in the tree, ${nodes} mirror elements`);

  const phases = {
    idle: () => page.waitForTimeout(seconds * 1000),
    scroll: async () => {
      await page.mouse.move(header.x + 100, header.y + 300);
      const end = Date.now() + seconds * 1000;
      while (Date.now() < end) {
        await page.mouse.wheel(0, 300);  // ~22k rows: never reaches the end within a phase
        await page.waitForTimeout(25);
      }
    },
  };
  const results = {};
  for (let r = 0; r < rounds; r++) {
    for (const on of [true, false]) {
      await page.evaluate((v) => window.casehub.setA11yMirror(v), on);
      await waitFrames(page, 5, 60000);
      for (const [name, run] of Object.entries(phases)) {
        await page.evaluate(() => { window.casehub.frameStats(true); window.casehub.a11yCost(); window.casehub.a11yStats(true); });
        await run();
        const stats = await page.evaluate(() => window.casehub.frameStats(false));
        const cost = await page.evaluate(() => window.casehub.a11yCost());
        const js = await page.evaluate(() => window.casehub.a11yStats(true));
        const key = `${name} ${on ? 'mirror on' : 'mirror off'}`;
        (results[key] ||= []).push({ stats, cost, js });
      }
    }
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  console.log(`CPU time per frame inside the wasm (median over ${rounds} rounds of ${seconds} s), headless Chromium + swiftshader`);
  for (const [key, runs] of Object.entries(results)) {
    const mean = median(runs.map((x) => x.stats.mean_ms));
    const p50 = median(runs.map((x) => x.stats.p50_ms));
    const p95 = median(runs.map((x) => x.stats.p95_ms));
    const frames = runs.reduce((a, x) => a + x.stats.frames, 0);
    let own = '';
    if (key.includes('mirror on')) {
      const perFrame = median(runs.map((x) => (x.cost.frames ? x.cost.ms / x.cost.frames : 0)));
      const sent = runs.reduce((a, x) => a + x.cost.sent, 0), all = runs.reduce((a, x) => a + x.cost.frames, 0);
      const jsPerSent = median(runs.map((x) => (x.js.frames ? x.js.ms / x.js.frames : 0)));
      own = `  | mirror: encode+publish ${perFrame.toFixed(3)} ms/frame, tree sent in ${sent}/${all} frames, ` +
        `DOM update ${jsPerSent.toFixed(3)} ms per sent frame`;
    }
    console.log(`${key.padEnd(18)} mean ${mean.toFixed(2)}  p50 ${p50.toFixed(2)}  p95 ${p95.toFixed(2)} ms  (${frames} frames)${own}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
