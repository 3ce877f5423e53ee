// Helpers for CaseHub's browser tests: open the app, wait for its first frame, find
// widgets by label through window.casehub.widgets() (the client's widget recorder),
// click/tap them, type, and keep screenshots in tests/e2e/artifacts/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

// Desktop, tablet and phone as the tests use them (tablet/phone are touch screens).
export const SIZES = {
  desktop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, hasTouch: false },
  tablet: { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 2, hasTouch: true },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true },
};

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// Waits until window.casehub reports its first presented frame (swiftshader is slow:
// 60 s by default). Fails at once with the page's own message if loading failed.
export async function waitFirstFrame(page, timeout = 60000) {
  const handle = await page.waitForFunction(
    () => window.casehub && (window.casehub.firstFrame || window.casehub.error) ? { error: window.casehub.error } : null,
    null, { timeout, polling: 100 });
  const state = await handle.jsonValue();
  if (state.error) throw new Error('the app reported: ' + state.error);
}

// Labels that tell which screen is up, in en / fr / id.
const SHELL_LABELS = ['Quick create', 'Création rapide', 'Buat cepat'];
const SIGN_IN_LABELS = ['Sign in', 'Se connecter', 'Masuk'];

// Demo user of a freshly seeded server (see server/server_app.hpp).
export const DEMO_USER = { user: 'admin', password: 'casehub-demo' };
// The demo Customer Service Representative (same password).
export const ALEX = { user: 'alex', password: 'casehub-demo' };

// Waits until the app shows either the shell or the sign-in screen; returns which.
export async function waitForScreen(page, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const labels = new Set((await widgets(page)).map((w) => w.label));
    if (SHELL_LABELS.some((l) => labels.has(l))) return 'shell';
    if (SIGN_IN_LABELS.some((l) => labels.has(l))) return 'sign-in';
    if (Date.now() > deadline)
      throw new Error(`neither the shell nor the sign-in screen after ${timeout} ms; labels: ${[...labels].join(' | ')}`);
    await page.waitForTimeout(100);
  }
}

// Signs in through the client's test hook (window.casehub.signIn) when the sign-in
// screen is up, and waits for the shell.
export async function signIn(page, { user, password } = DEMO_USER, timeout = 30000) {
  if (await waitForScreen(page, timeout) === 'shell') return;
  await page.evaluate(([u, p]) => window.casehub.signIn(u, p), [user, password]);
  const deadline = Date.now() + timeout;
  while (await waitForScreen(page, timeout) !== 'shell') {
    if (Date.now() > deadline) throw new Error(`signing in as ${user} did not reach the shell within ${timeout} ms`);
    await page.waitForTimeout(200);
  }
}

// Opens the app at `url` and waits for the first frame (whatever screen it shows).
export async function openApp(page, url, timeout = 60000) {
  await page.goto(url, { waitUntil: 'load' });
  await waitFirstFrame(page, timeout);
  return page;
}

// Opens the app and gets to the shell: signs in as `user` (the demo admin by default)
// if the sign-in screen shows.
export async function openShell(page, url, user = DEMO_USER, timeout = 60000) {
  await openApp(page, url, timeout);
  await signIn(page, user);
  return page;
}

// Waits until the shell is up (e.g. after a reload with a stored session); fails if the
// sign-in screen is still there after `timeout`.
export async function waitForShell(page, timeout = 30000) {
  // After a reload window.casehub exists before the wasm module does: wait for a frame.
  await waitFirstFrame(page, timeout);
  const deadline = Date.now() + timeout;
  for (;;) {
    const screen = await waitForScreen(page, timeout);
    if (screen === 'shell') return;
    if (Date.now() > deadline) throw new Error(`still on the ${screen} screen after ${timeout} ms`);
    await page.waitForTimeout(200);
  }
}

export async function frameCount(page) {
  return page.evaluate(() => window.casehub.frameCount());
}

// Waits until `n` more frames were drawn, so an input has been seen and answered.
export async function waitFrames(page, n = 3, timeout = 20000) {
  const start = await frameCount(page);
  await page.waitForFunction((target) => window.casehub.frameCount() >= target, start + n, { timeout, polling: 50 });
}

