// Storage that never loses data, seen from the browser: a corrupted or newer stored document
// is reported, offered as a download and never overwritten; two tabs see each other's
// changes; yearly figures import through a preview; a backup restores everything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, chooseFile, downloadText, STORAGE_KEY, clearDemonstration, withoutRevision, waitForSaved,
} from './helpers.mjs';

let app;

before(async () => {
  app = await start();
});

after(async () => {
  await app.close();
});

/** A page whose storage holds `text` under the app's key before the app starts. */
async function pageWithStored(text) {
  const page = await app.newPage();
  await page.goto(`${app.origin}/#/records`);
  // The first start stores the demonstration a moment after opening: let it, then replace it.
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORAGE_KEY);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, text]);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

test('a corrupted stored document is reported, downloadable and never overwritten', async () => {
  const corrupted = '{"version":1,"records":[{"child_id":"C1","entered_care":"2014-0';
  const page = await pageWithStored(corrupted);
  const banner = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /not valid JSON/);
  assert.match(await banner.innerText(), /Saving is off/);
  await app.screenshot(page, 'storage-01-corrupted');

  // The user carries on working: the change shows, but the stored text is untouched.
  await clearDemonstration(page);
  await page.getByRole('status').getByText('Cleared the demonstration data').waitFor();
  assert.equal(await stored(page), corrupted);
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
  assert.equal(await stored(page), corrupted);

  // The raw text is offered exactly as stored.
  const download = await downloadText(page, () => page.getByRole('button', { name: 'Download stored data' }).click());
  assert.equal(download.text, corrupted);
  await page.context().close();
});

