// Comparators: our own three-year A1 and A2 (worked out from our records) beside the
// authorities of a comparator table imported from CSV through its preview, with the
// estimated rank computed by hand below; the Sheffield scrutiny report's tables are the default and come back
// with one click.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, chooseFile, SCREENSHOTS, confirmImport } from './helpers.mjs';

let app;
let page;

before(async () => {
  app = await start();
  page = await app.newPage();
});

after(async () => {
  await app.close();
});

// Two children adopted in 2013-14, so our 2011-14 figures are theirs alone:
//  K1: entered care 01/01/2012, moved in 15/05/2013: 366 days to 01/01/2013 (2012 is a leap
//      year) + 31 + 28 + 31 + 30 + 14 = 500 days (A1). Placement order 01/09/2012, matched
//      01/05/2013: 30 + 31 + 30 + 31 + 31 + 28 + 31 + 30 + 30 = 242 days (A2, Sep 1 to May 1).
//  K2: entered care 01/02/2012, moved in 23/09/2013: 366 days to 01/02/2013, + 28 + 31 + 30
//      + 31 + 30 + 31 + 31 + 22 = 600 days. Placement order 01/10/2012, matched 01/09/2013:
//      335 days (Oct 1 to Sep 1: 365 - 30).
// A1 (500 + 600) / 2 = 550 days; A2 (242 + 335) / 2 = 288.5, published 289.
const RECORDS = [
  'child_id,entered_care,shobpa_decision,placement_order,matched,placed,adoption_order',
  'K1,2012-01-01,2012-03-01,2012-09-01,2013-05-01,2013-05-15,2013-09-01',
  'K2,2012-02-01,2012-04-01,2012-10-01,2013-09-01,2013-09-23,2014-02-01',
  '',
].join('\n');

// Four authorities, an average, and a row whose a1 is not a number (line 7).
// Our A1 550 is beaten by Xtown 400 and Yborough 540: 3rd of 5 (four authorities and us).
// Our A2 289 is beaten by Xtown 100 only (Zcity's 290 is slower): 2nd of 5.
const COMPARATORS = [
  'Authority,Group,Period,A1,A2,Rank',
  'Xtown,Neighbours,2011-14,400,100,5',
  'Yborough,Neighbours,2011-14,540,300,40th',
  'Zcity,Neighbours,2011-14,560,290,50',
  'Wshire,Neighbours,2011-14,700,400,120',
  'National Average,Averages,2011-14,600,200,',
  'Bad Row,Neighbours,2011-14,fast,200,1',
  '',
].join('\n');

function summaryValue(name) {
  return page.locator('.summary__row', { has: page.locator('dt', { hasText: name }) }).locator('dd');
}

