// A first visit downloads the forecast's code only; every other screen's code arrives when the
// screen is first opened, takes the focus to its heading as any change of screen does, and a
// part that cannot be downloaded is said plainly and can be tried again, the app still working.
// The code that reads stored data arrives only when there is something stored to read, and
// while it cannot arrive nothing is saved over what is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, STORAGE_KEY, twoAuthoritiesStored } from './helpers.mjs';

let app;

before(async () => {
  app = await start();
});

after(async () => {
  await app.close();
});

/** The wasm files a page requested, by name (main_bg.wasm, split_workshop.wasm, chunk_3.wasm). */
function wasmRequests(page) {
  const names = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) names.push(name);
  });
  return names;
}

test("a first visit downloads the forecast's part only, and the workshop's when it is opened", async () => {
  // No service worker: it would fetch every part for offline use once the app has started,
  // which is what it is for, but not what the first screen waits on.
  const page = await app.newPage({ width: 1280, height: 900 }, { serviceWorkers: 'block' });
  const requested = wasmRequests(page);
  await page.goto(`${app.origin}/#/forecast`);
  await page.locator('#forecast-heading').waitFor();
  await page.locator('.answer').first().waitFor();
  assert.deepEqual(requested, ['main_bg.wasm'], 'the forecast needed only the main part');

  await page.getByRole('link', { name: 'Workshop', exact: true }).click();
  const heading = page.getByRole('heading', { name: 'Workshop', level: 1 });
  await heading.waitFor();
  assert.ok(requested.includes('split_workshop.wasm'), requested.join(' '));
  assert.ok(!requested.includes('split_plans.wasm'), 'another screen came with it');
  // As after any change of screen, a screen reader is told where the user now is.
  await page.waitForFunction(() => document.activeElement?.matches('#main h1') && !document.activeElement.matches('.later-screen__loading'));
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Workshop/);
  await app.screenshot(page, 'later-screens-01-workshop-arrived');

  // Back to the forecast and to the workshop again: nothing is downloaded twice.
  const before = requested.length;
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.locator('#forecast-heading').waitFor();
  await page.getByRole('link', { name: 'Workshop', exact: true }).click();
  await heading.waitFor();
  assert.equal(requested.length, before, requested.slice(before).join(' '));
  // Panels seldom shown (a clash with another tab, the agency's authorities side by side)
  // have parts of their own, which a visit that never shows them never downloads.
  assert.deepEqual(requested.filter((name) => ['split_clashes.wasm', 'split_agency.wasm'].includes(name)), []);
  await page.context().close();
});

test("the agency panel's part is downloaded once a second authority is shown with the first, and a failure is said", async () => {
  // A context of its own: the failure is part of the point, not a problem for the run to report.
  const context = await app.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requested = wasmRequests(page);
  await page.goto(`${app.origin}/#/forecast`);
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORAGE_KEY);
  const stored = twoAuthoritiesStored();
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify(stored)]);
  let refuse = true;
  await page.route(/\/split_agency\.wasm$/, (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
  // One authority's own view: no agency panel, so no part of it.
  await page.goto(`${app.origin}/#/forecast?authority=0`);
  await page.reload();
  await page.locator('main[data-view="0"] .answer').first().waitFor();
  assert.ok(!requested.includes('split_agency.wasm'), requested.join(' '));

  // The agency's view: the panel's part is asked for; while it cannot come, the panel says so
  // and the forecast above it is still there.
  await page.getByLabel('Showing').selectOption('all');
  const alert = page.getByRole('alert').filter({ hasText: 'The panel “Each authority and the agency” could not be downloaded' });
  await alert.waitFor();
  assert.ok(requested.includes('split_agency.wasm'), requested.join(' '));
  await page.locator('main[data-view="all"] .answer').first().waitFor();
  await alert.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'later-screens-04-agency-missing');

  refuse = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  const table = page.locator('#agency-table');
  await table.waitFor();
  assert.equal(await alert.count(), 0);
  assert.ok(await table.getByRole('rowheader', { name: 'Southshire', exact: true }).count() > 0);
  await page.locator('#agency-panel').scrollIntoViewIfNeeded();
  await app.screenshot(page, 'later-screens-05-agency-arrived');
  await context.close();
});

test('a screen whose part cannot be downloaded says so, and opens when tried again', async () => {
  // A context of its own: the failure is the point here, not a problem for the run to report.
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let refuse = true;
  await page.route(/\/split_plans\.wasm$/, (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${app.origin}/#/forecast`);
  await page.locator('.answer').first().waitFor();

  await page.getByRole('link', { name: 'Action plans', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be downloaded' });
  await alert.waitFor();
  await app.screenshot(page, 'later-screens-02-part-missing');
  // The rest of the app still works.
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.locator('.answer').first().waitFor();

  await page.getByRole('link', { name: 'Action plans', exact: true }).click();
  await alert.waitFor();
  refuse = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  // The screen itself, whose heading has the same words as the message's.
  await page.locator('#plans-heading').waitFor();
  assert.equal(await alert.count(), 0);
  // The button that had the focus is gone: the screen's heading has it, not the page's body.
  await page.waitForFunction(() => document.activeElement?.id === 'plans-heading');
  await context.close();
});

/** The stored document with its last child taken out, as another session might have left it. */
async function storeOneChildFewer(page) {
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORAGE_KEY);
  return page.evaluate((key) => {
    const document = JSON.parse(localStorage.getItem(key));
    document.records.pop();
    const text = JSON.stringify(document);
    localStorage.setItem(key, text);
    return { text, children: document.records.length };
  }, STORAGE_KEY);
}

test('stored data is read by a part of its own, which a first visit never downloads', async () => {
  const page = await app.newPage({ width: 1280, height: 900 }, { serviceWorkers: 'block' });
  const requested = wasmRequests(page);
  await page.goto(`${app.origin}/#/records`);
  await page.locator('.records__count').waitFor();
  assert.ok(!requested.includes('split_reader.wasm'), `a first visit read nothing: ${requested.join(' ')}`);

  // A returning visit: what is stored (one child fewer than the demonstration) is what shows.
  const { children } = await storeOneChildFewer(page);
  requested.length = 0;
  await page.reload();
  await page.locator('.records__count', { hasText: `of ${children} children` }).waitFor();
  assert.ok(requested.includes('split_reader.wasm'), requested.join(' '));
  await page.context().close();
});

test('stored data whose reader cannot be downloaded is said, never saved over, and opens on reload', async () => {
  // A context of its own: the failure is the point here, not a problem for the run to report.
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${app.origin}/#/records`);
  await page.locator('.records__count').waitFor();
  const { text, children } = await storeOneChildFewer(page);

  let refuse = true;
  await page.route(/\/split_reader\.wasm$/, (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'Your data could not be opened' });
  await alert.waitFor();
  await app.screenshot(page, 'later-screens-03-reader-missing');

  // The page carries on (the demonstration is shown, and says so), but a save, made at once
  // as when the page is closed, leaves what is stored exactly as it was.
  await page.locator('.banner--demo').waitFor();
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), text);

  refuse = false;
  await alert.getByRole('button', { name: 'Reload' }).click();
  await page.locator('.records__count', { hasText: `of ${children} children` }).waitFor();
  assert.equal(await alert.count(), 0);
  await context.close();
});
