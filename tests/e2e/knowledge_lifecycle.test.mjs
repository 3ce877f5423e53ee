// The knowledge article lifecycle from the article form's command bar (issue #8) in real
// headless Chromium: the demo admin creates a draft through the UI, submits it for
// review, approves and publishes it (status reason in the header each time), creates a
// minor version (the new draft opens, "Related versions" lists the published one),
// makes a word italic with the editor toolbar, translates the draft to French and
// archives the published version. On a tablet the commands are touch-sized; a
// representative without write access is shown the server's refusal.
import crypto from 'node:crypto';
import {
  ALEX, SIZES, assert, clickLabel, findWidgets, openShell, pressKey, records, screenshot, typeText, waitForState, waitForWidget, waitFrames, widgets,
} from './lib.mjs';

async function article(page, id) {
  return (await records(page, 'knowledgearticle')).find((r) => r.id === id);
}

// Clicks a command of the form's command bar, through "More commands" when it did not fit.
async function clickCommand(page, label) {
  await waitFrames(page, 2);
  if ((await findWidgets(page, label)).length === 0) {
    await clickLabel(page, 'More commands');
  }
  return clickLabel(page, label);
}

// Waits for the article to reach statecode/statuscode and the form header to name the status reason.
async function waitForStatus(page, id, state, status, reason) {
  await page.waitForFunction(([i, st, sc]) => window.casehub.records('knowledgearticle')
    .some((r) => r.id === i && r.attributes.statecode === st && r.attributes.statuscode === sc),
  [id, state, status], { timeout: 10000, polling: 100 }).catch(async () => {
    const a = await article(page, id);
    const errors = (await widgets(page)).map((w) => w.label).filter((l) => / may | cannot | only /i.test(l));
    throw new Error(`article ${id} is not ${state}/${status}: ${JSON.stringify(a && a.attributes)} ${errors.join(' | ')}`);
  });
  await waitForWidget(page, `Knowledge Article  ·  ${reason}`);
}

async function openArticle(page, id) {
  await page.evaluate((i) => { location.hash = `#/knowledgearticle/${i}`; }, id);
  await waitForWidget(page, 'Reference panel', { timeout: 20000 });
}

export async function desktopDraftToPublishedVersionTranslationAndArchive(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl);
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);

  // A draft made through the UI: Knowledge Articles > New, a title, Save.
  const title = `Pair the headset over Bluetooth ${crypto.randomUUID().slice(0, 8)}`;
  await clickLabel(page, 'Knowledge Articles', { where: (w) => w.x < 260 });
  await clickLabel(page, 'New', { where: (w) => w.y < 130 });
  await clickLabel(page, 'Title');
  await typeText(page, title);
  await clickLabel(page, 'Save');
  await page.waitForFunction((t) => window.casehub.records('knowledgearticle').some((r) => r.attributes.title === t),
    title, { timeout: 10000, polling: 100 });
  const id = (await records(page, 'knowledgearticle')).find((r) => r.attributes.title === title).id;
  await waitForWidget(page, 'Submit for Review');
  await waitForWidget(page, 'Knowledge Article  ·  Draft');

  await clickCommand(page, 'Submit for Review');
  await waitForStatus(page, id, 0, 4, 'In Review');
  await waitForWidget(page, 'Submitted for review');
  assert((await findWidgets(page, 'Submit for Review')).length === 0, 'Submit for Review is still offered in review');
  await clickCommand(page, 'Approve');
  await waitForStatus(page, id, 1, 5, 'Approved');
  await clickCommand(page, 'Publish');
  await waitForStatus(page, id, 3, 7, 'Published');
  // A published article is edited through Update or a new version, not in place.
  await waitForWidget(page, 'Read-only: use Update or a new version to edit');
  await screenshot(page, 'knowledge-lifecycle-published');

  // Create Minor Version: a new draft 1.1 opens; its related versions list the published 1.0.
  await clickCommand(page, 'Create Minor Version');
  await page.waitForFunction((root) => window.casehub.records('knowledgearticle')
    .some((r) => r.attributes.rootarticleid && r.attributes.rootarticleid.id === root &&
      r.attributes.minorversionnumber === 1 && r.attributes.statecode === 0), id, { timeout: 10000, polling: 100 });
  const minor = (await records(page, 'knowledgearticle')).find((r) => r.attributes.rootarticleid &&
    r.attributes.rootarticleid.id === id && r.attributes.minorversionnumber === 1);
  await page.waitForFunction((m) => location.hash.includes(m), minor.id, { timeout: 10000, polling: 100 });
  await waitForWidget(page, 'Knowledge Article  ·  Draft');
  await clickLabel(page, 'Versions and translations');
  await waitForWidget(page, 'Related versions');
  let labels = (await widgets(page)).map((w) => w.label);
  assert(labels.some((l) => l.startsWith(`${title}  ·  1.0`)), `the published 1.0 is not a related version: ${labels.join(' | ')}`);
  await screenshot(page, 'knowledge-lifecycle-minor-version');

  // The editor's toolbar: type two words, select the second, Italic, Save.
  await clickLabel(page, 'Rich text editor');
  await clickLabel(page, 'Article content (HTML)');
  await pressKey(page, 'Control+End');
  await typeText(page, ' pairing mode');
  for (let i = 0; i < 'mode'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await waitFrames(page, 3);
  await clickLabel(page, 'Italic');
  await clickLabel(page, 'Save');
  await page.waitForFunction((m) => window.casehub.records('knowledgearticle')
    .some((r) => r.id === m && /<(em|i)>mode<\/(em|i)>/.test(r.attributes.content || '')), minor.id,
  { timeout: 10000, polling: 100 }).catch(async () => {
    throw new Error(`the saved content has no italic "mode": ${JSON.stringify((await article(page, minor.id)).attributes.content)}`);
  });
  await screenshot(page, 'knowledge-lifecycle-italic');

  // Translate the draft into French: the French draft opens, tied to the same root.
  await clickCommand(page, 'Translate');
  await waitForWidget(page, 'Translate the article');
  await clickLabel(page, 'French');
  await clickLabel(page, 'Create translation');
  await page.waitForFunction((root) => window.casehub.records('knowledgearticle')
    .some((r) => r.attributes.rootarticleid && r.attributes.rootarticleid.id === root &&
      r.attributes.languagecode === 1036), id, { timeout: 10000, polling: 100 });
  const french = (await records(page, 'knowledgearticle')).find((r) => r.attributes.rootarticleid &&
    r.attributes.rootarticleid.id === id && r.attributes.languagecode === 1036);
  assert(french.attributes.statecode === 0, `the translation is not a draft: ${JSON.stringify(french.attributes)}`);
  await page.waitForFunction((f) => location.hash.includes(f), french.id, { timeout: 10000, polling: 100 });
  await clickLabel(page, 'Versions and translations');
  await waitForWidget(page, 'Translations');
  labels = (await widgets(page)).map((w) => w.label);
  // The UI-made article has no language set, so the 1.1 it came from is "another language" too.
  assert(labels.some((l) => l.startsWith(`${title}  ·  1.1  ·  `) && l.endsWith('Draft')),
    `the draft 1.1 is not listed among the translations: ${labels.join(' | ')}`);

  // Archive the published 1.0.
  await openArticle(page, id);
  await waitForWidget(page, 'Knowledge Article  ·  Published');
  await clickCommand(page, 'Archive');
  await waitForStatus(page, id, 5, 11, 'Archived');
  await waitForWidget(page, 'Restore');
  await screenshot(page, 'knowledge-lifecycle-archived');
}

