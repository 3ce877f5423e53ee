// Knowledge in the reference panel (issue #8) in real headless Chromium: with no network,
// a case about a forgotten portal password opens with the panel suggesting the
// "Reset your portal password" article from the local replica; previewing it and choosing
// "Insert article content" puts the article into an email draft regarding the case.
import crypto from 'node:crypto';
import {
  SIZES, assert, clickLabel, findWidgets, openShell, records, screenshot, waitForState, waitForWidget,
} from './lib.mjs';

// Clicks a command of the form's command bar, through "More commands" when it did not fit.
async function clickCommand(page, label) {
  if ((await findWidgets(page, label)).length === 0) await clickLabel(page, 'More commands');
  return clickLabel(page, label);
}

export async function panelSuggestsArticleOfflineAndInsertsItIntoEmail(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl);
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);
  const accounts = await records(page, 'account');
  assert(accounts.length > 0, 'the first sync brought no accounts');

  await page.context().setOffline(true);
  await waitForState(page, 'the client to see it is offline', (s) => !s.online, 10000);

  const caseId = crypto.randomUUID();
  const made = await page.evaluate(([id, account]) => window.casehub.mutate('record.create', {
    entity: 'incident', id,
    fields: {
      title: 'Customer forgot the portal password',
      description: 'She cannot reset her password from the sign-in page.',
      customerid: { entity: 'account', id: account }, caseorigincode: 1,
    },
  }), [caseId, accounts[0].id]);
  assert(made && made.ok, `creating the case offline was refused: ${JSON.stringify(made)}`);

  await page.evaluate((id) => { location.hash = `#/incident/${id}`; }, caseId);
  await waitForWidget(page, 'Reference panel', { timeout: 20000 });
  // Knowledge search is the panel's opening tab on a case; suggestions come from the case.
  await waitForWidget(page, 'Suggested for this case');
  await waitForWidget(page, 'Reset your portal password');
  await screenshot(page, 'knowledge-panel-suggestions');

  await clickLabel(page, 'Reset your portal password');
  await waitForWidget(page, 'Insert article content');
  await screenshot(page, 'knowledge-panel-preview');
  await clickLabel(page, 'Insert article content');
  await waitForWidget(page, 'Inserted into the email draft');

  const emails = (await records(page, 'email'))
    .filter((e) => e.attributes.regardingobjectid && e.attributes.regardingobjectid.id === caseId);
  assert(emails.length === 1, `expected one email draft regarding the case, found ${emails.length}`);
  const draft = emails[0].attributes;
  assert(draft.statecode === 0 && draft.statuscode === 1, `the email is not an open draft: ${JSON.stringify(draft)}`);
  assert(draft.description.includes('To reset your password, open the sign-in page'),
    `the draft does not hold the article content: ${draft.description}`);
  assert(!/<script|onerror|javascript:/i.test(draft.description), 'the inserted content is not sanitized');

  // Inserting the link next appends to the same draft.
  await clickLabel(page, 'Insert URL');
  await page.waitForFunction((id) => window.casehub.records('email')
    .some((e) => e.attributes.regardingobjectid && e.attributes.regardingobjectid.id === id &&
      e.attributes.description.includes('#/knowledgearticle/')), caseId, { timeout: 10000, polling: 100 });
  assert((await records(page, 'email')).filter((e) => e.attributes.regardingobjectid &&
    e.attributes.regardingobjectid.id === caseId).length === 1, 'inserting the URL made a second draft');
  const state = await waitForState(page, 'the pending changes', (s) => s.pending >= 3, 5000);
  assert(!state.online, 'the test should still be offline');
  await screenshot(page, 'knowledge-panel-inserted');
}

// On a phone the panel is a second page of the form: "Reference panel" swaps the form's
// tabs for the panel, with touch-sized tabs on top, and "Form" brings the form back.
export async function phoneShowsThePanelAsAPage(ctx) {
  const page = await ctx.newPage(SIZES.phone);
  await openShell(page, ctx.baseUrl);
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);
  const accounts = await records(page, 'account');
  const caseId = crypto.randomUUID();
  const made = await page.evaluate(([id, account]) => window.casehub.mutate('record.create', {
    entity: 'incident', id,
    fields: { title: 'Coffee machine no longer heats', customerid: { entity: 'account', id: account }, caseorigincode: 1 },
  }), [caseId, accounts[0].id]);
  assert(made && made.ok, `creating the case was refused: ${JSON.stringify(made)}`);
  await page.evaluate((id) => { location.hash = `#/incident/${id}`; }, caseId);
  await waitForWidget(page, 'Summary', { timeout: 20000 });
  await clickLabel(page, 'Reference panel');
  const tab = await waitForWidget(page, 'Knowledge Base search');
  assert(tab.h >= 44, `panel tabs are ${tab.h} px high on a phone, expected touch-sized`);
  await waitForWidget(page, 'Descale the X200 coffee machine');
  await screenshot(page, 'knowledge-panel-phone');
  await clickLabel(page, 'Form');
  await waitForWidget(page, 'Summary');
}

// The article form's panel: after Update, the rich text editor's toolbar changes the
// content (saved with the form, then published again), and the versions tab lists the translations tied to the same root.
export async function articlePanelEditsContentAndListsTranslations(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl);
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);
  const article = (await records(page, 'knowledgearticle'))
    .find((r) => r.attributes.title === 'Reset your portal password' && r.attributes.statecode === 3);
  assert(article, 'the demo article "Reset your portal password" is missing');
  await page.evaluate((id) => { location.hash = `#/knowledgearticle/${id}`; }, article.id);
  await waitForWidget(page, 'Reference panel', { timeout: 20000 });
  await waitForWidget(page, 'Heading 1');
  // A published article is edited in place after Update (status reason "Updating").
  await clickCommand(page, 'Update');
  await page.waitForFunction((id) => window.casehub.records('knowledgearticle')
    .some((r) => r.id === id && r.attributes.statuscode === 9), article.id, { timeout: 10000, polling: 100 });
  await clickLabel(page, 'Bold');
  await clickLabel(page, 'Save');
  await page.waitForFunction((id) => window.casehub.records('knowledgearticle')
    .some((r) => r.id === id && r.attributes.content.startsWith('<b>...</b>')), article.id, { timeout: 10000, polling: 100 });
  await screenshot(page, 'knowledge-article-editor');
  await clickCommand(page, 'Publish');
  await page.waitForFunction((id) => window.casehub.records('knowledgearticle')
    .some((r) => r.id === id && r.attributes.statuscode === 7), article.id, { timeout: 10000, polling: 100 });

  await clickLabel(page, 'Versions and translations');
  await waitForWidget(page, 'Translations');
  const labels = (await page.evaluate(() => window.casehub.widgets())).map((w) => w.label);
  assert(labels.some((l) => l.startsWith('Réinitialiser le mot de passe du portail')),
    `the French translation is not listed: ${labels.join(' | ')}`);
  assert(labels.some((l) => l.startsWith('Reset your portal password  ·  1.1')), 'the draft 1.1 version is not listed');
  await screenshot(page, 'knowledge-article-versions');
}
