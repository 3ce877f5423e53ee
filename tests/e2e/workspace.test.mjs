// Agent workspace (issue #5) in real headless Chromium: the Cases grid (switch view,
// sort by a header, filter), a case form (edit, save, the change in the grid), quick
// create of a contact, French labels, and the same flow on a tablet (touch) and a phone.
// Screenshots of each size go to artifacts/workspace-*.png.
import {
  ALEX, SIZES, assert, clickCommand, clickLabel, columnCells, findWidgets, openShell, pressKey, replaceText, screenshot, typeText, waitForWidget, waitFrames, widgets,
} from './lib.mjs';

function isSorted(labels, descending) {
  for (let i = 1; i < labels.length; i++) {
    const c = labels[i - 1].localeCompare(labels[i], 'en', { sensitivity: 'base' });
    if (descending ? c < 0 : c > 0) return false;
  }
  return true;
}

async function openCases(page, { phone = false } = {}) {
  if (phone) await clickLabel(page, 'Site map');
  await clickLabel(page, 'Cases', { where: (w) => (phone ? true : w.x < 240) });
  await waitForWidget(page, 'My Active Cases');
}

async function switchToAllActiveCases(page) {
  await clickLabel(page, 'My Active Cases');
  await clickLabel(page, 'All Active Cases');
  await waitForWidget(page, 'All Active Cases');
  assert((await findWidgets(page, 'My Active Cases')).length === 0, 'the view switcher still shows My Active Cases');
}

// Clicks into the form field labelled `label`, replaces its text and waits a frame.
async function replaceField(page, label, text) {
  await clickLabel(page, label);
  await replaceText(page, text);
}

export async function desktopCasesViewFormQuickCreateAndFrench(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl, ALEX);
  await openCases(page);
  await switchToAllActiveCases(page);

  // Sort by the title: ascending, then descending.
  await clickLabel(page, 'Case Title');
  await waitFrames(page, 3);
  let titles = (await columnCells(page, 'Case Title')).map((w) => w.label);
  assert(titles.length >= 3, `expected case rows under "Case Title", got ${titles.length}`);
  const firstClick = isSorted(titles, false) ? 'asc' : isSorted(titles, true) ? 'desc' : null;
  assert(firstClick, `titles are not sorted after clicking the header: ${titles.slice(0, 6).join(' | ')}`);
  await clickLabel(page, 'Case Title');
  await waitFrames(page, 3);
  titles = (await columnCells(page, 'Case Title')).map((w) => w.label);
  assert(isSorted(titles, firstClick === 'asc'), `a second click should reverse the sort: ${titles.slice(0, 6).join(' | ')}`);
  await screenshot(page, 'workspace-desktop-grid');

  // Quick search narrows the rows.
  const sample = titles[0];
  await clickLabel(page, 'Search this view');
  await typeText(page, sample);
  await waitFrames(page, 3);
  const found = (await columnCells(page, 'Case Title')).map((w) => w.label);
  assert(found.length >= 1 && found.every((t) => t.toLowerCase().includes(sample.toLowerCase())),
    `quick search for "${sample}" shows ${found.join(' | ')}`);
  await replaceText(page, '');
  assert((await columnCells(page, 'Case Title')).length > 1, 'clearing the quick search should bring the rows back');

  // Open a case, edit its title on the Summary tab, save, and see it in the grid.
  const cell = (await columnCells(page, 'Case Title'))[0];
  await clickLabel(page, cell.label, { where: (w) => Math.abs(w.y - cell.y) < 2 });
  await waitForWidget(page, 'Summary');
  await waitForWidget(page, 'Details');
  await waitForWidget(page, 'Record set');
  const edited = `E2E edited case ${Date.now() % 100000}`;
  await replaceField(page, 'Case Title', edited);
  await waitForWidget(page, 'Unsaved changes', { where: () => true }).catch(() => {});
  await clickLabel(page, 'Save');
  await waitForWidget(page, 'Saved on this device');
  await waitForWidget(page, edited);
  await clickLabel(page, 'Details');
  await waitForWidget(page, 'Serial Number');
  await screenshot(page, 'workspace-desktop-form');
  await clickLabel(page, 'Back');
  await waitForWidget(page, 'All Active Cases');
  // The grid is sorted by title: find the edited row with the quick search.
  await clickLabel(page, 'Search this view');
  await typeText(page, edited);
  await waitForWidget(page, edited);
  await replaceText(page, '');

  // Quick create a contact from the top bar, then find it in Contacts.
  await clickLabel(page, 'Quick create');
  await clickLabel(page, 'Contact');
  await waitForWidget(page, 'Last Name');
  const last = `Lastname${Date.now() % 100000}`;
  await clickLabel(page, 'First Name');
  await typeText(page, 'Eve');
  await clickLabel(page, 'Last Name');
  await typeText(page, last);
  await screenshot(page, 'workspace-desktop-quick-create');
  await clickCommand(page, 'Save & Close');
  await clickLabel(page, 'Contacts', { where: (w) => w.x < 240 });
  await clickLabel(page, 'Search this view');
  await typeText(page, last);
  await waitForWidget(page, `Eve ${last}`);

  // French: the user menu switches the language; areas, views and headers follow.
  await clickLabel(page, 'User menu');
  await clickLabel(page, 'Français');
  await clickLabel(page, 'Incidents', { where: (w) => w.x < 240 });
  await waitForWidget(page, 'Tous les incidents actifs');
  await waitForWidget(page, "Titre de l'incident");
  await screenshot(page, 'workspace-desktop-french');
}