// Tablet: the article commands are touch targets and work with a tap.
export async function tabletSubmitsAnArticleForReview(ctx) {
  const page = await ctx.newPage(SIZES.tablet);
  await openShell(page, ctx.baseUrl);
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);
  const id = crypto.randomUUID();
  const made = await page.evaluate((i) => window.casehub.mutate('record.create', {
    entity: 'knowledgearticle', id: i, fields: { title: 'Charge the tablet overnight', languagecode: 1033 },
  }), id);
  assert(made && made.ok, `creating the draft was refused: ${JSON.stringify(made)}`);
  await openArticle(page, id);
  await clickCommand(page, 'Submit for Review');
  await waitForStatus(page, id, 0, 4, 'In Review');
  const approve = (await findWidgets(page, 'Approve')).length
    ? await waitForWidget(page, 'Approve') : (await clickLabel(page, 'More commands'), await waitForWidget(page, 'Approve'));
  assert(approve.h >= 44, `Approve is ${approve.h} px high on a tablet, expected a touch target`);
  await screenshot(page, 'knowledge-lifecycle-tablet');
  await clickLabel(page, 'Approve');
  await waitForStatus(page, id, 1, 5, 'Approved');
  // Schedule opens the date picker dialog; cancelling it changes nothing.
  await clickCommand(page, 'Schedule');
  await waitForWidget(page, 'Publish on a date');
  await waitForWidget(page, 'Publish On');
  await screenshot(page, 'knowledge-lifecycle-tablet-schedule');
  await clickLabel(page, 'Cancel');
  await waitFrames(page, 3);
  assert((await article(page, id)).attributes.statecode === 1, 'cancelling Schedule changed the article');
}

// A representative may read published articles but not change them: the client applies
// Update at once (it is offline-first), the server refuses it under alex's role, and the
// refusal is shown with the core's reason while the article goes back to Published.
export async function representativeIsToldWhyUpdateIsRefused(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl, ALEX);
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);
  const published = (await records(page, 'knowledgearticle'))
    .find((r) => r.attributes.title === 'Reset your portal password' && r.attributes.statecode === 3);
  assert(published, 'alex sees no published "Reset your portal password"');
  await openArticle(page, published.id);
  await clickCommand(page, 'Update');
  const state = await waitForState(page, 'the server to refuse Update', (s) => s.pending === 0 && s.rejected >= 1, 60000);
  const reason = state.rejections.map((r) => r.message).find((m) => /may not change knowledge articles/.test(m));
  assert(reason, `the refusal does not give the core's reason: ${JSON.stringify(state.rejections)}`);
  const shown = await waitForWidget(page, reason);
  assert(shown, 'the refusal is not shown');
  await page.waitForFunction((i) => window.casehub.records('knowledgearticle')
    .some((r) => r.id === i && r.attributes.statuscode === 7), published.id, { timeout: 10000, polling: 100 });
  await screenshot(page, 'knowledge-lifecycle-refused');

  // Its Analytics tab: views, rating, feedback and the cases that used it, from the replica.
  await clickLabel(page, 'Analytics');
  await waitForWidget(page, 'Cases Using This Article');
  await waitForWidget(page, 'Feedback');
  const views = (await widgets(page)).find((w) => w.label.startsWith('Article Views: '));
  assert(views && views.label === `Article Views: ${published.attributes.knowledgearticleviews || 0}`,
    `the view count is not shown: ${views && views.label}`);
  await screenshot(page, 'knowledge-lifecycle-analytics');
}
