// The threshold schedule refuses what is not a number of days without losing what was typed:
// the person sees their own text beside the error, and the schedule keeps its last good value.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './helpers.mjs';

let app;
let page;

before(async () => {
  app = await start();
  page = await app.newPage();
});

after(async () => {
  await app.close();
});

test('a refused threshold keeps the text typed beside its error', async () => {
  await app.open(page, '#/settings');
  // The Sheffield scrutiny report's schedule: the three years ending March 2017 have an A1 threshold of 426 days.
  const box = page.getByLabel('A1 threshold for 2014-17 (days)', { exact: true });
  assert.equal(await box.inputValue(), '426');
  await box.fill('four hundred');
  await box.blur();
  await page.getByText('enter a whole number of days').waitFor();
  assert.equal(await box.inputValue(), 'four hundred');
  // A good number clears the error and is kept.
  await box.fill('400');
  await box.blur();
  await page.waitForFunction(() => !document.body.textContent.includes('enter a whole number of days'));
  await page.reload();
  await page.getByLabel('A1 threshold for 2014-17 (days)', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('A1 threshold for 2014-17 (days)', { exact: true }).inputValue(), '400');
});
