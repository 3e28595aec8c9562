// Times the real page in headless Chromium, as a person would meet it:
//  - the release bundle's size: raw, gzipped and Brotli (everything the browser may download),
//    and what a first visit actually transfers before the app has drawn its first screen;
//  - the first answer: from navigation to the first "heading for N days" sentence on screen,
//    on emulated lines (Chrome DevTools Protocol: network conditions and CPU slowdown), from a
//    fresh profile (cold) and on a repeat visit of the same profile (warm, its service worker
//    installed), and when the app itself has drawn the screen;
//  - importing 300 and 10,000 children from a CSV: from "Confirm import" in the preview to
//    the records table counting them, and the size of the stored document afterwards;
//  - a scenario change on the forecast: from the input's change event to the first change of
//    the page, and to the end of drawing both charts (the app leaves a `chart-drawn`
//    performance mark after each chart it draws);
//  - the longest main-thread task while the Monte Carlo runs after a change (its slices
//    should leave the page free to answer typing);
//  - the SSDA903 preview of the CSC validator's fake data (13 tables): from the files chosen
//    to the preview shown.
// Prints a Markdown table for the README. Not a test: nothing here passes or fails.
//  - a regional adoption agency: eight authorities of 300 children imported from one file
//    naming each child's authority, the same scenario change on one authority's view and on
//    the agency's, the stored size, and the agency's tracking meeting agenda opened.
// BENCH_ONLY=changes times the scenario changes alone (imports, changes, longest task): the
// first visits on slow lines time out on a heavily loaded machine. BENCH_ONLY=agency times
// the agency alone; BENCH_ONLY=visits the first visits alone (times and what they download).
import { chromium } from '../../tests/e2e/node_modules/playwright-core/index.mjs';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { brotli } from '../compress_bundle.mjs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { serve } from '../static-server.mjs';
import { syntheticCsv } from './synthetic.mjs';
import { agencyWorkspace, forecastOn } from './agency.mjs';

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
  let br = 0;
  for (const entry of await readdir(DIST, { withFileTypes: true, recursive: true })) {
    // The build's compressed copies are the same files as sent, not more to download.
    if (!entry.isFile() || /\.(br|gz)$/.test(entry.name)) continue;
    const bytes = await readFile(join(entry.parentPath ?? entry.path, entry.name));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
    br += Math.min(bytes.length, brotli(bytes).length);
  }
  return { raw, gz, br };
}

/** The lines the first answer is timed on (the DevTools Protocol's emulation). */
const PROFILES = [
  { name: '10 Mbit/s, 40 ms', down: 10e6, up: 5e6, latency: 40, cpu: 1 },
  { name: 'slow 4G: 1.6 Mbit/s, 150 ms, CPU 4x slower', down: 1.6e6, up: 0.75e6, latency: 150, cpu: 4 },
];
const VISITS = 5;

/** Notes when the first "heading for N days" sentence is on screen, and when the app drew its own. */
function watchFirstAnswer() {
  const check = () => {
    if (window.__firstSentence === undefined) {
      const answer = [...document.querySelectorAll('.answer')]
        .find((e) => /heading for \d+ days/.test(e.textContent) && e.getClientRects().length > 0);
      if (answer) window.__firstSentence = performance.now();
    }
    if (window.__appDrawn === undefined && document.querySelector('#main h1')) window.__appDrawn = performance.now();
    if (window.__firstSentence === undefined || window.__appDrawn === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function emulate(page, profile) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.down / 8,
    uploadThroughput: profile.up / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  // What the page itself transfers (compressed, as sent), request by request.
  let transferred = 0;
  cdp.on('Network.loadingFinished', (e) => { transferred += e.encodedDataLength; });
  return () => transferred;
}

async function visit(context, origin, profile) {
  const page = await context.newPage();
  await page.addInitScript(watchFirstAnswer);
  const transferred = await emulate(page, profile);
  await page.goto(origin);
  await page.waitForFunction(() => window.__firstSentence !== undefined && window.__appDrawn !== undefined);
  const times = await page.evaluate(() => ({ sentence: window.__firstSentence, app: window.__appDrawn }));
  // Before the page goes: the service worker has cached this version for the next visit.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const bytes = transferred();
  await page.close();
  return { ...times, bytes };
}

async function firstAnswer(browser, origin, profile) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < VISITS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    cold.push(await visit(context, origin, profile));
    warm.push(await visit(context, origin, profile));
    await context.close();
  }
  const of = (runs, key) => median(runs.map((r) => r[key]));
  return {
    coldSentence: of(cold, 'sentence'), coldApp: of(cold, 'app'), coldBytes: of(cold, 'bytes'),
    warmSentence: of(warm, 'sentence'), warmApp: of(warm, 'app'),
  };
}

