// The first answers before the app has downloaded: a first visit reads the demonstration's
// (written into index.html by the build), a returning manager the ones the app showed last
// time, each marked as updating; the app then draws the same words itself. The app's wasm is
// held back by the test, as a slow line would hold it, so the page is seen as it is before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, axeViolations } from './helpers.mjs';

let app;
let context;
const errors = [];

before(async () => {
  app = await start();
  // No service worker: the test must see (and hold) every request the page makes.
  context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
});

after(async () => {
  await context.close();
  await app.close();
  assert.deepEqual(errors, []);
});

/** A page of the shared context whose wasm download waits until `release()`. */
async function heldPage() {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route(/_bg\.wasm$/, async (route) => {
    await gate;
    await route.continue().catch(() => {});
  });
  return { page, release };
}

/** The answers' words as a person reads them (tooltips hidden), one per target. */
function answerTexts(page, scope) {
  return page.locator(`${scope} .answer`).evaluateAll((items) => items.map((li) => li.innerText.replace(/\s+/g, ' ').trim()));
}

/** Waits for the app to have drawn the forecast and worked out the chances. */
async function appSettled(page) {
  await page.locator('#main h1', { hasText: 'Forecast' }).waitFor();
  await page.locator('.first-screen__chart[aria-busy="false"]').waitFor();
}

/** Waits until the answers kept for the next visit belong to the stored document as it is. */
async function keptForStored(page) {
  await page.waitForFunction(() => {
    const kept = JSON.parse(localStorage.getItem('adoption-forecast/first-screen') || 'null');
    const stored = localStorage.getItem('adoption-forecast/v1') || '';
    return kept !== null && new RegExp(`^\\{"version":\\d+,"revision":${kept.revision},`).test(stored);
  });
}

let demonstration;

test('a first visit reads the demonstration\'s answers before the app has downloaded, marked as updating, and the app then says the same', async () => {
  const { page, release } = await heldPage();
  await page.goto(`${app.origin}/`);
  const early = page.locator('#early-paint');
  await early.getByText(/heading for \d+ days/).first().waitFor();
  assert.equal(await early.getAttribute('aria-busy'), 'true');
  await early.getByText('Updating: the app is starting…').waitFor();
  // The app has not started: it has no screen of its own yet.
  assert.equal(await page.locator('#main').count(), 0);
  demonstration = await answerTexts(page, '#early-paint');
  assert.equal(demonstration.length, 2);
  assert.match(demonstration[0], /^Off course A1 2013-16: heading for \d+ days against 426, with the adoptions we expect\./);
  assert.match(demonstration[1], /^Off course A2 2013-16: heading for \d+ days against 121, with the adoptions we expect\./);
  await app.screenshot(page, 'early-01-first-visit-before-the-app');
  // What shows before the app is itself accessible (it is no heading: the app's screen is
  // the page's level-one heading, and nothing may take the early words for it).
  const violations = (await axeViolations(page)).filter((v) => !v.startsWith('page-has-heading-one'));
  assert.deepEqual(violations, []);

  release();
  await appSettled(page);
  assert.equal(await page.locator('#early-paint').count(), 0, 'the early answers stayed beside the app\'s');
  assert.deepEqual(await answerTexts(page, '#main'), demonstration);
  await page.close();
});

test('a returning manager first reads the answers the app showed last time, and nothing of other data', async () => {
  // Last time: a stricter A1 target, so the answers are no longer the demonstration's.
  let { page, release } = await heldPage();
  release();
  await page.goto(`${app.origin}/#/forecast`);
  await appSettled(page);
  await page.getByLabel('Target indicator', { exact: true }).selectOption('A1');
  const value = page.getByLabel('Target value', { exact: true });
  await value.fill('400');
  await value.blur();
  await page.locator('#main .answer', { hasText: 'against the chosen target of 400' }).first().waitFor();
  await appSettled(page);
  const shown = await answerTexts(page, '#main');
  assert.notDeepEqual(shown, demonstration);
  await keptForStored(page);
  await page.waitForFunction(() => localStorage.getItem('adoption-forecast/first-screen').includes('chosen target of 400'));
  await page.close();

  // This visit: those answers, before the app, marked as updating; then the app's own.
  ({ page, release } = await heldPage());
  await page.goto(`${app.origin}/`);
  await page.locator('#early-paint').getByText(/heading for \d+ days against the chosen target of 400/).waitFor();
  assert.deepEqual(await answerTexts(page, '#early-paint'), shown);
  await page.locator('#early-paint').getByText('Updating: the app is starting…').waitFor();
  await app.screenshot(page, 'early-02-returning-before-the-app');
  release();
  await appSettled(page);
  assert.equal(await page.locator('#early-paint').count(), 0);
  assert.deepEqual(await answerTexts(page, '#main'), shown);

  // Another screen asked for: nothing early, the app draws that screen.
  await page.close();
  ({ page, release } = await heldPage());
  await page.goto(`${app.origin}/#/settings`);
  await page.locator('noscript').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#early-paint').count(), 0);
  release();
  await page.getByRole('heading', { name: 'Settings and backup', level: 1 }).waitFor();

  // The data changed where the forecast was not shown: the kept answers are of older data,
  // so the next visit shows nothing before the app rather than them.
  const before = await page.evaluate(() => localStorage.getItem('adoption-forecast/v1').slice(0, 40));
  const name = page.getByLabel('Authority name', { exact: true });
  await name.fill('Anytown');
  await name.blur();
  await page.waitForFunction((old) => localStorage.getItem('adoption-forecast/v1').slice(0, 40) !== old, before);
  await page.close();
  ({ page, release } = await heldPage());
  await page.goto(`${app.origin}/`);
  await page.locator('noscript').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#early-paint').count(), 0, 'answers of older data were shown');
  release();
  await appSettled(page);
  await page.close();
});
