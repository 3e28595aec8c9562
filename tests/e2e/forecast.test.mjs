// The forecast dashboard as a manager uses it: import a known set of children, fix the as-of
// date, read the cards, move a stage duration, save and compare scenarios, set a pace target,
// download the forecast CSV and the chart, reload. Every expected figure is worked out by hand
// in the comments from the dates below, not read from the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, chooseFile, downloadText, confirmImport, figuresOnBasis } from './helpers.mjs';

let app;
let page;

before(async () => {
  app = await start();
  page = await app.newPage();
});

after(async () => {
  await app.close();
});

// As of 30/06/2016: the current year is 2016-17 and the current period 2014-17.
//  K1 adopted 2014-15: A1 01/01/2013 -> 01/11/2013 = 304 days; A2 01/07/2013 -> 29/09/2013 = 90.
//  K2 adopted 2014-15: A1 01/02/2013 -> 01/01/2014 = 334; A2 01/08/2013 -> 01/12/2013 = 122.
//  K3 adopted 2015-16: A1 01/01/2014 -> 01/01/2015 = 365; A2 01/06/2014 -> 03/12/2014 = 185.
//  K4 adopted 2015-16: A1 01/03/2014 -> 01/05/2015 = 426; A2 01/09/2014 -> 01/04/2015 = 212.
//  P1 placed, no order; its expected order 01/09/2016 puts it in 2016-17:
//     A1 01/01/2015 -> 01/03/2016 = 425 (2016 is a leap year); A2 01/07/2015 -> 01/02/2016 = 215.
//  P2 placement order 14/01/2016, not matched: projected from the stage durations, its
//     adoption order falls in 2017-18 (moving in to order takes the national 274 days, as
//     only 4 children completed that stage), so it counts in 2015-18, not 2014-17.
const CSV = [
  'child_id,entered_care,shobpa_decision,placement_order,matched,placed,adoption_order,expected_adoption_order',
  'K1,01/01/2013,01/04/2013,01/07/2013,29/09/2013,01/11/2013,01/06/2014,',
  'K2,01/02/2013,01/05/2013,01/08/2013,01/12/2013,01/01/2014,01/08/2014,',
  'K3,01/01/2014,01/03/2014,01/06/2014,03/12/2014,01/01/2015,01/06/2015,',
  'K4,01/03/2014,01/06/2014,01/09/2014,01/04/2015,01/05/2015,01/12/2015,',
  'P1,01/01/2015,01/04/2015,01/07/2015,01/02/2016,01/03/2016,,01/09/2016',
  'P2,01/06/2015,01/09/2015,14/01/2016,,,,',
  '',
].join('\n');

/** The figures table's cell for one indicator and period (the scenario in use comes first). */
function card(indicator, period) {
  return page.locator(`.figures td[data-indicator="${indicator}"][data-period="${period}"]`).first();
}

/** Turns the "with the adoptions we expect" switch on or off. */
async function showExpected(on) {
  const toggle = page.getByRole('switch', { name: 'With the adoptions we expect' });
  if ((await toggle.isChecked()) !== on) await toggle.click();
}

/** The figure from the children in the data alone. */
async function firstValue(indicator, period) {
  await showExpected(false);
  await figuresOnBasis(page, 'from the children in the data only');
  return (await card(indicator, period).locator('.figures__value').textContent()).trim();
}

/** Waits until the shown figure of `indicator` in `period` reads `text`. */
function figureReads(indicator, period, text) {
  return page.waitForFunction(([i, p, t]) =>
    document.querySelector(`.figures td[data-indicator="${i}"][data-period="${p}"] .figures__value`)?.textContent.trim() === t,
  [indicator, period, text]);
}

async function openForecast() {
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.getByRole('heading', { name: 'Forecast', level: 1 }).waitFor();
}

async function setStageDays(label, days) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(String(days));
  await input.press('Enter');
  await input.blur();
}