test('a document from a newer version of the app is left alone', async () => {
  const newer = JSON.stringify({ version: 99, records: [], future_field: { kept: true } });
  const page = await pageWithStored(newer);
  const banner = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /newer version of this app \(data version 99/);
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await clearDemonstration(page);
  await page.getByRole('status').getByText('Cleared').waitFor();
  assert.equal(await stored(page), newer);
  // Only an explicit choice replaces it.
  await page.getByRole('button', { name: 'Replace the stored data and turn saving on' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace the stored data' }).click();
  await page.getByRole('status').getByText('Saving is on again').waitFor();
  const now = await waitForSaved(page, (d) => d.version === 7);
  assert.equal(now.version, 7);
  assert.deepEqual(now.records, []);
  await page.context().close();
});

test('a second tab sees the first tab\'s changes', async () => {
  const first = await app.newPage();
  await app.open(first, '#/records');
  await clearDemonstration(first);
  await first.getByRole('status').getByText('Cleared').waitFor();
  const second = await first.context().newPage();
  await second.goto(`${app.origin}/#/records`);
  await second.locator('.records__count', { hasText: 'Showing 0 of 0 children' }).waitFor();

  await chooseFile(first, 'Import records', 'one.csv', 'child_id,entered_care\nK1,2014-02-03\n');
  await first.getByRole('button', { name: 'Confirm import' }).click();
  await first.locator('.records__count', { hasText: 'Showing 1 of 1 children' }).waitFor();

  // The other tab follows without a reload and says why its data changed.
  await second.locator('.records__count', { hasText: 'Showing 1 of 1 children' }).waitFor();
  await second.getByRole('status').getByText('changed in another tab').waitFor();
  assert.equal(await second.locator('tbody th').innerText(), 'K1');
  await first.context().close();
});

test('a save made while another tab is still opening its data is seen there', async () => {
  // No service worker, so that the second tab's reading of its data can be held back on its
  // way: the first tab saves in that moment, before the second listens for other tabs.
  const first = await app.newPage({ width: 1280, height: 900 }, { serviceWorkers: 'block' });
  await app.open(first, '#/records');
  await first.waitForFunction((key) => localStorage.getItem(key) !== null, STORAGE_KEY);
  const second = await first.context().newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await second.route(/\/split_reader\.wasm$/, async (route) => { await held; await route.continue(); });
  const asked = second.waitForRequest(/\/split_reader\.wasm$/);
  const opening = second.goto(`${app.origin}/#/records`);
  await asked;

  await clearDemonstration(first);
  await waitForSaved(first, (d) => d.records.length === 0 && !d.demonstration);
  release();
  await opening;
  await second.locator('.records__count', { hasText: 'Showing 0 of 0 children' }).waitFor();
  await first.context().close();
});

test('yearly figures import through a preview, and a backup restores everything', async () => {
  const page = await app.newPage();
  await app.open(page, '#/records');
  await clearDemonstration(page);
  await page.getByRole('link', { name: 'Yearly figures', exact: true }).click();
  // line 2 is sound; line 3 has an A3 count (40) above the number adopted (30).
  const csv = 'year,adopted,a1_average_days,a2_children,a2_average_days,a3_under_14_months,a10_average_days,notes\n'
    + '2011-12,28,610.5,25,201,9,,fine\n'
    + '2012-13,30,590,27,190,40,,typo\n';
  await chooseFile(page, 'Import yearly figures', 'years.csv', csv);
  const preview = page.locator('.panel--preview');
  await preview.waitFor();
  const problems = await preview.locator('.problem').allInnerTexts();
  assert.ok(problems.some((p) => p.includes('line 3') && p.includes('a3_under_14_months')), problems.join('\n'));
  assert.match(await preview.innerText(), /Unknown columns \(ignored\)\s*notes/);
  assert.equal(await page.locator('table').count(), 0, 'nothing imported before confirming');
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await page.locator('tbody th', { hasText: '2011-12' }).waitFor();
  await app.screenshot(page, 'storage-02-yearly-figures');

  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await page.getByLabel('Authority name', { exact: true }).fill('Anytown Council');
  await page.getByLabel('Authority name', { exact: true }).press('Enter');
  await page.locator('.header__authority', { hasText: 'Anytown Council' }).waitFor();
  const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download backup (JSON)' }).click());
  const saved = JSON.parse(backup.text);
  assert.equal(saved.version, 7);
  assert.equal(saved.settings.authority_name, 'Anytown Council');
  assert.equal(saved.aggregates.length, 2);

  // Restore into a fresh browser profile: everything comes back after confirming.
  const other = await app.newPage();
  await app.open(other, '#/settings');
  await chooseFile(other, 'Restore from backup', 'backup.json', backup.text, 'application/json');
  await other.getByRole('button', { name: 'Confirm restore' }).click();
  await other.getByRole('dialog').getByRole('button', { name: 'Restore the backup' }).click();
  await other.locator('.header__authority', { hasText: 'Anytown Council' }).waitFor();
  await other.getByRole('link', { name: 'Yearly figures', exact: true }).click();
  await other.locator('tbody th', { hasText: '2012-13' }).waitFor();
  const restored = await waitForSaved(other, (d) => d.settings.authority_name === 'Anytown Council');
  assert.deepEqual(withoutRevision(restored), withoutRevision(saved));
  await app.screenshot(other, 'storage-03-restored');
});

test('a save the browser refuses is shown as an error and the last saved data stays', async () => {
  const page = await app.newPage();
  await app.open(page, '#/records');
  await clearDemonstration(page);
  await page.getByRole('status').getByText('Cleared').waitFor();
  await waitForSaved(page, (d) => d.records.length === 0);
  const before = await stored(page);
  assert.equal(JSON.parse(before).records.length, 0);
  // Fill this origin's storage to the brim with other keys, in ever smaller pieces.
  await page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler-${n++}`, chunk); } catch { break; }
      }
    }
  });
  await chooseFile(page, 'Import records', 'one.csv', 'child_id,entered_care\nQ1,2014-02-03\n');
  await page.getByRole('button', { name: 'Confirm import' }).click();
  const status = page.getByRole('status');
  await status.getByText('could not be saved').waitFor();
  assert.match(await status.innerText(), /^Error: Your last change could not be saved: this browser's storage for the app is full\./);
  // The change is on screen (and can be backed up); the stored copy is the last good one.
  await page.locator('tbody th', { hasText: 'Q1' }).waitFor();
  assert.equal(await stored(page), before);
  await app.screenshot(page, 'storage-04-save-refused');
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-'))
    .forEach((k) => localStorage.removeItem(k)));
  await page.context().close();
});

test('no request left the address the app is served from', () => {
  assert.deepEqual(app.foreign, []);
});
