// What the main thread does while a what-if settles: imports a synthetic authority, makes
// scenario changes on the forecast, and records each with Chromium's tracing and its sampling
// profiler (DevTools Protocol). Prints every task of the renderer's main thread over a limit,
// what ran inside it, and the functions the profiler found busiest during those tasks.
// For wasm function names, serve a bundle whose wasm keeps its name section (see the README's
// "Speed"). A measurement, not a test.
//
//   node scripts/bench/trace-change.mjs [children=10000] [changes=3] [limit-ms=30]
//
// TRACE_AGENCY=all (or an authority's number, "1") traces a regional adoption agency instead:
// eight authorities of 300 children (the children argument is then ignored), the changes made
// on that view.
import { chromium } from '../../tests/e2e/node_modules/playwright-core/index.mjs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../static-server.mjs';
import { syntheticCsv } from './synthetic.mjs';
import { agencyWorkspace, forecastOn } from './agency.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.APP_DIST || resolve(HERE, '../../dist');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CHILDREN = Number(process.argv[2] ?? 10000);
const CHANGES = Number(process.argv[3] ?? 3);
const LIMIT_MS = Number(process.argv[4] ?? 30);

async function prepare(page, origin) {
  await page.goto(`${origin}#/records`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const before = await page.evaluate(() => Number(document.querySelector('.records__count')?.textContent.match(/of (\d+)/)?.[1] ?? 0));
  await page.getByLabel('Import records', { exact: true }).setInputFiles({
    name: 'synthetic.csv', mimeType: 'text/csv', buffer: Buffer.from(syntheticCsv(CHILDREN), 'utf8'),
  });
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await page.waitForFunction((n) => document.querySelector('.records__count')?.textContent.includes(`of ${n} children`), before + CHILDREN);
  await page.waitForTimeout(1500);
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await page.getByLabel('As of date', { exact: true }).fill('30/06/2015');
  await page.getByLabel('As of date', { exact: true }).blur();
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.getByRole('heading', { name: 'Trajectory' }).waitFor();
  await page.waitForFunction(() => document.querySelector('.first-screen__chart')?.getAttribute('aria-busy') === 'false', null, { timeout: 120000 });
  await page.waitForTimeout(1000);
}

/** The agency's workspace, its forecast shown on the view `view`. */
async function prepareAgency(page, origin, view) {
  await agencyWorkspace(page, origin, async (p, csv, total) => {
    await p.getByLabel('Import records', { exact: true }).setInputFiles({
      name: 'agency.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8'),
    });
    await p.getByRole('button', { name: 'Confirm import' }).click();
    await p.waitForFunction((n) => document.querySelector('.records__count')?.textContent.includes(`of ${n} children`), total);
    await p.waitForTimeout(1500);
  });
  await forecastOn(page, origin, view);
}

/** One change, from the input's change event until the Monte Carlo after it is done. */
async function change(page, days) {
  return page.evaluate(async (days) => {
    const input = document.getElementById('stage-2-days');
    input.value = String(days);
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((done) => {
      const check = () => {
        if (document.querySelector('.first-screen__chart')?.getAttribute('aria-busy') === 'false') done();
        else setTimeout(check, 20);
      };
      setTimeout(check, 20);
    });
    await new Promise((done) => setTimeout(done, 500));
  }, days);
}

async function traced(cdp, page, days) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const finished = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'toplevel'] },
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await change(page, days);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await finished;
  cdp.removeAllListeners('Tracing.dataCollected');
  return { events, profile };
}

function mainThread(events) {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The page's renderer is the one that ran the change event.
  for (const n of names) {
    if (events.some((e) => e.pid === n.pid && e.tid === n.tid && e.name === 'EventDispatch' && e.args?.data?.type === 'change')) return n;
  }
  return names[0];
}