/** The forecast CSV as rows keyed "section,period,indicator". */
async function forecastRows() {
  const { name, text } = await downloadText(page, () =>
    page.getByRole('button', { name: 'Download forecast (CSV)' }).click());
  assert.match(name, /\.csv$/);
  const lines = text.trim().split(/\r?\n/);
  assert.equal(lines[0], 'section,period,indicator,children,value,threshold,meets,basis,likely_low,likely_high,chance_meets');
  const rows = new Map();
  for (const line of lines.slice(1)) {
    const [section, period, indicator, children, value, threshold, meets, basis] = line.split(',');
    rows.set(`${section},${period},${indicator}`, { children, value, threshold, meets, basis });
  }
  return rows;
}

test('a manager imports children, sets the as-of date and reads the cards', async () => {
  await app.open(page, '#/records');
  await chooseFile(page, 'Import records', 'children.csv', CSV);
  await confirmImport(page, { replace: true });
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  const asOf = page.getByLabel('As of date', { exact: true });
  await asOf.fill('30/06/2016');
  await asOf.blur();
  await openForecast();
  await page.getByText('As of 30/06/2016, scenario').waitFor();

  // 2014-17 A1: (304 + 334 + 365 + 426 + 425) / 5 = 1854 / 5 = 370.8 -> 371 days, met by 55.
  assert.equal(await firstValue('A1', '2014-17'), '371 days');
  await card('A1', '2014-17').getByText('Met, 55 days under the threshold').first().waitFor();
  // 2014-17 A2: (90 + 122 + 185 + 212 + 215) / 5 = 824 / 5 = 164.8 -> 165 days, 44 over 121.
  assert.equal(await firstValue('A2', '2014-17'), '165 days');
  await card('A2', '2014-17').getByText('Not met, 44 days over the threshold').first().waitFor();
  await app.screenshot(page, 'forecast-imported');
});

test('a longer family-finding stage moves the A2 figure up, a shorter one down, never before today', async () => {
  // 2015-18 holds K3, K4, P1 and P2. With placement order to match at 200 days, P2 is matched
  // 01/08/2016 (after the as-of date): A2 (185 + 212 + 215 + 200) / 4 = 812 / 4 = 203.0.
  await setStageDays('placement order to match (days)', 200);
  await figureReads('A2', '2015-18', '203 days');
  let rows = await forecastRows();
  assert.equal(rows.get('rolling,2015-18,A2').value, '203.0');
  assert.equal(rows.get('rolling,2015-18,A2').children, '4');

  // At 60 days P2 would be matched 14/03/2016, before the as-of date; a child still waiting
  // keeps adding days, so the match is projected on 30/06/2016: A2 = 168 days.
  // (185 + 212 + 215 + 168) / 4 = 780 / 4 = 195.0: lower, as a faster stage should make it.
  await setStageDays('placement order to match (days)', 60);
  await figureReads('A2', '2015-18', '195 days');
  rows = await forecastRows();
  assert.equal(rows.get('rolling,2015-18,A2').value, '195.0');

  // The current period and single years are untouched by P2 and read as computed above.
  const a1 = rows.get('rolling,2014-17,A1');
  assert.deepEqual([a1.children, a1.value, a1.threshold, a1.meets, a1.basis], ['5', '370.8', '426', 'yes', 'mixed']);
  const a2 = rows.get('rolling,2014-17,A2');
  assert.deepEqual([a2.children, a2.value, a2.threshold, a2.meets, a2.basis], ['5', '164.8', '121', 'no', 'mixed']);
  // 2014-15 alone: (304 + 334) / 2 = 319.0 days from two adopted children.
  const y = rows.get('year,2014-15,A1');
  assert.deepEqual([y.children, y.value, y.basis], ['2', '319.0', 'actual']);
  // A3: placed less than 14 months after entering care. K1 (10 months), K2 (11), K3 (12) and
  // P1 (14 months exactly: 01/01/2015 -> 01/03/2016 is 14 months, so not less) and K4
  // (01/03/2014 -> 01/05/2015 is 14 months exactly: not less): 3 of 5 = 60.0%.
  assert.equal(rows.get('rolling,2014-17,A3').value, '3.0');
  assert.equal(rows.get('year,2015-16,A3_percent').value, '50.0');
});