// Widgets drawn in the last frame: [{id, label, x, y, w, h, input}] in CSS px.
export async function widgets(page) {
  return page.evaluate(() => window.casehub.widgets());
}

// The widgets labelled exactly `label`, optionally filtered (e.g. w => w.x > 300).
export async function findWidgets(page, label, where = () => true) {
  return (await widgets(page)).filter((w) => w.label === label && where(w));
}

// Waits for a widget labelled `label` (matching `where`) and returns it.
export async function waitForWidget(page, label, { where = () => true, timeout = 15000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await findWidgets(page, label, where);
    if (found.length) return found[0];
    if (Date.now() > deadline) {
      const labels = [...new Set((await widgets(page)).map((w) => w.label))].join(' | ');
      throw new Error(`no widget labelled "${label}" after ${timeout} ms; the last frame had: ${labels}`);
    }
    await page.waitForTimeout(100);
  }
}

async function isTouch(page) {
  return page.evaluate(() => navigator.maxTouchPoints > 0);
}

// Clicks (mouse) or taps (touch screens) the centre of the widget labelled `label`,
// then waits a few frames for the client to answer.
export async function clickLabel(page, label, { where, touch } = {}) {
  const w = await waitForWidget(page, label, { where });
  await clickWidgetAt(page, w, touch);
  return w;
}

// Clicks (or taps) the centre of the widget `w` (as widgets() reports it).
async function clickWidgetAt(page, w, touch) {
  const x = w.x + w.w / 2, y = w.y + w.h / 2;
  if (touch ?? await isTouch(page)) {
    await page.touchscreen.tap(x, y);
  } else {
    await page.mouse.move(x, y);
    await waitFrames(page, 1);
    await page.mouse.down();
    await waitFrames(page, 1);
    await page.mouse.up();
  }
  await waitFrames(page, 3);
}

// The overflow button of a command bar, in en / fr / id.
export const MORE_COMMANDS = ['More commands', 'Plus de commandes', 'Perintah lainnya'];

// Clicks the command `label` of a command bar: on the bar when it is drawn there, else
// through the bar's "More commands" menu (any language), where commands that do not fit
// the width go. `where` narrows which bar (e.g. w => w.y < 120); the menu item itself is
// the one the menu added. Waits up to `timeout` for the command to be offered.
export async function clickCommand(page, label, { where = () => true, touch, timeout = 15000 } = {}) {
  const deadline = Date.now() + timeout;
  const key = (w) => `${w.label}@${w.x},${w.y}`;
  for (;;) {
    const before = await widgets(page);
    const direct = before.find((w) => w.label === label && where(w));
    if (direct) {
      await clickWidgetAt(page, direct, touch);
      return direct;
    }
    const more = before.find((w) => MORE_COMMANDS.includes(w.label) && where(w));
    if (more) {
      await clickWidgetAt(page, more, touch);
      const known = new Set(before.map(key));
      const item = (await widgets(page)).find((w) => w.label === label && !known.has(key(w)));
      if (item) {
        await clickWidgetAt(page, item, touch);
        return item;
      }
      await page.keyboard.press('Escape');  // not in this menu (yet): close it and look again
      await waitFrames(page, 2);
    }
    if (Date.now() > deadline) {
      const labels = [...new Set((await widgets(page)).map((w) => w.label))].join(' | ');
      throw new Error(`no command "${label}" on the bar or in More commands after ${timeout} ms; the last frame had: ${labels}`);
    }
    await page.waitForTimeout(200);
  }
}

// Types into the focused field. Non-ASCII text arrives as composed input (the path
// IMEs and on-screen keyboards take).
export async function typeText(page, text) {
  await page.keyboard.type(text, { delay: 20 });
  await waitFrames(page, 2);
}

// Replaces the text of the focused field: select all, erase, type. The client queues
// keys that arrive between frames, so this needs no per-key pacing.
export async function replaceText(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
  await waitFrames(page, 3 + [...text].length * 2);
}

export async function pressKey(page, key) {
  await page.keyboard.press(key);
  await waitFrames(page, 3);
}

// Saves a PNG of the page to artifacts/<name>.png and returns its path.
export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name + '.png');
  await page.screenshot({ path: file });
  return file;
}

