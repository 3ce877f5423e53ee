// Queues (issue #7) in real headless Chromium, two browser contexts as two agents of
// Contoso France: alex and camille open the Gold queue, both go offline, both pick the
// same item from "Items available to work on". Alex syncs first and holds it; camille's
// pick is rejected by the server and her rejection notice names the holder ("Alex
// Taylor is working on this item."), her queue view then shows Alex as the worker, and
// her other offline edit still reaches the server: nothing else is lost.
import crypto from 'node:crypto';
import {
  SIZES, api, assert, clickCommand, clickLabel, openApp, screenshot, signIn, waitForLabel, waitForState, waitFrames, widgets,
} from './lib.mjs';

const PASSWORD = 'casehub-demo';

// Signs in, waits for the first sync, opens Queues and switches to the Gold queue.
async function openGoldQueue(ctx, user) {
  const page = await ctx.newPage(SIZES.desktop);
  await openApp(page, ctx.baseUrl);
  await signIn(page, { user, password: PASSWORD });
  await waitForState(page, `${user}'s first sync`, (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);
  await clickLabel(page, 'Queues', { where: (w) => w.x < 240 });
  await waitForLabel(page, (l) => l === 'Items available to work on', 'the queue view');
  await clickLabel(page, 'All Queues');
  const gold = await waitForLabel(page, (l) => /^Gold \(\d+\)$/.test(l), 'the Gold queue in the switcher');
  await clickLabel(page, gold.label);
  await waitForLabel(page, (l) => l === 'Gold', 'the Gold queue title');
  return page;
}

async function pickFirstRow(page, expected) {
  const row = await waitForLabel(page, (l) => l.startsWith('Select: '), 'a queue item row');
  if (expected) assert(row.label === expected, `the agents see different first rows: ${row.label} vs ${expected}`);
  await clickLabel(page, row.label);
  await clickCommand(page, 'Pick');
  await waitFrames(page, 3);
  return row.label;
}

export async function twoAgentsPickTheSameItemOfflineAndTheSecondIsToldWhoHoldsIt(ctx) {
  const alex = await openGoldQueue(ctx, 'alex');
  const camille = await openGoldQueue(ctx, 'camille');
  await screenshot(alex, 'queues-gold-alex');

  // Both offline.
  await alex.context().setOffline(true);
  await camille.context().setOffline(true);
  await waitForState(alex, 'alex offline', (s) => !s.online, 10000);
  await waitForState(camille, 'camille offline', (s) => !s.online, 10000);

  // Both pick the first available item; each replica accepts it at once.
  const picked = await pickFirstRow(alex);
  await pickFirstRow(camille, picked);
  const title = picked.slice('Select: '.length);
  // The item camille just picked: hers, picked last (demo titles repeat).
  const item = await camille.evaluate((t) => {
    const me = window.casehub.records('systemuser').find((u) => u.attributes.domainname === 'camille');
    return window.casehub.records('queueitem')
      .filter((r) => r.attributes.title === t && r.attributes.workerid && r.attributes.workerid.id === me.id)
      .sort((a, b) => String(b.attributes.workeridmodifiedon).localeCompare(String(a.attributes.workeridmodifiedon)))[0];
  }, title);
  assert(item, `camille's replica has no picked item titled ${title}`);
  const camilleUser = await camille.evaluate(() => window.casehub.syncState().user);
  assert(camilleUser === 'camille', `signed in as ${camilleUser}`);
  await screenshot(camille, 'queues-picked-offline-camille');

  // Camille also edits another case offline: that edit must survive the rejected pick.
  const other = await camille.evaluate((skip) => window.casehub.records('incident')
    .find((r) => r.attributes.statecode === 0 && r.id !== skip && typeof r.attributes.title === 'string'),
  item.attributes.objectid.id);
  const newTitle = `${other.attributes.title} (rappelé ${crypto.randomUUID().slice(0, 6)})`;
  const edited = await camille.evaluate(([id, t]) => window.casehub.mutate('record.update',
    { entity: 'incident', id, fields: { title: t } }), [other.id, newTitle]);
  assert(edited && edited.ok, `camille's offline edit was refused: ${JSON.stringify(edited)}`);

  // Alex syncs first and holds the item.
  await alex.context().setOffline(false);
  let state = await waitForState(alex, 'alex\'s pick to sync', (s) => s.online && s.pending === 0 && s.lastSyncedAt > 0, 90000);
  assert(state.rejected === 0, `alex's pick was rejected: ${JSON.stringify(state.rejections)}`);

  // Camille syncs second: her pick is rejected with the holder's name, her edit is accepted.
  await camille.context().setOffline(false);
  state = await waitForState(camille, 'camille\'s sync', (s) => s.online && s.pending === 0 && s.rejected > 0, 90000);
  assert(state.rejections.length === 1 && state.rejections[0].mutation === 'queue.pick',
    `expected one rejected pick: ${JSON.stringify(state.rejections)}`);
  assert(state.rejections[0].message === 'Alex Taylor is working on this item.',
    `the rejection should name the holder: ${state.rejections[0].message}`);
  await waitForLabel(camille, (l) => l.includes('Alex Taylor is working on this item'), 'the rejection notice');

  // Her replica and queue view show who holds the item now.
  // (The push answer arrives before the pull that brings alex's pick: poll.)
  let held = null;
  for (const deadline = Date.now() + 30000; Date.now() < deadline && !(held && held.ok);) {
    await camille.waitForTimeout(300);
    held = await camille.evaluate((id) => {
    const alexUser = window.casehub.records('systemuser').find((u) => u.attributes.domainname === 'alex');
    const qi = window.casehub.records('queueitem').find((r) => r.id === id);
    return { ok: !!(qi && qi.attributes.workerid && qi.attributes.workerid.id === alexUser.id), alex: alexUser.id, qi };
    }, item.id);
  }
  assert(held.ok, `camille's replica does not show alex (${held.alex}) as the worker after sync: ${JSON.stringify(held.qi)}`);
  await clickLabel(camille, 'Items available to work on');
  await clickLabel(camille, 'All items');
  await waitForLabel(camille, (l) => l === 'Alex Taylor', 'Alex Taylor as the worker in the queue view');
  await screenshot(camille, 'queues-rejected-camille');

  // The server: Alex works the item, Camille's other edit is there.
  const login = await api(ctx.baseUrl, 'api/auth/login', { body: { username: 'camille', password: PASSWORD } });
  const snapshot = await api(ctx.baseUrl, 'api/sync/snapshot', { token: login.token });
  const alexUser = snapshot.records.find((r) => r.entity === 'systemuser' && r.attributes.domainname === 'alex');
  const onServer = snapshot.records.find((r) => r.entity === 'queueitem' && r.id === item.id);
  assert(onServer.attributes.workerid && onServer.attributes.workerid.id === alexUser.id,
    `the server's worker is ${JSON.stringify(onServer.attributes.workerid)}`);
  const otherOnServer = snapshot.records.find((r) => r.entity === 'incident' && r.id === other.id);
  assert(otherOnServer.attributes.title === newTitle, `camille's other edit was lost: ${otherOnServer.attributes.title}`);

  // Alex releases it from "Items I am working on"; it is available again.
  await clickLabel(alex, 'Items available to work on');
  await clickLabel(alex, 'Items I am working on');
  const mine = await waitForLabel(alex, (l) => l === picked, 'the picked item in alex\'s work');
  await clickLabel(alex, mine.label);
  await clickCommand(alex, 'Release');
  await waitForState(alex, 'the release to sync', (s) => s.pending === 0 && s.rejected === 0, 60000);
  const released = await alex.evaluate((id) => window.casehub.records('queueitem').find((r) => r.id === id), item.id);
  assert(!released.attributes.workerid, `still worked by ${JSON.stringify(released.attributes.workerid)}`);
  await screenshot(alex, 'queues-released-alex');
}

// Route dialog: an item goes to a team, as to a queue or a user; the team works it and
// owns its case. Camille routes: giving a case away takes a manager's role.
export async function routeAnItemToATeam(ctx) {
  const page = await openGoldQueue(ctx, 'camille');
  const row = await waitForLabel(page, (l) => l.startsWith('Select: '), 'a queue item row');
  const title = row.label.slice('Select: '.length);
  await clickLabel(page, row.label);
  await clickCommand(page, 'Route');
  await waitForLabel(page, (l) => l === 'Route to a queue, a user or a team', 'the Route dialog');
  await clickLabel(page, 'Team');
  await clickLabel(page, 'Support France');
  await screenshot(page, 'queues-route-team');
  const buttons = (await widgets(page)).filter((w) => w.label === 'Route').sort((a, b) => b.y - a.y);
  await clickLabel(page, 'Route', { where: (w) => w.y === buttons[0].y });
  const state = await waitForState(page, 'the route to sync', (s) => s.pending === 0, 60000);
  assert(state.rejected === 0, `routing to a team was rejected: ${JSON.stringify(state.rejections)}`);
  const routed = await page.evaluate((t) => {
    const team = window.casehub.records('team').find((r) => r.attributes.name === 'Support France');
    const qi = window.casehub.records('queueitem').find((r) => r.attributes.title === t && r.attributes.workerid &&
      r.attributes.workerid.id === team.id);
    const c = qi && window.casehub.records(qi.attributes.objectid.entity).find((r) => r.id === qi.attributes.objectid.id);
    return { team: team.id, worker: qi && qi.attributes.workerid, owner: c && c.attributes.ownerid };
  }, title);
  assert(routed.worker && routed.worker.entity === 'team', `no item titled ${title} worked by the team: ${JSON.stringify(routed)}`);
  assert(routed.owner && routed.owner.id === routed.team, `the case is not the team's: ${JSON.stringify(routed)}`);
}
