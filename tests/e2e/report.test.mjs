// The committee report, fit to paste: the authority, the as-of date and the basis of the
// figures on its first page, one sentence per target, the headline figures, the A1 and A2
// charts, the required pace, the action plans, the pipeline's main drivers, the comparators
// (marked when older than the headline), the assumptions and a glossary; unsaved what-if
// changes named at the top; "Print report" opens the print dialog, and printing to PDF gives a
// short document without the app's menus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, SCREENSHOTS, chooseFile, confirmImport } from './helpers.mjs';

let app;
let page;

/** The demonstration's report on A4: a few pages, not the six it once ran to. */
const MAX_PAGES = 5;

before(async () => {
  app = await start();
  page = await app.newPage();
});

after(async () => {
  await app.close();
});

const HEADINGS = [
  'Summary',
  'Headline figures',
  'Trajectory',
  'Required pace',
  'Action plans',
  'Main drivers in the pipeline',
  'Comparators',
  'Assumptions of the scenario',
  'Glossary',
];

/** Waits until the report's answers have their chance from the Monte Carlo. */
async function settled() {
  await page.locator('.report .answer').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.report').innerText.includes('is being worked out'));
}

test('the report shows every section, the as-of date and the assumptions', async () => {
  await app.open(page, '#/report');
  await page.getByRole('heading', { name: 'Adoption scorecard: report to committee', level: 1 }).waitFor();
  const h2 = (await page.locator('.report h2').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(h2, HEADINGS);
  await settled();
  // The first page: the authority, the as-of date (the UK way), the scenario and the basis.
  const meta = await page.locator('.report__meta').innerText();
  assert.match(meta, /^Demonstration data \(synthetic children, not a real authority\) · Figures as of 30\/06\/2015 · Scenario: Baseline$/);
  assert.equal(await page.locator('.report__basis').innerText(),
    'Figures still open count the children in the data and the further adoptions the scenario expects (“with the adoptions we expect”).');
  // One sentence per target, as the forecast's first screen says it, with its badge.
  const answers = await page.locator('.report .answer').allInnerTexts();
  assert.equal(answers.length, 2);
  assert.match(answers[0], /A1 2013-16: heading for \d+ days against 426, with the adoptions we expect\. .*chance of meeting it \(/s);
  assert.match(answers[1], /A2 2013-16: heading for \d+ days against 121, with the adoptions we expect\./s);
  // The headline figures: the period ending March 2016 (the demonstration's current
  // year, 2015-16) and the next two.
  const periods = await page.locator('.report .figures thead th').allInnerTexts();
  periods.shift(); // the "Indicator" column
  assert.deepEqual(periods, ['2013-16', '2014-17', '2015-18']);
  assert.match(await page.locator('.report__pace').innerText(), /^To reach an A[12] of \d+ days for \d{4}-\d{2} \(by March \d{4}\)/);
  // Both charts: A1 and A2.
  await page.locator('#report-trajectory-chart').waitFor();
  await page.locator('#report-trajectory-a2-chart').waitFor();
  // The action plans' status (the demonstration keeps none).
  assert.match(await page.locator('#report-plans').locator('..').innerText(), /No action plans are kept/);
  // The five children with the largest effect, each with what it does in words.
  const drivers = page.locator('#report-drivers ~ .table-wrap table tbody tr');
  assert.equal(await drivers.count(), 5);
  assert.match(await drivers.first().innerText(), /(adds|takes) \d+ days? (to|off) the \d{4}-\d{2} A[12] average/);
  // The assumptions: each of the five stages in days, and the expected adoptions.
  const assumptions = await page.locator('#report-assumptions').locator('..').innerText();
  for (const stage of ['Entered care to SHOBPA decision', 'SHOBPA decision to placement order',
    'Placement order to match', 'Match to moving in', 'Moving in to adoption order']) {
    assert.match(assumptions, new RegExp(`${stage}: \\d+ days`), stage);
  }
  assert.match(assumptions, /2015-16: \d+ adoptions expected/);
  // The comparators: the scrutiny report's latest period, 2011-14, is older than the 2013-16
  // headline, and says so; our row is our own 2011-14 figure, which is over: actual.
  assert.match(await page.locator('.report__older').innerText(),
    /^Older figures: the latest comparator figures are for 2011-14, older than this report's headline period 2013-16\./);
  assert.match(await page.locator('.report .comparators-table__ours th').innerText(), /^Ours Our figure .*\(actual\)$/);
  // The glossary explains the terms the report uses.
  const glossary = await page.locator('.glossary dt').allInnerTexts();
  assert.deepEqual(glossary, ['A1', 'A10', 'A2', 'A3', 'SHOBPA', 'Rolling period',
    'Part actual, part projected', 'With the adoptions we expect']);
  await page.screenshot({ path: join(SCREENSHOTS, 'report-01-screen.png'), fullPage: true });
});

test('"Print report" opens the print dialog', async () => {
  // Headless Chromium has no dialog to show; count the calls instead.
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => { window.printed += 1; };
  });
  await page.getByRole('button', { name: 'Print report' }).click();
  assert.equal(await page.evaluate(() => window.printed), 1);
});

test('printed, the report keeps its headings and loses the menus and buttons', async () => {
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.tabs', '.header', '.banner--demo', '.footer']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is printed`);
  }
  assert.equal(await page.getByRole('button', { name: 'Print report' }).isVisible(), false);
  for (const heading of HEADINGS) {
    assert.ok(await page.getByRole('heading', { name: heading, exact: true }).first().isVisible(), heading);
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'report-02-print.png'), fullPage: true });
  // The same in screen-sized slices, easier to look at than one long picture.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let top = 0, n = 1; top < height; top += 1400, n += 1) {
    await page.screenshot({
      path: join(SCREENSHOTS, `report-02-print-part${n}.png`),
      fullPage: true,
      clip: { x: 0, y: top, width: 1280, height: Math.min(1400, height - top) },
    });
  }

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(SCREENSHOTS, 'report.pdf'), pdf);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 20000, `a report of several pages, not ${pdf.length} bytes`);
  // Each page of the PDF is an object of /Type /Page: a committee paper of a few pages, not a
  // listing of every authority.
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || [];
  assert.ok(pages.length >= 2 && pages.length <= MAX_PAGES, `${pages.length} pages`);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.errors, []);
  assert.deepEqual(app.foreign, []);
});

