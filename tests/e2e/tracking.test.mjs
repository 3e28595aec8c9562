// The monthly tracking meeting, as a manager runs it: the agenda by urgency with each child's
// milestones against their due dates (worked by hand below), the two downloads, a meeting's
// record with an action that carries forward, and the minutes printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, chooseFile, downloadText, confirmImport, clearDemonstration, SCREENSHOTS } from './helpers.mjs';

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

test('a note and an action are kept as typed: change child, change screen, reload, both are there', async () => {
  await fill('Attendees', 'Adoption and fieldwork service managers');
  await page.getByRole('button', { name: 'Hold meeting' }).click();
  await page.getByRole('heading', { name: 'Minutes of the tracking meeting of 30/06/2015' }).waitFor();
  await page.getByLabel('Child discussed', { exact: true }).selectOption('P1');
  // Typed, and nothing pressed: no "Save" and no "Add action".
  await page.getByLabel('1.1.8 Discussion', { exact: true }).fill('Two families interested; PAR decision chased.');
  await page.getByLabel('1.1.5 Does adoption remain the plan?', { exact: true }).selectOption('yes');
  await page.getByLabel('New action', { exact: true }).fill('Decide on the prospective family');
  await page.getByLabel('Action owner', { exact: true }).fill('Family finding manager');
  await page.getByLabel('Action due (DD/MM/YYYY)', { exact: true }).fill('10/07/2015');
  // Straight to the next child, the focus still in the date box.
  await page.getByLabel('Child discussed', { exact: true }).selectOption('P2');
  await page.getByLabel('1.1.8 Discussion', { exact: true }).fill('Annex A chased.');
  // Straight to another screen, the focus still in the discussion box, then back.
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await page.getByRole('heading', { name: 'Records', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Tracking meeting', exact: true }).click();
  const minutes = page.locator('.minutes');
  await minutes.locator('.minutes__child', { hasText: 'Child P2' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Tracking meeting', level: 1 }).waitFor();
  const p1Minutes = minutes.locator('.minutes__child', { hasText: 'Child P1' });
  assert.match(await p1Minutes.innerText(), /Two families interested; PAR decision chased\./);
  assert.match(await p1Minutes.innerText(), /Decide on the prospective family – Family finding manager: due 10\/07\/2015/);
  assert.match(await minutes.locator('.minutes__child', { hasText: 'Child P2' }).innerText(), /Annex A chased\./);
  // The form holds it too.
  await page.getByLabel('Child discussed', { exact: true }).selectOption('P1');
  assert.equal(await page.getByLabel('1.1.8 Discussion', { exact: true }).inputValue(),
    'Two families interested; PAR decision chased.');
  assert.equal(await page.getByLabel('1.1.5 Does adoption remain the plan?', { exact: true }).inputValue(), 'yes');
  assert.match(await page.locator('.outcome__agreed').innerText(), /Decide on the prospective family – Family finding manager: due 10\/07\/2015/);
  // The entry is free for the next action; "Add action" keeps it and clears the entry.
  await page.getByLabel('New action', { exact: true }).fill('Send the CPR to the family');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.locator('.outcome__agreed li', { hasText: 'Send the CPR to the family' }).waitFor();
  assert.equal(await page.getByLabel('New action', { exact: true }).inputValue(), '');
  assert.equal(await page.evaluate(() => document.activeElement?.id), await page.getByLabel('New action', { exact: true }).getAttribute('id'));
  // A date that is not one is said beside its box, and the action is kept without it.
  await page.getByLabel('New action', { exact: true }).fill('Book the matching panel');
  await fill('Action due (DD/MM/YYYY)', '31/06/2015');
  const due = page.getByLabel('Action due (DD/MM/YYYY)', { exact: true });
  assert.equal(await due.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`#${await due.getAttribute('aria-describedby')}`).innerText(), /“31\/06\/2015” is not a date/);
  await page.locator('.outcome__agreed li', { hasText: 'Book the matching panel' }).waitFor();
  assert.equal(await due.inputValue(), '31/06/2015');
  await fill('Action due (DD/MM/YYYY)', '30/07/2015');
  await page.locator('.outcome__agreed li', { hasText: 'Book the matching panel – no owner named: due 30/07/2015' }).waitFor();
  // Undo takes back the last change, as anywhere else.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await page.locator('.outcome__agreed li', { hasText: /Book the matching panel – no owner named: no date set/ }).waitFor();
  // The entry shows the action as it is now kept, and goes on from there.
  assert.equal(await due.inputValue(), '');
  assert.equal(await page.getByLabel('New action', { exact: true }).inputValue(), 'Book the matching panel');

  const p1 = page.locator('.agenda tbody tr', { has: page.locator('th', { hasText: 'P1' }) });
  assert.match(await p1.locator('td').last().innerText(), /^3$/);
  await app.screenshot(page, 'tracking-02-kept-as-typed');
  await page.locator('.outcome').screenshot({ path: `${SCREENSHOTS}/tracking-02-outcome-form.png` });

  // Typed, and the page reloaded at once, the focus still in the box: kept as the page went.
  await page.getByLabel('Child discussed', { exact: true }).selectOption('P3');
  await page.getByLabel('1.1.9 Other relevant information', { exact: true }).fill('Sibling assessment under way.');
  await page.reload();
  await page.getByRole('heading', { name: 'Tracking meeting', level: 1 }).waitFor();
  assert.match(await page.locator('.minutes__child', { hasText: 'Child P3' }).innerText(), /Sibling assessment under way\./);
});

test('the minutes hold all eleven questions in order, and every open action across children', async () => {
  const p1Minutes = page.locator('.minutes__child', { hasText: 'Child P1' });
  const labels = (await p1Minutes.locator('dt').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(labels, [
    '1.1.1 Current legal status',
    '1.1.2 Additional steps to family-find',
    '1.1.3 Changes needed in the Child Permanence Report',
    '1.1.4 Has the Child Permanence Report been updated?',
    '1.1.5 Does adoption remain the plan?',
    '1.1.6 Does the SHOBPA decision remain appropriate?',
    '1.1.7 Does the placement order remain appropriate?',
    '1.1.8 Discussion',
    '1.1.9 Other relevant information',
    '1.1.10 Actions',
    '1.1.11 Inform adoption business support?',
  ]);
  const answers = (await p1Minutes.locator('dd').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(answers.filter((_, i) => ![4, 7, 9].includes(i)), Array(8).fill('not answered'));
  assert.equal(answers[4], 'yes');
  // The form asks them in the same order.
  await page.getByLabel('Child discussed', { exact: true }).selectOption('P1');
  const asked = await page.locator('.outcome').locator('label.field__label, legend').allInnerTexts();
  const numbered = asked.map((t) => t.trim()).filter((t) => /^1\.1\.\d+ /.test(t));
  assert.deepEqual(numbered, labels);

  // A month on: the first action is past its date, said in words; the list shows every
  // child's open actions.
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await fill('As of date', '28/07/2015');
  await page.getByRole('link', { name: 'Tracking meeting', exact: true }).click();
  const open = page.locator('.open-actions tbody tr');
  await open.first().waitFor();
  const rows = (await open.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  // 10/07 to 28/07/2015: 18 days.
  assert.deepEqual(rows, [
    'P1 Decide on the prospective family Family finding manager 30/06/2015 overdue by 18 days (due 10/07/2015)',
    'P1 Send the CPR to the family 30/06/2015 no date set',
    'P1 Book the matching panel 30/06/2015 no date set',
  ]);
  assert.match(await page.locator('.minutes__open').innerText(), /As of 28\/07\/2015: 3 open, 1 overdue/);
  assert.match(await page.locator('.minutes__child', { hasText: 'Child P1' }).innerText(), /overdue by 18 days \(due 10\/07\/2015\)/);
  const p1 = page.locator('.agenda tbody tr', { has: page.locator('th', { hasText: 'P1' }) });
  assert.equal((await p1.locator('td').last().innerText()).trim(), '3 (1 overdue)');

  // The July meeting ticks the first off; it leaves the open actions (Undo brings it back).
  await fill('Meeting date (DD/MM/YYYY)', '28/07/2015');
  await page.getByRole('button', { name: 'Hold meeting' }).click();
  await page.getByRole('heading', { name: 'Minutes of the tracking meeting of 28/07/2015' }).waitFor();
  await page.getByLabel('Child discussed', { exact: true }).selectOption('P1');
  const carried = page.getByLabel(/^Done: Decide on the prospective family/);
  assert.match(await page.locator('.outcome').innerText(), /30\/06\/2015: Two families interested/);
  await carried.click();
  await page.waitForFunction(() => {
    const row = [...document.querySelectorAll('.agenda tbody tr')].find((r) => r.querySelector('th')?.textContent === 'P1');
    return row?.lastElementChild?.textContent.trim() === '2';
  });
  assert.equal(await page.locator('.open-actions tbody tr').count(), 2);
  await app.screenshot(page, 'tracking-03-meeting');
});

test('the printed minutes keep the record and lose the controls', async () => {
  await page.getByLabel('Meeting', { exact: true }).selectOption({ label: '30/06/2015' });
  // As "Print minutes" leaves the page while the browser's print dialog is open.
  await page.evaluate(() => document.body.setAttribute('data-printing', 'minutes'));
  await page.emulateMedia({ media: 'print' });
  await app.screenshot(page, 'tracking-04-minutes-print');
  await page.screenshot({ path: `${SCREENSHOTS}/tracking-04-minutes-print-full.png`, fullPage: true });
  assert.equal(await page.locator('nav.tabs').isVisible(), false, 'the menus are not printed');
  assert.equal(await page.locator('.agenda').isVisible(), false, 'the agenda is not in the minutes');
  assert.equal(await page.locator('.outcome').isVisible(), false, 'the form is not printed');
  assert.equal(await page.locator('.minutes__child').first().isVisible(), true);
  assert.equal(await page.locator('.open-actions').isVisible(), true, 'every open action is printed');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.removeAttribute('data-printing'));
});