/**
 * The same what-if as a person makes it, `CHANGES` times on the forecast shown: the days of
 * a stage go round seven values, from the `start`th (each change differs from the value
 * before it, which a view sharing the scenario of another one timed before needs).
 */
async function timeChanges(page, start = 0) {
  const first = [];
  const drawn = [];
  let longest = 0;
  for (let i = 0; i < CHANGES; i++) {
    const result = await page.evaluate(async (days) => {
      const input = document.getElementById('stage-2-days');
      performance.clearMarks('chart-drawn');
      let longestTask = 0;
      const tasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
      });
      tasks.observe({ type: 'longtask' });
      let firstChange;
      const observer = new MutationObserver(() => {
        firstChange ??= performance.now();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
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
      // Then the Monte Carlo, in slices, until the band is no longer marked as updating.
      await new Promise((done) => {
        const check = () => {
          if (document.querySelector('.first-screen__chart')?.getAttribute('aria-busy') === 'false') done();
          else setTimeout(check, 20);
        };
        check();
      });
      await new Promise((done) => setTimeout(done, 50));
      observer.disconnect();
      tasks.disconnect();
      return {
        first: firstChange - t0,
        drawn: marks[Math.min(1, marks.length - 1)].startTime - t0,
        longestTask,
      };
    }, 120 + 10 * ((i + start) % 7));
    first.push(result.first);
    drawn.push(result.drawn);
    longest = Math.max(longest, result.longestTask);
    await page.waitForTimeout(300);
  }
  return {
    first: { median: median(first), max: Math.max(...first) },
    drawn: { median: median(drawn), max: Math.max(...drawn) },
    longest,
  };
}

async function setAsOf(page) {
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await page.getByLabel('As of date', { exact: true }).fill('30/06/2015');
  await page.getByLabel('As of date', { exact: true }).blur();
}

/**
 * Imports `csv` (merged into what is there) on the records screen shown: the time from
 * "Confirm import" in the preview until the table counts `total` children, and the stored
 * document's size once saved.
 */
async function importChildren(page, csv, total) {
  await page.getByLabel('Import records', { exact: true }).setInputFiles({
    name: 'synthetic.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8'),
  });
  const confirm = page.getByRole('button', { name: 'Confirm import' });
  await confirm.waitFor();
  // Preview shown; time the confirmation until the table counts every child.
  await page.evaluate(() => {
    window.__importStarted = performance.now();
    window.__importDone = undefined;
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Confirm import').click();
  });
  await page.waitForFunction((n) => {
    if (!document.querySelector('.records__count')?.textContent.includes(`of ${n} children`)) return false;
    window.__importDone ??= performance.now();
    return true;
  }, total, { polling: 'raf' });
  const importMs = await page.evaluate(() => window.__importDone - window.__importStarted);
  // The save is batched a moment after the change.
  await page.waitForTimeout(1500);
  const storedBytes = await page.evaluate(() => new Blob([localStorage.getItem('adoption-forecast/v1') ?? '']).size);
  return { importMs, storedBytes };
}

async function scenarioChange(browser, origin, children) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}#/records`);
  // The records screen's own count, not the "Loading…" heading shown while its part arrives:
  // counted too early, the children already there would read as none.
  await page.locator('.records__count').waitFor();
  const before = await page.evaluate(() => Number(document.querySelector('.records__count')?.textContent.match(/of (\d+)/)?.[1] ?? 0));
  const { importMs, storedBytes } = await importChildren(page, syntheticCsv(children), before + children);
  await setAsOf(page);
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.getByRole('heading', { name: 'Trajectory' }).waitFor();
  await page.waitForTimeout(1000);
  const changes = await timeChanges(page);
  await context.close();
  return { importMs, storedBytes, ...changes };
}

