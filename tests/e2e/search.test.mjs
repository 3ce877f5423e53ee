// The top bar's search (issue #5) in real headless Chromium: typing words finds records
// of the local replica across entities, accent-insensitively; opening a result opens its
// form; a search with no match says so.
import {
  SIZES, assert, clickLabel, openShell, pressKey, screenshot, typeText, waitForLabel, waitForWidget, widgets,
} from './lib.mjs';

export async function searchFindsRecordsAcrossEntitiesAndOpensOne(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl);
  await page.waitForFunction(() => window.casehub.syncState().lastSyncedAt > 0, null, { timeout: 90000 });
  await clickLabel(page, 'Search');
  await typeText(page, 'detartrer X200');  // no accent typed: "Détartrer" must match
  await pressKey(page, 'Enter');
  const hit = await waitForLabel(page, (l) => l.startsWith('Détartrer la machine à café X200'), 'the French article');
  await screenshot(page, 'search-results');
  await clickLabel(page, hit.label);
  await waitForWidget(page, 'Content', { timeout: 15000 });
  const hash = await page.evaluate(() => window.location.hash);
  assert(hash.startsWith('#/knowledgearticle/'), `opening the result went to ${hash}`);

  await clickLabel(page, 'Search');
  await pressKey(page, 'Control+A');
  await pressKey(page, 'Backspace');
  await typeText(page, 'zzqqxx');
  await pressKey(page, 'Enter');
  await waitForWidget(page, 'No records match this search on this device.');
}
