// When the browser's storage fills up: a warning in good time, with the usage; then, when a
// save is refused, a read-only app that keeps the last good copy intact until there is room.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, chooseFile, storedDocument, waitForSaved, axeViolations } from './helpers.mjs';

let app;
let page;

before(async () => {
  app = await start();
  page = await app.newPage({ width: 1366, height: 768 });
});

after(async () => {
  await app.close();
});

/** Imports (merging) one made-up child. */
async function importChild(id) {
  await chooseFile(page, 'Import records', `${id}.csv`, `child_id,entered_care\n${id},01/02/2014\n`);
  await page.getByRole('button', { name: 'Confirm import' }).click();
}

test('four-fifths full, the app says so with the usage', async () => {
  await app.open(page, '#/records');
  await importChild('Q1');
  await waitForSaved(page, (d) => d.records.some((r) => r.child_id === 'Q1'));
  // Something else of this origin takes 4.3 million characters of the usual 5 MB (5,242,880).
  await page.evaluate(() => localStorage.setItem('filler', 'x'.repeat(4_300_000)));
  await importChild('Q2');
  const warning = page.getByRole('status').filter({ hasText: 'Storage is nearly full' });
  await warning.waitFor();
  // The document of about 160 children and the filler: 83% or 84%, so over 4.3 MB.
  assert.match(await warning.innerText(), /storage for the app is 8\d% full \(4\.\d MB of about 5 MB\)/);
  await app.screenshot(page, 'quota-01-nearly-full');
});

test('a refused save leaves the last good copy intact and the app read-only until there is room', async () => {
  // Fill the rest, leaving less room than one more child needs.
  const room = await page.evaluate(() => {
    localStorage.removeItem('filler');
    let low = 0;
    let high = 6_000_000;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      try {
        localStorage.setItem('filler', 'x'.repeat(mid));
        low = mid;
      } catch {
        high = mid - 1;
      }
    }
    localStorage.setItem('filler', 'x'.repeat(low - 10));
    return low;
  });
  assert.ok(room > 0);
  const before = await storedDocument(page);

  await importChild('Q3');
  const alert = page.getByRole('alert').filter({ hasText: 'Saving has stopped: the app is read-only' });
  await alert.waitFor();
  await app.screenshot(page, 'quota-02-read-only');
  assert.deepEqual(await axeViolations(page), [], 'axe on the read-only banner');
  // Deleting the safety copies asks first; cancelled here.
  await alert.getByRole('button', { name: 'Delete the safety copies to make room' }).click();
  const question = page.getByRole('dialog', { name: 'Delete every safety copy kept in this browser?' });
  await question.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the delete-copies question');
  await question.getByRole('button', { name: 'Cancel' }).click();
  // The last good copy is intact: no Q3 in it, the same revision.
  const stored = await storedDocument(page);
  assert.equal(stored.revision, before.revision);
  assert.ok(!stored.records.some((r) => r.child_id === 'Q3'));
  // The change is still shown; another is refused, saying why.
  await page.locator('td, th', { hasText: 'Q3' }).first().waitFor();
  await page.getByRole('button', { name: 'Delete child Q1' }).click();
  await page.getByRole('status').getByText(/read-only while this browser refuses to save/).waitFor();
  await page.locator('td, th', { hasText: 'Q1' }).first().waitFor();

  // Room is made; trying again saves what is shown.
  await page.evaluate(() => localStorage.removeItem('filler'));
  await alert.getByRole('button', { name: 'Try saving again' }).click();
  await waitForSaved(page, (d) => d.records.some((r) => r.child_id === 'Q3'));
  assert.equal(await alert.count(), 0);
  await page.getByRole('button', { name: 'Delete child Q1' }).click();
  await waitForSaved(page, (d) => !d.records.some((r) => r.child_id === 'Q1'));
});
