// The SSDA903 return as a manager brings it in: four years of a generated return dropped on
// the Records screen, the preview (children found, adopted by year, waiting by stage, the
// problems), confirmed; the forecast then reads exactly as it does from the same children
// imported as CSV. Merging keeps what the return does not hold; the tracking agenda lists the
// milestones the return cannot know as not recorded, not overdue; the validator's public fake
// data is previewed with every problem downloadable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, chooseFile, downloadText, confirmImport, clearDemonstration } from './helpers.mjs';
import { generateReturn } from './ssda903-return.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FAKE = resolve(HERE, '../../crates/scorecard/tests/fixtures/csc-validator-903-fake-data');

let app;
let page;
const generated = generateReturn();

before(async () => {
  app = await start();
  page = await app.newPage({ width: 1280, height: 1000 });
});

after(async () => {
  await app.close();
});

/** Drops files ([name, text]) on the page, as a person drags them from a folder. */
async function dropFiles(files) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const [name, text] of list) transfer.items.add(new File([text], name, { type: 'text/csv' }));
    return transfer;
  }, files);
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

function summaryValue(name) {
  return page.locator('#ssda903-preview .summary__row', { has: page.locator('dt', { hasText: name }) }).locator('dd');
}

async function setAsOf(date) {
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  const asOf = page.getByLabel('As of date', { exact: true });
  await asOf.fill(date);
  await asOf.blur();
}

async function forecastCsv() {
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.getByRole('heading', { name: 'Forecast', level: 1 }).waitFor();
  const { text } = await downloadText(page, () => page.getByRole('button', { name: 'Download forecast (CSV)' }).click());
  return text;
}

let fromReturn;

