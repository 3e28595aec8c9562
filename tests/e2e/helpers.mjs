// Shared set-up for the end-to-end tests: a server for the built bundle on a free port, a
// headless Debian chromium driven by playwright-core, and a guard that fails the test if any
// request leaves the address the app is served from (child data must never leave the browser).
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.APP_DIST || resolve(HERE, '../../dist');
export const SCREENSHOTS = process.env.SCREENSHOT_DIR || resolve(HERE, '../../target/e2e');
export const STORAGE_KEY = 'adoption-forecast/v1';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Starts the server (of the built bundle, or of `dist`) and the browser; returns helpers and a
 * `close()` for `after()`.
 */
export async function start({ dist = DIST } = {}) {
  const server = await serve(dist, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // playwright gives every launch a fresh profile of its own; it adds --headless itself.
    args: FLAGS.filter((f) => f !== '--headless'),
    headless: true,
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const foreign = [];
  // Every console error, uncaught exception and failed request of every page, on any screen:
  // `close()` fails the suite if there was one.
  const problems = [];

  /**
   * A fresh page (its own storage) with the request guard and console errors collected;
   * `options` go to the browser context (`{ hasTouch: true }` for a touch screen).
   */
  async function newPage(viewport = { width: 1280, height: 900 }, options = {}) {
    const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => {
      page.errors.push(String(e));
      problems.push(`uncaught: ${e}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      // A download the page makes from a blob: or data: address ends its request on purpose,
      // and a request still under way when a test moves on or closes the page is cancelled
      // (ERR_ABORTED), not failed: an answer that is an error is caught above.
      if (/^(blob|data):/.test(request.url())) return;
      const why = request.failure()?.errorText ?? '';
      if (why.includes('ERR_ABORTED')) return;
      problems.push(`request failed: ${request.url()} (${why})`);
    });
    page.on('request', (request) => {
      const url = request.url();
      // A blob: download made by the page carries the page's own origin inside it.
      const inner = url.startsWith('blob:') ? url.slice(5) : url;
      if (url.startsWith('data:')) return;
      let requestOrigin;
      try {
        requestOrigin = new URL(inner).origin;
      } catch {
        requestOrigin = inner;
      }
      if (requestOrigin !== origin) foreign.push(url);
    });
    // E2E_CPU_SLOWDOWN=4 runs every page's scripts four times slower (Chromium's CPU
    // throttling), to bring out a test that passes only while the page is quick.
    const slowdown = Number(process.env.E2E_CPU_SLOWDOWN || 1);
    if (slowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    }
    return page;
  }

  /**
   * Opens the app and waits for it to draw its first screen: the screen itself, not the
   * "Loading" heading shown while a screen's part of the app downloads.
   */
  async function open(page, hash = '') {
    await page.goto(`${origin}/${hash}`);
    await page.locator('#main h1:not(.later-screen__loading)').first().waitFor();
  }

  async function screenshot(page, name) {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
  }

  async function close() {
    await browser.close();
    await new Promise((ok) => server.close(ok));
    if (problems.length > 0) {
      throw new Error(`the pages reported problems:\n${problems.join('\n')}`);
    }
  }

  return { origin, browser, newPage, open, screenshot, close, foreign, problems };
}

/** The text of a download triggered by `action`. */
export async function downloadText(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Chooses a file for a labelled file input, from text written by the test. */
export async function chooseFile(page, label, name, text, mimeType = 'text/csv') {
  await page.getByLabel(label, { exact: true }).setInputFiles({
    name,
    mimeType,
    buffer: Buffer.from(text, 'utf8'),
  });
}

/**
 * Confirms the import preview. Merging is the default; `replace` chooses "Replace all" and
 * answers the question the app asks before anything is replaced.
 */
export async function confirmImport(page, { replace = false } = {}) {
  if (replace) await page.getByLabel(/^Replace all/).check();
  await page.getByRole('button', { name: 'Confirm import' }).click();
  if (replace) await page.getByRole('dialog').getByRole('button', { name: 'Replace', exact: true }).click();
}

/** Clears the demonstration data, answering the question the app asks first. */
export async function clearDemonstration(page) {
  await page.locator('.banner--demo').getByRole('button', { name: 'Clear demonstration data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear demonstration data' }).click();
}

/**
 * Two authorities of an agency as a version 5 document stores them (Northshire and Southshire,
 * each with a child C1 placed), with `more` of the document's fields.
 */
export function twoAuthoritiesStored(more = {}) {
  return {
    version: 5,
    revision: 1,
    records: [
      { child_id: 'C1', ec: '2014-01-01', sd: '2014-06-01', po: '2014-09-01' },
      { child_id: 'C1', au: 1, ec: '2014-02-01', sd: '2014-07-01', po: '2014-10-01' },
    ],
    settings: {
      authority_name: 'Northshire',
      other_authorities: [{ id: 1, name: 'Southshire' }],
      agency_name: 'Shires Adoption',
      as_of: '2015-06-30',
    },
    ...more,
  };
}

/** A stored or backed-up document without the revision, time and stamp of its saving. */
export function withoutRevision(document) {
  const { revision, saved_at, save_id, ...rest } = document;
  return rest;
}

/** The document stored under the app's key, read back (null when nothing is stored). */
export function storedDocument(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) || 'null'), STORAGE_KEY);
}

/**
 * Waits until the stored document passes `check`: the app saves a moment after a change
 * (changes made together are saved together), so a test reads storage only once it has.
 */
export async function waitForSaved(page, check) {
  for (let i = 0; i < 200; i += 1) {
    const document = await storedDocument(page);
    if (document && check(document)) return document;
    await page.waitForTimeout(50);
  }
  throw new Error(`the stored document never passed ${check}`);
}

const AXE = readFileSync(resolve(HERE, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.2 AA rules axe-core checks, and its best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The accessibility violations axe-core finds on the page as it is now, one line each (rule,
 * help, and where). Empty when there are none.
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
  return result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('; ')}`);
}

/**
 * Waits until every figures table on the page is drawn on the basis named by `words` (the end
 * of its caption, "from the children in the data only" or "with the adoptions we expect"): the
 * table is redrawn after the switch of basis has painted, so a read straight after the switch
 * would see the figures before it.
 */
export async function figuresOnBasis(page, words) {
  await page.waitForFunction((w) => {
    const captions = [...document.querySelectorAll('table.figures caption')];
    return captions.length > 0 && captions.every((c) => c.textContent.endsWith(w));
  }, words);
}