test('the Sheffield scrutiny report\'s tables are the default comparator set, with our figure marked', async () => {
  await app.open(page, '#/comparators');
  await page.getByRole('heading', { name: 'Comparators', level: 1 }).waitFor();
  assert.match(await page.locator('.screen__lead').innerText(), /the published tables in Sheffield City Council's scrutiny report \(2015\)/);
  const periods = await page.getByLabel('Period', { exact: true }).locator('option').allInnerTexts();
  assert.deepEqual(periods, ['2008-11', '2009-12', '2010-13', '2011-14']);
  assert.equal(await page.getByLabel('Period', { exact: true }).inputValue(), '2011-14');
  // Appendix 1: Telford and Wrekin 340 days, 1st of 152 in England, and the fastest in the
  // table too. The built-in groups are named as Sheffield's.
  const telford = page.locator('tr', { has: page.locator('th', { hasText: /^Telford and Wrekin$/ }) }).first();
  const cells = (await telford.locator('td').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(cells.slice(0, 3), ["Sheffield's statistical neighbours", '340', '45']);
  assert.match(cells[3], /^1st of \d+$/);
  assert.equal(cells[5], '1st');
  const headers = (await page.locator('.comparators-table thead th').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(headers.slice(4), ['A1 rank in this table', 'A2 rank in this table', 'A1 rank in England']);
  assert.match(await page.locator('.comparators-table__group th').allInnerTexts().then((t) => t.join('|')),
    /Sheffield's statistical neighbours/);
  assert.match(await page.locator('.screen__lead').innerText(), /Their groups are Sheffield's/);
  assert.match(await page.locator('.comparators__source').innerText(),
    /^Source: Sheffield City Council scrutiny report \(2015\), Appendices 1 and 2.*Period: 2011-14, the three years April 2011 to March 2014\./);
  await page.locator('.comparators-table__ours', { hasText: 'Ours' }).waitFor();
  await page.locator('#comparators-chart').waitFor();
  await app.screenshot(page, 'comparators-01-seed');
  await page.locator('#comparators-chart').screenshot({ path: join(SCREENSHOTS, 'comparators-01-seed-chart.png') });
});

test('an imported comparator table is previewed, confirmed, ranked against and kept', async () => {
  await app.open(page, '#/records');
  await chooseFile(page, 'Import records', 'children.csv', RECORDS);
  await confirmImport(page, { replace: true });
  await page.locator('tbody th', { hasText: /^K2$/ }).waitFor();

  await page.getByRole('link', { name: 'Comparators', exact: true }).click();
  await chooseFile(page, 'Import comparators', 'comparators.csv', COMPARATORS);
  const preview = page.locator('.panel--preview');
  await preview.waitFor();
  assert.equal((await summaryValue('Rows read').innerText()).trim(), '6');
  assert.equal((await summaryValue('Rows with problems').innerText()).trim(), '1');
  assert.equal((await summaryValue('Comparator rows that will be imported').innerText()).trim(), '5');
  const problems = await preview.locator('.problem').allInnerTexts();
  assert.equal(problems.length, 1);
  assert.match(problems[0], /line 7, a1/);
  // Nothing has changed yet: the report's four periods are still offered.
  assert.equal(await page.getByLabel('Period', { exact: true }).locator('option').count(), 4);

  await confirmImport(page, { replace: true });
  await preview.waitFor({ state: 'detached' });
  assert.deepEqual(await page.getByLabel('Period', { exact: true }).locator('option').allInnerTexts(), ['2011-14']);
  const ranks = (await page.locator('.comparators__ranks li').allInnerTexts()).map((t) => t.trim());
  // In England: 550 lies between Yborough (540 days, 40th) and Zcity (560 days, 50th):
  // 40 + (550 - 540) / (560 - 540) x (50 - 40) = 45th, an estimate. The table ranks A1 only.
  assert.equal(ranks[0], 'Our 2011-14 A1 of 550 days would rank 3rd of 5 authorities in the table ' +
    '(1st the fastest). Among all 152 English authorities it would be about 45th: an estimate, read ' +
    'between the published ranks of Yborough (540 days, published 40th) and Zcity (560 days, published 50th).');
  assert.equal(ranks[1], 'Our 2011-14 A2 of 289 days would rank 2nd of 5 authorities in the table ' +
    '(1st the fastest). The table publishes no national A2 rank, so none is estimated.');
  const ours = (await page.locator('.comparators-table__ours td').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(ours.slice(1), ['550', '289', '3rd of 5', '2nd of 5', 'about 45th of 152 (estimate)']);
  // Yborough: A1 540, beaten by Xtown only (our 550 is slower): 2nd of 5; A2 300, beaten by
  // Xtown 100, Zcity 290 and our 289: 4th of 5; published 40th in England.
  const y = page.locator('tr', { has: page.locator('th', { hasText: /^Yborough$/ }) });
  assert.deepEqual((await y.locator('td').allInnerTexts()).map((t) => t.trim()),
    ['Neighbours', '540', '300', '2nd of 5', '4th of 5', '40th']);
  assert.match(await page.locator('.comparators__source').innerText(), /^Source: the comparator table you imported\. Period: 2011-14/);
  // The source and period are printed with the table.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.comparators__source').isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('th', { hasText: /^Bad Row$/ }).count(), 0);
  // The chart in words lists everyone fastest first, ours named as ours.
  const words = await page.locator('#comparators-chart-text').textContent();
  assert.match(words, /Fastest first: Xtown 400 days; Yborough 540 days; Our figure \(our figure\) 550 days; Zcity 560 days; National Average \(average\) 600 days; Wshire 700 days\./);
  await app.screenshot(page, 'comparators-02-imported');

  await page.reload();
  await page.getByRole('heading', { name: 'Comparators', level: 1 }).waitFor();
  assert.match(await page.locator('.screen__lead').innerText(), /the table you imported/);

  await page.getByRole('button', { name: 'Use the published figures (Sheffield scrutiny report, 2015)' }).click();
  await page.locator('.screen__lead', { hasText: "the published tables in Sheffield City Council's scrutiny report (2015)" }).waitFor();
  assert.equal(await page.getByLabel('Period', { exact: true }).locator('option').count(), 4);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(app.foreign, []);
});
