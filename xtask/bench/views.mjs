// Many views on one course page: the time until every view is ready, and the memory the
// browser takes for them, for one view and for ten, as frames (embed.js's placeholders) and as
// <ict-explorer> elements (one WebAssembly instance for all). The course page is on another
// origin than the site, as in real use. `cargo xtask bench` runs it after the rest and adds its
// table to the report; `node xtask/bench/views.mjs --runs=3` runs it alone and prints the table.
//
// Ready: from the start of the navigation (measured in Node, so the same for both ways) until
// every frame's #app has data-ready, or every element's `ready` has resolved. Memory: the
// proportional set size (PSS, /proc/PID/smaps_rollup, Linux) of every process of a browser
// started for the one measurement, on the page with its views less on a blank page, after a
// second of rest; the frames are out-of-process, so only the whole browser counts them fairly.
// The frames load lazily, so they are measured in a window 12,000 px tall, where every view is
// on screen and painted; the elements also in an ordinary one, 800 px tall, where the views
// below the fold are laid out but not painted.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, READY, SITE_DIR, serve, siteHeaders } from '../../tests/e2e/helpers.mjs';
import { median } from './report.mjs';

const VIEWS = ['ownership', 'fdi', 'market', 'exports', 'rd', 'ownership&chart=bars', 'fdi&chart=line', 'market&topic=profit', 'exports&controls=none', 'rd&table=0'];
// The ways measured: how the views are embedded, and the window's height.
const CASES = [['frames', 12_000], ['elements', 12_000], ['elements', 800]];
const WAYS = {
  frames: (queries, site) => `${queries.map((query) => `<div data-ict-explorer="view=${query}" data-height="900"></div>`).join('\n')}<script src="${site}/embed.js"></script>`,
  elements: (queries, site) => `${queries.map((query) => `<ict-explorer ${query.split('&').map((pair, index) => (index ? pair.replace('=', '="') + '"' : `view="${pair}"`)).join(' ')}></ict-explorer>`).join('\n')}<script src="${site}/embed.js"></script>`,
};

/** The processes of the browser whose command line carries `tag`, and all their descendants. */
function browserProcesses(tag) {
  const parents = new Map();
  let root = null;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (root === null && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(tag)) root = Number(name);
    } catch {
      // The process ended while it was read.
    }
  }
  if (root === null) throw new Error(`no browser process carries ${tag}`);
  const tree = new Set([root]);
  for (let grown = true; grown;) {
    grown = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) { tree.add(pid); grown = true; }
    }
  }
  return [...tree];
}

/** The summed PSS of the browser's processes, in bytes. */
function browserPss(tag) {
  let total = 0;
  for (const pid of browserProcesses(tag)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // The process ended while it was read.
    }
  }
  return total;
}

const rest = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One measurement in a browser of its own: { readyMs, addedBytes }. */
async function measure(way, height, count, site, host) {
  const tag = `--ict-views-bench=${process.pid}-${Date.now()}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, tag] });
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height } });
    const page = await context.newPage();
    await page.goto('about:blank');
    await rest(1000);
    const blank = browserPss(tag);
    const name = `/views-${way}-${count}-${Date.now()}.html`;
    host.pages.set(name, `<!doctype html><meta charset="utf-8"><title>Course page</title><body>${WAYS[way](VIEWS.slice(0, count), site.origin)}</body>`);
    const started = Date.now();
    await page.goto(`${host.origin}${name}`);
    if (way === 'frames') {
      await page.waitForFunction((count) => document.querySelectorAll('iframe').length === count, count);
      const frames = await Promise.all((await page.$$('iframe')).map((handle) => handle.contentFrame()));
      await Promise.all(frames.map((frame) => frame.waitForSelector(READY, { timeout: 60_000 })));
    } else {
      await page.waitForFunction(() => customElements.get('ict-explorer'));
      await page.evaluate(() => Promise.all([...document.querySelectorAll('ict-explorer')].map((element) => element.ready)));
    }
    const readyMs = Date.now() - started;
    await rest(1000);
    return { readyMs, addedBytes: browserPss(tag) - blank };
  } finally {
    await browser.close();
  }
}

// Issue 15's targets for ten views against one, as `<ict-explorer>` elements in an ordinary window.
const ratioOf = (samples, measure) => median(samples['elements 800 10'][measure]) / median(samples['elements 800 1'][measure]);
export const TARGETS = [
  { name: '10 views ready ≤ 1.5× one view', most: 1.5, ratio: (samples) => ratioOf(samples, 'ready') },
  { name: '10 views\' memory ≤ 2× one view', most: 2, ratio: (samples) => ratioOf(samples, 'added') },
];

/** Runs every way at one and ten views, `runs` times each, interleaved; gives a Markdown table. */
export async function viewsBench({ runs }) {
  const site = await serve(SITE_DIR, { headers: await siteHeaders() });
  const host = await serve(SITE_DIR);
  const samples = {};
  try {
    for (let run = 0; run < runs; run++) {
      for (const [way, height] of CASES) {
        for (const count of [1, 10]) {
          const key = `${way} ${height} ${count}`;
          samples[key] ??= { ready: [], added: [] };
          const { readyMs, addedBytes } = await measure(way, height, count, site, host);
          samples[key].ready.push(readyMs);
          samples[key].added.push(addedBytes);
        }
      }
    }
  } finally {
    site.close();
    host.close();
  }
  const mb = (bytes) => (bytes / 1e6).toFixed(1);
  const rows = [];
  for (const [way, height] of CASES) {
    const one = samples[`${way} ${height} 1`];
    const ten = samples[`${way} ${height} 10`];
    const [readyOne, readyTen] = [median(one.ready), median(ten.ready)];
    const [addedOne, addedTen] = [median(one.added), median(ten.added)];
    rows.push(`| ${way === 'frames' ? 'frames (embed.js placeholders)' : '`<ict-explorer>` elements'} | 1000×${height.toLocaleString('en')} | ${readyOne} | ${readyTen} | ${(readyTen / readyOne).toFixed(2)}× | ${mb(addedOne)} | ${mb(addedTen)} | ${(addedTen / addedOne).toFixed(2)}× |`);
  }
  return [
    `Many views on one course page (another origin than the site), median of ${runs} runs, each in a browser of its own: ready is navigation to every view ready, measured in Node; memory is the PSS the whole browser adds over a blank page, after a second of rest.`,
    '',
    '| embedded as | window | 1 view ready ms | 10 views ready ms | 10 / 1 | 1 view MB | 10 views MB | 10 / 1 |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '| target (issue 15, item 5; elements, 1000×800 window) | measured | result |',
    '|---|---|---|',
    ...TARGETS.map(({ name, most, ratio }) => {
      const measured = ratio(samples);
      return `| ${name} | ${measured.toFixed(2)}× | ${measured <= most ? 'pass' : 'FAIL'} |`;
    }),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = process.argv.find((candidate) => candidate.startsWith('--runs='));
  const runs = arg ? Number(arg.slice(7)) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a whole number of at least 1, got "${arg}"`);
  console.log(await viewsBench({ runs }));
}
