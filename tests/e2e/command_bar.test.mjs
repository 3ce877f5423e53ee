// Command bars (issue #5): a case form's bar never draws past the window at desktop
// (1440x900) and tablet (1024x768) sizes; the commands that do not fit sit in "More
// commands", and a command run from that menu works. Merge Cases from the Cases grid
// (issue #6): two selected active cases, the primary picked in a dialog, case.merge.
// Screenshots go to artifacts/command-bar-*.png.
import crypto from 'node:crypto';
import {
  ALEX, MORE_COMMANDS, SIZES, assert, clickCommand, clickLabel, findWidgets, mutate, openShell, record, records, screenshot, typeText, waitForState, waitForWidget, waitFrames, widgets,
} from './lib.mjs';

// Every command of an active case's form bar, in English.
const CASE_COMMANDS = ['Back', 'Save', 'Save & Close', 'Resolve Case', 'Cancel Case', 'Create Child Case', 'Merge Cases',
  'Follow', 'Assign', 'Email a Link', 'Delete', 'Open Dashboards', 'Apply Routing Rule'];

async function newCase(page, title, accountId) {
  const id = crypto.randomUUID();
  await mutate(page, 'record.create', {
    entity: 'incident', id,
    fields: { title, customerid: { entity: 'account', id: accountId }, caseorigincode: 1, statecode: 0, statuscode: 1 },
  });
  return id;
}

async function firstAccount(page) {
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0, 90000);
  const accounts = await records(page, 'account');
  assert(accounts.length > 0, 'the first sync brought no accounts');
  return accounts[0].id;
}

// The bar's widgets: the case commands and the overflow button, drawn under the top bar.
async function barWidgets(page) {
  return (await widgets(page)).filter((w) => w.y < 130 && (CASE_COMMANDS.includes(w.label) || MORE_COMMANDS.includes(w.label)));
}

async function checkCaseFormBar(ctx, size, name) {
  const page = await ctx.newPage(SIZES[size]);
  await openShell(page, ctx.baseUrl, ALEX);
  const title = `Command bar case ${size} ${Date.now() % 100000}`;
  const id = await newCase(page, title, await firstAccount(page));
  await page.evaluate((i) => { location.hash = `#/incident/${i}`; }, id);
  await waitForWidget(page, title);
  await waitForWidget(page, 'Resolve Case');
  await waitFrames(page, 3);

  const viewport = page.viewportSize();
  const bar = await barWidgets(page);
  const touch = size !== 'desktop';
  for (const w of bar) {
    assert(w.x >= 0 && w.x + w.w <= viewport.width + 0.5,
      `${name}: "${w.label}" is drawn past the window edge (x ${w.x}, w ${w.w}, window ${viewport.width})`);
    // A button cut by the bar's edge would be recorded narrower than its label needs.
    assert(w.w >= (touch ? 44 : 28) && (!touch || w.h >= 44), `${name}: "${w.label}" is cut or too small: ${JSON.stringify(w)}`);
  }
  const more = bar.find((w) => MORE_COMMANDS.includes(w.label));
  assert(more, `${name}: the bar did not fit, yet has no More commands: ${bar.map((w) => w.label).join(' | ')}`);
  const onBar = bar.map((w) => w.label).filter((l) => CASE_COMMANDS.includes(l));
  const hidden = CASE_COMMANDS.filter((l) => !onBar.includes(l));
  assert(hidden.length > 0, `${name}: every command is on the bar, nothing to overflow`);
  await screenshot(page, `command-bar-${size}`);

  // The menu lists exactly the commands left off the bar, touch-sized on tablet.
  await clickLabel(page, more.label);
  const menu = (await widgets(page)).filter((w) => w.y > more.y + more.h - 1 && hidden.includes(w.label));
  const listed = menu.map((w) => w.label);
  assert(hidden.every((l) => listed.includes(l)),
    `${name}: More commands lists ${listed.join(' | ')}, but the bar left off ${hidden.join(' | ')}`);
  for (const w of menu) {
    assert(w.x >= 0 && w.x + w.w <= viewport.width + 0.5, `${name}: menu item "${w.label}" is off screen: ${JSON.stringify(w)}`);
    if (touch) assert(w.h >= 44, `${name}: menu item "${w.label}" is not touch-sized: ${JSON.stringify(w)}`);
  }
  await screenshot(page, `command-bar-${size}-more`);
  await page.keyboard.press('Escape');
  await waitFrames(page, 3);

  // A command from the menu does its work: Email a Link opens the mailto: of this case,
  // Follow makes alex follow it.
  if (hidden.includes('Email a Link')) {
    await page.evaluate(() => { window.casehubLastMailto = ''; });
    await clickCommand(page, 'Email a Link', { where: (w) => w.y < 130 });
    const mailto = await page.evaluate(() => window.casehubLastMailto);
    assert(mailto.includes(encodeURIComponent(`#/incident/${id}`)), `${name}: Email a Link from the menu gave "${mailto}"`);
  } else {
    assert(hidden.includes('Follow'), `${name}: neither Email a Link nor Follow went to the menu: ${hidden.join(' | ')}`);
    await clickCommand(page, 'Follow', { where: (w) => w.y < 130 });
    await waitForWidget(page, 'You follow this case');
  }
  if (hidden.includes('Follow') && hidden.includes('Email a Link')) {
    await clickCommand(page, 'Follow', { where: (w) => w.y < 130 });
    await waitForWidget(page, 'You follow this case');
  }
}

