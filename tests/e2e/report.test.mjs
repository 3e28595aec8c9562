// The committee report: one printable page with the headline figures, the trajectory chart,
// the required pace, the pipeline's main drivers, the comparators, the as-of date and the
// scenario's assumptions; "Print report" opens the print dialog, and printing to PDF gives a
// document without the app's menus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, SCREENSHOTS } from './helpers.mjs';

let app;
let page;

before(async () => {
  app = await start();
  page = await app.newPage();
});

after(async () => {
  await app.close();
});

const HEADINGS = [
  'Headline figures',
  'Trajectory',
  'Required pace',
  'Main drivers in the pipeline',
  'Comparators',
  'Assumptions of the scenario',
];

test('the report shows every section, the as-of date and the assumptions', async () => {
  await app.open(page, '#/report');
  await page.getByRole('heading', { name: 'Adoption scorecard: report to committee', level: 1 }).waitFor();
  const h2 = (await page.locator('.report h2').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(h2, HEADINGS);
  // The demonstration is seen from 30/06/2015, and said so the UK way.
  assert.match(await page.locator('.report__meta').innerText(), /Figures as of 30\/06\/2015 · Scenario: Baseline/);
  // The headline figures: the period ending March 2016 (the demonstration's current
  // year, 2015-16) and the next two.
  const periods = await page.locator('.report .figures thead th').allInnerTexts();
  periods.shift(); // the "Indicator" column
  assert.deepEqual(periods, ['2013-16', '2014-17', '2015-18']);
  assert.match(await page.locator('.report__pace').innerText(), /^To reach \d+ days by March \d{4}/);
  // The Monte Carlo runs after the page is drawn; its answer is printed too.
  await page.locator('.report__probability', { hasText: /simulated futures: \d+%\.$/ }).waitFor();
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
  // The comparators: our row, marked as ours, for the scrutiny report's latest period.
  await page.locator('.report .comparators-table__ours', { hasText: 'Ours' }).waitFor();
  await page.locator('#report-trajectory-chart').waitFor();
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
  // Each page of the PDF is an object of /Type /Page: the report runs to more than one.
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || [];
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.errors, []);
  assert.deepEqual(app.foreign, []);
});