/** One authority's view of the agency's workspace, and the agency's. */
const ONE_AUTHORITY = '1';

/**
 * A regional adoption agency: `authorities` authorities of `each` children, from a fresh
 * profile (see `agency.mjs`). Times the import, the same what-if on one
 * authority's view and on the agency's, and opening the agency's tracking meeting agenda.
 */
async function agencyCase(browser, origin, authorities = 8, each = 300) {
  const children = authorities * each;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const { importMs, storedBytes } = await agencyWorkspace(page, origin, importChildren, authorities, each);
  const whatIf = async (view, start) => {
    await forecastOn(page, origin, view);
    return timeChanges(page, start);
  };
  // The views share the scenario: the agency's first change starts where the last one ended.
  const one = await whatIf(ONE_AUTHORITY, 0);
  const agency = await whatIf('all', CHANGES % 7);

  // The agency's tracking meeting agenda, from the address changed to the agenda's table on
  // screen, coming each time from the records screen.
  const agenda = [];
  for (let i = 0; i < VISITS; i++) {
    await page.goto(`${origin}#/records?authority=all`);
    await page.locator('.records__count').waitFor();
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      window.__agendaShown = undefined;
      window.__agendaAsked = performance.now();
      location.hash = '#/tracking?authority=all';
    });
    await page.waitForFunction(() => {
      const table = document.querySelector('table.agenda');
      if (!table || table.getClientRects().length === 0) return false;
      window.__agendaShown ??= performance.now();
      return true;
    }, null, { polling: 'raf', timeout: 120000 });
    agenda.push(await page.evaluate(() => window.__agendaShown - window.__agendaAsked));
  }
  const agendaRows = await page.locator('table.agenda tbody tr').count();
  await context.close();
  return {
    authorities, children, importMs, storedBytes, one, agency,
    agenda: { median: median(agenda), max: Math.max(...agenda) }, agendaRows,
  };
}

const FAKE_903 = resolve(HERE, '../../crates/scorecard/tests/fixtures/csc-validator-903-fake-data');

async function returnPreview(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}#/records`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const names = (await readdir(FAKE_903)).filter((n) => n.endsWith('.csv'));
  const files = await Promise.all(names.map(async (name) => ({
    name, mimeType: 'text/csv', buffer: await readFile(join(FAKE_903, name)),
  })));
  await page.evaluate(() => {
    document.getElementById('import-return').addEventListener('change', () => {
      window.__chosen = performance.now();
    }, { capture: true });
  });
  await page.getByLabel('Import SSDA903 return', { exact: true }).setInputFiles(files);
  await page.waitForFunction(() => {
    if (!document.querySelector('#ssda903-preview h3')) return false;
    window.__shown ??= performance.now();
    return true;
  }, null, { polling: 'raf' });
  const ms = await page.evaluate(() => window.__shown - window.__chosen);
  await context.close();
  return { ms, files: names.length };
}

