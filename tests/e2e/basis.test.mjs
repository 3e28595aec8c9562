// One figure, one number, on every screen: the demonstration's A1 for 2013-16 (the period
// ending the March after its as-of date, 30/06/2015) read from the forecast, the action plans,
// the workshop, the comparators and the committee report is the same number, with the same
// basis named beside it; the forecast's switch changes it on every screen at once, and the
// choice is kept over a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, chooseFile, confirmImport, waitForSaved, figuresOnBasis } from './helpers.mjs';

let app;
let page;

before(async () => {
  app = await start();
  page = await app.newPage({ width: 1280, height: 1000 });
});

after(async () => {
  await app.close();
});

// Comparators for the headline's own period, so that the comparators screen and the report
// show our 2013-16 figure.
const COMPARATORS = [
  'Authority,Group,Period,A1,A2,Rank',
  'Xtown,Neighbours,2013-16,400,100,5',
  'Yborough,Neighbours,2013-16,700,300,40',
  'National Average,Averages,2013-16,600,200,',
  '',
].join('\n');

const WITH = 'with the adoptions we expect';
const WITHOUT = 'from the children in the data only';

/** The A1 2013-16 figure, in whole days, as each screen shows it, with the text beside it. */
async function readEverywhere() {
  const seen = {};

  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  const cell = page.locator('.figures td[data-indicator="A1"][data-period="2013-16"]').first();
  await cell.waitFor();
  seen.forecast = {
    days: (await cell.locator('.figures__value').innerText()).trim(),
    basis: await page.locator('.figures caption').first().innerText(),
  };
  seen.answer = await page.locator('.answer[data-indicator="A1"]').innerText();

  await page.getByRole('link', { name: 'Action plans', exact: true }).click();
  const red = page.locator('.plans__red li', { hasText: 'A1 2013-16' });
  await red.waitFor();
  const redText = await red.innerText();
  seen.plans = { days: redText.match(/A1 2013-16: (\d+) days/)[1] + ' days', basis: redText };

  await page.getByRole('link', { name: 'Workshop', exact: true }).click();
  // DEMO-029 was adopted in 2013-14: it counts in 2013-16.
  await page.getByLabel('Child', { exact: true }).selectOption({ label: 'DEMO-029' });
  const row = page.locator('#workshop-periods tr[data-period="2013-16"][data-indicator="A1"]');
  await row.waitFor();
  seen.workshop = {
    days: (await row.locator('td').nth(1).innerText()).trim() + ' days',
    basis: await page.locator('#workshop-periods caption').innerText(),
  };

  await page.getByRole('link', { name: 'Comparators', exact: true }).click();
  const ours = page.locator('.comparators-table__ours');
  await ours.waitFor();
  const oursCells = await ours.locator('td').allInnerTexts();
  seen.comparators = { days: oursCells[1].trim() + ' days', basis: oursCells[0] };

  await page.getByRole('link', { name: 'Committee report', exact: true }).click();
  const reportCell = page.locator('.report .figures td[data-indicator="A1"][data-period="2013-16"]');
  await reportCell.waitFor();
  seen.report = {
    days: (await reportCell.locator('.figures__value').innerText()).trim(),
    basis: await page.locator('.report .figures caption').innerText(),
  };
  const reportOurs = page.locator('.report .comparators-table__ours');
  seen.reportComparators = {
    days: (await reportOurs.locator('td').first().innerText()).trim() + ' days',
    basis: await reportOurs.locator('th').innerText(),
  };
  seen.reportHeader = await page.locator('.report__basis').innerText();
  return seen;
}

function assertOneFigure(seen, words) {
  const days = seen.forecast.days;
  assert.match(days, /^\d+ days$/);
  for (const [screen, { days: shown, basis }] of Object.entries(seen).filter(([, v]) => typeof v === 'object')) {
    assert.equal(shown, days, `${screen} shows ${shown}, the forecast ${days}`);
    assert.ok(basis.includes(words), `${screen} does not say "${words}": ${basis}`);
  }
  assert.ok(seen.answer.includes(`heading for ${days} against 426, ${words}.`), seen.answer);
}

test('one figure is the same number with the same basis named on every screen', async () => {
  await app.open(page, '#/comparators');
  await chooseFile(page, 'Import comparators', 'comparators.csv', COMPARATORS);
  await confirmImport(page);
  await page.locator('.comparators-table__ours').waitFor();
  // The demonstration's pipeline alone brings more adoptions in 2015-16 than it expects, so
  // its expected adoptions add none: a manager expecting 150 this year leaves room for more.
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  const expected = page.getByLabel('Expected adoptions 2015-16', { exact: true });
  await expected.fill('150');
  await expected.blur();

  const withExpected = await readEverywhere();
  assertOneFigure(withExpected, WITH);
  assert.match(withExpected.reportHeader, /with the adoptions we expect/);
  await app.screenshot(page, 'basis-01-report-with-expected');

  // The forecast's switch sets the basis for every screen.
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.getByRole('switch', { name: 'With the adoptions we expect' }).uncheck();
  await figuresOnBasis(page, WITHOUT);
  const withoutExpected = await readEverywhere();
  assertOneFigure(withoutExpected, WITHOUT);
  assert.match(withoutExpected.reportHeader, /without the adoptions we expect/);
  assert.notEqual(withoutExpected.forecast.days, withExpected.forecast.days,
    'the adoptions expected in 2015-16 move the 2013-16 figure');
  // No adoption expected but not in the data is counted now.
  assert.ok(!withoutExpected.answer.includes('adoptions expected but not yet in the data'), withoutExpected.answer);

  // The choice is stored with the data, and kept over a reload.
  await waitForSaved(page, (d) => d.scenarios?.basis === 'DataOnly');
  await page.reload();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  assert.equal(await page.getByRole('switch', { name: 'With the adoptions we expect' }).isChecked(), false);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(app.foreign, []);
});
