// The Queues page (issue #7) on a tablet (1024x768, touch) and a phone (390x844), in
// French: after switching the language the page speaks French only, every tap target of
// the page (commands, switchers, search, rows) is at least 44 px tall, nothing is drawn
// outside the screen, and an item is picked by tapping, then released again by tapping
// so the shared server keeps its queue as it was. Screenshots: artifacts/queues-*.png.
import {
  ALEX, SIZES, assert, clickCommand, clickLabel, openShell, screenshot, waitForLabel, waitForState, waitFrames, widgets,
} from './lib.mjs';

const QUEUES = 'Files d\u2019attente';
const AVAILABLE = '\u00c9l\u00e9ments disponibles \u00e0 traiter';
const MINE = '\u00c9l\u00e9ments que je traite';
const SELECT = 'S\u00e9lectionner: ';
const FRENCH = ['Choisir', 'Rechercher des \u00e9l\u00e9ments de file d\u2019attente'];
const ENGLISH = ['Items available to work on', 'Items I am working on', 'Search queue items', 'Pick', 'Release', 'Route',
  'All Queues', 'My Queues', 'Queues', 'Select all', 'Age', 'SLA Status', 'More commands'];
// What an agent taps on the page; each must be touch-sized.
const TAP_TARGETS = ['Choisir', 'Publier', 'Acheminer', 'Supprimer', 'Modifier', 'Actualiser', 'Options de choix',
  'Rechercher des \u00e9l\u00e9ments de file d\u2019attente', 'Filtrer', AVAILABLE, MINE];

async function openQueuesInFrench(ctx, size) {
  const page = await ctx.newPage(SIZES[size]);
  await openShell(page, ctx.baseUrl, ALEX);
  await waitForState(page, "alex's first sync", (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);
  await clickLabel(page, 'User menu');
  await clickLabel(page, 'Fran\u00e7ais');
  if (size === 'phone') await clickLabel(page, 'Plan de site');
  await clickLabel(page, QUEUES, { where: (w) => size === 'phone' || w.x < 240 });
  await waitForLabel(page, (l) => l === AVAILABLE, 'the queue view in French');
  await waitForLabel(page, (l) => l.startsWith(SELECT), 'a queue item row');
  await waitFrames(page, 3);
  return page;
}

// The page in French, touch-sized, and inside the screen.
async function checkLayout(page, size) {
  const { width, height } = SIZES[size].viewport;
  const all = await widgets(page);
  const labels = new Set(all.map((w) => w.label));
  for (const l of FRENCH) assert(labels.has(l), `no "${l}" on the French queue page (${size})`);
  const english = ENGLISH.filter((l) => labels.has(l));
  assert(english.length === 0, `English left on the French queue page (${size}): ${english.join(' | ')}`);

  // The lowest row may be cut by the bottom of the grid (recorded rects are clipped).
  const gridBottom = Math.max(...all.filter((w) => w.label.startsWith(SELECT)).map((w) => w.y + w.h));
  const rows = all.filter((w) => w.label.startsWith(SELECT) && w.y + w.h < gridBottom - 0.5);
  const small = all.filter((w) => (TAP_TARGETS.includes(w.label) || rows.includes(w)
    || w.label === 'Tout s\u00e9lectionner') && w.h < 43.5);
  assert(small.length === 0, `tap targets under 44 px on the ${size}: `
    + small.map((w) => `${w.label} (${w.w.toFixed(0)}x${w.h.toFixed(0)})`).join(' | '));
  assert(rows.length > 0, `no queue item rows on the ${size}`);
  for (const r of rows) {
    // The title link of the same row: it opens the case, so it is a tap target too.
    const title = all.find((w) => w.label === r.label.slice(SELECT.length) && w.x > r.x && Math.abs(w.y - r.y) < r.h);
    assert(title, `the row "${r.label}" has no title link beside its selection box on the ${size}`);
    assert(title.h >= 43.5, `the title link "${title.label}" is ${title.h} px tall on the ${size}`);
  }

  const outside = all.filter((w) => w.x < -0.5 || w.y < -0.5 || w.x + w.w > width + 0.5 || w.y + w.h > height + 0.5);
  assert(outside.length === 0, `drawn outside the ${width}x${height} screen: `
    + outside.map((w) => `${w.label} @${w.x.toFixed(0)},${w.y.toFixed(0)} ${w.w.toFixed(0)}x${w.h.toFixed(0)}`).join(' | '));
}

// Taps the first row's selection box and Choisir, checks the replica made alex the worker,
// then releases the item from "Éléments que je traite".
async function pickAndReleaseByTapping(page, size) {
  const row = await waitForLabel(page, (l) => l.startsWith(SELECT), 'a queue item row');
  const title = row.label.slice(SELECT.length);
  await clickLabel(page, row.label, { where: (w) => w.y === row.y });
  await clickCommand(page, 'Choisir');
  await waitForLabel(page, (l) => /^1 choisis/.test(l), 'the pick notice');
  const alex = await page.evaluate(() => window.casehub.records('systemuser').find((u) => u.attributes.domainname === 'alex').id);
  const mine = await page.evaluate(([t, me]) => window.casehub.records('queueitem')
    .filter((q) => q.attributes.title === t && q.attributes.workerid && q.attributes.workerid.id === me).length, [title, alex]);
  assert(mine > 0, `tapping Choisir did not make alex the worker of "${title}" (${size})`);
  await screenshot(page, `queues-${size}-fr-picked`);

  await clickLabel(page, AVAILABLE);
  await clickLabel(page, MINE, { where: (w) => w.h > 0 });
  await waitForLabel(page, (l) => l === MINE, 'the "items I am working on" view');
  const picked = await waitForLabel(page, (l) => l === row.label, 'the picked item among my items');
  await clickLabel(page, picked.label, { where: (w) => w.y === picked.y });
  await screenshot(page, `queues-${size}-fr-mine`);
  await clickCommand(page, 'Publier');
  await waitForLabel(page, (l) => /^1 publi/.test(l), 'the release notice');
}

export async function tabletQueuesInFrenchAreTouchSized(ctx) {
  const page = await openQueuesInFrench(ctx, 'tablet');
  await screenshot(page, 'queues-tablet-fr');
  await checkLayout(page, 'tablet');
  await pickAndReleaseByTapping(page, 'tablet');
}

export async function phoneQueuesInFrenchAreTouchSized(ctx) {
  const page = await openQueuesInFrench(ctx, 'phone');
  await screenshot(page, 'queues-phone-fr');
  await checkLayout(page, 'phone');
  await pickAndReleaseByTapping(page, 'phone');
}
