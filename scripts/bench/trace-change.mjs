// What the main thread does while a what-if settles: imports a synthetic authority, makes
// scenario changes on the forecast, and records each with Chromium's tracing and its sampling
// profiler (DevTools Protocol). Prints every task of the renderer's main thread over a limit,
// what ran inside it, and the functions the profiler found busiest during those tasks.
// For wasm function names, serve a bundle whose wasm keeps its name section (see the README's
// "Speed"). A measurement, not a test.
// For each change it also prints the change's own task (the one that ran the change event: its
// event, its microtasks, its layout and garbage collection) and, as `scripts/bench/page.mjs`
// times it, the time from the change event to the first change of the page; a summary of both
// over every change ends the output. UNTRACED=1 times the changes without tracing or profiling
// (the profiler's sampling slows the page a little). Tasks that began before the change (the
// tracing's own start) are left out.
//
//   node scripts/bench/trace-change.mjs [children=10000] [changes=3] [limit-ms=30]
//
// TRACE_AGENCY=all (or an authority's number, "1") traces a regional adoption agency instead:
// eight authorities of 300 children (the children argument is then ignored), the changes made
// on that view.
import { chromium } from '../../tests/e2e/node_modules/playwright-core/index.mjs';
import { resolve, dirname, join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../static-server.mjs';
import { syntheticCsv } from './synthetic.mjs';
import { agencyWorkspace, forecastOn } from './agency.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.APP_DIST || resolve(HERE, '../../dist');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // More of Chromium's switches for an experiment, e.g. V8's own: `--js-flags=--no-wasm-lazy-compilation`.
  ...(process.env.EXTRA_FLAGS ? process.env.EXTRA_FLAGS.split(' ') : [])];
const CHILDREN = Number(process.argv[2] ?? 10000);
const CHANGES = Number(process.argv[3] ?? 3);
const LIMIT_MS = Number(process.argv[4] ?? 30);
// How long a change is watched after its Monte Carlo is done, and the pause before the next
// (`page.mjs` watches 50 ms and pauses 300 ms: the save, 300 ms after a change, then falls in
// the next change's watch).
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 500);
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 300);

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
  // AS_PAGE=1 changes a second after the screen is shown, as `page.mjs` does, while the
  // Monte Carlo and the backtest of the imported children may still be running.
  if (!process.env.AS_PAGE) {
    await page.waitForFunction(() => document.querySelector('.first-screen__chart')?.getAttribute('aria-busy') === 'false', null, { timeout: 120000 });
  }
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

/** One change, from the input's change event until the Monte Carlo after it is done: the time
 * to the first change of the page (as `page.mjs` times it) and the longest task (`longtask`). */
async function change(page, days) {
  return page.evaluate(async ({ days, settle }) => {
    const input = document.getElementById('stage-2-days');
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
    await new Promise((done) => {
      const check = () => {
        if (document.querySelector('.first-screen__chart')?.getAttribute('aria-busy') === 'false') done();
        else setTimeout(check, 20);
      };
      setTimeout(check, 20);
    });
    await new Promise((done) => setTimeout(done, settle));
    observer.disconnect();
    tasks.disconnect();
    return { first: firstChange - t0, longestTask };
  }, { days, settle: SETTLE_MS });
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
  const timed = await change(page, days);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await finished;
  cdp.removeAllListeners('Tracing.dataCollected');
  return { events, profile, timed };
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

/** A function adding the profile's samples between two times of the trace to a tally. */
function samplesOf(profile) {
  // Profile samples on the trace's clock.
  const times = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) { t += delta; times.push(t); }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Rust's symbol hashes and the bundle's file names only lengthen the lines.
  const name = (n) => `${(n.callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}/g, '')}${n.callFrame.url && !n.callFrame.url.endsWith('.wasm') ? ' ' + n.callFrame.url.split('/').pop() : ''}`;
  return (start, end, tally) => {
    for (let i = 0; i < times.length; i++) {
      if (times[i] < start || times[i] > end) continue;
      tally.samples++;
      let id = profile.samples[i];
      const n0 = byId.get(id);
      tally.self.set(name(n0), (tally.self.get(name(n0)) ?? 0) + 1);
      const seen = new Set();
      while (id !== undefined) {
        const k = name(byId.get(id));
        if (!seen.has(k)) { tally.total.set(k, (tally.total.get(k) ?? 0) + 1); seen.add(k); }
        id = parent.get(id);
      }
    }
  };
}