const server = await serve(DIST, 0);
const origin = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: FLAGS, headless: true });
try {
  const only = process.env.BENCH_ONLY;
  const changesOnly = only === 'changes';
  const agencyOnly = only === 'agency';
  const visitsOnly = only === 'visits';
  // The machine may be shared: each case notes the load average (one minute, as `uptime`
  // prints it) when it starts and ends, printed under the table.
  const loads = [];
  const loaded = async (name, run) => {
    const start = loadavg()[0];
    const result = await run();
    loads.push(`${name} ${start.toFixed(2)} to ${loadavg()[0].toFixed(2)}`);
    return result;
  };
  const size = await bundleSize();
  const lines = [];
  if (!changesOnly && !agencyOnly) {
    for (const profile of PROFILES) {
      lines.push([profile, await loaded(`first visits (${profile.name})`, () => firstAnswer(browser, origin, profile))]);
    }
  }
  const sizes = [];
  if (!agencyOnly && !visitsOnly) {
    sizes.push(['300', await loaded('300 children', () => scenarioChange(browser, origin, 300))]);
    sizes.push(['10,000', await loaded('10,000 children', () => scenarioChange(browser, origin, 10000))]);
  }
  const agency = changesOnly || visitsOnly ? null : await loaded('agency', () => agencyCase(browser, origin));
  const preview = changesOnly || agencyOnly || visitsOnly ? null : await loaded('SSDA903 preview', () => returnPreview(browser, origin));
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`;
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, headless Chromium ${browser.version()}.\n`);
  console.log('| measure | result | goal |');
  console.log('|---|---|---|');
  console.log(`| everything the browser may download | ${kb(size.raw)}; ${kb(size.gz)} gzipped; ${kb(size.br)} Brotli | |`);
  for (const [profile, r] of lines) {
    const fast = profile.cpu === 1;
    console.log(`| first visit, transferred until the app has drawn its screen (${profile.name}, median of ${VISITS}) | ${kb(r.coldBytes)} | ${fast ? 'at most 300 KB' : ''} |`);
    console.log(`| first "heading for" sentence on screen, cold (${profile.name}, median of ${VISITS}) | ${fmt(r.coldSentence)} | ${fast ? 'within 1.0 s' : 'within 3.5 s'} |`);
    console.log(`| the app's own screen drawn, cold (${profile.name}) | ${fmt(r.coldApp)} | |`);
    console.log(`| first "heading for" sentence on screen, warm (${profile.name}) | ${fmt(r.warmSentence)} | ${fast ? 'within 0.2 s' : ''} |`);
    console.log(`| the app's own screen drawn, warm (${profile.name}) | ${fmt(r.warmApp)} | |`);
  }
  for (const [n, r] of sizes) {
    console.log(`| import of ${n} children, preview confirmed to table shown | ${fmt(r.importMs)} | under 1 s |`);
    console.log(`| stored document with ${n} more children | ${(r.storedBytes / 1024 / 1024).toFixed(2)} MB | under 2 MB |`);
    console.log(`| scenario change to first change of the page, ${n} children (median / worst of ${CHANGES}) | ${fmt(r.first.median)} / ${fmt(r.first.max)} | under ${n === '300' ? 16 : 50} ms |`);
    console.log(`| scenario change to both charts redrawn, ${n} children (median / worst of ${CHANGES}) | ${fmt(r.drawn.median)} / ${fmt(r.drawn.max)} | |`);
    console.log(`| longest main-thread task while the Monte Carlo's 2,000 runs go, ${n} children | ${r.longest ? fmt(r.longest) : 'none over 50 ms'} | under 50 ms |`);
  }
  if (agency) {
    const n = agency.children.toLocaleString('en-GB');
    const of = `${agency.authorities} authorities of ${agency.children / agency.authorities} children`;
    console.log(`| import of ${n} children of ${of} (an \`authority\` column), preview confirmed to table shown | ${fmt(agency.importMs)} | under 1 s |`);
    console.log(`| stored document of ${of} | ${(agency.storedBytes / 1024 / 1024).toFixed(2)} MB | under 2 MB |`);
    for (const [view, r, goal] of [['one authority\'s view', agency.one, 16], ['the agency\'s view', agency.agency, 50]]) {
      console.log(`| scenario change to first change of the page, ${of}, ${view} (median / worst of ${CHANGES}) | ${fmt(r.first.median)} / ${fmt(r.first.max)} | under ${goal} ms |`);
      console.log(`| scenario change to both charts redrawn, ${of}, ${view} (median / worst of ${CHANGES}) | ${fmt(r.drawn.median)} / ${fmt(r.drawn.max)} | |`);
      console.log(`| longest main-thread task while the Monte Carlo's 2,000 runs go, ${of}, ${view} | ${r.longest ? fmt(r.longest) : 'none over 50 ms'} | under 50 ms |`);
    }
    console.log(`| the agency's tracking meeting agenda (${agency.agendaRows} rows), address changed to the agenda's table shown (median / worst of ${VISITS}) | ${fmt(agency.agenda.median)} / ${fmt(agency.agenda.max)} | |`);
  }
  if (preview) console.log(`| SSDA903 preview of the validator's fake data (${preview.files} tables, 2,675 children), files chosen to preview shown | ${fmt(preview.ms)} | under 1 s |`);
  console.log(`\nLoad average (1 minute) at the start and end of each case: ${loads.join('; ')}.`);
} finally {
  await browser.close();
  server.close();
}
