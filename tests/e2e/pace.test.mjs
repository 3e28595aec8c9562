// The required pace over the children still waiting, as a manager uses it: import the
// children, fix the as-of date, choose a target, read the answer and each child's own date,
// and download them. Every figure below is worked by hand from the file.
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

// As of 01/04/2015 (the first day of 2015-16):
//  K1 adopted 2014-15: entered care 01/01/2013, moved in 01/03/2014: A1 = 365 + 59 = 424 days.
//  K2 adopted 2014-15: entered care 01/03/2013, moved in 01/05/2014: A1 = 365 + 61 = 426 days.
//  W1 entered care 01/04/2014, matched, waiting to move in: 365 days waited so far.
//  W2 entered care 01/01/2015, matched, waiting to move in: 90 days waited so far.
//  Both are expected to be adopted on 01/12/2015, in 2015-16.
const CSV = [
  'child_id,entered_care,shobpa_decision,placement_order,matched,placed,adoption_order,expected_placed,expected_adoption_order',
  'K1,01/01/2013,01/06/2013,01/09/2013,01/12/2013,01/03/2014,01/06/2014,,',
  'K2,01/03/2013,01/06/2013,01/09/2013,01/02/2014,01/05/2014,01/09/2014,,',
  'W1,01/04/2014,01/07/2014,01/10/2014,01/03/2015,,,01/06/2015,01/12/2015',
  'W2,01/01/2015,01/02/2015,01/03/2015,20/03/2015,,,01/06/2015,01/12/2015',
  '',
].join('\n');

async function fill(label, value) {
  const box = page.getByLabel(label, { exact: true });
  await box.fill(value);
  await box.blur();
}

test('the pace for the children still waiting is worked out and each has its own date', async () => {
  await app.open(page, '#/records');
  await clearDemonstration(page);
  await chooseFile(page, 'Import records', 'children.csv', CSV);
  await confirmImport(page);
  await page.locator('.records__count', { hasText: 'Showing 4 of 4 children' }).waitFor();
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await fill('As of date', '01/04/2015');
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.getByLabel('Target indicator', { exact: true }).selectOption('A1');
  await page.getByLabel('Target period', { exact: true }).selectOption('2014-17');
  await fill('Target value', '350');
  await fill('Expected adoptions 2015-16', '3');
  await fill('Expected adoptions 2016-17', '2');

  // Fixed: K1 and K2, 424 + 426 = 850 days. Open: W1 (floor 365), W2 (floor 90), and
  // (3 - 2) + 2 = 3 adoptions not yet in the data (floor 0): 5 open, 7 in all.
  // 350 is met by any average under 350.5 (rounded to the day): just under
  // 350.5 x 7 - 850 = 1603.5 days for the open five. With all five at X, X = 320.7, below
  // W1's 365; so W1 stays at 365 and 4 X + 365 = 1603.5: X = 309.6, said as 309 days.
  await page.getByText(
    'To reach an A1 of 350 days for 2014-17 (by March 2017), the 5 still to be placed must average '
    + '309 days from entering care: 1 child in the records by its own date (listed below), 1 child '
    + 'in the records as soon as possible because it has already waited longer and 3 adoptions '
    + 'expected but not yet in the data at 309 days.',
  ).waitFor();
  // W1 has waited 365 days, longer than 309: as soon as possible. W2: 01/01/2015 + 309 days
  // = 06/11/2015 (day 310 of 2015).
  const row = (id) => page.locator('.pace__children tr', { has: page.locator('th', { hasText: id }) });
  assert.deepEqual(
    (await row('W1').locator('td').allInnerTexts()).map((t) => t.trim()),
    ['01/04/2014', '365', 'As soon as possible'],
  );
  assert.deepEqual(
    (await row('W2').locator('td').allInnerTexts()).map((t) => t.trim()),
    ['01/01/2015', '90', 'By 06/11/2015'],
  );
  await page.locator('.pace__answer').scrollIntoViewIfNeeded();
  await app.screenshot(page, 'pace-01-waiting-children');
  // Each year's box is read out with its hint: in 2015-16 none adopted yet by 01/04/2015, W1
  // and W2 projected to be (orders expected 01/12/2015), and 3 - 0 - 2 = 1 still to come.
  const box = page.getByLabel('Expected adoptions 2015-16', { exact: true });
  const hintId = await box.getAttribute('aria-describedby');
  assert.ok(hintId, 'the box points at its hint');
  assert.equal(
    (await page.locator(`[id="${hintId}"]`).innerText()).trim(),
    '0 adopted, 2 projected from the pipeline, 1 still to come',
  );

  const dates = await downloadText(page, () => page.getByRole('button', { name: 'Download target dates (CSV)' }).click());
  assert.equal(dates.name, 'target-dates-A1-2014-17.csv');
  assert.equal(
    dates.text,
    'child_id,indicator,period,start,waited_days,target_days,target_date,status\r\n'
    + 'W1,A1,2014-17,2014-04-01,365,365,2015-04-01,overdue\r\n'
    + 'W2,A1,2014-17,2015-01-01,90,309,2015-11-06,on_pace\r\n',
  );
  // The forecast CSV: X rounded down to one decimal (309.625 -> 309.6), over the 5 open children.
  const forecast = await downloadText(page, () => page.getByRole('button', { name: 'Download forecast (CSV)' }).click());
  assert.ok(forecast.text.split('\n').includes('required_pace,2014-17,A1,5,309.6,350,,projected,,,'), forecast.text);
});