// Keys that land between two frames are queued by the client and replayed in order, so a
// burst typed faster than the frame rate (select all, erase, 20 characters) arrives whole.
export async function desktopTypingBurstIsNotDropped(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl, ALEX);
  await openCases(page);
  const cell = (await columnCells(page, 'Case Title'))[0];
  assert(cell, 'no case rows to open');
  await clickLabel(page, cell.label, { where: (w) => Math.abs(w.y - cell.y) < 2 });
  await waitForWidget(page, 'Summary');
  await clickLabel(page, 'Case Title');
  const burst = 'Burst 0123456789 xyz';  // 20 characters
  assert([...burst].length === 20, 'the burst is 20 characters');
  // No waits in between: all of this reaches the page within a frame or two.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(burst);
  // The form header shows the title being edited.
  await waitForWidget(page, burst, { timeout: 20000 });
  await clickLabel(page, 'Back');
  await clickLabel(page, 'Discard changes');
}

export async function tabletCasesFormWithTouch(ctx) {
  const page = await ctx.newPage(SIZES.tablet);
  await openShell(page, ctx.baseUrl, ALEX);
  await openCases(page);
  await switchToAllActiveCases(page);
  const row = await waitForWidget(page, 'Case Title', { where: (w) => w.y > 90 });
  assert(row.h >= 20, 'the header is drawn');
  const cells = await columnCells(page, 'Case Title');
  assert(cells.length > 0, 'no case rows on the tablet');
  assert(cells[0].h >= 30, `rows are ${cells[0].h} px high on a tablet, expected touch-sized`);
  await screenshot(page, 'workspace-tablet-grid');
  await clickLabel(page, cells[0].label, { where: (w) => Math.abs(w.y - cells[0].y) < 2 });
  await clickLabel(page, 'Details');
  // The process bar and reference panel leave less room on a tablet: scroll to the field.
  const caseType = await waitForWidget(page, 'Case Type');
  for (let i = 0; i < 8 && !(await findWidgets(page, 'Serial Number')).length; i++) {
    await page.mouse.move(caseType.x + caseType.w / 2, caseType.y + caseType.h / 2);
    await page.mouse.wheel(0, 200);
    await waitFrames(page, 3);
  }
  const serial = `SN-${Date.now() % 100000}`;
  await clickLabel(page, 'Serial Number');
  await typeText(page, serial);
  await clickLabel(page, 'Save');
  await waitForWidget(page, 'Saved on this device');
  assert((await findWidgets(page, 'Record set')).length === 0, 'the record set pane is hidden on a tablet');
  await screenshot(page, 'workspace-tablet-form');

  // Deep links: the address names the open record, and following it opens the form.
  const hash = await page.evaluate(() => location.hash);
  assert(/^#\/incident\/[0-9a-f-]{36}$/.test(hash), `the address should deep-link the open case, got "${hash}"`);
  await clickLabel(page, 'Back');
  await waitForWidget(page, 'All Active Cases');
  await page.evaluate((h) => { location.hash = h; }, hash);
  await waitForWidget(page, 'Save & Close');
  await waitForWidget(page, 'Summary');
}

export async function phoneCasesSingleColumn(ctx) {
  const page = await ctx.newPage(SIZES.phone);
  await openShell(page, ctx.baseUrl, ALEX);
  await openCases(page, { phone: true });
  await screenshot(page, 'workspace-phone-grid');
  const cells = await columnCells(page, 'Case Title');
  assert(cells.length > 0, 'no case rows on the phone');
  await clickLabel(page, cells[0].label, { where: (w) => Math.abs(w.y - cells[0].y) < 2 });
  const field = await waitForWidget(page, 'Case Title', { where: (w) => w.w > 200 });
  assert(field.x < 60 && field.w > 300, `form fields should take the phone's full width, got x=${field.x} w=${field.w}`);
  await screenshot(page, 'workspace-phone-form');
  await pressKey(page, 'Escape');
}
