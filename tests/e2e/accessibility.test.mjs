// The accessibility mirror (issue 22, docs/accessibility.md) in a real Chromium: what a
// screen reader, axe and the keyboard meet instead of the canvas. One signed-in page is
// shared by the cases of this file (they run in order: sign in with the keyboard, then
// the main screens), so the file costs one app load plus two for the French and
// Indonesian labels.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { SIZES, assert, openApp, screenshot, waitForScreen, waitFrames, waitForState, records } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let shared = null;  // { context, page } of the signed-in agent, made by the first case

async function sharedPage(ctx) {
  if (shared) return shared.page;
  // bypassCSP: axe-core goes in as a script tag, which the app's CSP would refuse.
  const context = await ctx.browser.newContext(Object.assign({ bypassCSP: true }, SIZES.desktop));
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  shared = { context, page };
  return page;
}

// The element that has the page's focus: its role, accessible name and value.
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return null;
    return {
      key: el.dataset ? el.dataset.key || '' : '', tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') || (el.tagName === 'INPUT' ? 'textbox' : el.tagName.toLowerCase()),
      name: el.getAttribute('aria-label') || el.textContent || '', value: el.value,
    };
  });
}

// Waits until the mirror holds an element with `role` named `name` (a string or a test).
async function waitForMirror(page, role, name, timeout = 20000) {
  const handle = await page.waitForFunction(([r, n, isRe]) => {
    const test = isRe ? new RegExp(n) : null;
    for (const el of document.querySelectorAll('#a11y-root [data-key]')) {
      const role = el.getAttribute('role') || (el.tagName === 'INPUT' ? 'textbox' : el.tagName === 'NAV' ? 'navigation'
        : el.tagName === 'MAIN' ? 'main' : '');
      const label = el.getAttribute('aria-label') || el.textContent || '';
      if (role === r && (test ? test.test(label) : label === n)) return el.dataset.key;
    }
    return null;
  }, [role, name instanceof RegExp ? name.source : name, name instanceof RegExp], { timeout, polling: 100 })
    .catch(async () => {
      const have = await page.evaluate(() => [...document.querySelectorAll('#a11y-root [data-key]')]
        .map((el) => `${el.getAttribute('role') || el.tagName}:${el.getAttribute('aria-label') || el.textContent}`)
        .slice(0, 80).join(' | '));
      throw new Error(`no ${role} "${name}" in the mirror after ${timeout} ms; it has: ${have}`);
    });
  return handle.jsonValue();
}

