// Foundation (issue #2) and app shell (issue #5) in real headless Chromium: the wasm
// client loads and draws, widgets are found by label, navigation works at desktop,
// tablet and phone sizes, HiDPI backing store, text input, language switch remembered,
// a clear error without WebGL2, and the app opening offline after the first visit.
import {
  SIZES, assert, clickLabel, colorDistance, findWidgets, openShell, pressKey, regionColors, screenshot,
  signIn, touchDrag, typeText, waitFirstFrame, waitForShell, waitForWidget,
} from './lib.mjs';

const CLEAR = [0xfa, 0xf9, 0xf8];     // the clear colour / content background
const TOP_BAR = [0x00, 0x20, 0x50];   // the navy top bar

export async function desktopDrawsTheShell(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl);
  await screenshot(page, 'foundation-desktop');

  const bar = await regionColors(page, { x: 0, y: 0, width: 1440, height: 40 });
  assert(colorDistance(bar.dominant, CLEAR) > 60,
    `the top bar region is still the clear colour (dominant ${bar.dominant})`);
  assert(colorDistance(bar.dominant, TOP_BAR) < 30, `the top bar is not navy (dominant ${bar.dominant})`);

  const siteMapCases = await waitForWidget(page, 'Cases');
  assert(siteMapCases.x < 100, `"Cases" should first appear in the site map, found at x=${siteMapCases.x}`);
  const inContent = (w) => w.x > 200;  // the site map is 232 px wide
  assert((await findWidgets(page, 'Cases', inContent)).length === 0, 'the content area shows Cases before navigating');

  await clickLabel(page, 'Cases');
  const heading = await waitForWidget(page, 'Cases', { where: inContent });
  assert(heading.y < 120, `the Cases page should start under the top bar, found at y=${heading.y}`);
  await screenshot(page, 'foundation-desktop-cases');

  // The canvas follows window resizes (backing store and layout), here into tablet width.
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1000 &&
    document.getElementById('canvas').height === 700, null, { timeout: 20000, polling: 100 });
  await waitForWidget(page, 'Collapse site map');  // the tablet layout's toggle
}

export async function tabletBackingStoreIsHiDpi(ctx) {
  const page = await ctx.newPage(SIZES.tablet);
  await openShell(page, ctx.baseUrl);
  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight,
             ratio: window.devicePixelRatio };
  });
  assert(canvas.ratio === 2, `devicePixelRatio is ${canvas.ratio}, expected 2`);
  assert(canvas.cssWidth === 1024 && canvas.cssHeight === 768, `canvas CSS size ${canvas.cssWidth}x${canvas.cssHeight}`);
  assert(canvas.width === 2048 && canvas.height === 1536,
    `canvas backing store is ${canvas.width}x${canvas.height}, expected 2048x1536`);

  // Touch: tap a site map entry; rows are touch-sized.
  const row = await waitForWidget(page, 'Queues');
  assert(row.h >= 44, `site map rows are ${row.h} px high on a tablet, expected >= 44`);
  await clickLabel(page, 'Queues');
  await waitForWidget(page, 'Queues', { where: (w) => w.x > 200 });
  await screenshot(page, 'foundation-tablet');

  // The site map collapses to an icon rail; entries stay reachable.
  await clickLabel(page, 'Collapse site map');
  const collapsed = await waitForWidget(page, 'Cases');
  assert(collapsed.w <= 60, `collapsed site map row is ${collapsed.w} px wide`);
  await clickLabel(page, 'Cases');
  await waitForWidget(page, 'Cases', { where: (w) => w.x > 60 });
  await screenshot(page, 'foundation-tablet-collapsed');

  // Tapping a text field focuses the hidden input inside the tap (on-screen keyboard).
  await clickLabel(page, 'Search');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  assert(focused === 'text-input', `tapping Search should focus the hidden text input, got "${focused}"`);
}

