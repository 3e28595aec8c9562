// A new user's path through the records: the demonstration on first start, importing a CSV
// through its preview, keeping the data over a reload, editing with validation and undo,
// exporting and importing back, and showing a <script> typed into a reference as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, chooseFile, downloadText, STORAGE_KEY, confirmImport } from './helpers.mjs';

let app;
let page;

before(async () => {
  app = await start();
  page = await app.newPage();
});

after(async () => {
  await app.close();
});

// Four children written as a case-management spreadsheet would: the header in its own
// spelling and order, an extra column, UK and ISO dates mixed.
//  line 2, T1: a complete, consistent adoption (every step in order, order 7 months after
//              moving in) -> no problem;
//  line 3, T2: entered care only, still waiting -> no problem;
//  line 4, T3: 31/02/2014 is not a date -> the row cannot be read;
//  line 5, T4: moved in (2013-06-01) before entering care (2014-01-01) -> an error on placed.
const CSV = [
  'Child ID,Entered Care,SHOBPA decision,Placement Order,matched,placed,adoption_order,Social worker',
  'T1,01/04/2013,2013-07-01,2013-10-01,2014-01-10,2014-02-01,2014-09-01,Jones',
  'T2,2013-05-01,,,,,,Smith',
  'T3,31/02/2014,,,,,,Brown',
  'T4,2014-01-01,,,,2013-06-01,,Ali',
  '',
].join('\n');

function summaryValue(name) {
  return page.locator('.summary__row', { has: page.locator('dt', { hasText: name }) }).locator('dd');
}

test('first start shows the clearly labelled demonstration data', async () => {
  await app.open(page, '#/records');
  await page.getByRole('heading', { name: 'Demonstration data', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Clear demonstration data' }).waitFor();
  // The demonstration is seen from its own date, 30 June 2015, shown the UK way.
  assert.match(await page.locator('.banner--demo').innerText(), /30\/06\/2015/);
  assert.ok((await page.locator('tbody tr').count()) > 40, 'the demo has a cohort of children');
  // It is kept in this browser at once, marked as the demonstration, under the app's key.
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORAGE_KEY);
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY));
  assert.equal(stored.version, 7);
  assert.equal(stored.demonstration, true);
  assert.equal(stored.settings.as_of, '2015-06-30');
  await app.screenshot(page, 'records-01-first-start-demo');
});

test('an import shows a preview with each problem\'s line and column, and changes nothing yet', async () => {
  await chooseFile(page, 'Import records', 'children.csv', CSV);
  const preview = page.locator('.panel--preview');
  await preview.waitFor();
  assert.equal((await summaryValue('Rows read').innerText()).trim(), '4');
  assert.equal((await summaryValue('Rows with problems').innerText()).trim(), '2');
  assert.equal((await summaryValue('Unknown columns').innerText()).trim(), 'Social worker');
  const problems = await preview.locator('.problem').allInnerTexts();
  assert.ok(problems.some((p) => p.includes('line 4') && p.includes('entered_care')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('line 5') && p.includes('placed')), problems.join('\n'));
  assert.ok(!problems.some((p) => /line [23],/.test(p)), 'T1 and T2 are consistent');
  // Into the demonstration, each way says what becomes of it.
  await page.getByLabel('Replace all records (clears the demonstration data, its yearly figures and its as-of date)').waitFor();
  await page.getByLabel('Merge by case reference (update matching entries, add new ones) into the demonstration: '
    + 'its made-up entries stay, and the whole set stays marked as demonstration data').waitFor();
  // Nothing has changed: the demonstration is still there and T1 is not.
  await page.getByRole('heading', { name: 'Demonstration data', exact: true }).waitFor();
  assert.equal(await page.locator('tbody th', { hasText: /^T1$/ }).count(), 0);
  await app.screenshot(page, 'records-02-import-preview');
});

test('confirming the import replaces the records, and they survive a reload', async () => {
  await confirmImport(page, { replace: true });
  await page.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();
  const ids = await page.locator('tbody th').allInnerTexts();
  assert.deepEqual(ids.sort(), ['T1', 'T2', 'T4']);
  assert.equal(await page.getByRole('heading', { name: 'Demonstration data', exact: true }).count(), 0);

  await page.reload();
  await page.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();
  assert.deepEqual((await page.locator('tbody th').allInnerTexts()).sort(), ['T1', 'T2', 'T4']);
  await app.screenshot(page, 'records-03-after-reload');
});

test('the form shows validation beside the field, an edit can be saved and undone', async () => {
  const row = page.locator('tbody tr', { has: page.locator('th', { hasText: /^T2$/ }) });
  // T2 has only entered care (01/05/2013): it waits for the SHOBPA decision.
  assert.equal(await row.locator('td').nth(1).innerText(), 'Entered care to SHOBPA decision');
  await page.getByRole('button', { name: 'Edit child T2' }).click();
  const form = page.locator('form.panel--form');
  await form.waitFor();

  // Moving in on 01/01/2012, before entering care on 01/05/2013, is impossible.
  await page.getByLabel('Placed').fill('01/01/2012');
  await page.getByLabel('Placed').blur();
  const placedField = form.locator('.field', { has: page.locator('#record-placed') });
  await placedField.locator('.field__error').waitFor();
  await page.getByRole('button', { name: 'Save record' }).click();
  await form.getByRole('alert').waitFor();
  await app.screenshot(page, 'records-04-form-validation');

  await page.getByLabel('Placed').fill('');
  await page.getByLabel('SHOBPA decision', { exact: true }).fill('01/09/2013');
  await page.getByRole('button', { name: 'Save record' }).click();
  await form.waitFor({ state: 'detached' });
  assert.equal(await row.locator('td').nth(1).innerText(), 'SHOBPA decision to placement order');

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('status').getByText('Undone').waitFor();
  assert.equal(await row.locator('td').nth(1).innerText(), 'Entered care to SHOBPA decision');
  // The undo is saved like any change.
  await page.reload();
  await page.locator('tbody th', { hasText: /^T2$/ }).waitFor();
  assert.equal(await row.locator('td').nth(1).innerText(), 'Entered care to SHOBPA decision');
});