function busiestText({ self, total, samples }, selfRows, totalRows) {
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k)
    .map(([f, c]) => `  ${(100 * c / samples).toFixed(0).padStart(3)}%  ${f.slice(0, 160)}`).join('\n');
  return `profile samples: ${samples}\nself:\n${top(self, selfRows)}\ninclusive:\n${top(total, totalRows)}`;
}

const OWN_BUSIEST = { self: new Map(), total: new Map(), samples: 0 };

const isTask = (e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';

/** The task that ran the change event, and what took its time. */
function ownTask(mine) {
  const event = mine.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'change');
  if (!event) return null;
  // The outermost task around the event (Chromium nests a RunTask in another).
  const around = mine.filter((e) => isTask(e) && e.ts <= event.ts && e.ts + e.dur >= event.ts + event.dur);
  const task = around.sort((a, b) => b.dur - a.dur)[0];
  if (!task) return null;
  const inside = mine.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const sum = (pred) => inside.filter(pred).reduce((t, e) => t + e.dur / 1000, 0);
  return {
    start: task.ts,
    end: task.ts + task.dur,
    ms: task.dur / 1000,
    // The thread's own CPU time: far less than the task's length when it waited for a core.
    cpu: task.tdur === undefined ? undefined : task.tdur / 1000,
    event: event.dur / 1000,
    microtasks: sum((e) => e.name === 'RunMicrotasks'),
    layout: sum((e) => e.name === 'Layout'),
    style: sum((e) => e.name === 'UpdateLayoutTree' || e.name === 'RecalculateStyles'),
    gc: sum((e) => /^(MinorGC|MajorGC|V8\.GC_SCAVENGER$|V8\.GC_MARK_COMPACTOR$|V8\.GC_MC_COMPLETE_SWEEPING$|V8\.GC_HEAP_ENSURE_SWEEPING_COMPLETED$)/.test(e.name)),
    gcEvents: inside.filter((e) => /GC/.test(e.name) && e.dur >= 200).map((e) => `${e.name} ${(e.dur / 1000).toFixed(1)} ms`),
  };
}

