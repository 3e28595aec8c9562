// The monthly tracking meeting, as a manager runs it: the agenda by urgency with each child's
// milestones against their due dates (worked by hand below), the two downloads, a meeting's
// record with an action that carries forward, and the minutes printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, chooseFile, downloadText, confirmImport, clearDemonstration } from './helpers.mjs';

let app;
let page;

before(async () => {
  app = await start();
  page = await app.newPage({ width: 1280, height: 1000 });
});

after(async () => {
  await app.close();
});

// As of 30/06/2015:
//  P1: placement order 01/03/2015, not matched (match due 121 days later, 30/06/2015);
//      pack sent Thursday 30/04/2015, before the bank holiday on Monday 04/05: 20 working
//      days later is Monday 01/06 (the spring bank holiday on 25/05 skipped too); returned
//      29/05: on time. PAR received Friday 22/05: the decision is due 5 working days later,
//      01/06, and is not made: 29 days overdue.
//  P2: moved in 01/04/2015: Annex A due 28 days later, 29/04, not done: 62 days overdue.
//  P3: entered care 01/05/2015: moving in due 426 days later, 30/06/2016.
const CSV = [
  'child_id,entered_care,shobpa_decision,placement_order,matched,placed,pack_sent,pack_returned,par_received,later_life_letter,ao_application,family_finder',
  'P1,01/01/2015,01/02/2015,01/03/2015,,,30/04/2015,29/05/2015,22/05/2015,,,Sam Patel',
  'P2,01/01/2014,01/03/2014,01/06/2014,01/03/2015,01/04/2015,,,,20/04/2015,01/06/2015,Jo Reid',
  'P3,01/05/2015,,,,,,,,,,Sam Patel',
  '',
].join('\n');

async function fill(label, value) {
  const box = page.getByLabel(label, { exact: true });
  await box.fill(value);
  await box.blur();
}

const agendaIds = () => page.locator('.agenda tbody th').allInnerTexts();

test('the agenda puts the most overdue child first, and the milestones download says why', async () => {
  await app.open(page, '#/records');
  await clearDemonstration(page);
  await chooseFile(page, 'Import records', 'children.csv', CSV);
  await confirmImport(page);
  await page.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await fill('As of date', '30/06/2015');
  await page.getByRole('link', { name: 'Tracking meeting', exact: true }).click();
  await page.getByRole('heading', { name: 'Tracking meeting', level: 1 }).waitFor();
  assert.deepEqual(await agendaIds(), ['P2', 'P1', 'P3']);
  const p1 = page.locator('.agenda tbody tr', { has: page.locator('th', { hasText: 'P1' }) });
  assert.match(await p1.innerText(), /decision to proceed with the prospective family, due 01\/06\/2015/);
  assert.match(await p1.innerText(), /decision to proceed with the prospective family \(29 days\)/);

  const milestones = await downloadText(page, () => page.getByRole('button', { name: 'Download milestones (CSV)' }).click());
  const lines = milestones.text.trim().split('\r\n');
  assert.equal(lines[0], 'child_id,milestone,due_date,done_date,status,days_late');
  for (const row of [
    'P1,pack_returned,2015-06-01,2015-05-29,done,0',
    'P1,par_decision,2015-06-01,,overdue,29',
    'P1,matched,2015-06-30,,due,0',
    'P2,annex_a,2015-04-29,,overdue,62',
    'P3,placed,2016-06-30,,due,0',
  ]) {
    assert.ok(lines.includes(row), `${row} missing from\n${milestones.text}`);
  }
  const agenda = await downloadText(page, () => page.getByRole('button', { name: 'Download agenda (CSV)' }).click());
  assert.ok(agenda.text.split('\r\n')[1].startsWith('P2,moving in to adoption order,Jo Reid,'), agenda.text);

  // Overdue only leaves P3 out.
  await page.getByLabel('Overdue only', { exact: true }).check();
  assert.deepEqual(await agendaIds(), ['P2', 'P1']);
  await page.getByLabel('Overdue only', { exact: true }).uncheck();
  // One family finder's children.
  await page.getByLabel('Family finder', { exact: true }).selectOption('Sam Patel');
  assert.deepEqual(await agendaIds(), ['P1', 'P3']);
  await page.getByLabel('Family finder', { exact: true }).selectOption('');
  await app.screenshot(page, 'tracking-01-agenda');
});

test('a meeting records an outcome and an action, which carries forward and survives a reload', async () => {
  await fill('Attendees', 'Adoption and fieldwork service managers');
  await page.getByRole('button', { name: 'Hold meeting' }).click();
  await page.getByRole('heading', { name: 'Minutes of the tracking meeting of 30/06/2015' }).waitFor();
  await page.getByLabel('Child discussed', { exact: true }).selectOption('P1');
  await page.getByLabel('1.1.8 Discussion', { exact: true }).fill('Two families interested; PAR decision chased.');
  await page.getByLabel('1.1.5 Does adoption remain the plan?', { exact: true }).selectOption('yes');
  await fill('New action', 'Decide on the prospective family');
  await fill('Action owner', 'Family finding manager');
  await fill('Action due (DD/MM/YYYY)', '10/07/2015');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByRole('button', { name: 'Save outcome for P1' }).click();
  await page.locator('.minutes', { hasText: 'Child P1' }).waitFor();

  await page.reload();
  await page.getByRole('heading', { name: 'Tracking meeting', level: 1 }).waitFor();
  const minutes = page.locator('.minutes');
  assert.match(await minutes.innerText(), /Two families interested; PAR decision chased\./);
  assert.match(await minutes.innerText(), /Decide on the prospective family – Family finding manager, by 10\/07\/2015/);
  const p1 = page.locator('.agenda tbody tr', { has: page.locator('th', { hasText: 'P1' }) });
  assert.match(await p1.locator('td').last().innerText(), /^1$/);

  // A month on, the action is overdue, and the July meeting ticks it off.
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await fill('As of date', '28/07/2015');
  await page.getByRole('link', { name: 'Tracking meeting', exact: true }).click();
  await p1.waitFor();
  assert.equal((await p1.locator('td').last().innerText()).trim(), '1 (1 overdue)');
  await fill('Meeting date (DD/MM/YYYY)', '28/07/2015');
  await page.getByRole('button', { name: 'Hold meeting' }).click();
  await page.getByRole('heading', { name: 'Minutes of the tracking meeting of 28/07/2015' }).waitFor();
  await page.getByLabel('Child discussed', { exact: true }).selectOption('P1');
  const carried = page.getByLabel(/^Done: Decide on the prospective family/);
  assert.match(await page.locator('.outcome').innerText(), /30\/06\/2015: Two families interested/);
  // Ticked, it is done: it leaves the open actions (Undo brings it back).
  await carried.click();
  await page.waitForFunction(() => {
    const row = [...document.querySelectorAll('.agenda tbody tr')].find((r) => r.querySelector('th')?.textContent === 'P1');
    return row?.lastElementChild?.textContent.trim() === 'none';
  });
  await app.screenshot(page, 'tracking-02-meeting');
});

test('the printed minutes keep the record and lose the controls', async () => {
  await page.getByLabel('Meeting', { exact: true }).selectOption({ label: '30/06/2015' });
  await page.emulateMedia({ media: 'print' });
  await page.locator('.minutes').scrollIntoViewIfNeeded();
  await app.screenshot(page, 'tracking-03-minutes-print');
  assert.equal(await page.locator('nav.tabs').isVisible(), false, 'the menus are not printed');
  await page.emulateMedia({ media: 'screen' });
});