test('a report driven by an unsaved what-if change names it and lists it at the top', async () => {
  // The issue's case: an A2 pace typed as 60 days into the baseline, never saved.
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  const a2 = page.getByLabel('A2 days', { exact: true });
  await a2.fill('60');
  await a2.blur();
  await page.getByRole('link', { name: 'Committee report', exact: true }).click();
  await page.locator('.report__scenario', { hasText: 'Scenario: Baseline, with unsaved changes' }).waitFor();
  await page.getByRole('heading', { name: 'Unsaved what-if changes', level: 2 }).waitFor();
  const changes = await page.locator('.report__changes li').allInnerTexts();
  assert.deepEqual(changes, [
    "Pace assumed for the adoptions not yet in the data, A2: 60 days (baseline: the last complete year's average)",
  ]);
  // It comes before the summary, on the first page.
  const h2 = (await page.locator('.report h2').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(h2.slice(0, 2), ['Unsaved what-if changes', 'Summary']);
  await settled();
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(SCREENSHOTS, 'report-03-print-unsaved-change.png'),
    clip: { x: 0, y: 0, width: 1280, height: 1400 } });
  await page.emulateMedia({ media: 'screen' });

  // Saved under a name, the change is no longer unsaved.
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.getByLabel('Scenario name', { exact: true }).fill('Faster matching');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await page.getByRole('link', { name: 'Committee report', exact: true }).click();
  await page.locator('.report__scenario', { hasText: /^Scenario: Faster matching$/ }).waitFor();
  assert.equal(await page.locator('.report__changes').count(), 0);
});

test('the name asked for on the first import of real records heads the report', async () => {
  const fresh = await app.newPage();
  await app.open(fresh, '#/records');
  await chooseFile(fresh, 'Import records', 'children.csv', [
    'child_id,entered_care,placement_order,matched,placed,adoption_order',
    'R1,01/01/2013,01/07/2013,01/12/2013,01/01/2014,01/06/2014',
    '',
  ].join('\n'));
  await fresh.getByLabel("Your authority's name", { exact: true }).fill('Anytown Council');
  await confirmImport(fresh, { replace: true });
  await fresh.locator('tbody th', { hasText: /^R1$/ }).waitFor();
  await fresh.getByRole('link', { name: 'Committee report', exact: true }).click();
  await fresh.locator('.report__authority', { hasText: /^Anytown Council$/ }).waitFor();
  // A second import does not ask again.
  await fresh.getByRole('link', { name: 'Records', exact: true }).click();
  await chooseFile(fresh, 'Import records', 'more.csv', 'child_id,entered_care\nR2,01/01/2014\n');
  await fresh.getByRole('button', { name: 'Confirm import' }).waitFor();
  assert.equal(await fresh.getByLabel("Your authority's name", { exact: true }).count(), 0);
  await fresh.context().close();
});