test('scenarios are saved, compared side by side and kept over a reload', async () => {
  await page.getByLabel('Scenario name', { exact: true }).fill('Faster matching');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await page.getByRole('button', { name: 'Back to baseline' }).click();
  await page.getByLabel('Compare with', { exact: true }).selectOption({ label: 'Faster matching' });
  // Two sets of cards, each under its scenario's name.
  await page.getByRole('heading', { name: 'Faster matching', level: 3 }).waitFor();
  await page.getByRole('heading', { name: 'Baseline', level: 3 }).waitFor();
  await app.screenshot(page, 'forecast-compared');

  await page.reload();
  await openForecast();
  const options = await page.getByLabel('Scenario in use', { exact: true }).locator('option').allTextContents();
  assert.ok(options.includes('Faster matching'), `saved scenario lost on reload: ${options}`);
  await page.getByLabel('Scenario in use', { exact: true }).selectOption({ label: 'Faster matching' });
  await showExpected(false);
  await figureReads('A2', '2015-18', '195 days');
});

test('a target takes its indicator\'s threshold, and one that differs is said as such', async () => {
  const indicator = page.getByLabel('Target indicator', { exact: true });
  const period = page.getByLabel('Target period', { exact: true });
  const value = page.getByLabel('Target value', { exact: true });
  await period.selectOption('2014-17');
  await indicator.selectOption('A1');
  // The scrutiny report's schedule: 426 days of A1 and 121 of A2 for 2014-17.
  await page.waitForFunction(() => document.querySelector('#target-value')?.value === '426');
  await indicator.selectOption('A2');
  await page.waitForFunction(() => document.querySelector('#target-value')?.value === '121');
  assert.equal(await page.locator('#target-threshold').innerText(), 'The target is the A2 threshold for 2014-17: 121 days.');
  // A chosen value is kept through a change of period, and said to differ from the threshold.
  await value.fill('100');
  await value.blur();
  await page.locator('#target-threshold', { hasText: 'This target differs from the A2 threshold for 2014-17, which is 121 days' }).waitFor();
  await period.selectOption('2015-18');
  await page.locator('#target-threshold', { hasText: 'differs from the A2 threshold for 2015-18' }).waitFor();
  assert.equal(await value.inputValue(), '100');
  await page.getByRole('button', { name: 'Use the threshold (121 days)' }).click();
  await page.waitForFunction(() => document.querySelector('#target-value')?.value === '121');
  await page.locator('#target-threshold', { hasText: 'The target is the A2 threshold for 2015-18' }).waitFor();
});

test('the required pace answers a chosen target in plain English', async () => {
  // The pace counts the adoptions expected: the switch, off since the figures above, goes on.
  await showExpected(true);
  await page.getByLabel('Target indicator', { exact: true }).selectOption('A2');
  await page.getByLabel('Target period', { exact: true }).selectOption('2014-17');
  const value = page.getByLabel('Target value', { exact: true });
  await value.fill('121');
  await value.blur();
  const expected = page.getByLabel('Expected adoptions 2016-17', { exact: true });
  await expected.fill('4');
  await expected.blur();
  // 2014-17 knows 5 children summing 824 days of A2; 4 adoptions expected in 2016-17, of
  // which P1 is one, leaves 3 unknown: (121 x 8 - 824) / 3 = 144 / 3 = 48 days. The best
  // complete year, 2014-15, averaged (90 + 122) / 2 = 106 days: 58 days faster.
  await page.getByText(
    'To reach an A2 of 121 days for 2014-17, the 3 adoptions not yet in your data must average 48 days from placement order to match – 58 days faster than any year in your history.',
  ).waitFor();
  // Over the children still waiting: P1 is matched (its A2 is final), P2 counts in 2015-18,
  // so the 3 expected adoptions are all that is open, at floor 0. Judged as the cards judge
  // (under 121.5 once rounded): (121.5 x 8 - 824) / 3 = 148 / 3 = 49.3, said as 49 days.
  await page.getByText(
    'To reach an A2 of 121 days for 2014-17 (by March 2017), the 3 still to be matched must average 49 days from the placement order: 3 adoptions expected but not yet in the data at 49 days.',
  ).waitFor();
  const rows = await forecastRows();
  const pace = rows.get('required_pace,2014-17,A2');
  assert.deepEqual([pace.children, pace.value], ['3', '49.3']);
});

