// The server's scheduled jobs seen from the browser (issue #6): an email an agent sends
// from the device is delivered by the server's job to the mail drop (<data>/outbox/<id>.eml)
// and comes back to the device as Sent on a later pull; the business-hours calendar form
// shows its daylight-saving rule (Paris: Europe).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  SIZES, assert, openShell, records, screenshot, waitForLabel, waitForState,
} from './lib.mjs';

export async function sentEmailIsDeliveredToTheMailDropAndComesBackSent(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl);
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);

  const id = crypto.randomUUID();
  const made = await page.evaluate((emailId) => window.casehub.mutate('record.create', {
    entity: 'email', id: emailId,
    fields: { subject: 'Procédure de réinitialisation', description: '<p>Voici la procédure.</p>', torecipients: 'lea.martin@example.fr' },
  }), id);
  assert(made && made.ok, `creating the email was refused: ${JSON.stringify(made)}`);
  const sent = await page.evaluate((emailId) => window.casehub.mutate('email.send', { id: emailId }), id);
  assert(sent && sent.ok, `sending was refused: ${JSON.stringify(sent)}`);
  await waitForState(page, 'the send to reach the server', (s) => s.pending === 0, 30000);

  // The job runs every 30 s by default; the device pulls the result on its next sync.
  const deadline = Date.now() + 120000;
  let email;
  for (;;) {
    email = (await records(page, 'email')).find((r) => r.id === id);
    if (email && email.attributes.statuscode === 3) break;
    assert(Date.now() < deadline, `the email never came back Sent: ${JSON.stringify(email && email.attributes)}`);
    await page.waitForTimeout(1000);
  }
  assert(email.attributes.senton, 'a sent email has no date sent');
  const file = path.join(ctx.dataDir, 'outbox', `${id}.eml`);
  assert(fs.existsSync(file), `no message in the mail drop at ${file}`);
  const eml = fs.readFileSync(file, 'utf8');
  assert(eml.includes('To: lea.martin@example.fr\r\n'), `the message has no To header: ${eml.slice(0, 300)}`);
  assert(eml.includes(`Message-ID: <${id}@casehub>`), 'the message has no Message-ID named by the activity');
  assert(eml.includes('Subject: =?UTF-8?B?'), 'the French subject is not encoded for mail');
}

export async function calendarFormShowsItsDaylightSavingRule(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl);
  await waitForState(page, 'the first sync', (s) => s.lastSyncedAt > 0 && s.pending === 0, 90000);
  const paris = (await records(page, 'calendar')).find((c) => c.attributes.name === 'Heures ouvrées France');
  assert(paris, 'the demo data has no Paris calendar');
  assert(paris.attributes.dstrule === 1, `the Paris calendar does not keep European summer time: ${paris.attributes.dstrule}`);
  await page.evaluate((calendarId) => { location.hash = `#/calendar/${calendarId}`; }, paris.id);
  await waitForLabel(page, (l) => l.includes('Daylight Saving Time'), 'the daylight-saving field');
  await page.waitForTimeout(500);
  await screenshot(page, 'calendar-dst');
}
