// `cargo xtask bench`: how fast the single-file build starts, opened from file:// in headless
// Chromium, as medians over several runs, plus the file's size.
//
// To add a measurement, add an entry to MEASUREMENTS: `run(page)` gets a page on which the
// explorer is ready and returns milliseconds (or null when it cannot measure).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { ROOT, SINGLE_FILE, SINGLE_FILE_URL, launchBrowser, READY } from '../tests/e2e/helpers.mjs';

const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 20);

// Records, from inside the page, when #app gets data-ready: performance.now() is measured from
// the navigation start, and the observer fires in the same task that sets the attribute.
function recordReady() {
  const mark = () => {
    const app = document.getElementById('app');
    if (app?.hasAttribute('data-ready') && window.__readyMs === undefined) window.__readyMs = performance.now();
  };
  new MutationObserver(mark).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

const MEASUREMENTS = [
  {
    name: 'navigation start → #app[data-ready]',
    run: async (page) => page.evaluate(() => window.__readyMs ?? null),
  },
  {
    // The app will report when its first chart is drawn; until it does, this is skipped.
    name: 'navigation start → first chart (data-first-chart-ms)',
    run: async (page) => {
      const value = await page.getAttribute('#app', 'data-first-chart-ms');
      return value === null ? null : Number(value);
    },
  },
  {
    // A reader's toggle: the checkbox's click runs the whole update synchronously (state,
    // chart, legend, table, summary, address bar); a layout read then forces style and layout.
    name: 'toggle an enterprise type (full update, median of 40)',
    run: async (page) => page.evaluate(() => toggleTimes('ctl-series-collective')),
  },
  {
    name: 'toggle a year (full update, median of 40)',
    run: async (page) => page.evaluate(() => toggleTimes('ctl-category-2001')),
  },
  {
    // A script's toggle through the public API: one setState call, one update.
    name: 'ICTExplorer.setState({series}) toggle (median of 40)',
    run: async (page) =>
      page.evaluate(async () => {
        const times = [];
        for (let i = 0; i < 40; i++) {
          const series = i % 2 ? ['joint_stock', 'private'] : ['foreign_funded', 'state_owned', 'collective', 'joint_stock', 'private'];
          const start = performance.now();
          await ICTExplorer.setState({ series });
          void document.body.offsetHeight;
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        return times[times.length >> 1];
      }),
  },
];

// Installed in the page: clicks a checkbox 40 times and returns the median time per click.
function defineToggleTimes() {
  window.toggleTimes = (id) => {
    const times = [];
    for (let i = 0; i < 40; i++) {
      const input = document.getElementById(id);
      const start = performance.now();
      input.click();
      void document.body.offsetHeight;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[times.length >> 1];
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const results = new Map(MEASUREMENTS.map((measurement) => [measurement.name, []]));
const browser = await launchBrowser();
try {
  // One warm-up run (first launch costs), then the measured runs, each in a fresh context.
  for (let i = -1; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(recordReady);
    await context.addInitScript(defineToggleTimes);
    const page = await context.newPage();
    await page.goto(SINGLE_FILE_URL);
    await page.waitForSelector(READY, { timeout: 20_000 });
    for (const measurement of MEASUREMENTS) {
      const value = await measurement.run(page);
      if (i >= 0 && value !== null && Number.isFinite(value)) results.get(measurement.name).push(value);
    }
    await context.close();
  }
} finally {
  await browser.close();
}

const bytes = readFileSync(SINGLE_FILE);
console.log(`\n${path.relative(ROOT, SINGLE_FILE)}: ${bytes.length.toLocaleString('en')} bytes raw, ` +
  `${gzipSync(bytes, { level: 9 }).length.toLocaleString('en')} bytes gzipped`);
console.log(`${runs} runs, headless Chromium, file://\n`);
for (const [name, values] of results) {
  if (values.length === 0) {
    console.log(`  ${name}: not reported by the page`);
    continue;
  }
  const fmt = (ms) => `${ms.toFixed(1)} ms`;
  console.log(`  ${name}: median ${fmt(median(values))} (min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))}, n=${values.length})`);
}
