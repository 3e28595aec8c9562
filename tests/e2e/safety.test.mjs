// Nothing lost, ever, seen from the browser: two tabs of one browser editing the same records;
// a replacing import that asks first, keeps a safety copy and can be restored byte for byte;
// undo after a reload; a formula in a case reference exported as text; and every kind of
// stored text that is not this app's document left untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, chooseFile, downloadText, confirmImport, clearDemonstration, STORAGE_KEY,
} from './helpers.mjs';

let app;

before(async () => {
  app = await start();
});

after(async () => {
  await app.close();
});

const THREE = 'child_id,entered_care\nK1,2014-01-06\nK2,2014-02-03\nK3,2014-03-03\n';

const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORAGE_KEY);

/** Waits until the stored record of `id` satisfies `check` (the page's own CSP forbids
 * evaluating text as code, so the check runs here, on what the page reads back). */
async function waitForStored(page, id, check) {
  for (let i = 0; i < 200; i += 1) {
    const doc = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) || 'null'), STORAGE_KEY);
    const child = doc && doc.records.find((r) => r.child_id === id);
    if (child && check(child)) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`the stored record of ${id} never passed ${check}`);
}

/** A page of a fresh browser profile with the demonstration cleared and K1-K3 imported. */
async function threeChildren() {
  const page = await app.newPage();
  await app.open(page, '#/records');
  await clearDemonstration(page);
  await chooseFile(page, 'Import records', 'three.csv', THREE);
  await confirmImport(page);
  await page.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();
  await waitForStored(page, 'K3', () => true);
  return page;
}

/** Opens child `id`'s form and types a SHOBPA decision date, without saving yet. */
async function typeShobpa(page, id, date) {
  await page.getByRole('button', { name: `Edit child ${id}` }).click();
  await page.getByLabel('SHOBPA decision', { exact: true }).fill(date);
}

const saveForm = (page) => page.getByRole('button', { name: 'Save record' }).click();