export async function touchDragScrollsWithoutClicking(ctx) {
  // A phone in landscape: tablet layout, and the site map is taller than the screen.
  const page = await ctx.newPage({ viewport: { width: 844, height: 390 }, deviceScaleFactor: 2, hasTouch: true });
  await openShell(page, ctx.baseUrl);
  assert((await findWidgets(page, 'Facilities/Equipment')).length === 0,
    'the last site map entry should start below the fold');
  const start = await waitForWidget(page, 'Contacts');
  const y = start.y + start.h / 2;
  await touchDrag(page, { x: 100, y }, { x: 100, y: y - 200 });
  await touchDrag(page, { x: 100, y: 360 }, { x: 100, y: 160 });
  await waitForWidget(page, 'Facilities/Equipment');
  assert((await findWidgets(page, 'Contacts', (w) => w.x > 200)).length === 0,
    'dragging across Contacts must scroll, not open Contacts');
  await screenshot(page, 'foundation-touch-scroll');
}

export async function phoneSiteMapIsAMenu(ctx) {
  const page = await ctx.newPage(SIZES.phone);
  await openShell(page, ctx.baseUrl);
  assert((await findWidgets(page, 'Cases')).length === 0, 'the site map should be hidden on a phone');
  await clickLabel(page, 'Site map');
  await waitForWidget(page, 'Cases');
  await screenshot(page, 'foundation-phone-menu');
  await clickLabel(page, 'Cases');
  const heading = await waitForWidget(page, 'Cases');
  assert(heading.x < 120 && heading.y > 100, `expected the Cases page, found at ${heading.x},${heading.y}`);
  assert((await findWidgets(page, 'Accounts')).length === 0, 'the site map menu should close after a pick');
  const canvasWidth = await page.evaluate(() => document.getElementById('canvas').width);
  assert(canvasWidth === 390 * 3, `phone backing store width ${canvasWidth}, expected 1170`);
  await screenshot(page, 'foundation-phone');
}

export async function searchAcceptsComposedText(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl);
  await clickLabel(page, 'Search');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  assert(focused === 'text-input', `the hidden text input should have focus, got "${focused}"`);
  await typeText(page, 'Café señor');
  await pressKey(page, 'Enter');
  await waitForWidget(page, 'Café señor');
  await screenshot(page, 'foundation-search');
}

export async function languageSwitchIsRemembered(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl);
  await clickLabel(page, 'User menu');
  await clickLabel(page, 'Français');
  await waitForWidget(page, 'Incidents');
  await waitForWidget(page, 'Tableaux de bord');
  await screenshot(page, 'foundation-french');
  const stored = await page.evaluate(() => localStorage.getItem('casehub.language'));
  assert(stored === 'fr', `localStorage casehub.language is ${stored}`);
  await page.reload();
  await waitFirstFrame(page);
  await signIn(page);
  await waitForWidget(page, 'Incidents');
  await clickLabel(page, 'Menu utilisateur');
  await clickLabel(page, 'Bahasa Indonesia');
  await waitForWidget(page, 'Kasus');
  await waitForWidget(page, 'Artikel Pengetahuan');
}

export async function clearErrorWithoutWebGL2(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  await page.goto(ctx.baseUrl);
  await page.waitForFunction(() => window.casehub && window.casehub.error, null, { timeout: 20000 });
  const text = await page.textContent('#status');
  assert(/WebGL 2/.test(text), `the error panel should name WebGL 2, says: ${text}`);
  assert(await page.isVisible('#status'), 'the error panel is not visible');
  await screenshot(page, 'foundation-no-webgl2');
}

export async function opensOfflineAfterFirstVisit(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl);
  // Let the first sync store the session and data locally before the network goes.
  await page.waitForFunction(() => !window.casehub.syncState || window.casehub.syncState().lastSyncedAt > 0,
    null, { timeout: 60000, polling: 200 });
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    return reg.active && reg.active.state;
  });
  await page.context().setOffline(true);
  await page.reload();
  await waitFirstFrame(page);
  await waitForShell(page);  // offline, a signed-in agent gets the shell, not the sign-in screen
  await waitForWidget(page, 'Cases');
  await screenshot(page, 'foundation-offline');
}