test('Escape leaves the form without saving, and focus is on the form when it opens', async () => {
  await page.getByRole('button', { name: 'Add a child' }).click();
  const form = page.locator('form.panel--form');
  await form.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'record-form-title');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'record-child_id');
  await page.keyboard.type('NEW1');
  await page.keyboard.press('Escape');
  await form.waitFor({ state: 'detached' });
  assert.equal(await page.locator('tbody th', { hasText: 'NEW1' }).count(), 0);
});

test('records exported as CSV and imported back are the same records', async () => {
  const first = await downloadText(page, () => page.getByRole('button', { name: 'Export records (CSV)' }).click());
  assert.equal(first.name, 'children-records.csv');
  const lines = first.text.trim().split(/\r?\n/);
  assert.equal(lines.length, 4, 'a header and three children');
  assert.ok(lines[0].startsWith('child_id,entered_care,'), lines[0]);
  const t1 = lines.find((l) => l.startsWith('T1,'));
  // Dates are written as ISO, each in its own column.
  assert.ok(t1.includes('2013-04-01') && t1.includes('2013-10-01') && t1.includes('2014-09-01'), t1);

  await chooseFile(page, 'Import records', 'children-records.csv', first.text);
  await page.locator('.panel--preview').waitFor();
  assert.equal((await summaryValue('Rows read').innerText()).trim(), '3');
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await page.locator('.panel--preview').waitFor({ state: 'detached' });
  const second = await downloadText(page, () => page.getByRole('button', { name: 'Export records (CSV)' }).click());
  assert.equal(second.text, first.text);
});

test('a <script> in a child_id is shown as text and never runs', async () => {
  const id = '<script>window.__injected = 1</script>';
  await chooseFile(page, 'Import records', 'script.csv', `child_id,entered_care\n${id},2014-02-01\n`);
  await page.getByText('Merge by case reference', { exact: false }).click();
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await page.locator('tbody th', { hasText: id }).waitFor();
  assert.equal(await page.locator('tbody th', { hasText: id }).innerText(), id);
  assert.equal(await page.evaluate(() => window.__injected), undefined);
  assert.equal(await page.locator('tbody script').count(), 0);
  await app.screenshot(page, 'records-05-script-as-text');
});

test('the table sorts by a column and filters by stage, from the keyboard', async () => {
  const ids = async () => page.locator('tbody th').allInnerTexts();
  const script = '<script>window.__injected = 1</script>';
  // Days waiting: T1 is adopted, counted from entering care (01/04/2013) to moving in
  // (01/02/2014): 306 days (30+31+30+31+31+30+31+30+31+31). The others are still in the
  // pipeline, counted to today (the as-of date after the demonstration was replaced), so the
  // earlier they entered care the longer: T2 01/05/2013, T4 01/01/2014, <script> 01/02/2014.
  const sortButton = page.getByRole('button', { name: 'Days waiting so far' });
  await sortButton.focus();
  await page.keyboard.press('Enter');
  const header = page.locator('th', { has: sortButton });
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(await ids(), ['T1', script, 'T4', 'T2']);
  const t1Days = page.locator('tbody tr', { has: page.locator('th', { hasText: /^T1$/ }) }).locator('td').nth(2);
  assert.equal(await t1Days.innerText(), '306');
  await page.keyboard.press('Enter');
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await ids(), ['T2', 'T4', script, 'T1']);

  const filter = page.getByLabel('Filter by stage', { exact: true });
  await filter.selectOption({ label: 'Adopted' });
  assert.deepEqual(await ids(), ['T1']);
  await filter.selectOption({ label: 'Entered care to SHOBPA decision' });
  assert.deepEqual(await ids(), ['T2', script]);
  await page.locator('.records__count', { hasText: 'Showing 2 of 4 children' }).waitFor();
  await filter.selectOption({ label: 'All children' });
});

test('the as-of date accepts ISO and UK dates and shows DD/MM/YYYY', async () => {
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  const input = page.getByLabel('As of date', { exact: true });
  // The import replaced the demonstration and its fixed date: the figures follow today.
  const now = new Date();
  const today = [now.getDate(), now.getMonth() + 1].map((n) => String(n).padStart(2, '0')).join('/')
    + `/${now.getFullYear()}`;
  assert.equal(await input.inputValue(), today);
  await input.fill('2016-03-31');
  await input.blur();
  assert.equal(await input.inputValue(), '31/03/2016');
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await page.locator('.screen__lead', { hasText: '31/03/2016' }).waitFor();
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await page.getByLabel('As of date', { exact: true }).fill('1/4/2016');
  await page.getByLabel('As of date', { exact: true }).blur();
  assert.equal(await page.getByLabel('As of date', { exact: true }).inputValue(), '01/04/2016');
  await app.screenshot(page, 'records-06-settings');
  await page.getByRole('button', { name: "Use today's date" }).click();
  assert.equal(await page.getByLabel('As of date', { exact: true }).inputValue(), today);
  await page.reload();
  assert.equal(await page.getByLabel('As of date', { exact: true }).inputValue(), today);
  assert.equal(await page.getByRole('button', { name: "Use today's date" }).count(), 0);
});

test('no request left the address the app is served from', async () => {
  assert.deepEqual(app.foreign, []);
  assert.deepEqual(page.errors, []);
});
