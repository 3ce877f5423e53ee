// Frame time of the client in the browser (issue #5 bench), beside the 16.7 ms budget
// of 60 Hz. For each size: open the app, sign in, open Cases, then measure the wasm's
// CPU time per frame (window.casehub.frameStats(): input + UI + draw lists + GL
// submission) over a few seconds, and the presented frame rate.
//   node tests/e2e/bench_frame_time.mjs [seconds]
// Headless Chromium draws with swiftshader (software GL) on this machine, so the
// presented rate is bounded by the rasteriser; the CPU time is the figure to watch.
import { chromium } from 'playwright-core';
import { SIZES, clickLabel, openShell, waitForWidget } from './lib.mjs';
import { CHROMIUM_OPTIONS, startServer } from './server.mjs';

const seconds = Number(process.argv[2] || 5);
const BUDGET_MS = 1000 / 60;

const server = await startServer();
const browser = await chromium.launch(CHROMIUM_OPTIONS);
try {
  console.log(`frame time, ${seconds} s per size, budget ${BUDGET_MS.toFixed(1)} ms (60 Hz)`);
  for (const [name, size] of Object.entries(SIZES)) {
    const context = await browser.newContext(size);
    const page = await context.newPage();
    await openShell(page, server.baseUrl);
    if (name === 'phone') await clickLabel(page, 'Site map');
    await clickLabel(page, 'Cases');
    await waitForWidget(page, 'Cases');
    await page.evaluate(() => window.casehub.frameStats(true));
    const f0 = await page.evaluate(() => window.casehub.frameCount());
    await page.waitForTimeout(seconds * 1000);
    const stats = await page.evaluate(() => window.casehub.frameStats(false));
    const f1 = await page.evaluate(() => window.casehub.frameCount());
    const fps = (f1 - f0) / seconds;
    const verdict = stats.p95_ms <= BUDGET_MS ? 'within budget' : 'OVER budget';
    console.log(`${name.padEnd(8)} ${size.viewport.width}x${size.viewport.height}@${size.deviceScaleFactor}x  ` +
      `cpu mean ${stats.mean_ms.toFixed(2)} ms  p50 ${stats.p50_ms.toFixed(2)}  p95 ${stats.p95_ms.toFixed(2)}  ` +
      `max ${stats.max_ms.toFixed(2)}  (${stats.frames} frames)  presented ${fps.toFixed(1)} fps  ` +
      `budget ${BUDGET_MS.toFixed(1)} ms: ${verdict}`);
    await context.close();
  }
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
