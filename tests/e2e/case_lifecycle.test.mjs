// Case lifecycle (issue #6) in real headless Chromium: resolve a case from its form
// (resolution dialog), see the form read-only with Reactivate offered, reactivate it; and
// a quick note typed on the timeline while offline survives a reload and is added.
// Screenshots go to artifacts/case-lifecycle-*.png.
import crypto from 'node:crypto';
import {
  ALEX, SIZES, assert, clickCommand, clickLabel, findWidgets, mutate, openShell, record, records, screenshot, syncState, typeText, waitFirstFrame, waitForState, waitForWidget, waitFrames, widgets,
} from './lib.mjs';

// A fresh active case of one of alex's accounts, made through the same mutation a form uses.
async function newCase(page, title) {
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0, 90000);
  const accounts = await records(page, 'account');
  assert(accounts.length > 0, 'the first sync brought no accounts');
  const id = crypto.randomUUID();
  await mutate(page, 'record.create', {
    entity: 'incident', id,
    fields: { title, customerid: { entity: 'account', id: accounts[0].id }, caseorigincode: 1, statecode: 0, statuscode: 1 },
  });
  return id;
}

// Scrolls the form body (mouse wheel over its middle) until `label` is on screen.
async function scrollTo(page, label) {
  for (let i = 0; i < 30; i++) {
    if ((await findWidgets(page, label)).length) return;
    const size = page.viewportSize();
    await page.mouse.move(size.width * 0.45, size.height * 0.7);
    await page.mouse.wheel(0, 300);
    await waitFrames(page, 3);
  }
  await waitForWidget(page, label, { timeout: 1000 });
}

async function openRecord(page, entity, id) {
  await page.evaluate(([e, i]) => { location.hash = `#/${e}/${i}`; }, [entity, id]);
  await waitFrames(page, 3);
}

export async function resolveFromTheFormThenReactivate(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl, ALEX);
  const title = `Lifecycle case ${Date.now() % 100000}`;
  const id = await newCase(page, title);
  await openRecord(page, 'incident', id);
  await waitForWidget(page, title);
  await waitForWidget(page, 'Resolve Case');

  // Resolving without a resolution is refused by the core, with its message in the dialog.
  await clickCommand(page, 'Resolve Case');
  await waitForWidget(page, 'Resolution Type');
  await clickLabel(page, 'Resolve');
  await waitForWidget(page, 'Enter a resolution (what solved the case) before resolving it.');
  await clickLabel(page, 'Resolution');
  await typeText(page, 'Replaced the pump seal');
  await screenshot(page, 'case-lifecycle-resolve-dialog');
  await clickLabel(page, 'Resolve');
  await waitForWidget(page, 'Case resolved');
  let r = await record(page, 'incident', id);
  assert(r.attributes.statecode === 1 && r.attributes.statuscode === 5,
    `the case should be Resolved / Problem Solved: ${JSON.stringify(r.attributes)}`);
  const resolutions = (await records(page, 'incidentresolution')).filter((x) => x.attributes.incidentid.id === id);
  assert(resolutions.length === 1 && resolutions[0].attributes.subject === 'Replaced the pump seal',
    `one incidentresolution with the subject: ${JSON.stringify(resolutions)}`);

  // Read-only: the banner shows, Reactivate replaces Resolve, and typing changes nothing.
  await waitForWidget(page, 'Read-only: reactivate to edit');
  await waitForWidget(page, 'Reactivate');
  assert((await findWidgets(page, 'Resolve Case')).length === 0, 'Resolve Case is still offered on a resolved case');
  // The Case Title field of the form body (the process bar above draws its own step field).
  const lowest = (ws) => ws.reduce((a, b) => (b.y > a.y ? b : a));
  let field = lowest(await findWidgets(page, 'Case Title'));
  await clickLabel(page, 'Case Title', { where: (w) => w.y === field.y });
  await typeText(page, 'x');
  const unsaved = (await widgets(page)).filter((w) => w.label.includes('Unsaved changes'));
  assert(unsaved.length === 0, `a resolved case took an edit: ${unsaved.map((w) => w.label).join(' | ')}`);
  r = await record(page, 'incident', id);
  assert(r.attributes.title === title, `the title of a resolved case changed: ${r.attributes.title}`);
  await screenshot(page, 'case-lifecycle-resolved');

  await clickCommand(page, 'Reactivate');
  await waitForWidget(page, 'Case reactivated');
  await waitForWidget(page, 'Resolve Case');
  r = await record(page, 'incident', id);
  assert(r.attributes.statecode === 0 && r.attributes.statuscode === 1,
    `the case should be Active / In Progress again: ${JSON.stringify(r.attributes)}`);
  assert((await findWidgets(page, 'Read-only: reactivate to edit')).length === 0, 'still read-only after reactivating');
  // The same typing now edits: the read-only check above could have failed.
  field = lowest(await findWidgets(page, 'Case Title'));
  await clickLabel(page, 'Case Title', { where: (w) => w.y === field.y });
  await typeText(page, 'x');
  const edited = (await widgets(page)).filter((w) => w.label.includes('Unsaved changes'));
  assert(edited.length > 0, 'typing into the reactivated case did not edit it');

  // The server agrees once the outbox drains.
  const state = await waitForState(page, 'the outbox to drain', (s) => s.pending === 0, 90000);
  assert(state.rejected === 0, `the server rejected the lifecycle changes: ${JSON.stringify(state.rejections)}`);
}

