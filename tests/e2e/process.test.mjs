// Business process flow on the case form (issue 6) in real headless Chromium: the
// Phone to Case process bar shows its stages with the active one flagged; Next Stage
// refuses while a required step of the stage is empty and names it; filling the step
// and pressing Next Stage again moves the process on. On a phone the bar folds to the
// active stage. Screenshots: artifacts/process-*.png.
import {
  ALEX, SIZES, assert, clickLabel, openShell, screenshot, typeText, waitForWidget, waitFrames, widgets,
} from './lib.mjs';

// Icons are not part of recorded labels; the active stage is also recorded in words.
const ACTIVE = 'Active stage: ';
const NEXT = 'Next Stage';
const FINISH = 'Finish';
const STAGES = ['Identify', 'Research', 'Resolve'];

async function openFirstCase(page, { phone = false } = {}) {
  if (phone) await clickLabel(page, 'Site map');
  await clickLabel(page, 'Cases', { where: (w) => (phone ? true : w.x < 240) });
  const header = await waitForWidget(page, 'Case Title', { where: (w) => w.y > 90 });
  const all = await widgets(page);
  const cell = all
    .filter((w) => w.y > header.y + header.h - 2 && w.x >= header.x - 2 && w.x < header.x + header.w - 4 && w.label &&
      w.label !== 'Case Title')
    .sort((a, b) => a.y - b.y)[0];
  assert(cell, 'the Cases grid shows no case');
  await clickLabel(page, cell.label, { where: (w) => Math.abs(w.y - cell.y) < 2 });
  return cell.label;
}

// The stage the bar flags as active ("" when none is flagged).
async function flaggedStage(page) {
  const flagged = (await widgets(page)).find((w) => w.label.startsWith(ACTIVE));
  return flagged ? flagged.label.slice(ACTIVE.length) : '';
}

async function errorText(page) {
  const w = (await widgets(page)).find((x) => x.label.startsWith('Fill in the required steps'));
  return w ? w.label : '';
}

// Fills the step the bar named: a text step is typed, a lookup step gets its first match.
async function fillStep(page, message) {
  if (message.includes('Resolution')) {
    const field = (await widgets(page)).filter((w) => w.label === 'Resolution').sort((a, b) => a.y - b.y)[0];
    assert(field, 'the Resolution step is not on the bar');
    await clickLabel(page, 'Resolution', { where: (w) => Math.abs(w.y - field.y) < 2 });
    await typeText(page, 'Replaced the fuser unit.');
    return;
  }
  assert(message.includes('Subject'), `unexpected missing step: ${message}`);
  const label = (await widgets(page)).filter((w) => w.label === 'Subject').sort((a, b) => a.y - b.y)[0];
  assert(label, 'the Subject step is not on the bar');
  const picker = (await widgets(page))
    .filter((w) => w.label.startsWith('---') && Math.abs(w.y + w.h / 2 - (label.y + label.h / 2)) < 30)[0];
  assert(picker, 'no lookup button beside the Subject step');
  await clickLabel(page, picker.label, { where: (w) => Math.abs(w.y - picker.y) < 2 });
  const hint = await waitForWidget(page, 'Search records');
  assert(hint, 'the lookup search did not open');
  await waitFrames(page, 3);
  const hit = (await widgets(page)).filter((w) => w.y > hint.y + hint.h - 1 && w.label && !w.input &&
    Math.abs(w.x - hint.x) < 40).sort((a, b) => a.y - b.y)[0];
  assert(hit, 'the Subject lookup lists no subject');
  await clickLabel(page, hit.label, { where: (w) => Math.abs(w.y - hit.y) < 2 });
}

export async function nextStageRefusesUntilTheStepIsFilled(ctx) {
  const page = await ctx.newPage(SIZES.desktop);
  await openShell(page, ctx.baseUrl, ALEX);
  await openFirstCase(page);
  await waitForWidget(page, 'Phone to Case Process');
  await waitFrames(page, 3);
  await screenshot(page, 'process-desktop-bar');
  for (const s of STAGES) {
    const chevron = (await widgets(page)).find((w) => w.label.endsWith(s));
    assert(chevron, `the process bar has no "${s}" stage; the frame had: ${(await widgets(page)).map((w) => w.label).join(' | ')}`);
  }

  // Move on until the process refuses; there is always a required step left empty
  // (Resolution at the latest on an open case).
  let refused = '';
  for (let i = 0; i < STAGES.length && !refused; i++) {
    const before = await flaggedStage(page);
    assert(STAGES.includes(before), `no stage is flagged active (got "${before}")`);
    const button = (await widgets(page)).find((w) => w.label === NEXT || w.label === FINISH);
    assert(button, 'no Next Stage button');
    await clickLabel(page, button.label);
    await waitFrames(page, 4);
    refused = await errorText(page);
    if (!refused) assert((await flaggedStage(page)) !== before, `Next Stage neither moved from ${before} nor refused`);
  }
  assert(refused, 'Next Stage never refused a stage with an empty required step');
  const stuck = await flaggedStage(page);
  await screenshot(page, 'process-desktop-refused');

  await fillStep(page, refused);
  const button = (await widgets(page)).find((w) => w.label === NEXT || w.label === FINISH);
  const finishing = button.label === FINISH;
  await clickLabel(page, button.label);
  await waitFrames(page, 4);
  assert(!(await errorText(page)), `Next Stage still refuses after filling the step: ${await errorText(page)}`);
  if (finishing) {
    await waitForWidget(page, 'Phone to Case Process  \u00b7  Finished');
  } else {
    const now = await flaggedStage(page);
    assert(now && now !== stuck, `the process should have left ${stuck}, it is at "${now}"`);
  }
  await screenshot(page, 'process-desktop-moved');
}

export async function phoneFoldsTheBarToTheActiveStage(ctx) {
  const page = await ctx.newPage(SIZES.phone);
  await openShell(page, ctx.baseUrl, ALEX);
  await openFirstCase(page, { phone: true });
  // The desktop test may have moved or finished this case's process: any state will do.
  const deadline = Date.now() + 15000;
  let folded;
  while (!folded && Date.now() < deadline) {
    folded = (await widgets(page)).find((w) => /^(Identify|Research|Resolve) +\(\d\/3\)$/.test(w.label));
    if (!folded) await waitFrames(page, 3);
  }
  assert(folded, 'the phone bar should show the stage with its position, e.g. "Identify (1/3)"');
  assert(folded.h >= 44, `the folded bar is ${folded.h}px tall; touch targets need 44px`);
  assert(!(await widgets(page)).some((w) => w.label === 'Research' && w.y > folded.y), 'the folded bar should hide the stages');
  await clickLabel(page, folded.label);
  for (const s of STAGES) await waitForWidget(page, s, { where: (w) => w.y > folded.y && w.h >= 44 });
  await screenshot(page, 'process-phone-open');
}
