// Times the real page in headless Chromium, as a person would meet it:
//  - the release bundle's size, raw and gzipped (everything the browser downloads);
//  - the first screen: from navigation to the first heading drawn, on loopback;
//  - a scenario change on the forecast: from the input's change event to the end of drawing
//    both charts (the app leaves a `chart-drawn` performance mark after each chart it draws),
//    for 300 and for 10,000 children imported as a CSV.
// Prints a Markdown table for the README. Not a test: nothing here passes or fails.
import { chromium } from '../../tests/e2e/node_modules/playwright-core/index.mjs';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { serve } from '../static-server.mjs';
import { syntheticCsv } from './synthetic.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.APP_DIST || resolve(HERE, '../../dist');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CHANGES = 15;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function bundleSize() {
  let raw = 0;
  let gz = 0;
  for (const entry of await readdir(DIST, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const bytes = await readFile(join(entry.parentPath ?? entry.path, entry.name));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}

async function firstScreen(browser, origin) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('h1')) {
          window.__firstHeading = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(origin);
    await page.waitForFunction(() => window.__firstHeading !== undefined);
    times.push(await page.evaluate(() => window.__firstHeading));
    await context.close();
  }
  return median(times);
}

async function scenarioChange(browser, origin, children) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(origin);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByLabel('Import records', { exact: true }).setInputFiles({
    name: 'synthetic.csv', mimeType: 'text/csv', buffer: Buffer.from(syntheticCsv(children), 'utf8'),
  });
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await page.getByRole('button', { name: 'Settings and backup' }).click();
  await page.getByLabel('As of date', { exact: true }).fill('30/06/2015');
  await page.getByLabel('As of date', { exact: true }).blur();
  await page.getByRole('button', { name: 'Forecast', exact: true }).click();
  await page.getByRole('heading', { name: 'Trajectory' }).waitFor();
  await page.waitForTimeout(1000);
  const times = [];
  for (let i = 0; i < CHANGES; i++) {
    const ms = await page.evaluate(async (days) => {
      const input = document.getElementById('stage-2-days');
      performance.clearMarks('chart-drawn');
      const t0 = performance.now();
      input.value = String(days);
      input.dispatchEvent(new Event('change', { bubbles: true }));
      // Both charts redraw after a change of durations; the later mark is the end of drawing.
      await new Promise((done) => {
        const started = performance.now();
        const check = () => {
          const marks = performance.getEntriesByName('chart-drawn');
          if (marks.length >= 2 || (marks.length === 1 && performance.now() - started > 500)) done();
          else setTimeout(check, 0);
        };
        check();
      });
      const marks = performance.getEntriesByName('chart-drawn');
      return marks[Math.min(1, marks.length - 1)].startTime - t0;
    }, 120 + 10 * (i % 7));
    times.push(ms);
    await page.waitForTimeout(300);
  }
  await context.close();
  return { median: median(times), max: Math.max(...times) };
}

const server = await serve(DIST, 0);
const origin = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: FLAGS, headless: true });
try {
  const size = await bundleSize();
  const first = await firstScreen(browser, origin);
  const small = await scenarioChange(browser, origin, 300);
  const large = await scenarioChange(browser, origin, 10000);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`;
  console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, headless Chromium ${browser.version()}.\n`);
  console.log('| measure | result | goal |');
  console.log('|---|---|---|');
  console.log(`| everything the browser downloads | ${(size.raw / 1024).toFixed(0)} KB, ${(size.gz / 1024).toFixed(0)} KB gzipped | under 250 KB gzipped |`);
  console.log(`| first screen drawn after navigation (median of 5) | ${fmt(first)} | under 500 ms |`);
  console.log(`| scenario change to both charts redrawn, 300 children (median / worst of ${CHANGES}) | ${fmt(small.median)} / ${fmt(small.max)} | under 16 ms |`);
  console.log(`| scenario change to both charts redrawn, 10,000 children (median / worst of ${CHANGES}) | ${fmt(large.median)} / ${fmt(large.max)} | under 100 ms |`);
} finally {
  await browser.close();
  server.close();
}