export async function caseFormBarFitsAtDesktopWithTheRestInMoreCommands(ctx) {
  await checkCaseFormBar(ctx, 'desktop', '1440x900');
}

export async function caseFormBarFitsAtTabletWithTheRestInMoreCommands(ctx) {
  await checkCaseFormBar(ctx, 'tablet', '1024x768');
}

// Ticks the selection box of the grid row that shows `title` (left of the first column).
async function selectCaseRow(page, title) {
  const header = await waitForWidget(page, 'Case Number', { where: (w) => w.y > 90 });
  const cell = await waitForWidget(page, title, { where: (w) => w.y > header.y });
  await page.mouse.click(header.x - 16, cell.y + cell.h / 2);
  await waitFrames(page, 3);
}

export async function mergeTwoCasesFromTheCasesGrid(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl, ALEX);
  const account = await firstAccount(page);
  const stamp = Date.now() % 100000;
  const primaryTitle = `Merge primary ${stamp}`, otherTitle = `Merge other ${stamp}`;
  const primary = await newCase(page, primaryTitle, account);
  const other = await newCase(page, otherTitle, account);
  const taskId = crypto.randomUUID();
  await mutate(page, 'record.create', {
    entity: 'task', id: taskId,
    fields: { subject: `Call back ${stamp}`, regardingobjectid: { entity: 'incident', id: primary } },
  });
  const otherTask = crypto.randomUUID();
  await mutate(page, 'record.create', {
    entity: 'task', id: otherTask,
    fields: { subject: `Send part ${stamp}`, regardingobjectid: { entity: 'incident', id: other } },
  });

  await clickLabel(page, 'Cases', { where: (w) => w.x < 240 });
  await waitForWidget(page, 'My Active Cases');
  await clickLabel(page, 'My Active Cases');
  await clickLabel(page, 'All Active Cases');
  await clickLabel(page, 'Search this view');
  await typeText(page, String(stamp));
  await waitFrames(page, 5);
  // One case selected: no Merge Cases yet (Dataverse merges exactly two here).
  await selectCaseRow(page, primaryTitle);
  assert((await findWidgets(page, 'Merge Cases')).length === 0, 'Merge Cases is offered with one case selected');
  await selectCaseRow(page, otherTitle);
  await clickCommand(page, 'Merge Cases', { where: (w) => w.y < 130 });
  const heading = await waitForWidget(page, 'Primary case');
  await screenshot(page, 'command-bar-merge-dialog');
  // The dialog's row for the primary, not the grid's cell of the same title.
  await clickLabel(page, primaryTitle, { where: (w) => w.y > heading.y && w.y < heading.y + 150 });
  const buttons = (await findWidgets(page, 'Merge')).sort((a, b) => b.y - a.y);
  assert(buttons.length, 'the dialog has no Merge button');
  await clickLabel(page, 'Merge', { where: (w) => w.y === buttons[0].y });
  await page.waitForFunction((i) => {
    const r = window.casehub.records('incident').find((x) => x.id === i);
    return r && r.attributes.statecode === 2;
  }, other, { timeout: 15000 });

  const merged = await record(page, 'incident', other);
  assert(merged.attributes.statecode === 2 && merged.attributes.statuscode === 2000,
    `the other case should be Canceled / Merged: ${JSON.stringify(merged.attributes)}`);
  const kept = await record(page, 'incident', primary);
  assert(kept.attributes.statecode === 0, `the primary case should stay active: ${JSON.stringify(kept.attributes)}`);
  const tasks = await records(page, 'task');
  const regarding = (t) => tasks.find((x) => x.id === t)?.attributes.regardingobjectid?.id;
  assert(regarding(taskId) === primary, `the primary case lost its activity: ${regarding(taskId)}`);
  assert(regarding(otherTask) === primary, `the merged case's activity did not move to the primary: ${regarding(otherTask)}`);

  // The merged case's form says so.
  await page.evaluate((i) => { location.hash = `#/incident/${i}`; }, other);
  await waitForWidget(page, otherTitle);
  await waitForWidget(page, 'Case  \u00b7  Merged');
  await screenshot(page, 'command-bar-merged-case');
  const state = await waitForState(page, 'the outbox to drain', (s) => s.pending === 0, 90000);
  assert(state.rejected === 0, `the server rejected the merge: ${JSON.stringify(state.rejections)}`);
}
