// Core error messages in the agent's language, in real headless Chromium: the core
// refuses to resolve a case without a resolution and to save a case without its
// required title; in French and in Indonesian the dialog and the form's message bar
// draw the translated sentence (core/message_catalog.cpp), not the English one.
// Screenshots go to artifacts/messages-*.png.
import crypto from 'node:crypto';
import {
  ALEX, SIZES, assert, clickLabel, findWidgets, openShell, screenshot, waitForState, waitForWidget, waitFrames, widgets,
} from './lib.mjs';

const LANGUAGES = {
  fr: {
    name: 'Français',
    userMenu: 'Menu utilisateur',
    resolveCase: "Résoudre l'incident",
    resolve: 'Résoudre',
    noResolution: "Entrez une résolution (ce qui a résolu l'incident) avant de le résoudre.",
    caseTitle: "Titre de l'incident",
    save: 'Enregistrer',
    cancel: 'Annuler',
    discard: 'Ignorer les modifications',
    titleRequired: "Titre de l'incident est obligatoire.",
  },
  id: {
    name: 'Bahasa Indonesia',
    userMenu: 'Menu pengguna',
    resolveCase: 'Selesaikan Kasus',
    resolve: 'Selesaikan',
    noResolution: 'Masukkan resolusi (apa yang menyelesaikan kasus) sebelum menyelesaikannya.',
    caseTitle: 'Judul Kasus',
    save: 'Simpan',
    cancel: 'Batal',
    discard: 'Buang perubahan',
    titleRequired: 'Judul Kasus wajib diisi.',
  },
};
const ENGLISH_NO_RESOLUTION = 'Enter a resolution (what solved the case) before resolving it.';

async function newCase(page, title) {
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0, 90000);
  const accounts = await page.evaluate(() => window.casehub.records('account'));
  assert(accounts.length > 0, 'the first sync brought no accounts');
  const id = crypto.randomUUID();
  const answer = await page.evaluate((a) => window.casehub.mutate('record.create', a), {
    entity: 'incident', id,
    fields: { title, customerid: { entity: 'account', id: accounts[0].id }, caseorigincode: 1, statecode: 0, statuscode: 1 },
  });
  assert(answer && answer.ok, `record.create was refused locally: ${JSON.stringify(answer)}`);
  return id;
}

async function switchLanguage(page, from, to) {
  await clickLabel(page, from);
  await clickLabel(page, LANGUAGES[to].name);
  await waitFrames(page, 3);
}

async function checkLanguage(page, code) {
  const t = LANGUAGES[code];
  const title = `Message case ${code} ${Date.now() % 100000}`;
  const id = await newCase(page, title);
  await page.evaluate((i) => { location.hash = `#/incident/${i}`; }, id);
  await waitFrames(page, 5);
  // The previous language's case was left with its title emptied: leave it unsaved.
  if ((await findWidgets(page, t.discard)).length) {
    await clickLabel(page, t.discard);
    await waitFrames(page, 3);
    await page.evaluate((i) => { location.hash = `#/incident/${i}`; }, id);
  }
  await waitForWidget(page, title);

  // Resolve Case with an empty resolution: the core's refusal, drawn in the language.
  await clickLabel(page, t.resolveCase);
  await clickLabel(page, t.resolve, { where: (w) => w.label === t.resolve });
  await waitForWidget(page, t.noResolution);
  const english = (await widgets(page)).filter((w) => w.label.includes(ENGLISH_NO_RESOLUTION));
  assert(english.length === 0, `the English message is still drawn in ${code}`);
  await screenshot(page, `messages-resolve-${code}`);
  await clickLabel(page, t.cancel, { where: (w) => w.label === t.cancel });
  await waitFrames(page, 3);
  assert((await findWidgets(page, t.noResolution)).length === 0, 'the resolve dialog did not close');

  // Save the case with its required title emptied: the validation message, translated.
  const lowest = (ws) => ws.reduce((a, b) => (b.y > a.y ? b : a));
  const field = lowest(await findWidgets(page, t.caseTitle));
  await clickLabel(page, t.caseTitle, { where: (w) => w.y === field.y });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await waitFrames(page, 3);
  await clickLabel(page, t.save, { where: (w) => w.label === t.save });
  await waitForWidget(page, t.titleRequired);
  assert((await findWidgets(page, 'Case Title is required.')).length === 0, `"Case Title is required." drawn in ${code}`);
  await screenshot(page, `messages-required-${code}`);
}

export async function coreErrorsAreDrawnInFrenchAndIndonesian(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl, ALEX);
  await switchLanguage(page, 'User menu', 'fr');
  await checkLanguage(page, 'fr');
  await switchLanguage(page, LANGUAGES.fr.userMenu, 'id');
  await checkLanguage(page, 'id');
}