test('four years of a return dropped on the page open the preview, and nothing changes until confirmed', async () => {
  await app.open(page, '#/records');
  await clearDemonstration(page);
  await setAsOf('31/03/2018');
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await page.getByRole('heading', { name: "Children's records", level: 1 }).waitFor();
  await dropFiles(generated.files);
  const preview = page.locator('#ssda903-preview');
  await preview.getByRole('heading', { name: 'Import preview: the SSDA903 return (16 files)' }).waitFor();
  // 60 children on the adoption route, 8 looked after with no sign of adoption (left out).
  assert.equal((await summaryValue('Children found').innerText()).trim(), String(generated.taken));
  assert.equal((await summaryValue('Children that will be imported').innerText()).trim(), String(generated.taken));
  assert.equal((await summaryValue('Adopted, by financial year').innerText()).trim(), generated.adopted);
  assert.match(await summaryValue('Waiting, by stage').innerText(), /placement order to match: \d+/);
  const notes = await preview.locator('.import-notes').innerText();
  assert.match(notes, /episodes_2016\.csv: the Episodes table \(episodes of care\), read as the 2016-17 return/);
  assert.match(notes, /68 children in the files: 60 with a sign of adoption, 8 without/);
  assert.match(notes, /episodes were open at the end of one return's year and ended in a later return/);
  // Children placed and waiting have no match in the return: a warning, A2 leaves them out.
  assert.match(await preview.locator('.problem-list').innerText(), /child R007, matched: the match date is missing/);
  await app.screenshot(page, 'ssda903-01-preview');
  assert.equal(await page.locator('.records__count').innerText(), 'Showing 0 of 0 children');
  await confirmImport(page);
  await page.locator('.records__count', { hasText: `Showing ${generated.taken} of ${generated.taken} children` }).waitFor();
});

test('the export shows exactly the dates derived from the return', async () => {
  const { text } = await downloadText(page, () => page.getByRole('button', { name: 'Export records (CSV)' }).click());
  const rows = new Map(text.trim().split('\r\n').map((line) => [line.split(',')[0], line]));
  // R005, adopted by its foster carers: entered care 02/06/2014, with the carers from
  // 01/07/2014, decision 21/08/2014, order 08/02/2015, matched 02/12/2015, placed (A5)
  // 04/01/2016, adopted 17/08/2016.
  const header = rows.get('child_id').split(',');
  const r005 = Object.fromEntries(rows.get('R005').split(',').map((v, i) => [header[i], v]));
  assert.deepEqual(
    [r005.entered_care, r005.shobpa_decision, r005.placement_order, r005.matched, r005.placed,
      r005.foster_carer_adoption, r005.foster_placement_start, r005.adoption_order, r005.left_route],
    ['2014-06-02', '2014-08-21', '2015-02-08', '2015-12-02', '2016-01-04', 'yes', '2014-07-01', '2016-08-17', '']);
  fromReturn = await forecastCsv();
});

test('the forecast from the return equals the forecast from the same children imported as CSV', async () => {
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await chooseFile(page, 'Import records', 'children.csv', generated.csv);
  await confirmImport(page, { replace: true });
  await page.locator('.records__count', { hasText: `Showing ${generated.taken} of ${generated.taken} children` }).waitFor();
  const fromCsv = await forecastCsv();
  assert.ok(fromReturn.split(/\r?\n/).length > 10, fromReturn);
  assert.equal(fromReturn, fromCsv);
});

test('merging keeps what the return does not hold, and replacing asks first', async () => {
  // R007 is placed and waiting; the manager has recorded its match and family finder.
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  const typed = 'child_id,entered_care,matched,family_finder,pack_sent,pack_returned\r\nR007,2014-07-01,2015-11-01,Sam Patel,2014-09-01,\r\n';
  await chooseFile(page, 'Import records', 'typed.csv', typed);
  await confirmImport(page);
  await dropFiles(generated.files);
  await page.locator('#ssda903-preview').waitFor();
  await confirmImport(page);
  await page.getByText(/Imported 60 children from the SSDA903 return, merged by child_id/).waitFor();
  const { text } = await downloadText(page, () => page.getByRole('button', { name: 'Export records (CSV)' }).click());
  const header = text.split('\r\n')[0].split(',');
  const line = text.split('\r\n').find((l) => l.startsWith('R007,')).split(',');
  const r007 = Object.fromEntries(line.map((v, i) => [header[i], v]));
  // The return's entered care (02/07/2014) replaces the typed one; the match, the family
  // finder and the pack are kept.
  assert.deepEqual([r007.entered_care, r007.placed, r007.matched, r007.family_finder, r007.pack_sent],
    ['2014-07-02', '2015-11-22', '2015-11-01', 'Sam Patel', '2014-09-01']);
  // Replacing asks first, naming what goes, and keeps a safety copy.
  await dropFiles(generated.files);
  await page.locator('#ssda903-preview').getByLabel(/^Replace all/).check();
  await page.locator('#ssda903-preview').getByRole('button', { name: 'Confirm import' }).click();
  const dialog = page.getByRole('dialog');
  assert.match(await dialog.innerText(), /Replace 60 children with 60 children from the SSDA903 return \(16 files\)\?/);
  assert.match(await dialog.innerText(), /A safety copy/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('#ssda903-preview').getByRole('button', { name: 'Cancel import' }).click();
});

test('the tracking agenda lists what the return cannot know as not recorded, never overdue', async () => {
  await page.getByRole('link', { name: 'Tracking meeting', exact: true }).click();
  await page.getByRole('heading', { name: 'Tracking meeting', level: 1 }).waitFor();
  const gaps = page.locator('.tracking__gaps');
  await gaps.getByRole('heading', { name: 'Milestones not recorded' }).waitFor();
  // R017 moved in on 08/11/2015 with no match in the return: its match is a gap, not a delay.
  const r017 = gaps.locator('tr', { has: page.locator('th', { hasText: 'R017' }) });
  assert.match(await r017.innerText(), /moving in to adoption order\s+matched/);
  const agenda = page.locator('.agenda tr', { has: page.locator('th', { hasText: 'R017' }) });
  assert.doesNotMatch(await agenda.innerText(), /matched \(\d+ days\)/);
  // The pack R007's manager sent on 01/09/2014 and never marked returned is a gap too.
  const r007 = gaps.locator('tr', { has: page.locator('th', { hasText: 'R007' }) });
  assert.match(await r007.innerText(), /initial adoption pack returned/);
  await app.screenshot(page, 'ssda903-02-agenda-gaps');
});

test('the validator\'s fake data is previewed with every problem, all downloadable', async () => {
  const names = ['header.csv', 'episodes.csv', 'ad1.csv', 'placed_for_adoption.csv', 'reviews.csv', 'uasc.csv'];
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  const files = names.map((n) => [n, readFileSync(resolve(FAKE, n), 'utf8')]);
  await page.getByLabel('Import SSDA903 return', { exact: true }).setInputFiles(
    files.map(([name, text]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })));
  const preview = page.locator('#ssda903-preview');
  await preview.getByRole('heading', { name: 'Import preview: the SSDA903 return (6 files)' }).waitFor();
  assert.match(await preview.locator('.import-notes').innerText(), /reviews\.csv: the Reviews table \(reviews\), set aside/);
  const title = await preview.getByRole('heading', { name: /^Problems \(\d+\)$/ }).innerText();
  const count = Number(title.match(/\d+/)[0]);
  assert.ok(count > 200, title);
  await preview.getByText(`… and ${count - 200} more problems`).waitFor();
  const { text } = await downloadText(page, () => preview.getByRole('button', { name: 'Download problems (CSV)' }).click());
  const lines = text.trim().split('\r\n');
  assert.equal(lines[0], 'file,line,child_id,field,severity,message');
  assert.equal(lines.length - 1, count);
  await app.screenshot(page, 'ssda903-03-fake-data');
  await preview.getByRole('button', { name: 'Cancel import' }).click();
});
