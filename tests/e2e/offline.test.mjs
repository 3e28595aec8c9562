// Working with no network after the first visit, and a new version announced rather than
// switched to: the app is served from a copy of the bundle that the test can redeploy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, DIST, chooseFile, waitForSaved } from './helpers.mjs';

let app;
let copy;
let page;

before(async () => {
  copy = await mkdtemp(join(tmpdir(), 'adoption-forecast-dist-'));
  await cp(DIST, copy, { recursive: true });
  app = await start({ dist: copy });
  page = await app.newPage({ width: 1366, height: 768 });
});

after(async () => {
  await app.close();
  await rm(copy, { recursive: true, force: true });
});

/** The names of the app's caches, as the page sees them. */
function cacheNames() {
  return page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('adoption-forecast-')));
}

test('after one visit the app and its data open with no network', async () => {
  await app.open(page, '#/records');
  // The service worker takes charge of the page once it has cached this version's files.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  assert.equal((await cacheNames()).length, 1);

  await chooseFile(page, 'Import records', 'one.csv', 'child_id,entered_care\nOFF1,01/02/2014\n');
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await waitForSaved(page, (d) => d.records.some((r) => r.child_id === 'OFF1'));

  await page.context().setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: "Children's records", level: 1 }).waitFor();
  await page.locator('td, th', { hasText: 'OFF1' }).first().waitFor();
  // The forecast works too: its answers and its chart.
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.locator('.answer').first().waitFor();
  await page.locator('#trajectory-chart').waitFor();
  // A new tab opened with no network finds the app as well.
  const tab = await page.context().newPage();
  await tab.goto(`${app.origin}/#/settings`);
  await tab.getByRole('heading', { name: 'Settings and backup', level: 1 }).waitFor();
  await app.screenshot(page, 'offline-01-forecast-with-no-network');
  await tab.close();
  await page.context().setOffline(false);
});

test('a new version is announced, and taken only when the user reloads', async () => {
  // Redeploy: a new build has a new service worker (its version names its files' contents).
  const worker = join(copy, 'sw.js');
  const text = await readFile(worker, 'utf8');
  await writeFile(worker, text.replace('const VERSION = "', 'const VERSION = "redeployed-'));

  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'A new version is ready - reload' });
  await notice.waitFor();
  await app.screenshot(page, 'offline-02-new-version-ready');
  // The page still runs the version it opened with until the user chooses.
  assert.ok((await cacheNames()).some((n) => !n.includes('redeployed')), 'the old version was dropped early');

  await notice.getByRole('button', { name: 'reload' }).click();
  await page.waitForFunction(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('adoption-forecast-'));
    return names.length === 1 && names[0].includes('redeployed');
  });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.equal(await notice.count(), 0);
  // The data is still there after the switch.
  await waitForSaved(page, (d) => d.records.some((r) => r.child_id === 'OFF1'));
});

test('the app can be installed: a manifest with icons, from its own origin', async () => {
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href);
  assert.equal(manifest.name, 'Adoption scorecard forecast');
  assert.equal(manifest.display, 'standalone');
  const sizes = manifest.icons.map((i) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), `icons: ${sizes}`);
  for (const icon of manifest.icons) {
    const status = await page.evaluate(async (src) => (await fetch(src)).status, icon.src);
    assert.equal(status, 200, icon.src);
  }
  assert.deepEqual(app.foreign, [], 'a request left the app\'s own address');
});
