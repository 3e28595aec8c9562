// Workshop mode: on the demonstration the workshop says its children are made up; then, on
// the authority's own records (imported), a trainer builds a made-up cohort with known stage
// durations, moves the delay slider for one child and reads the story and the figures
// (checked against arithmetic done by hand below), presents it with the keyboard and on a
// touch screen, comes back to it from another screen, presents real records without naming
// the child, and the authority's real records are the same afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  start, downloadText, waitForSaved, chooseFile, confirmImport, STORAGE_KEY, SCREENSHOTS,
} from './helpers.mjs';

let app;
let page;
let recordsBefore;

before(async () => {
  app = await start();
  page = await app.newPage();
});

after(async () => {
  await app.close();
});

// The made-up cohort: 4 children, Child A entering care on 01/05/2014 and one every 30 days
// (B 31/05, C 30/06, D 30/07/2014); every child takes 200 + 120 + 60 + 40 = 420 days from
// entering care to moving in (A1 420), 60 days from placement order to match (A2 60), and
// 179 days from moving in to the adoption order: 599 days in all.
// Child D: 30/07/2014 + 365 = 30/07/2015, + 184 (Aug 31, Sep 30, Oct 31, Nov 30, Dec 31,
// Jan 31) = 30/01/2016, + 30 = 29/02/2016 (2016 is a leap year), + 20 = 20/03/2016: D's order
// is 20/03/2016, in 2015-16; A's is 90 days earlier, 21/12/2015. All four count in 2015-16,
// so 2013-16, 2014-17 and 2015-18 each average 420 days (threshold 426: met).
const COHORT = {
  'Cohort name': 'Four children',
  'First child entered care': '01/05/2014',
  'Number of children': '4',
  'Days between one child entering care and the next': '30',
  'Entered care to SHOBPA decision (days)': '200',
  'SHOBPA decision to placement order (days)': '120',
  'Placement order to match (days)': '60',
  'Match to moving in (days)': '40',
  'Moving in to adoption order (days)': '179',
};
const AGE_LABEL = 'Age on entering care (months)';

// The authority's own records, seen from 30/06/2015 (the demonstration's date, so that the
// periods are the same years): two children adopted and one waiting for a match. RC-102
// entered care on 20/06/2013 and has a placement order but no match yet, so everything after
// it is expected, not known. References and dates are ones the presentation must not show.
const REAL_AS_OF = '30/06/2015';
const REAL_RECORDS = [
  'child_id,entered_care,shobpa_decision,placement_order,matched,placed,adoption_order',
  'RC-101,01/04/2013,01/07/2013,01/10/2013,01/02/2014,01/03/2014,01/06/2014',
  'RC-102,20/06/2013,01/10/2013,01/02/2014,,,',
  'RC-103,01/09/2013,01/12/2013,01/03/2014,01/08/2014,01/09/2014,01/12/2014',
  '',
].join('\n');

/**
 * Imports the authority's own records on `p` (replacing the demonstration, as a first import
 * of real records does) and sets the as-of date they are seen from.
 */
async function importRealRecords(p) {
  await app.open(p, '#/records');
  await chooseFile(p, 'Import records', 'children.csv', REAL_RECORDS);
  await p.getByLabel("Your authority's name", { exact: true }).fill('Anytown Council');
  await confirmImport(p, { replace: true });
  await p.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();
  await p.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  const asOf = p.getByLabel('As of date', { exact: true });
  await asOf.fill(REAL_AS_OF);
  await asOf.blur();
  await waitForSaved(p, (d) => d.demonstration === false && d.records.length === 3
    && d.settings.as_of === '2015-06-30');
}

function row(period, indicator) {
  return page.locator(`#workshop-periods tr[data-period="${period}"][data-indicator="${indicator}"] td`);
}

async function cells(period, indicator) {
  return (await row(period, indicator).allInnerTexts()).map((t) => t.trim());
}

async function exportRecords() {
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  const { text } = await downloadText(page, () =>
    page.getByRole('button', { name: 'Export records (CSV)' }).click());
  return text;
}