// Colour statistics of a region of the page as it is on screen (a screenshot of the
// clip, decoded in the page): { mean: [r,g,b], share(rgb, tolerance) } helpers.
export async function regionColors(page, clip) {
  const png = await page.screenshot({ clip });
  const data = 'data:image/png;base64,' + png.toString('base64');
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    const counts = {};
    let r = 0, gg = 0, b = 0;
    for (let i = 0; i < px.length; i += 4) {
      r += px[i]; gg += px[i + 1]; b += px[i + 2];
      const key = (px[i] >> 3) + ',' + (px[i + 1] >> 3) + ',' + (px[i + 2] >> 3);
      counts[key] = (counts[key] || 0) + 1;
    }
    const n = px.length / 4;
    let dominant = null, best = 0;
    for (const [k, v] of Object.entries(counts)) if (v > best) { best = v; dominant = k; }
    const [dr, dg, db] = dominant.split(',').map((v) => (Number(v) << 3) + 4);
    return { mean: [r / n, gg / n, b / n], dominant: [dr, dg, db], dominantShare: best / n, pixels: n };
  }, data);
}

export function colorDistance(a, b) {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

// Drags one finger from `from` to `to` ({x, y} in CSS px) on a touch page, in `steps`
// moves (Playwright's touchscreen only taps, so this speaks CDP).
export async function touchDrag(page, from, to, steps = 8) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + (to.x - from.x) * i / steps, y = from.y + (to.y - from.y) * i / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    await waitFrames(page, 1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await waitFrames(page, 3);
  await cdp.detach();
}

// The client's sync state (window.casehub.syncState(): online, pending, signedIn, ...).
export async function syncState(page) {
  return page.evaluate(() => (window.casehub && window.casehub.syncState ? window.casehub.syncState() : null));
}

// Polls the sync state until `predicate` holds; the error names `what` and the last state.
export async function waitForState(page, what, predicate, timeout = 60000) {
  const deadline = Date.now() + timeout;
  let state = null;
  while (Date.now() < deadline) {
    state = await syncState(page);
    if (state && predicate(state)) return state;
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out waiting for ${what}; sync state: ${JSON.stringify(state)}`);
}

// Calls the server's JSON API (GET, or POST with `body`), as `token`'s user; fails with
// the status and the start of the answer unless it is 2xx.
export async function api(baseUrl, path, { token, body } = {}) {
  const res = await fetch(new URL(path, baseUrl), {
    method: body ? 'POST' : 'GET',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert(res.ok, `${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

// The topmost widget of the last frame whose label passes `test`, waiting for one; the
// error lists what the frame had, so a failing test says what was on screen.
export async function waitForLabel(page, test, what, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await widgets(page)).filter((w) => test(w.label)).sort((a, b) => a.y - b.y);
    if (found.length) return found[0];
    if (Date.now() > deadline) {
      const labels = [...new Set((await widgets(page)).map((w) => w.label))].join(' | ');
      throw new Error(`no widget for ${what} after ${timeout} ms; the last frame had: ${labels}`);
    }
    await page.waitForTimeout(100);
  }
}

// The device's records of an entity, as the client's replica holds them (window.casehub.records).
export async function records(page, entity) {
  return page.evaluate((e) => window.casehub.records(e), entity);
}

// One record of the device's replica, or null.
export async function record(page, entity, id) {
  return (await records(page, entity)).find((r) => r.id === id) || null;
}

// Applies a mutation on the device (window.casehub.mutate) for a test's setup; fails the
// test if the device refuses it. Returns the mutation's id.
export async function mutate(page, name, args) {
  const answer = await page.evaluate(([n, a]) => window.casehub.mutate(n, a), [name, args]);
  assert(answer && answer.ok, `${name} was refused locally: ${JSON.stringify(answer)}`);
  return answer.id;
}

// Cells of the grid column whose header is `header`: widgets under it, in row order.
export async function columnCells(page, header) {
  const h = await waitForWidget(page, header, { where: (w) => w.y > 90 });
  const all = await widgets(page);
  return all
    .filter((w) => w.y > h.y + h.h - 2 && w.x >= h.x - 2 && w.x < h.x + h.w - 4 && w.label && w.label !== header)
    .sort((a, b) => a.y - b.y);
}