test('one child\'s expected adoption order moves it into another period', async () => {
  // Under "Faster matching" P2 is matched on the as-of date 30/06/2016 and moves in 30 days
  // later (the median of 33, 31, 29, 30 and 29 days), 30/07/2016: A1 = 366 + 30 + 29 = 425 days.
  // An expected adoption order of 01/03/2017 puts it in 2016-17, so it joins 2014-17:
  // (1854 + 425) / 6 = 2279 / 6 = 379.8 -> 380 days.
  assert.equal(await firstValue('A1', '2014-17'), '371 days');
  const box = page.getByLabel('Expected adoption order for P2 (DD/MM/YYYY)', { exact: true });
  await box.fill('01/03/2017');
  await box.blur();
  await figureReads('A1', '2014-17', '380 days');
  // The what-if is the child's own record: the records screen shows it too.
  assert.equal(await box.inputValue(), '01/03/2017');
});

test('the pace assumed for further adoptions moves the "with the adoptions expected" figure', async () => {
  // 2014-17 now holds 6 children summing 1854 + 425 = 2279 days of A1. 2016-17 expects 4
  // adoptions (set above) and holds P1 and P2, so 2 are still to come. At 300 days each:
  // (2279 + 2 x 300) / 8 = 2879 / 8 = 359.9 -> 360 days.
  const box = page.getByLabel('A1 days', { exact: true });
  await box.fill('300');
  await box.blur();
  await showExpected(true);
  await figureReads('A1', '2014-17', '360 days');
  // The children in the data are untouched by an assumption about others.
  assert.equal(await firstValue('A1', '2014-17'), '380 days');
});

test('the chart downloads as a PNG', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download chart (PNG)' }).first().click(),
  ]);
  assert.match(download.suggestedFilename(), /\.png$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(bytes.length > 5000, 'the PNG is too small to hold a chart');
});

test('the demonstration dashboard reads well at desktop and 1024 x 768', async () => {
  for (const [width, height, name] of [[1280, 900, 'desktop'], [1024, 768, '1024x768']]) {
    const fresh = await app.newPage({ width, height });
    // Nothing the page asks of its own server fails (the browser asks for an icon too).
    const failed = [];
    fresh.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    fresh.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
    await app.open(fresh, '#/records');
    await fresh.getByRole('link', { name: 'Forecast', exact: true }).click();
    await fresh.getByRole('heading', { name: 'Trajectory' }).waitFor();
    await fresh.getByText('The shaded band is where the figure falls').waitFor();
    await fresh.screenshot({ path: `${process.env.SCREENSHOT_DIR || 'target/e2e'}/forecast-demo-${name}.png`, fullPage: false });
    await fresh.getByRole('heading', { name: 'Trajectory' }).scrollIntoViewIfNeeded();
    await fresh.screenshot({ path: `${process.env.SCREENSHOT_DIR || 'target/e2e'}/forecast-demo-chart-${name}.png`, fullPage: false });
    assert.deepEqual(fresh.errors, []);
    assert.deepEqual(failed, [], 'a request of the page failed');
    // Every control on the dashboard has a name a screen reader reads out.
    const unnamed = await fresh.evaluate(() => [...document.querySelectorAll('input, select, button, canvas')]
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
      .map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unnamed, []);
    await fresh.context().close();
  }
  assert.deepEqual(app.foreign, [], 'a request left the app\'s own address');
});