test('a target the children already waiting put out of reach says so, with the best still possible', async () => {
  // Every open child at its floor gives 850 + 365 + 90 = 1305 days over 7 children: 186.4,
  // which rounds to 186. A target of 150 needs under 150.5 x 7 = 1053.5: not possible.
  await fill('Target value', '150');
  await page.getByText(
    'To reach an A1 of 150 days for 2014-17 (by March 2017) is not possible: even if the 2 children '
    + 'in the records still waiting were placed today and the 3 adoptions expected but not yet in the '
    + 'data took 0 days, the 2014-17 A1 would be 186 days.',
  ).waitFor();
  const forecast = await downloadText(page, () => page.getByRole('button', { name: 'Download forecast (CSV)' }).click());
  assert.ok(forecast.text.split('\n').includes('required_pace,2014-17,A1,5,,150,,not_possible,,,'), forecast.text);
});

test('a long list of waiting children opens on its first 25 rows and shows the rest when asked', async () => {
  // 30 more children, each matched on 20/03/2015 and waiting to move in on 01/04/2015,
  // entered care on one of the first 30 days of January 2015: with W1 and W2, 32 are waiting.
  const more = [
    'child_id,entered_care,shobpa_decision,placement_order,matched,placed,adoption_order,expected_placed,expected_adoption_order',
    ...Array.from({ length: 30 }, (_, i) => {
      const day = String(i + 1).padStart(2, '0');
      return `M${day},${day}/01/2015,01/02/2015,01/03/2015,20/03/2015,,,,`;
    }),
    '',
  ].join('\n');
  await app.open(page, '#/records');
  await chooseFile(page, 'Import records', 'more-children.csv', more);
  await confirmImport(page);
  await page.locator('.records__count', { hasText: 'of 34 children' }).waitFor();
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await fill('Target value', '350');

  const wrap = page.locator('.table-wrap', { has: page.locator('.pace__children') });
  const caption = wrap.locator('caption');
  const rows = wrap.locator('tbody tr');
  await caption.filter({ hasText: 'the first 25 shown' }).waitFor();
  assert.equal((await caption.innerText()).trim(), "Each waiting child's own date: 32 children waiting, the first 25 shown");
  assert.equal(await rows.count(), 25);
  await wrap.locator('caption').scrollIntoViewIfNeeded();
  await app.screenshot(page, 'pace-03-first-waiting-children');

  // A keyboard user asks for the other 7: the same button then offers the first rows only,
  // and keeps the focus.
  await wrap.getByRole('button', { name: 'Show 7 more waiting children', exact: true }).focus();
  await page.keyboard.press('Enter');
  const fewer = wrap.getByRole('button', { name: 'Show the first 25 only', exact: true });
  await fewer.waitFor();
  assert.equal(await rows.count(), 32);
  assert.equal((await caption.innerText()).trim(), "Each waiting child's own date: 32 children waiting");
  assert.ok(await fewer.evaluate((button) => button === document.activeElement), 'the focus stays on the button');
  // The last to enter care, on 30/01/2015, has waited 61 days.
  assert.deepEqual(
    (await wrap.locator('tr', { has: page.locator('th', { hasText: 'M30' }) }).locator('td').allInnerTexts()).map((t) => t.trim()).slice(0, 2),
    ['30/01/2015', '61'],
  );
  await app.screenshot(page, 'pace-04-every-waiting-child');
  await fewer.click();
  await wrap.getByRole('button', { name: 'Show 7 more waiting children', exact: true }).waitFor();
  assert.equal(await rows.count(), 25);
});

test('how good is this forecast: past forecasts beside what happened, in words and as CSV', async () => {
  const demo = await app.newPage({ width: 1280, height: 1000 });
  await app.open(demo, '#/forecast');
  // The past forecasts are made on their own once the figures are on screen.
  const verdict = demo.locator('.backtest__verdict');
  await verdict.waitFor({ timeout: 120_000 });
  const text = await verdict.innerText();
  const [, inside, judged] = text.match(/^Coverage: (\d+) of (\d+) past figures \(\d+%\) fell inside the forecast's 10-90% band; 95% interval \d+% to \d+%\./);
  // The sentence counts what the table shows (rows repeating A1 are not counted again).
  const cells = await demo.locator('#backtest-heading ~ .table-wrap tbody tr td:last-child').allInnerTexts();
  assert.equal(cells.filter((c) => c.trim() === 'Inside').length, Number(inside));
  assert.equal(cells.filter((c) => ['Inside', 'Outside'].includes(c.trim())).length, Number(judged));
  assert.ok(Number(judged) > 0);
  await demo.locator('#backtest-chart').scrollIntoViewIfNeeded();
  await app.screenshot(demo, 'pace-02-backtest');
  const csv = await downloadText(demo, () => demo.getByRole('button', { name: 'Download backtest (CSV)' }).click());
  const lines = csv.text.trim().split('\n');
  assert.equal(lines[0], 'as_of,period,indicator,p10,p50,p90,actual,inside_band,horizon,share_below,counted');
  const fields = lines.slice(1).map((l) => l.split(','));
  assert.equal(fields.filter((f) => f[7] === 'yes' && f[10] === 'yes').length, Number(inside));
  await demo.context().close();
});