// Presses Tab (Shift+Tab when `back`) until the focused element is a `role` named `name`.
async function tabTo(page, role, name, { back = false, max = 250 } = {}) {
  const test = name instanceof RegExp ? (s) => name.test(s) : (s) => s === name;
  for (let i = 0; i < max; i++) {
    const f = await focused(page);
    if (f && f.role === role && test(f.name.trim())) return f;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab did not reach the ${role} "${name}" in ${max} presses; focus is on ${JSON.stringify(await focused(page))}`);
}

// axe-core over the page (the mirror is the page's content): the serious and critical
// violations, each as "rule: target (summary)".
async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return result;
}

async function expectNoSeriousViolations(page, screen) {
  const v = await axeViolations(page);
  assert(v.length === 0, `axe finds serious or critical violations on the ${screen}:\n  ${v.join('\n  ')}`);
}

// Signs in with the keyboard alone, as the bug report tried: from a page without
// focus, Tab reaches the username field (which the screen focuses anyway), Tab goes to the
// password, Enter signs in.
export async function signInWithTheKeyboardAlone(ctx) {
  const page = await sharedPage(ctx);
  await openApp(page, ctx.baseUrl);
  assert(await waitForScreen(page) === 'sign-in', 'a fresh browser should show the sign-in screen');
  await waitForMirror(page, 'textbox', 'Username');
  await waitForMirror(page, 'heading', /Sign in/);
  await expectNoSeriousViolations(page, 'sign-in screen');
  await page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Username',
    null, { timeout: 10000 });
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Tab');
  const user = await focused(page);
  assert(user.role === 'textbox' && user.name === 'Username', `the first Tab should reach Username: ${JSON.stringify(user)}`);
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  const pw = await focused(page);
  assert(pw.role === 'textbox' && pw.name === 'Password', `Tab after the username should reach Password: ${JSON.stringify(pw)}`);
  await page.keyboard.type('casehub-demo');
  await page.keyboard.press('Enter');
  const deadline = Date.now() + 30000;
  while (await waitForScreen(page) !== 'shell') {
    assert(Date.now() < deadline, 'Enter in the password field did not sign in');
    await page.waitForTimeout(200);
  }
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0, 90000);
}

// The dashboard: the site map is navigation with links (the current area marked), the
// content is main and reached by the skip link, the sync status is a live region.
export async function dashboardHasLandmarksSkipLinkAndLiveStatus(ctx) {
  const page = await sharedPage(ctx);
  await waitForMirror(page, 'navigation', 'Site map');
  await waitForMirror(page, 'link', 'Cases');
  await waitForMirror(page, 'main', 'Main content');
  const status = await page.evaluate(() => {
    const s = document.querySelector('#a11y-root [role=status]');
    return s ? { live: s.getAttribute('aria-live'), text: s.textContent } : null;
  });
  assert(status && status.live === 'polite' && status.text, `no polite live region with the sync status: ${JSON.stringify(status)}`);
  // Skip link: the first Tab from the page shows it, Enter lands in the main content.
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  assert(skip.tag === 'a' && skip.name === 'Skip to main content', `the first Tab should reach the skip link: ${JSON.stringify(skip)}`);
  await page.keyboard.press('Enter');
  const inMain = await page.evaluate(() => !!document.activeElement.closest('main'));
  assert(inMain, 'the skip link did not move the focus into the main content');
  await expectNoSeriousViolations(page, 'dashboard');
}

// The cases grid: an ARIA grid named by its view, the row count of the whole view while
// only the visible rows are elements, column headers, and row links that open a record.
export async function gridIsAnAriaGridWithHeadersAndRowCount(ctx) {
  const page = await sharedPage(ctx);
  await tabTo(page, 'link', 'Cases');
  await page.keyboard.press('Enter');
  await waitForMirror(page, 'heading', 'Cases');
  // The admin works no cases: the view menu (a menu, reached by Tab, picked with Enter)
  // switches to every active case.
  await tabTo(page, 'button', 'My Active Cases');
  await page.keyboard.press('Enter');
  await waitForMirror(page, 'menuitem', 'All Active Cases');
  await tabTo(page, 'menuitem', 'All Active Cases');
  await page.keyboard.press('Enter');
  await waitForMirror(page, 'grid', 'All Active Cases');
  const grid = await page.waitForFunction(() => {
    const g = document.querySelector('#a11y-root [role=grid]');
    if (!g) return null;
    const rows = g.querySelectorAll('[role=row]');
    return rows.length > 2 ? {
      name: g.getAttribute('aria-label'), rowcount: Number(g.getAttribute('aria-rowcount')), rows: rows.length,
      headers: [...g.querySelectorAll('[role=columnheader]')].map((h) => h.textContent.trim()).filter(Boolean),
      firstIndex: Number(rows[1].getAttribute('aria-rowindex')),
    } : null;
  }, null, { timeout: 20000, polling: 100 }).then((h) => h.jsonValue());
  const cases = (await records(page, 'incident')).filter((r) => r.attributes.statecode === 0).length;
  assert(grid.name && /Cases/.test(grid.name), `the grid is not named by its view: ${JSON.stringify(grid)}`);
  assert(grid.headers.includes('Case Title'), `no "Case Title" column header: ${grid.headers.join(', ')}`);
  assert(grid.rowcount >= cases && grid.rows < grid.rowcount, `aria-rowcount ${grid.rowcount} vs ${cases} active cases, ${grid.rows} rows drawn`);
  assert(grid.firstIndex >= 2, `the first data row should come after the header row: ${grid.firstIndex}`);
  await expectNoSeriousViolations(page, 'cases grid');
}

// The case form: Chromium's accessibility tree (playwright's aria snapshot) shows the
// fields by their labels with their values.
export async function caseFormFieldsHaveLabelsAndValuesInTheAccessibilityTree(ctx) {
  const page = await sharedPage(ctx);
  // The first case's title in the grid is a link: Tab to it, Enter opens the case.
  const title = await page.evaluate(() => {
    const row = document.querySelectorAll('#a11y-root [role=grid] [role=row]')[1];
    return row ? [...row.querySelectorAll('[role=link]')].map((l) => l.textContent)[0] : null;
  });
  assert(title, 'no link in the first row of the grid');
  await tabTo(page, 'link', title);
  await page.keyboard.press('Enter');
  await waitForMirror(page, 'heading', title);
  await waitForMirror(page, 'textbox', 'Case Title');
  const snapshot = await page.locator('#a11y-root').ariaSnapshot();
  assert(snapshot.includes(`textbox "Case Title": ${title}`),
    `the aria snapshot lacks the Case Title field with its value "${title}":\n${snapshot.slice(0, 3000)}`);
  assert(/combobox "Customer": \S/.test(snapshot), `the aria snapshot lacks the Customer field and its value:\n${snapshot.slice(0, 3000)}`);
  await screenshot(page, 'a11y-case-form');
  await expectNoSeriousViolations(page, 'case form');
}

// The high-contrast theme is a check box in the user menu, reached and ticked with the
// keyboard, and kept as a preference; ticked again, the default theme comes back.
export async function highContrastThemeIsPickedInTheUserMenu(ctx) {
  const page = await sharedPage(ctx);
  for (const want of ['true', 'false']) {
    await tabTo(page, 'button', 'User menu');
    await page.keyboard.press('Enter');
    await waitForMirror(page, 'checkbox', 'High contrast');
    await tabTo(page, 'checkbox', 'High contrast');
    await page.keyboard.press('Enter');
    await page.waitForFunction((w) => (localStorage.getItem('casehub.theme') === 'high-contrast') === (w === 'true'),
      want, { timeout: 10000, polling: 100 });
    await tabTo(page, 'button', 'User menu');
    await page.keyboard.press('Enter');
    const checked = await page.waitForFunction(() => {
      const box = [...document.querySelectorAll('#a11y-root [role=checkbox]')].find((b) => b.textContent === 'High contrast');
      return box ? box.getAttribute('aria-checked') : null;
    }, null, { timeout: 10000, polling: 100 }).then((h) => h.jsonValue());
    assert(checked === want, `High contrast should read checked=${want}, reads ${checked}`);
    await page.keyboard.press('Escape');
    await waitFrames(page, 3);
  }
}

export async function queueAndKnowledgeHaveNoSeriousViolations(ctx) {
  const page = await sharedPage(ctx);
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await tabTo(page, 'link', 'Queues');
  await page.keyboard.press('Enter');
  await waitForMirror(page, 'heading', 'Queues');
  await waitFrames(page, 5);
  await expectNoSeriousViolations(page, 'queue page');
  await tabTo(page, 'link', 'Knowledge Articles');
  await page.keyboard.press('Enter');
  await waitForMirror(page, 'heading', 'Knowledge Articles');
  await waitFrames(page, 5);
  await expectNoSeriousViolations(page, 'knowledge page');
}

async function mirrorText(page) {
  return page.evaluate(() => [...document.querySelectorAll('#a11y-root [data-key]')]
    .filter((el) => !el.children.length).map((el) => el.getAttribute('aria-label') || el.textContent).join(' | ').slice(0, 2500));
}

async function waitUntil(test, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Waits until some element of the mirror reads `text` (plain text has no role).
async function waitForText(page, text, timeout = 15000) {
  await page.waitForFunction((t) => [...document.querySelectorAll('#a11y-root [data-key]')]
    .some((el) => el.textContent.trim() === t), text, { timeout, polling: 100 })
    .catch(() => { throw new Error(`the mirror never read "${text}"`); });
}

// Presses the command `label` of the command bar with the keyboard, through the "More
// commands" menu when it does not fit the bar.
async function pressCommand(page, label) {
  const inBar = await page.evaluate((l) => [...document.querySelectorAll('#a11y-root [role=button]')]
    .some((b) => b.textContent === l), label);
  if (!inBar) {
    await tabTo(page, 'button', 'More commands');
    await page.keyboard.press('Enter');
    await waitForMirror(page, 'menuitem', label);
    await tabTo(page, 'menuitem', label);
  } else {
    await tabTo(page, 'button', label);
  }
  await page.keyboard.press('Enter');
}

async function typeInto(page, name, text) {
  await tabTo(page, 'textbox', name);
  await page.keyboard.type(text);
  await page.waitForFunction(([n, t]) => {
    const el = document.activeElement;
    return el && el.getAttribute('aria-label') === n && el.value === t;
  }, [name, text], { timeout: 10000, polling: 50 }).catch(async () => {
    throw new Error(`typing "${text}" into ${name} left ${JSON.stringify(await focused(page))}`);
  });
}

// The gold flow with the keyboard alone (no mouse event at all): open a case from a
// queue, fill a field and save, insert a knowledge article into an email, resolve.
export async function goldFlowWithTheKeyboardAlone(ctx) {
  const page = await sharedPage(ctx);
  try {
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await tabTo(page, 'link', 'Queues');
    await page.keyboard.press('Enter');
    await waitForMirror(page, 'heading', 'Queues');
    const title = await page.waitForFunction(() => {
      const rows = document.querySelectorAll('#a11y-root [role=grid] [role=row]');
      const link = rows.length > 1 ? rows[1].querySelector('[role=link]') : null;
      return link ? link.textContent : null;
    }, null, { timeout: 20000, polling: 100 }).then((h) => h.jsonValue());
    await tabTo(page, 'link', title);
    await page.keyboard.press('Enter');
    await waitForMirror(page, 'heading', title);

    // Fill a field and save.
    const newTitle = `${title} (keyboard)`;
    await typeInto(page, 'Case Title', newTitle);
    await pressCommand(page, 'Save');
    let caseId = null;  // titles repeat in the demo data: the case is the one that got the new title
    await waitUntil(async () => {
      const saved = (await records(page, 'incident')).find((x) => x.attributes.title === newTitle);
      caseId = saved ? saved.id : null;
      return !!saved;
    },
      'Save to store the typed title').catch(async (e) => {
      throw new Error(`${e.message}; focus ${JSON.stringify(await focused(page))}; the mirror reads: ${await mirrorText(page)}`);
    });

    // A knowledge article into the case's email, from the reference panel.
    await typeInto(page, 'Search knowledge articles', 'descale X200');
    const article = 'Descale the X200 coffee machine';
    await waitForMirror(page, 'button', article);
    await tabTo(page, 'button', article);
    await page.keyboard.press('Enter');
    await waitForMirror(page, 'button', 'Insert article content');
    await tabTo(page, 'button', 'Insert article content');
    await page.keyboard.press('Enter');
    await waitForText(page, 'Inserted into the email draft');
    const draft = (await records(page, 'email')).find((e) => e.attributes.regardingobjectid
      && e.attributes.regardingobjectid.id === caseId && /descal/i.test(e.attributes.description || ''));
    assert(draft, 'no email draft with the article on the case');

    // Resolve: the dialog keeps the focus inside it; Enter on Resolve resolves.
    await pressCommand(page, 'Resolve Case');
    await waitForMirror(page, 'dialog', /Resolve Case/);
    await typeInto(page, 'Resolution', 'Resolved with the keyboard alone.');
    await tabTo(page, 'button', 'Resolve');
    await page.keyboard.press('Enter');
    await waitForText(page, 'Case resolved');
    const resolved = (await records(page, 'incident')).find((r) => r.id === caseId);
    assert(resolved.attributes.statecode === 1, `the case is in state ${resolved.attributes.statecode} after Resolve`);
    await screenshot(page, 'a11y-keyboard-gold-flow');
  } finally {
    await shared.context.close();
    shared = null;
  }
}

// French and Indonesian labels reach the tree (and <html lang> follows the UI language).
export async function frenchAndIndonesianLabelsReachTheTree(ctx) {
  for (const [locale, lang, username, title] of [['fr-FR', 'fr', "Nom d'utilisateur", /Se connecter|Connexion/],
    ['id-ID', 'id', 'Nama pengguna', /Masuk/]]) {
    const page = await ctx.newPage(Object.assign({ locale }, SIZES.desktop));
    await openApp(page, ctx.baseUrl);
    await waitForMirror(page, 'textbox', username);
    await waitForMirror(page, 'button', title);
    const htmlLang = await page.evaluate(() => document.documentElement.lang);
    assert(htmlLang === lang, `<html lang> is "${htmlLang}" for ${locale}`);
  }
}