test('two tabs editing different children both keep their change, and undo works in both', async () => {
  const first = await threeChildren();
  const second = await first.context().newPage();
  await app.open(second, '#/records');
  await second.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();

  // Both save within the moment the app waits before writing: neither has seen the other.
  await typeShobpa(first, 'K1', '01/09/2014');
  await typeShobpa(second, 'K3', '03/09/2014');
  await Promise.all([saveForm(first), saveForm(second)]);
  // A stored child keeps its SHOBPA decision under the short name `sd`.
  await waitForStored(first, 'K1', (c) => c.sd === '2014-09-01');
  await waitForStored(first, 'K3', (c) => c.sd === '2014-09-03');
  // Each page shows both changes.
  for (const page of [first, second]) {
    for (const id of ['K1', 'K3']) {
      const row = page.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${id}$`) }) });
      await row.locator('td', { hasText: 'SHOBPA decision to placement order' }).waitFor();
    }
  }
  await app.screenshot(second, 'safety-01-two-tabs-merged');

  // Undo in the second tab takes back its own change only.
  await second.getByRole('button', { name: 'Undo', exact: true }).click();
  await second.getByRole('status').getByText('Undone: saved changes to child K3').waitFor();
  await waitForStored(first, 'K3', (c) => !c.sd);
  const doc = await stored(first);
  assert.equal(doc.records.find((r) => r.child_id === 'K1').sd, '2014-09-01');
  // And undo in the first tab takes back its own.
  await first.getByRole('button', { name: 'Undo', exact: true }).click();
  await first.getByRole('status').getByText('Undone: saved changes to child K1').waitFor();
  await waitForStored(first, 'K1', (c) => !c.sd);
  await first.context().close();
});

test('the same child changed in two tabs is shown side by side until the user chooses', async () => {
  const first = await threeChildren();
  const second = await first.context().newPage();
  await app.open(second, '#/records');
  await second.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();

  await typeShobpa(first, 'K2', '01/10/2014');
  await typeShobpa(second, 'K2', '15/10/2014');
  await Promise.all([saveForm(first), saveForm(second)]);

  // One of the two saved first; the other now shows the clash, with both dates.
  const clash = (page) => page.locator('.clash', { hasText: 'Another tab changed child K2 on' });
  await Promise.race([clash(first).waitFor(), clash(second).waitFor()]);
  const [loser, mine, theirs] = (await clash(first).count())
    ? [first, '01/10/2014', '15/10/2014'] : [second, '15/10/2014', '01/10/2014'];
  const row = clash(loser).locator('tr', { hasText: 'shobpa_decision' });
  assert.equal(await row.locator('td').nth(0).innerText(), theirs);
  assert.equal(await row.locator('td').nth(1).innerText(), mine);
  await clash(loser).scrollIntoViewIfNeeded();
  await app.screenshot(loser, 'safety-02-clash-side-by-side');

  // Until the user chooses, the stored value is the other tab's: nothing was overwritten.
  const iso = (uk) => uk.split('/').reverse().join('-');
  assert.equal((await stored(loser)).records.find((r) => r.child_id === 'K2').sd, iso(theirs));
  await loser.getByRole('button', { name: 'Keep mine (child K2)' }).click();
  await waitForStored(loser, 'K2', (c) => c.sd === iso(mine));
  assert.equal(await clash(loser).count(), 0);
  await first.context().close();
});

test('a form opened before another tab changed the same child never writes over that change', async () => {
  const first = await threeChildren();
  const second = await first.context().newPage();
  await app.open(second, '#/records');
  await second.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();

  // The first tab opens K2 and starts typing; meanwhile the second saves its own K2 date.
  await typeShobpa(first, 'K2', '01/10/2014');
  await typeShobpa(second, 'K2', '15/10/2014');
  await saveForm(second);
  await waitForStored(second, 'K2', (c) => c.sd === '2014-10-15');
  // The first tab, with nothing unsaved, shows the other tab's data: its form is still open.
  await first.getByText('The data was changed in another tab or window of this app').waitFor();
  await saveForm(first);

  const clash = first.locator('.clash', { hasText: 'Another tab changed child K2 on' });
  await clash.waitFor();
  const row = clash.locator('tr', { hasText: 'shobpa_decision' });
  assert.equal(await row.locator('td').nth(0).innerText(), '15/10/2014');
  assert.equal(await row.locator('td').nth(1).innerText(), '01/10/2014');
  // Nothing was written over while the user decides.
  assert.equal((await stored(first)).records.find((r) => r.child_id === 'K2').sd, '2014-10-15');
  await first.getByRole('button', { name: 'Keep mine (child K2)' }).click();
  await waitForStored(first, 'K2', (c) => c.sd === '2014-10-01');
  await first.context().close();
});

test('a replacing import asks first; cancelling changes nothing; the safety copy restores it exactly', async () => {
  const page = await threeChildren();
  const before = await downloadText(page, () => page.getByRole('button', { name: 'Export records (CSV)' }).click());

  await chooseFile(page, 'Import records', 'other.csv', 'child_id,entered_care\nZ9,2015-01-05\n');
  // Merging is the default choice.
  assert.equal(await page.getByLabel('Merge by case reference', { exact: false }).isChecked(), true);
  await page.getByLabel(/^Replace all/).check();
  await page.getByRole('button', { name: 'Confirm import' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.equal(await dialog.getByRole('heading').innerText(), 'Replace 3 children with 1 child from other.csv?');
  await app.screenshot(page, 'safety-03-replace-question');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await stored(page)).records.length, 3);
  await page.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();

  // Escape is a "no" too.
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await stored(page)).records.length, 3);

  await page.getByRole('button', { name: 'Confirm import' }).click();
  await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
  await page.locator('.records__count', { hasText: 'Showing 1 of 1 children' }).waitFor();
  await waitForStored(page, 'Z9', () => true);

  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  const copies = page.locator('#safety-copies');
  await copies.locator('td', { hasText: 'before importing other.csv' }).waitFor();
  assert.match(await copies.innerText(), /3 children/);
  await copies.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'safety-04-safety-copies');
  await copies.getByRole('button', { name: /^Restore this copy/ }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore this copy' }).click();
  await page.getByRole('status').getByText('Restored the safety copy').waitFor();

  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await page.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();
  const after = await downloadText(page, () => page.getByRole('button', { name: 'Export records (CSV)' }).click());
  assert.equal(after.text, before.text);
  await page.context().close();
});

test('undo survives a reload', async () => {
  const page = await threeChildren();
  await page.getByRole('button', { name: 'Delete child K2' }).click();
  await page.locator('.records__count', { hasText: 'Showing 2 of 2 children' }).waitFor();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).records.length === 2, STORAGE_KEY);
  await page.reload();
  await page.locator('.records__count', { hasText: 'Showing 2 of 2 children' }).waitFor();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('status').getByText('Undone: deleted child K2').waitFor();
  await page.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();
  await waitForStored(page, 'K2', () => true);
  // And the import before it can be undone too, after a second reload.
  await page.reload();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('status').getByText('Undone: deleted child K2').waitFor({ state: 'detached' }).catch(() => {});
  await page.getByRole('status').getByText(/Undone: imported 3 records/).waitFor();
  await page.context().close();
});

test('a case reference a spreadsheet would run is exported as text and imported back unchanged', async () => {
  const page = await app.newPage();
  await app.open(page, '#/records');
  await clearDemonstration(page);
  const id = '=HYPERLINK("x")';
  await chooseFile(page, 'Import records', 'formula.csv', `child_id,entered_care\n"${id.replaceAll('"', '""')}",2014-02-01\n`);
  await confirmImport(page);
  await page.locator('tbody th', { hasText: id }).waitFor();
  const exported = await downloadText(page, () => page.getByRole('button', { name: 'Export records (CSV)' }).click());
  const cell = exported.text.split('\r\n')[1];
  assert.ok(cell.startsWith('"\'=HYPERLINK(""x"")",'), cell);

  await page.getByRole('button', { name: `Delete child ${id}` }).click();
  await page.locator('.records__count', { hasText: 'Showing 0 of 0 children' }).waitFor();
  await chooseFile(page, 'Import records', 'exported.csv', exported.text);
  await confirmImport(page);
  await page.locator('tbody th', { hasText: id }).waitFor();
  assert.equal(await page.locator('tbody th').innerText(), id);
  await page.context().close();
});

for (const [name, text, reason] of [
  ['an empty object', '{}', /not a document of this app: it holds an object without the app's records/],
  ['a list', '[{"version":2,"records":[]}]', /not a document of this app: it holds a list/],
  ['a number', '42', /not a document of this app: it holds a number/],
  ['text cut short', '{"version":2,"records":[{"child_id":"C1"', /not valid JSON/],
  ['a newer version', '{"version":8,"records":[],"meetings":[]}', /newer version of this app \(data version 8/],
]) {
  test(`stored ${name} is kept untouched and downloadable, never overwritten`, async () => {
    const page = await app.newPage();
    await page.goto(`${app.origin}/#/records`);
    // The first start stores the demonstration a moment after opening: let it, then replace it.
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORAGE_KEY);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, text]);
    await page.reload();
    const banner = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await banner.waitFor();
    assert.match(await banner.innerText(), reason);
    // A change is shown but not saved over it.
    await clearDemonstration(page);
    await page.getByRole('status').getByText('Cleared').waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), text);
    const download = await downloadText(page, () => page.getByRole('button', { name: 'Download stored data' }).click());
    assert.equal(download.text, text);
    await page.context().close();
  });
}

test('a change made just before the page is closed is saved all the same', async () => {
  const page = await threeChildren();
  const context = page.context();
  await page.getByRole('button', { name: 'Delete child K3' }).click();
  await page.locator('.records__count', { hasText: 'Showing 2 of 2 children' }).waitFor();
  // Closed at once, well inside the moment the app waits to batch changes: the page being
  // hidden and closed saves what is pending.
  await page.close();
  const again = await context.newPage();
  await app.open(again, '#/records');
  await again.locator('.records__count', { hasText: 'Showing 2 of 2 children' }).waitFor();
  assert.equal((await stored(again)).records.length, 2);
  await context.close();
});

test('settings say whether the browser keeps the data and how much of its allowance is used', async () => {
  const page = await app.newPage();
  await app.open(page, '#/settings');
  const report = page.locator('.storage-report');
  await report.waitFor();
  await page.waitForFunction(() => /Used: [\d.]+ MB of [\d.]+ MB/.test(document.querySelector('.storage-report')?.textContent || ''));
  assert.match(await report.innerText(), /^The browser (keeps|has not promised|does not say)/);
  await page.context().close();
});