function report({ events, profile, timed }, days) {
  const main = mainThread(events);
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const event = mine.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'change');
  const from = event ? Math.max(...mine.filter((e) => isTask(e) && e.ts <= event.ts).map((e) => e.ts)) : 0;
  const tasks = mine.filter((e) => isTask(e) && e.ts >= from && e.dur / 1000 >= LIMIT_MS);
  // Tasks are nested (a RunTask inside another): report the outermost only.
  for (let i = tasks.length - 1; i > 0; i--) {
    if (tasks.slice(0, i).some((t) => t.ts <= tasks[i].ts && t.ts + t.dur >= tasks[i].ts + tasks[i].dur)) tasks.splice(i, 1);
  }
  const overByCpu = tasks.filter((e) => e.tdur !== undefined && e.tdur / 1000 >= LIMIT_MS).length;
  console.log(`\n## Change to ${days} days: ${tasks.length} main-thread task(s) over ${LIMIT_MS} ms, ${overByCpu} of them over it in the thread's CPU time`);
  const own = ownTask(mine);
  if (own) {
    const cpu = own.cpu === undefined ? '' : `, ${own.cpu.toFixed(1)} ms of the thread's CPU time`;
    console.log(`the change's own task: ${own.ms.toFixed(1)} ms${cpu} (the event ${own.event.toFixed(1)} ms, microtasks ${own.microtasks.toFixed(1)} ms, style ${own.style.toFixed(1)} ms, layout ${own.layout.toFixed(1)} ms, garbage collection ${own.gc.toFixed(1)} ms${own.gcEvents.length ? ': ' + own.gcEvents.join(', ') : ''})`);
  }
  console.log(`change event to the first change of the page: ${timed.first.toFixed(1)} ms; longest task (longtask observer): ${timed.longestTask ? timed.longestTask.toFixed(1) + ' ms' : 'none over 50 ms'}`);
  const after = mine.filter((e) => isTask(e) && e.ts >= from);
  const longest = Math.max(0, ...after.map((e) => e.dur / 1000));
  const longestCpu = Math.max(0, ...after.filter((e) => e.tdur !== undefined).map((e) => e.tdur / 1000));
  console.log(`longest task: ${longest.toFixed(1)} ms; longest in the thread's CPU time: ${longestCpu.toFixed(1)} ms`);
  const sampled = samplesOf(profile);
  for (const task of tasks) {
    const start = task.ts;
    const end = task.ts + task.dur;
    console.log(`\n### task of ${(task.dur / 1000).toFixed(1)} ms${task.tdur === undefined ? '' : ` (${(task.tdur / 1000).toFixed(1)} ms of CPU time)`}`);
    const inside = mine.filter((e) => e !== task && e.ts >= start && e.ts + e.dur <= end && e.dur >= 1000)
      .filter((e) => !['RunTask', 'ThreadControllerImpl::RunTask', 'v8.callFunction', 'V8.Execute'].includes(e.name));
    for (const e of inside.slice(0, 30)) console.log(`- +${((e.ts - start) / 1000).toFixed(1)} ms ${describe(e)}: ${(e.dur / 1000).toFixed(1)} ms`);
    const busiest = { self: new Map(), total: new Map(), samples: 0 };
    sampled(start, end, busiest);
    console.log(busiestText(busiest, 15, 40));
  }
  // The change's own tasks of every change, profiled together.
  if (own) sampled(own.start, own.end, OWN_BUSIEST);
  return own;
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
  const summary = [];
  if (process.env.UNTRACED) {
    for (let i = 0; i < CHANGES; i++) {
      const days = 120 + 10 * (i % 7);
      const timed = await change(page, days);
      console.log(`change ${i + 1} to ${days} days: first change of the page ${timed.first.toFixed(1)} ms; longest task ${timed.longestTask ? timed.longestTask.toFixed(1) + ' ms' : 'none over 50 ms'}`);
      summary.push({ first: timed.first, longest: timed.longestTask });
      await page.waitForTimeout(PAUSE_MS);
    }
  } else {
    const cdp = await context.newCDPSession(page);
    for (let i = 0; i < CHANGES; i++) {
      const days = 120 + 10 * (i % 7);
      const result = await traced(cdp, page, days);
      // DUMP=dir keeps each change's trace and profile for a closer look.
      if (process.env.DUMP) writeFileSync(join(process.env.DUMP, `change-${i + 1}.json`), JSON.stringify(result));
      const own = report(result, days);
      summary.push({ first: result.timed.first, longest: result.timed.longestTask, own: own?.ms, cpu: own?.cpu });
      await page.waitForTimeout(PAUSE_MS);
    }
  }
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const median = (xs) => sorted(xs)[Math.floor((xs.length - 1) / 2)];
  const firsts = summary.map((s) => s.first);
  console.log(`\n## Summary of ${summary.length} changes at ${CHILDREN} children`);
  console.log(`first change of the page, each change: ${firsts.map((t) => t.toFixed(1)).join(', ')} ms (median ${median(firsts).toFixed(1)}, worst ${Math.max(...firsts).toFixed(1)})`);
  const owns = summary.map((s) => s.own).filter((t) => t !== undefined);
  if (owns.length) console.log(`the change's own task, each change: ${owns.map((t) => t.toFixed(1)).join(', ')} ms (median ${median(owns).toFixed(1)}, worst ${Math.max(...owns).toFixed(1)})`);
  const cpus = summary.map((s) => s.cpu).filter((t) => t !== undefined);
  if (cpus.length) console.log(`its CPU time, each change: ${cpus.map((t) => t.toFixed(1)).join(', ')} ms`);
  console.log(`longest task (longtask observer), each change: ${summary.map((s) => (s.longest ? s.longest.toFixed(0) : '-')).join(', ')} ms`);
  if (OWN_BUSIEST.samples) console.log(`\n## The changes' own tasks together\n${busiestText(OWN_BUSIEST, 30, 80)}`);
} finally {
  await browser.close();
  server.close();
}