function describe(e) {
  const d = e.args?.data ?? {};
  if (e.name === 'EventDispatch') return `EventDispatch ${d.type}`;
  if (e.name === 'TimerFire') return `TimerFire #${d.timerId}`;
  if (e.name === 'FunctionCall') return `FunctionCall ${d.functionName || '(anonymous)'} ${(d.url || '').split('/').pop()}:${d.lineNumber ?? ''}`;
  if (e.name === 'FireAnimationFrame') return 'FireAnimationFrame';
  if (e.name === 'Layout') return `Layout (${e.args?.beginData?.dirtyObjects ?? '?'} of ${e.args?.beginData?.totalObjects ?? '?'} objects to lay out)`;
  return e.name;
}

function report({ events, profile }, days) {
  const main = mainThread(events);
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = mine.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur / 1000 >= LIMIT_MS);
  console.log(`\n## Change to ${days} days: ${tasks.length} main-thread task(s) over ${LIMIT_MS} ms`);
  const longest = Math.max(0, ...mine.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').map((e) => e.dur / 1000));
  console.log(`longest task: ${longest.toFixed(1)} ms`);
  // Profile samples on the trace's clock.
  const times = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) { t += delta; times.push(t); }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? ' ' + n.callFrame.url.split('/').pop() : ''}`;
  for (const task of tasks) {
    const start = task.ts;
    const end = task.ts + task.dur;
    console.log(`\n### task of ${(task.dur / 1000).toFixed(1)} ms`);
    const inside = mine.filter((e) => e !== task && e.ts >= start && e.ts + e.dur <= end && e.dur >= 1000)
      .filter((e) => !['RunTask', 'ThreadControllerImpl::RunTask', 'v8.callFunction', 'V8.Execute'].includes(e.name));
    for (const e of inside.slice(0, 30)) console.log(`- +${((e.ts - start) / 1000).toFixed(1)} ms ${describe(e)}: ${(e.dur / 1000).toFixed(1)} ms`);
    const self = new Map();
    const total = new Map();
    let samples = 0;
    for (let i = 0; i < times.length; i++) {
      if (times[i] < start || times[i] > end) continue;
      samples++;
      let id = profile.samples[i];
      const n0 = byId.get(id);
      self.set(name(n0), (self.get(name(n0)) ?? 0) + 1);
      const seen = new Set();
      while (id !== undefined) {
        const k = name(byId.get(id));
        if (!seen.has(k)) { total.set(k, (total.get(k) ?? 0) + 1); seen.add(k); }
        id = parent.get(id);
      }
    }
    const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k)
      .map(([f, c]) => `  ${(100 * c / samples).toFixed(0).padStart(3)}%  ${f.slice(0, 140)}`).join('\n');
    console.log(`profile samples in the task: ${samples}\nself:\n${top(self, 15)}\ninclusive:\n${top(total, 40)}`);
  }
}

const server = await serve(DIST, 0);
const origin = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: FLAGS, headless: true });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (process.env.TRACE_AGENCY) await prepareAgency(page, origin, process.env.TRACE_AGENCY);
  else await prepare(page, origin);
  // How much the page holds: layout's work grows with it.
  console.log(await page.evaluate(() => {
    const parts = [...document.querySelectorAll('#main section, #main > *')]
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.getAttribute('aria-labelledby') ? '[' + e.getAttribute('aria-labelledby') + ']' : ''}: ${e.querySelectorAll('*').length}`);
    return `elements on the page: ${document.querySelectorAll('*').length}\n${parts.join('\n')}`;
  }));
  if (process.env.PROBE) {
    console.log(await page.evaluate((probe) => String(eval(probe)), process.env.PROBE));
    process.exit(0);
  }
  const cdp = await context.newCDPSession(page);
  for (let i = 0; i < CHANGES; i++) {
    const days = 120 + 10 * (i % 7);
    report(await traced(cdp, page, days), days);
    await page.waitForTimeout(300);
  }
} finally {
  await browser.close();
  server.close();
}