export async function quickNoteTypedOfflineSurvivesReload(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  const context = page.context();
  await openShell(page, ctx.baseUrl, ALEX);
  const title = `Timeline case ${Date.now() % 100000}`;
  const id = await newCase(page, title);
  await waitForState(page, 'the case to reach the server', (s) => s.pending === 0, 90000);
  const controlled = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false;
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 300 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 100));
    return !!navigator.serviceWorker.controller;
  });
  assert(controlled, 'no service worker controls the page, so it cannot reload offline');
  await openRecord(page, 'incident', id);
  await waitForWidget(page, 'Resolve Case');
  await scrollTo(page, 'Enter a note...');

  await context.setOffline(true);
  await waitForState(page, 'the client to see it is offline', (s) => !s.online, 10000);
  const note = `Seal part 4711 ordered ${Date.now() % 1000}`;
  await clickLabel(page, 'Enter a note...');
  await typeText(page, note);
  await waitForWidget(page, 'Draft kept on this device');
  await screenshot(page, 'case-lifecycle-note-draft');

  // Reload with no network: the form reopens from the address and the draft is still there.
  await page.reload({ waitUntil: 'load' });
  await waitFirstFrame(page);
  await waitForState(page, 'local data after the reload', (s) => !s.loading && s.signedIn, 30000);
  await waitForWidget(page, 'Resolve Case', { timeout: 30000 });
  await scrollTo(page, 'Add note');
  await waitForWidget(page, 'Draft kept on this device');
  await clickLabel(page, 'Add note');
  await scrollTo(page, note);
  assert((await findWidgets(page, 'Draft kept on this device')).length === 0, 'the draft is still shown after adding it');
  const notes = (await records(page, 'annotation')).filter((n) => n.attributes.objectid && n.attributes.objectid.id === id);
  assert(notes.length === 1 && notes[0].attributes.notetext === note, `the note is on the case: ${JSON.stringify(notes)}`);
  await screenshot(page, 'case-lifecycle-note-added');

  await context.setOffline(false);
  const state = await waitForState(page, 'the outbox to drain', (s) => s.online && s.pending === 0, 90000);
  assert(state.rejected === 0, `the server rejected the note: ${JSON.stringify(state.rejections)}`);
  assert(!(await syncState(page)).lastError, 'sync ended with an error');
}
