// `cargo xtask bench`: the single-file app side by side with Chart.js, Vega-Lite (canvas), uPlot
// and the floor (plain canvas calls, no library), all drawing the same chart (Table 1, share of
// total assets, the five ownership types, line with markers, 800×450 CSS px at devicePixelRatio
// 2), in one headless Chromium run.
//
// Every page is served from 127.0.0.1 with COOP/COEP, so that performance.now() is fine-grained.
// The measurements are interleaved: each round opens every page in a fresh context, in an order
// rotated from round to round, and takes its share of the toggles and clicks there. Then one
// context per page runs the memory toggles. Last, a course page on another origin embeds one view
// (xtask/bench/embeds.mjs). The report is printed and appended to BENCHMARKS.md.
//
// Options: --runs=N (fresh contexts per page, default 7), --toggles=N (timed toggles per page,
// default 300; as many checkbox clicks), --memory-toggles=N (default 10,000; memory is also
// read after the first 1,000).
import { appendFileSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, READY, SINGLE_FILE, launchBrowser, serve, watch } from '../tests/e2e/helpers.mjs';
import { CHART, chartData, writePeers } from './bench/peers.mjs';
import { appSeries, churn, clickTimes, firstChart, keepWasmMemory, sizeChartBox, toggleTimes, wasmBytes } from './bench/page.mjs';
import { oneViewEmbedBytes } from './bench/embeds.mjs';
import { median, percentile, report } from './bench/report.mjs';
import { viewsBench } from './bench/views.mjs';