test('on the demonstration data the workshop names its made-up children and warns of no real records', async () => {
  await app.open(page, '#/workshop');
  await page.getByRole('heading', { name: 'Workshop: the impact of delay' }).waitFor();
  const dataset = page.getByLabel('Dataset', { exact: true });
  assert.deepEqual(await dataset.locator('option').allInnerTexts(), ['Demonstration data (read-only here)']);
  const note = (await page.locator('#workshop-dataset-note').innerText()).trim();
  assert.match(note, /^These are the demonstration's made-up children, not real ones, and they are only read here/);
  assert.doesNotMatch(note, /your records|Your data/);
  assert.equal(await page.locator('#workshop-dataset-warning').count(), 0);
  assert.doesNotMatch(await page.locator('.workshop-dataset').innerText(), /your authority's real records/i);
  await app.screenshot(page, 'workshop-00-demonstration');

  // The presentation shows them as it would real records, and says they are made up.
  const identities = page.getByLabel('Show case references and exact dates in the presentation', { exact: true });
  assert.equal(await identities.isChecked(), false);
  await page.getByRole('button', { name: 'Present (full screen)' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.equal((await dialog.locator('.presentation__dataset').innerText()).trim(), 'Workshop · Demonstration data');
  assert.match(await dialog.locator('.presentation__title').innerText(), /^Meet Child A$/);
  const assumed = await dialog.locator('.presentation__assumptions').innerText();
  assert.match(assumed, /The demonstration's made-up children, shown as real records would be: without the case reference or exact dates\./);
  assert.doesNotMatch(await dialog.innerText(), /Real records/);
  await app.screenshot(page, 'workshop-00b-demonstration-presentation');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // Made-up children need no keeping from a room: showing their references is not warned of.
  await identities.check();
  await page.getByRole('button', { name: 'Present (full screen)' }).click();
  await dialog.waitFor();
  assert.match(await dialog.locator('.presentation__title').innerText(), /^Meet DEMO-\d+$/);
  assert.match(await dialog.locator('.presentation__assumptions').innerText(),
    /The demonstration's made-up children, with the case reference and dates shown by the trainer's choice\./);
  assert.doesNotMatch(await dialog.innerText(), /Real records/);
  assert.equal(await page.locator('#workshop-identities-warning').count(), 0);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await identities.uncheck();
});

test('the real records are imported and exported before the workshop', async () => {
  await importRealRecords(page);
  recordsBefore = await exportRecords();
  // A header and the three children, whatever order the export writes them in.
  const lines = recordsBefore.split(/\r?\n/).filter((l) => l !== '');
  assert.equal(lines.length, 4);
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]).sort(), ['RC-101', 'RC-102', 'RC-103']);
});

test('on your own data the workshop only reads: the slider moves, nothing is stored', async () => {
  await page.getByRole('link', { name: 'Workshop', exact: true }).click();
  await page.getByRole('heading', { name: 'Workshop: the impact of delay' }).waitFor();
  assert.deepEqual(await page.getByLabel('Dataset', { exact: true }).locator('option').allInnerTexts(),
    ['Your data (read-only here)']);
  assert.match(await page.locator('#workshop-dataset-note').innerText(), /^Your data is only read here/);
  await waitForSaved(page, (d) => d.demonstration === false);
  const storedBefore = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  await page.getByLabel('Delay', { exact: true }).fill('6');
  await page.locator('#workshop-sentence', { hasText: /^Six months' delay for / }).waitFor();
  await page.getByLabel('Delay in', { exact: true }).selectOption('weeks');
  await page.locator('#workshop-sentence', { hasText: /^Six weeks' delay for / }).waitFor();
  await page.getByLabel('Delay in', { exact: true }).selectOption('months');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), storedBefore);
  // Real records: the dataset choice warns before they are presented.
  assert.match(await page.locator('#workshop-dataset-warning').innerText(),
    /^Warning: these are your authority's real records\. Before presenting them to a room/);
  assert.equal(await page.getByLabel('Show case references and exact dates in the presentation', { exact: true }).isChecked(), false);
  await app.screenshot(page, 'workshop-01-your-data');
});

test('a trainer builds a made-up cohort from a template and the workshop switches to it', async () => {
  for (const [label, value] of Object.entries(COHORT)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  // The builder has its own age field; the life panel has another with the same label.
  await page.locator('#cohort-age').fill('12');
  // An impossible date is refused with a message, and nothing is built.
  await page.getByLabel('First child entered care', { exact: true }).fill('31/02/2014');
  await page.getByRole('button', { name: 'Build made-up cohort' }).click();
  await page.locator('.workshop-builder [role="alert"]', { hasText: "'31/02/2014' is not a date" }).waitFor();
  assert.equal(await page.getByLabel('Dataset', { exact: true }).locator('option').count(), 1);
  await page.getByLabel('First child entered care', { exact: true }).fill(COHORT['First child entered care']);
  await page.getByRole('button', { name: 'Build made-up cohort' }).click();
  const dataset = page.getByLabel('Dataset', { exact: true });
  await page.locator('#workshop-dataset-note', { hasText: 'Made-up cohort' }).waitFor();
  assert.equal(await dataset.inputValue(), 'made-up:Four children');
  const children = await page.getByLabel('Child', { exact: true }).locator('option').allInnerTexts();
  assert.deepEqual(children.slice(1), ['Child A', 'Child B', 'Child C', 'Child D']);
});

test("one week for Child D: the child's own days first, then 2014-17, which counts D either way", async () => {
  await page.getByLabel('Child', { exact: true }).selectOption({ label: 'Child D' });
  await page.getByLabel('Delay in', { exact: true }).selectOption('weeks');
  await page.getByLabel('Delay', { exact: true }).fill('1');
  // D's A1 420 + 7 = 427; the order moves to 27/03/2016, still 2015-16, so each period holds
  // all four: (3 x 420 + 427) / 4 = 421.75, published 422: 2 days more, at or below 426.
  // The story tells the period ending the year after D's order (2016-17): 2014-17, which
  // holds D with or without any delay of up to a year.
  const sentence = page.locator('#workshop-sentence');
  await sentence.filter({ hasText: "One week's delay" }).waitFor();
  assert.equal(
    (await sentence.innerText()).trim(),
    "One week's delay for Child D: 427 days from entering care to moving in instead of 420, " +
      '7 days more. In 2014-17, which counts Child D with or without the delay, the A1 average ' +
      'goes from 420 to 422 days (2 more) and stays met.',
  );
  assert.equal((await page.locator('#workshop-delay-days').innerText()).trim(), '7 days');
  assert.equal((await page.locator('#workshop-child-a1').innerText()).trim(), '420 days → 427 days');
  assert.deepEqual(await cells('2013-16', 'A1'), ['A1', '420', '422', '426', 'met']);
  // A2: D's 60 + 7 = 67; (3 x 60 + 67) / 4 = 61.75, published 62, threshold 121.
  assert.deepEqual(await cells('2014-17', 'A2'), ['A2', '60', '62', '121', 'met']);
  assert.match(await page.locator('#workshop-year').innerText(), /stays in 2015-16/);
});

test('two weeks slip the adoption order into 2016-17: the story stays on 2014-17 and says D moved period', async () => {
  await page.getByLabel('Delay', { exact: true }).fill('2');
  // 20/03/2016 + 14 = 03/04/2016, in 2016-17. D (434 days) leaves 2013-16, which keeps A, B
  // and C at 420; 2014-17 and 2015-18 hold all four: (1260 + 434) / 4 = 423.5, published
  // 424 (halves round up): 4 days more, still met; 2016-19 now holds D alone, 434 days,
  // against 426 (the 2017-18 threshold carries on): not met. The story stays on 2014-17.
  const sentence = page.locator('#workshop-sentence');
  await sentence.filter({ hasText: "Two weeks' delay" }).waitFor();
  assert.equal(
    (await sentence.innerText()).trim(),
    "Two weeks' delay for Child D: 434 days from entering care to moving in instead of 420, " +
      '14 days more. In 2014-17, which counts Child D with or without the delay, the A1 average ' +
      'goes from 420 to 424 days (4 more) and stays met. The adoption order also moves from ' +
      '2015-16 into 2016-17.',
  );
  assert.equal(
    (await page.locator('#workshop-year').innerText()).trim(),
    'New financial year: The adoption order slips from 2015-16 into 2016-17: Child D leaves ' +
      'the 2013-16 period and enters 2016-19. 2013-16 is then worked out without Child D, and ' +
      '2016-19 with Child D: a figure there changes because Child D moved period, not because ' +
      'the delay helped.',
  );
  assert.deepEqual(await cells('2013-16', 'A1'), ['A1', '420', '420', '426', 'met']);
  assert.deepEqual(await cells('2014-17', 'A1'), ['A1', '420', '424', '426', 'met']);
  assert.deepEqual(await cells('2016-19', 'A1'), ['A1', 'no children', '434', '426', 'no children → not met (changes)']);
  await app.screenshot(page, 'workshop-02-slips-a-year');
});

test('four weeks move 2014-17 from met to not met, and the child is older on moving in', async () => {
  await page.getByLabel('Delay', { exact: true }).fill('4');
  // D: 420 + 28 = 448 days; 2014-17: (1260 + 448) / 4 = 427 > 426: not met, 7 days more.
  const sentence = page.locator('#workshop-sentence');
  await sentence.filter({ hasText: "Four weeks' delay" }).waitFor();
  assert.equal(
    (await sentence.innerText()).trim(),
    "Four weeks' delay for Child D: 448 days from entering care to moving in instead of 420, " +
      '28 days more. In 2014-17, which counts Child D with or without the delay, the A1 average ' +
      'goes from 420 to 427 days (7 more) and moves from met to not met. The adoption order ' +
      'also moves from 2015-16 into 2016-17.',
  );
  assert.deepEqual(await cells('2014-17', 'A1'), ['A1', '420', '427', '426', 'met → not met (changes)']);
  // The child first: born 12 months before entering care, 30/07/2013. Moving in on
  // 23/09/2015 (30/07/2014 + 420) D is 2 years and 1 month old (30/08/2015 <= 23/09 <
  // 30/09/2015), 785 days (365 + 365 + 55), having waited 420 of them: 53.5%, said 54%.
  // Four weeks later, 21/10/2015: 2 years and 2 months, 448 of 813 days: 55.1%, said 55%.
  assert.equal(await page.getByLabel(AGE_LABEL, { exact: true }).last().inputValue(), '12');
  assert.equal(
    (await page.locator('#workshop-life-sentence').innerText()).trim(),
    "With four weeks' delay, Child D moves in aged 2 years and 2 months instead of 2 years and " +
      '1 month, having waited 55% of their life instead of 54%.',
  );
  assert.equal((await page.locator('#workshop-share').innerText()).trim(), '54% → 55%');
  assert.equal((await page.locator('#workshop-waiting').innerText()).trim(), '420 → 448');
  await app.screenshot(page, 'workshop-03-four-weeks');
});

test('an age on entering care that cannot be one is refused beside its box, never changed', async () => {
  const age = page.locator('#workshop-age');
  const life = page.locator('#workshop-life-sentence');
  const before = await life.innerText();
  for (const [typed, why] of [
    ['6.5', '“6.5” is not a whole number of months'],
    ['', 'The age is empty'],
    ['-3', '“-3” is less than 0 months'],
  ]) {
    await age.fill(typed);
    await age.blur();
    const error = page.locator('#workshop-age-error');
    await error.filter({ hasText: why }).waitFor();
    assert.match(await error.innerText(), /type the age on entering care in whole months, from 0 to 204 \(17 years\)\. The workshop still uses 12 months\.$/);
    // What was typed stays in the box, marked; nothing was worked out from it.
    assert.equal(await age.inputValue(), typed);
    assert.equal(await age.getAttribute('aria-invalid'), 'true');
    assert.match(await age.getAttribute('aria-describedby'), /workshop-age-error/);
    assert.equal(await life.innerText(), before);
  }
  await app.screenshot(page, 'workshop-03b-age-refused');
  // 18 months: born 30/01/2013; moving in on 23/09/2015 aged 2 years and 7 months.
  await age.fill('18');
  await age.blur();
  await page.locator('#workshop-age-error').waitFor({ state: 'detached' });
  await life.filter({ hasText: 'instead of 2 years and 7 months' }).waitFor();
  assert.match(await page.locator('#workshop-age-hint').innerText(), /aged 1 year and 6 months \(made up, like the cohort\)/);
  await age.fill('12');
  await age.blur();
  await life.filter({ hasText: 'instead of 2 years and 1 month' }).waitFor();
});

test('the presentation view is driven with the keyboard and Escape leaves it', async () => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Present (full screen)' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const title = dialog.locator('.presentation__title');
  const progress = dialog.locator('.presentation__progress');
  assert.equal((await title.innerText()).trim(), 'Meet Child D');
  // Months and years, not days; the assumptions on every slide.
  assert.match(await dialog.innerText(), /Child D entered care in July 2014, aged 12 months\./);
  assert.match(await dialog.locator('.presentation__assumptions').innerText(),
    /Age on entering care: 12 months, made up, like the cohort\..*The delay is added to family finding: the match, the move and the adoption order each come 28 days later\./s);
  // Meet D, the delay for D, the scorecard, the financial year, the periods, the close.
  assert.equal((await progress.innerText()).trim(), 'Screen 1 of 6');
  await page.screenshot({ path: join(SCREENSHOTS, 'workshop-04-presentation-1.png') });

  await page.keyboard.press('ArrowRight');
  await title.filter({ hasText: "Four weeks' delay for Child D" }).waitFor();
  assert.match(await dialog.innerText(), /aged 2 years and 2 months instead of 2 years and 1 month/);
  await page.screenshot({ path: join(SCREENSHOTS, 'workshop-04-presentation-2.png') });

  await page.keyboard.press(' ');
  await title.filter({ hasText: 'What the scorecard sees' }).waitFor();
  const lines = (await dialog.locator('.presentation__line').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(lines, [
    "Four weeks' delay for Child D: 448 days from entering care to moving in instead of 420, 28 days more.",
    'In 2014-17, which counts Child D with or without the delay, the A1 average goes from 420 to 427 days (7 more) and moves from met to not met.',
    'The adoption order also moves from 2015-16 into 2016-17.',
  ]);
  await page.screenshot({ path: join(SCREENSHOTS, 'workshop-05-presentation-3.png') });
  // A projector's 1024 x 768: the same screen must still fit.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: join(SCREENSHOTS, 'workshop-05-presentation-3-1024.png') });
  assert.equal(await page.evaluate(() => document.querySelector('.presentation').scrollHeight
    <= window.innerHeight), true, 'the screen fits without scrolling');
  await page.setViewportSize({ width: 1280, height: 720 });

  // Up adds a week: 35 days, D 455, 2014-17 (1260 + 455) / 4 = 428.75, published 429.
  await page.keyboard.press('ArrowUp');
  await dialog.locator('.presentation__line', { hasText: "Five weeks' delay" }).waitFor();
  assert.match(await dialog.innerText(), /the A1 average goes from 420 to 429 days \(9 more\)/);
  await page.keyboard.press('ArrowDown');
  await dialog.locator('.presentation__line', { hasText: "Four weeks' delay" }).waitFor();

  await page.keyboard.press('ArrowRight');
  await title.filter({ hasText: 'A new financial year' }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'workshop-06-presentation-4.png') });
  await page.keyboard.press('ArrowRight');
  await title.filter({ hasText: 'Every period Child D counts in (A1)' }).waitFor();
  // The chart, drawn for a projector, beside the figures in words.
  await dialog.locator('canvas#presentation-chart').waitFor();
  assert.equal(await dialog.locator('button', { hasText: 'Download chart' }).count(), 0);
  assert.match(await dialog.innerText(), /2014-17 A1: 420 → 427 days, met → not met/);
  await page.screenshot({ path: join(SCREENSHOTS, 'workshop-07-presentation-5-chart.png') });
  assert.equal(await page.evaluate(() => document.querySelector('.presentation').scrollHeight
    <= window.innerHeight), true, 'the chart screen fits without scrolling at 1280 x 720');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await title.filter({ hasText: 'What the scorecard sees' }).waitFor();
  assert.equal((await progress.innerText()).trim(), 'Screen 3 of 6');

  // Tab stays in the view (the page behind is covered), on its one button.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Leave presentation');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Leave presentation');
  // Space still moves on, even with the focus on that button: it does not press it.
  await page.keyboard.press(' ');
  await title.filter({ hasText: 'A new financial year' }).waitFor();
  assert.equal(await dialog.count(), 1);

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  // Back where the trainer started, with the focus on the button that opened it.
  assert.equal(
    await page.evaluate(() => document.activeElement && document.activeElement.textContent),
    'Present (full screen)',
  );
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('the workshop keeps its child, delay and figure when the trainer looks at another screen', async () => {
  await page.getByLabel('Figure in the sentence', { exact: true }).selectOption('A2');
  await page.locator('#workshop-sentence', { hasText: 'from placement order to match' }).waitFor();
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByRole('link', { name: 'Workshop', exact: true }).click();
  await page.getByRole('heading', { name: 'Workshop: the impact of delay' }).waitFor();
  assert.equal(await page.getByLabel('Dataset', { exact: true }).inputValue(), 'made-up:Four children');
  const child = page.getByLabel('Child', { exact: true });
  assert.equal(await child.locator('option:checked').innerText(), 'Child D');
  assert.equal(await page.getByLabel('Delay in', { exact: true }).inputValue(), 'weeks');
  assert.equal(await page.getByLabel('Delay', { exact: true }).inputValue(), '4');
  assert.equal(await page.getByLabel('Figure in the sentence', { exact: true }).inputValue(), 'A2');
  // D's A2 60 + 28 = 88 days from placement order to match.
  assert.match(await page.locator('#workshop-sentence').innerText(),
    /^Four weeks' delay for Child D: 88 days from placement order to match instead of 60, 28 days more\./);
  // A reload of the tab keeps them too (the tab's session).
  await page.reload();
  await page.getByRole('heading', { name: 'Workshop: the impact of delay' }).waitFor();
  assert.equal(await page.getByLabel('Figure in the sentence', { exact: true }).inputValue(), 'A2');
  await page.getByLabel('Figure in the sentence', { exact: true }).selectOption('A1');
});

test('the real dataset is unchanged by the workshop, and the cohort is kept apart', async () => {
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY));
  assert.equal(stored.workshop.cohorts.length, 1);
  assert.equal(stored.workshop.cohorts[0].name, 'Four children');
  assert.equal(stored.workshop.cohorts[0].template.children, 4);
  assert.ok(!stored.records.some((r) => r.child_id.startsWith('Child ')), 'no made-up child in the records');
  assert.equal(stored.demonstration, false);

  const recordsAfter = await exportRecords();
  assert.equal(recordsAfter, recordsBefore);

  // The cohort survives a reload, as a dataset to choose.
  await page.reload();
  await page.getByRole('link', { name: 'Workshop', exact: true }).click();
  // The screen itself, not the "Loading…" heading shown while its part arrives, and its list
  // of datasets filled in, before the list is read.
  await page.getByRole('heading', { name: 'Workshop: the impact of delay' }).waitFor();
  const dataset = page.getByLabel('Dataset', { exact: true });
  await dataset.locator('option', { hasText: 'Made-up cohort: Four children' }).waitFor({ state: 'attached' });
  const options = await dataset.locator('option').allInnerTexts();
  assert.deepEqual(options, ['Your data (read-only here)', 'Made-up cohort: Four children']);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(app.foreign, []);
});

// Real records in front of a room: RC-102 is in the pipeline (not yet matched), so its dates
// are expected, not known.
test('presenting real records shows no child reference and no exact date, unless the trainer chooses', async () => {
  const room = await app.newPage({ width: 1280, height: 720 });
  await importRealRecords(room);
  await room.getByRole('link', { name: 'Workshop', exact: true }).click();
  await room.getByRole('heading', { name: 'Workshop: the impact of delay' }).waitFor();
  assert.match(await room.locator('#workshop-dataset-warning').innerText(),
    /^Warning: these are your authority's real records\. Before presenting them to a room/);
  await room.getByLabel('Child', { exact: true }).selectOption({ label: 'RC-102' });
  await room.locator('#workshop-sentence', { hasText: 'RC-102 is expected to wait' }).waitFor();
  assert.match(await room.locator('#workshop-life-sentence').innerText(), /RC-102 is expected to move in aged/);
  await room.getByRole('button', { name: 'Present (full screen)' }).click();
  const dialog = room.getByRole('dialog');
  await dialog.waitFor();
  const progress = dialog.locator('.presentation__progress');
  const count = Number((await progress.innerText()).match(/of (\d+)/)[1]);
  for (let i = 1; i <= count; i += 1) {
    await progress.filter({ hasText: `Screen ${i} of` }).waitFor();
    const html = await dialog.evaluate((el) => el.outerHTML);
    assert.doesNotMatch(html, /RC-10/, `slide ${i} names a child`);
    assert.doesNotMatch(await dialog.innerText(), /\d{2}\/\d{2}\/\d{4}/, `slide ${i} gives a date to the day`);
    await room.screenshot({ path: join(SCREENSHOTS, `workshop-10-real-records-${i}.png`) });
    await room.keyboard.press('ArrowRight');
  }
  for (let i = 1; i < count; i += 1) await room.keyboard.press('ArrowLeft');
  await progress.filter({ hasText: 'Screen 1 of' }).waitFor();
  assert.match(await dialog.innerText(), /Meet Child A/);
  assert.equal((await dialog.locator('.presentation__dataset').innerText()).trim(), 'Workshop · Your data');
  // RC-102 entered care on 20/06/2013: June 2013; the age is the assumed year.
  assert.match(await dialog.innerText(), /Child A entered care in June 2013, aged 12 months\./);
  assert.match(await dialog.innerText(), /Without delay, Child A is expected to move in with their adoptive family/);
  assert.match(await dialog.innerText(), /Real records, shown without the case reference or exact dates\./);
  await room.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // The trainer chooses to show them: warned, and then the presentation names the child.
  await room.getByLabel('Show case references and exact dates in the presentation', { exact: true }).check();
  await room.locator('#workshop-identities-warning').waitFor();
  await room.getByRole('button', { name: 'Present (full screen)' }).click();
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Meet RC-102/);
  assert.match(await dialog.innerText(), /RC-102 entered care on 20\/06\/2013/);
  assert.match(await dialog.innerText(), /Real records, with the case reference and dates shown by the trainer's choice\./);
  await room.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  // Each visit to the screen starts anonymous again.
  await room.getByRole('link', { name: 'Records', exact: true }).click();
  await room.getByRole('link', { name: 'Workshop', exact: true }).click();
  assert.equal(await room.getByLabel('Show case references and exact dates in the presentation', { exact: true }).isChecked(), false);
  assert.equal(await room.getByLabel('Child', { exact: true }).locator('option:checked').innerText(), 'RC-102');
  await room.close();
});

test('taps and swipes move the presentation on a touch screen', async () => {
  const touch = await app.newPage({ width: 1280, height: 720 }, { hasTouch: true, isMobile: false });
  await app.open(touch, '#/workshop');
  await touch.getByRole('heading', { name: 'Workshop: the impact of delay' }).waitFor();
  await touch.getByRole('button', { name: 'Present (full screen)' }).tap();
  const dialog = touch.getByRole('dialog');
  await dialog.waitFor();
  const progress = dialog.locator('.presentation__progress');
  const at = (n) => progress.filter({ hasText: `Screen ${n} of` }).waitFor();
  await at(1);
  const cdp = await touch.context().newCDPSession(touch);
  async function swipe(fromX, toX, y = 360) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: fromX, y }] });
    for (let step = 1; step <= 6; step += 1) {
      const x = fromX + ((toX - fromX) * step) / 6;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
  // A tap on the right half moves on; a swipe to the left moves on; to the right goes back;
  // a tap on the left half goes back.
  await touch.touchscreen.tap(1000, 360);
  await at(2);
  await swipe(900, 300);
  await at(3);
  await swipe(300, 900);
  await at(2);
  await touch.touchscreen.tap(200, 360);
  await at(1);
  // A tap on the button does what the button says.
  await dialog.getByRole('button', { name: 'Leave presentation' }).tap();
  await dialog.waitFor({ state: 'detached' });
  await touch.close();
});