function option(name, fallback) {
  const arg = process.argv.find((candidate) => candidate.startsWith(`--${name}=`));
  if (arg === undefined) return fallback;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a whole number of at least 1, got "${arg}"`);
  return value;
}
const RUNS = option('runs', 7);
const TOGGLES = option('toggles', 300);
const MEMORY_TOGGLES = option('memory-toggles', 10_000);
// Memory is read after this many toggles and again after all of them.
const MEMORY_CHECKPOINT = Math.min(1000, MEMORY_TOGGLES);

const BENCH_DIR = process.env.ICT_BENCH_DIR ?? path.join(ROOT, 'target', 'bench');
// Where the report is appended (the bench's own test sends it elsewhere).
const REPORT_FILE = process.env.ICT_BENCH_REPORT ?? path.join(ROOT, 'BENCHMARKS.md');
const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' };

// The pages, written into BENCH_DIR: the app's single file as `cargo xtask dist` built it, and
// the peers generated from the app's own data.
const data = chartData();
const peers = writePeers(BENCH_DIR, data);
copyFileSync(SINGLE_FILE, path.join(BENCH_DIR, 'ict-explorer.html'));
const seriesQuery = `series=${CHART.series.join(',')}`;
const TARGETS = [
  { id: 'app', file: 'ict-explorer.html', query: `?${CHART.query}&${seriesQuery}`, app: true },
  { id: 'chartjs', file: peers.chartjs, query: '', app: false },
  { id: 'vegalite', file: peers.vegalite, query: '', app: false },
  { id: 'uplot', file: peers.uplot, query: '', app: false },
  { id: 'floor', file: peers.floor, query: '', app: false },
];

// Records, from inside the app, when #app gets data-ready (performance.now() counts from the
// navigation start; the observer fires in the same task that sets the attribute).
function recordReady() {
  const mark = () => {
    const app = document.getElementById('app');
    if (app?.hasAttribute('data-ready') && window.__benchReadyMs === undefined) window.__benchReadyMs = performance.now();
  };
  new MutationObserver(mark).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

/** Opens a target in a fresh context and waits for its first chart. */
async function open(browser, server, target, { memory = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: CHART.dpr });
  if (target.app) {
    await context.addInitScript(sizeChartBox, { width: CHART.width, height: CHART.height });
    await context.addInitScript(recordReady);
  }
  if (memory) await context.addInitScript(keepWasmMemory);
  const page = await context.newPage();
  const seen = watch(page);
  const url = `${server.origin}/${target.file}${target.query}`;
  try {
    await page.goto(url);
    if (target.app) await page.waitForSelector(READY, { timeout: 30_000 });
    else await page.waitForFunction(() => window.benchReady !== undefined, null, { timeout: 30_000 });
    const first = await page.evaluate(firstChart, { app: target.app });
    if (!Number.isFinite(first.firstChartMs)) throw new Error('the page reported no first chart time');
    if (seen.errors.length) throw new Error(`the page reported errors:\n  ${seen.errors.join('\n  ')}`);
    // Let start-up work the page left for later finish before anything is timed.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
    return { context, page, first };
  } catch (error) {
    await context.close();
    throw new Error(`${url} did not draw its first chart: ${error.message}\nConsole:\n  ${seen.messages.join('\n  ') || '(nothing)'}`, { cause: error });
  }
}

/** V8's used heap after a forced garbage collection, in bytes. */
async function heapAfterGc(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

const rotated = (list, by) => list.map((_, i) => list[(i + by) % list.length]);
const perRound = (total) => Math.ceil(total / RUNS);

const samples = Object.fromEntries(
  TARGETS.map((target) => [target.id, { firstChart: [], total: [], script: [], clicks: [], yearClicks: [], ready: [], probe: null }]),
);
const memory = {};
const toggleArgs = { count: perRound(TOGGLES), two: CHART.two, all: CHART.series };

// Other work on the machine inflates every timing; the report says how busy it was.
const loadAtStart = os.loadavg()[0];
const server = await serve(BENCH_DIR, { headers: ISOLATION });
const browser = await launchBrowser();
let chromium;
let embed;
try {
  chromium = `Chromium ${browser.version()}`;
  // Round -1 warms the browser up (its first contexts are slower) and is not counted.
  for (let round = -1; round < RUNS; round++) {
    for (const target of rotated(TARGETS, round + 1)) {
      const { context, page, first } = await open(browser, server, target);
      const sample = samples[target.id];
      sample.probe ??= first;
      const counted = round >= 0;
      if (counted) sample.firstChart.push(first.firstChartMs);
      const toggles = await page.evaluate(toggleTimes, { ...toggleArgs, app: target.app });
      if (counted) {
        sample.total.push(...toggles.total);
        sample.script.push(...toggles.script);
      }
      if (target.app) {
        const series = await page.evaluate(appSeries);
        if (series.join() !== CHART.series.join()) {
          throw new Error(`after its toggles the app shows the series ${series.join(', ')}, not ${CHART.series.join(', ')}: setState did not do what it was asked`);
        }
        const clicks = await page.evaluate(clickTimes, { count: perRound(TOGGLES), id: 'ctl-series-collective' });
        const yearClicks = await page.evaluate(clickTimes, { count: perRound(TOGGLES), id: 'ctl-category-2001' });
        const ready = await page.evaluate(() => window.__benchReadyMs ?? null);
        if (counted) {
          if (clicks) sample.clicks.push(...clicks);
          if (yearClicks) sample.yearClicks.push(...yearClicks);
          if (ready !== null) sample.ready.push(ready);
        }
      }
      await context.close();
    }
    if (round >= 0) console.log(`  round ${round + 1} of ${RUNS} done`);
  }
  // Memory: one context per page, in turn, so that each has the renderer's heap to itself.
  for (const target of TARGETS) {
    const { context, page } = await open(browser, server, target, { memory: true });
    const args = { ...toggleArgs, app: target.app };
    await page.evaluate(churn, { ...args, count: MEMORY_CHECKPOINT });
    const heapAfter1k = await heapAfterGc(context, page);
    const wasmAfter1k = await page.evaluate(wasmBytes);
    await page.evaluate(churn, { ...args, count: MEMORY_TOGGLES - MEMORY_CHECKPOINT });
    const heapAfterAll = await heapAfterGc(context, page);
    const wasmAfterAll = await page.evaluate(wasmBytes);
    memory[target.id] = { heapAfter1k, heapAfterAll, wasmAfter1k, wasmAfterAll };
    await context.close();
    console.log(`  memory of ${target.id} done`);
  }
  embed = await oneViewEmbedBytes(browser, Math.min(RUNS, 3));
  console.log('  one-view embed done');
} finally {
  await browser.close();
  server.close();
}

const stats = (values) => (values.length ? { median: median(values), p95: percentile(values, 95), count: values.length } : null);
const results = {};
for (const target of TARGETS) {
  const sample = samples[target.id];
  const bytes = readFileSync(path.join(BENCH_DIR, target.file));
  results[target.id] = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    firstChart: median(sample.firstChart),
    toggle: { ...stats(sample.total), scriptMedian: median(sample.script) },
    click: stats(sample.clicks),
    yearClick: stats(sample.yearClicks),
    readyMs: sample.ready.length ? median(sample.ready) : null,
    memory: memory[target.id],
    nodes: sample.probe.nodes,
  };
}

const probes = TARGETS.map((target) => samples[target.id].probe);
const boxes = probes.map((probe) => `${probe.box.width}×${probe.box.height} CSS px, canvas ${probe.backing.width}×${probe.backing.height} at DPR ${probe.dpr}`);
const names = { app: 'app', chartjs: 'Chart.js', vegalite: 'Vega-Lite', uplot: 'uPlot', floor: 'floor' };
const run = {
  date: new Date().toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC'),
  chromium,
  runs: RUNS,
  memoryToggles: MEMORY_TOGGLES,
  memoryCheckpoint: MEMORY_CHECKPOINT,
  load: `${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`,
  isolated: TARGETS.map((target, i) => `${names[target.id]} ${probes[i].isolated ? 'yes' : 'NO'}`),
  box: new Set(boxes).size === 1 ? `${boxes[0]} in every page` : TARGETS.map((target, i) => `${names[target.id]} ${boxes[i]}`).join('; '),
};
// Then many views on one course page, as frames and as elements (bench/views.mjs).
const markdown = `${report({ ...results, embed }, run)}\n${await viewsBench({ runs: RUNS })}\n`;
console.log(`\n${markdown}`);
if (!existsSync(REPORT_FILE)) {
  writeFileSync(REPORT_FILE, '# Benchmarks\n\nEach section is one run of `cargo xtask bench` (see README, "Size and speed"), newest last.\n\n');
}
appendFileSync(REPORT_FILE, `${markdown}\n`);
console.log(`Appended to ${path.relative(ROOT, REPORT_FILE)}.`);
if (probes.some((probe) => !probe.isolated)) {
  console.error('warning: a page was not crossOriginIsolated, so its timers are coarse; its numbers are less precise.');
}
