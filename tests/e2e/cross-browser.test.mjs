// Cross-browser smoke test: in Firefox ESR and WebKitGTK (Chromium runs every other e2e test),
// both builds start, a series and a year can be switched off with a real click, the table, the
// summary and the chart follow, and nothing goes wrong on the way: no uncaught error, no console
// error, no failure notice. The single file is opened from file://, the site over http on
// 127.0.0.1 with the headers its _headers file asks hosts for (its Content-Security-Policy).
//
// The site also runs as a learning platform embeds it, in <iframe sandbox="allow-scripts">, where
// its origin is opaque and WebKit matches nothing with the policy's 'self': the course page
// (served beside the site, without a policy of its own) drives it over postMessage. And the
// site's copy of the single file starts under the site's headers. And three <ict-explorer>
// views share one page under hostile styles. And all of it in Chinese.
//
// Set SMOKE_SCREENSHOTS=<folder> to keep a picture of each run (smoke-<browser>-<build>.png); a
// failing run always leaves one in the temporary folder and names it in the message.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SINGLE_FILE, SINGLE_FILE_URL, SITE_DIR as DEFAULT_SITE_DIR } from './helpers.mjs';
import { launchFirefox, launchWebKit } from './webdriver.mjs';

const SITE_DIR = process.env.ICT_EXPLORER_SITE ?? DEFAULT_SITE_DIR;

/** The controls clicked: a series and a year of the default (Ownership) view. */
const SERIES = '#ctl-series-private';
const YEAR = '#ctl-category-2005';

/** How long the explorer may take to start, and a click to show its effect. */
const READY_TIMEOUT = 20_000;
const CHANGE_TIMEOUT = 5_000;

const BROWSERS = [
  { key: 'firefox', label: 'Firefox ESR', launch: launchFirefox },
  { key: 'webkit', label: 'WebKitGTK', launch: launchWebKit },
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * The headers the site asks its host to send (dist/site/_headers, the format of common static
 * hosts: a path pattern, then indented `Name: value` lines), so the site runs here as hosted,
 * Content-Security-Policy included. Gives [pattern, headers] pairs; none without the file.
 */
async function siteHeaders() {
  const text = await readFile(path.join(SITE_DIR, '_headers'), 'utf8').catch(() => '');
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push([line.trim(), {}]);
    else if (rules.length && line.includes(':')) {
      const [name, ...value] = line.split(':');
      rules.at(-1)[1][name.trim()] = value.join(':').trim();
    }
  }
  return rules;
}

/** The headers of every rule that matches, as hosts send them (`*` stands for any characters). */
function headersFor(rules, urlPath) {
  const matches = (pattern) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`).test(urlPath);
  const headers = {};
  for (const [, rule] of rules.filter(([pattern]) => matches(pattern))) {
    // Two rules with one header: a host sends both, which for a policy means both apply.
    for (const [name, value] of Object.entries(rule)) headers[name] = name in headers ? [headers[name], value].flat() : value;
  }
  return headers;
}

/** Course pages served beside the site, by path, with no headers of the site's. */
const pages = new Map();
let server;
let origin;
/** Requests the site answered with an error, for the run that made them. */
let failedRequests = [];

before(async () => {
  assert.ok(existsSync(SINGLE_FILE), `${SINGLE_FILE} is missing: run \`cargo xtask dist\` first`);
  assert.ok(existsSync(path.join(SITE_DIR, 'index.html')), `${SITE_DIR} is missing: run \`cargo xtask dist\` first`);
  const rules = await siteHeaders();
  server = createServer(async (request, response) => {
    // Browsers ask for an icon the page does not name; don't count that as the page's error.
    if (request.url === '/favicon.ico') return response.writeHead(204).end();
    const urlPath = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (pages.has(urlPath)) return response.writeHead(200, { 'content-type': TYPES['.html'] }).end(pages.get(urlPath));
    const file = path.join(SITE_DIR, urlPath.replace(/^\/+/, '') || 'index.html');
    if (!file.startsWith(SITE_DIR + path.sep)) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { ...headersFor(rules, urlPath), 'content-type': type }).end(body);
    } catch {
      failedRequests.push(`HTTP 404 for ${request.url}`);
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => {
  server?.close();
  server?.closeAllConnections();
});

// ---- What the page shows (these run in the browser) ------------------------------------------

/** Whether the explorer has started, and what the reader sees of its status and notices. */
function pageState() {
  const visible = (element) => Boolean(element) && !element.hidden && element.getClientRects().length > 0;
  const text = (element) => element?.textContent.trim().replace(/\s+/g, ' ') ?? '';
  const status = document.getElementById('status');
  const message = document.getElementById('message');
  return {
    ready: document.getElementById('app')?.dataset.ready === 'true',
    status: { present: Boolean(status), visible: visible(status), text: text(status), failure: status?.classList.contains('failure') },
    message: { present: Boolean(message), visible: visible(message), text: text(message) },
    failures: [...document.querySelectorAll('.failure')].filter((element) => element !== status && visible(element)).map(text),
    errors: window.__smokeErrors ?? null,
  };
}

/**
 * The two checkboxes, the table's row and column headers, the summary, and whether the chart's
 * pixels differ from the last snapshot taken with `baseline` set.
 */
function snapshot(series, year, baseline) {
  const text = (element) => element.textContent.trim().replace(/\s+/g, ' ');
  const box = (selector) => {
    const input = document.querySelector(selector);
    const label = input?.closest('label') ?? (input?.id && document.querySelector(`label[for="${input.id}"]`));
    return input && { checked: input.checked, label: label ? text(label) : input.value };
  };
  // The chart's pixels, when it is drawn on a canvas (null when there is none to compare).
  const canvas = document.querySelector('#chart') ?? document.querySelector('#app canvas');
  let chart = null;
  try {
    chart = canvas?.toDataURL() ?? null;
  } catch {
    // a tainted canvas: not compared
  }
  if (baseline) window.__smokeChart = chart;
  const previous = window.__smokeChart;
  const table = document.getElementById('table');
  return {
    series: box(series),
    year: box(year),
    rows: [...(table?.querySelectorAll('tbody th[scope=row]') ?? [])].map(text),
    columns: [...(table?.querySelectorAll('thead th') ?? [])].slice(1).map(text),
    summary: document.getElementById('summary')?.textContent.trim() ?? '',
    chartChanged: chart === null ? null : previous !== chart,
  };
}

// ---- The test ----------------------------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(browser, fn, args, until, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await browser.run(fn, ...args);
    if (until(value) || Date.now() > deadline) return value;
    await sleep(50);
  }
}

const quote = (text) => `"${text.length > 300 ? `${text.slice(0, 300)}…` : text}"`;

function describeErrors(browser, state) {
  return [...(state.errors ?? []), ...browser.logErrors, ...failedRequests];
}

/** Opens `url`, waits for the explorer, clicks a series and a year, and checks what changed. */
async function smoke(browser, browserKey, build, url) {
  failedRequests = [];
  const where = `In ${browser.name}, ${build} (${url})`;
  const shot = async (folder) => {
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, `smoke-${browserKey}-${build.includes('file') ? 'file' : 'site'}.png`);
    await browser.run(() => scrollTo(0, 0)).catch(() => {});
    await writeFile(file, await browser.screenshot());
    return file;
  };
  try {
    await browser.open(url);
    const started = Date.now();
    // Stop waiting as soon as the page gives up and says so.
    const settled = (s) => s.ready || s.status.failure || s.failures.length > 0;
    let state = await waitFor(browser, pageState, [], settled, READY_TIMEOUT);
    if (!state.ready) {
      const errors = describeErrors(browser, state);
      assert.fail(
        `${where}: the explorer ` +
          (settled(state) ? 'failed to start' : `did not start within ${READY_TIMEOUT / 1000} s (#app never got data-ready="true")`) +
          `. The reader sees the status line ${quote(state.status.text)}` +
          (state.failures.length ? `, the failure notice ${state.failures.map(quote).join('; ')}` : '') +
          (state.message.visible ? ` and the notice ${quote(state.message.text)}` : '') +
          `.\nErrors:\n  ${errors.join('\n  ') || '(none recorded)'}`,
      );
    }
    const startMs = Date.now() - started;

    // The first click: the series goes, with its row and its sentence of the summary.
    let before = await browser.run(snapshot, SERIES, YEAR, true);
    assert.ok(before.series, `${where}: the controls have no ${SERIES} checkbox, so a reader cannot switch that series`);
    assert.ok(before.year, `${where}: the controls have no ${YEAR} checkbox, so a reader cannot switch that year`);
    const series = before.series.label;
    assert.ok(before.series.checked, `${where}: "${series}" (${SERIES}) is not ticked when the page opens`);
    assert.ok(before.rows.includes(series), `${where}: the table has no row "${series}" (rows: ${before.rows.join(', ')})`);
    await browser.click(SERIES).catch((error) => assert.fail(`${where}: a reader cannot click "${series}": ${error.message}`));
    let now = await waitFor(browser, snapshot, [SERIES, YEAR, false], (s) =>
      !s.rows.includes(series) && s.summary !== before.summary && s.chartChanged !== false, CHANGE_TIMEOUT);
    let after = `${where}: after unticking "${series}"`;
    assert.equal(now.series.checked, false, `${where}: clicking "${series}" did not untick it`);
    assert.ok(!now.rows.includes(series), `${after} the table still has its row (rows: ${now.rows.join(', ')})`);
    assert.equal(now.rows.length, before.rows.length - 1, `${after} the table has ${now.rows.length} rows instead of ${before.rows.length - 1}`);
    assert.notEqual(now.summary, before.summary, `${after} the summary under the chart did not change: ${quote(now.summary)}`);
    assert.ok(!now.summary.includes(`${series}:`), `${after} the summary still describes it: ${quote(now.summary)}`);
    assert.notEqual(now.chartChanged, false, `${after} the chart was not redrawn (its pixels did not change)`);

    // The second click: the year goes, with its column.
    before = await browser.run(snapshot, SERIES, YEAR, true);
    const year = before.year.label;
    assert.ok(before.year.checked, `${where}: the year ${year} (${YEAR}) is not ticked when the page opens`);
    assert.ok(before.columns.includes(year), `${where}: the table has no column ${year} (columns: ${before.columns.join(', ')})`);
    await browser.click(YEAR).catch((error) => assert.fail(`${where}: a reader cannot click the year ${year}: ${error.message}`));
    now = await waitFor(browser, snapshot, [SERIES, YEAR, false], (s) =>
      !s.columns.includes(year) && s.summary !== before.summary && s.chartChanged !== false, CHANGE_TIMEOUT);
    after = `${where}: after unticking the year ${year}`;
    assert.equal(now.year.checked, false, `${where}: clicking the year ${year} did not untick it`);
    assert.ok(!now.columns.includes(year), `${after} the table still has its column (columns: ${now.columns.join(', ')})`);
    assert.equal(now.columns.length, before.columns.length - 1,
      `${after} the table has ${now.columns.length} year columns instead of ${before.columns.length - 1}`);
    assert.deepEqual(now.rows, before.rows, `${after} the table's rows changed`);
    assert.notEqual(now.summary, before.summary, `${after} the summary under the chart did not change: ${quote(now.summary)}`);
    assert.notEqual(now.chartChanged, false, `${after} the chart was not redrawn (its pixels did not change)`);

    // Let anything the clicks scheduled (the address-bar update runs 250 ms later) happen.
    await sleep(400);
    state = await browser.run(pageState);
    assert.ok(state.errors, `${where}: the error collector is missing from the page (was the page replaced?)`);
    const errors = describeErrors(browser, state);
    assert.deepEqual(errors, [], `${where}: errors occurred while starting and clicking:\n  ${errors.join('\n  ')}`);
    assert.ok(!state.status.visible, `${where}: the status line is still showing after the start: ${quote(state.status.text)}`);
    assert.ok(!state.status.failure, `${where}: the status line reports a failure: ${quote(state.status.text)}`);
    assert.ok(!state.message.visible, `${where}: the page shows the notice ${quote(state.message.text)}`);
    assert.deepEqual(state.failures, [], `${where}: the page shows a failure notice: ${state.failures.map(quote).join('; ')}`);

    if (process.env.SMOKE_SCREENSHOTS) await shot(process.env.SMOKE_SCREENSHOTS);
    return startMs;
  } catch (error) {
    if (error instanceof Error && !/\nErrors:\n|errors occurred/.test(error.message)) {
      const state = await browser.run(pageState).catch(() => null);
      const errors = describeErrors(browser, state ?? {});
      if (errors.length) error.message += `\nErrors in the page so far:\n  ${errors.join('\n  ')}`;
    }
    const file = await shot(os.tmpdir()).catch(() => null);
    if (file && error instanceof Error) error.message += `\n(What the browser showed: ${file})`;
    throw error;
  }
}

/**
 * A course page holding the site in <iframe sandbox="allow-scripts">, which records what the
 * explorer tells it: its height reports, the answers to its requests and its change events.
 */
const SANDBOXED_QUERY = 'view=ownership&embed=1&controls=none&stories=0&table=0&notes=0&stats=0&downloads=0&share=0';
pages.set('/course-sandboxed.html', `<!doctype html><meta charset="utf-8"><title>Course page</title>
<iframe id="explorer" sandbox="allow-scripts" src="/index.html?${SANDBOXED_QUERY}" width="900" height="700"></iframe>
<script>
window.__frame = { heights: [], results: {}, changes: 0 };
const frame = document.getElementById('explorer');
addEventListener('message', (event) => {
  const data = event.data;
  if (event.source !== frame.contentWindow || !data) return;
  if (data.ictExplorer === 'height') __frame.heights.push(data.height);
  if (data.ictExplorer === 'result') __frame.results[data.id] = data;
  if (data.ictExplorer === 'change') __frame.changes += 1;
});
const ask = setInterval(() => {
  if (__frame.results.state) return clearInterval(ask);
  frame.contentWindow.postMessage({ ictExplorer: 'getState', id: 'state' }, '*');
}, 250);
</script>`);

/** The explorer in a sandboxed frame under the site's headers: it starts, styled, and answers. */
async function sandboxed(browser) {
  const where = `In ${browser.name}, the site in <iframe sandbox="allow-scripts"> under its published headers`;
  failedRequests = [];
  await browser.open(`${origin}/course-sandboxed.html`);
  const recorded = () => window.__frame;
  let seen = await waitFor(browser, recorded, [], (frame) => frame?.results.state, READY_TIMEOUT);
  assert.ok(seen?.results.state, `${where}: the explorer never answered getState, so its scripts did not run (it reported heights ${JSON.stringify(seen?.heights)})`);
  assert.equal(seen.results.state.ok, true, `${where}: getState failed: ${seen.results.state.error}`);
  assert.equal(seen.results.state.state.view, 'ownership');
  await browser.run(() => document.getElementById('explorer').contentWindow.postMessage({ ictExplorer: 'setState', id: 'set', state: { series: ['private'] } }, '*'));
  // The page reports its height once its layout has settled, a moment after the change.
  seen = await waitFor(browser, recorded, [], (frame) => frame.results.set && frame.changes > 0 && frame.heights.length > 0, CHANGE_TIMEOUT);
  assert.equal(seen.results.set?.ok, true, `${where}: setState was not taken: ${JSON.stringify(seen.results.set)}`);
  assert.ok(seen.changes > 0, `${where}: the explorer did not tell its host page about the change`);
  // Unstyled, the page would show all five static tables below the chart, thousands of pixels.
  const height = seen.heights.at(-1);
  assert.ok(height > 200 && height < 2000, `${where}: the page reports ${height} px, so its stylesheet did not apply`);
  assert.deepEqual(failedRequests, [], `${where}: requests failed`);
  return height;
}

/** A course page with three <ict-explorer> views, beside the site, under hostile styles. */
pages.set('/course-elements.html', `<!doctype html><meta charset="utf-8"><title>Course page</title>
<style>* { font: 40px serif !important; color: red !important; } canvas { display: none !important; }</style>
<ict-explorer view="ownership" controls="series"></ict-explorer>
<ict-explorer view="fdi" chart="line"></ict-explorer>
<ict-explorer view="rd" table="0"></ict-explorer>
<script src="/embed.js"></script>`);

/** What each view of the elements page says of itself once all are ready (runs in the page). */
async function elementViews() {
  const elements = [...document.querySelectorAll('ict-explorer')];
  const timeout = new Promise((resolve, reject) => setTimeout(() => reject(new Error('the views were not ready within 20 s')), 20_000));
  await Promise.race([Promise.all(elements.map((element) => element.ready)), timeout]);
  const describe = (element) => {
    const title = getComputedStyle(element.shadowRoot.getElementById('view-title'));
    const chart = getComputedStyle(element.shadowRoot.getElementById('chart'));
    return { state: element.getState(), marks: element.marks().length, titleSize: title.fontSize, canvas: chart.display };
  };
  const before = elements.map(describe);
  await elements[0].setState({ series: ['private'] });
  return { before, after: elements.map(describe) };
}

/** Three <ict-explorer> views on one page: each draws, answers for itself and keeps its styles. */
async function elements(browser) {
  const where = `In ${browser.name}, three <ict-explorer> views on one course page`;
  failedRequests = [];
  await browser.open(`${origin}/course-elements.html`);
  const { before, after } = await browser.run(elementViews);
  assert.deepEqual(before.map((view) => view.state.view), ['ownership', 'fdi', 'rd'], `${where}: a view does not show what its attribute asks for`);
  for (const [index, view] of before.entries()) {
    assert.ok(view.marks > 0, `${where}: view ${index + 1} drew no chart`);
    assert.notEqual(view.titleSize, '40px', `${where}: the host page's type reaches into view ${index + 1}`);
    assert.notEqual(view.canvas, 'none', `${where}: the host page hides view ${index + 1}'s chart`);
  }
  assert.deepEqual(after[0].state.series, ['private'], `${where}: setState on the first view was not taken`);
  assert.deepEqual(after.slice(1).map((view) => view.state), before.slice(1).map((view) => view.state), `${where}: setState on the first view changed another`);
  const errors = [...browser.logErrors, ...failedRequests];
  assert.deepEqual(errors, [], `${where}: errors occurred:\n  ${errors.join('\n  ')}`);
}

/** The explorer in Chinese: a sandboxed frame of the site (which loads the Chinese texts as a
 * script in an opaque origin), and an <ict-explorer lang="zh-CN"> view. */
pages.set('/course-chinese.html', `<!doctype html><meta charset="utf-8"><title>Course page</title>
<iframe id="explorer" sandbox="allow-scripts" src="/index.html?view=fdi&embed=1&lang=zh" width="900" height="700"></iframe>
<ict-explorer view="rd" lang="zh-CN"></ict-explorer>
<script src="/embed.js"></script>
<script>
window.__frame = { results: {} };
const frame = document.getElementById('explorer');
addEventListener('message', (event) => {
  if (event.source === frame.contentWindow && event.data?.ictExplorer === 'result') __frame.results[event.data.id] = event.data;
});
const ask = setInterval(() => {
  if (__frame.results.state) return clearInterval(ask);
  frame.contentWindow.postMessage({ ictExplorer: 'getState', id: 'state' }, '*');
}, 250);
</script>`);

/** Runs in the page: the element's language and title once it is ready. */
async function chineseElement() {
  const element = document.querySelector('ict-explorer');
  const timeout = new Promise((resolve, reject) => setTimeout(() => reject(new Error('the view was not ready within 20 s')), 20_000));
  await Promise.race([element.ready, timeout]);
  return { lang: element.getState().lang, title: element.shadowRoot.getElementById('view-title').textContent };
}

/** The single file, a sandboxed frame and an element, each in Chinese. */
async function chinese(browser, key) {
  const HAN = /[\u4e00-\u9fff]/;
  await smoke(browser, key, 'the single file in Chinese', `${SINGLE_FILE_URL}?lang=zh`);
  const page = await browser.run(() => ({ lang: document.documentElement.lang, title: document.getElementById('view-title').textContent }));
  assert.equal(page.lang, 'zh-Hans', `In ${browser.name}, the single file in Chinese does not say so to screen readers`);
  assert.match(page.title, HAN, `In ${browser.name}, the single file in Chinese titles its view in English: "${page.title}"`);
  failedRequests = [];
  await browser.open(`${origin}/course-chinese.html`);
  const seen = await waitFor(browser, () => window.__frame, [], (frame) => frame?.results.state, READY_TIMEOUT);
  assert.equal(seen?.results.state?.state?.lang, 'zh', `In ${browser.name}, the site in a sandboxed frame with lang=zh is not in Chinese (its Chinese texts did not load): ${JSON.stringify(seen?.results.state)}`);
  const element = await browser.run(chineseElement);
  assert.equal(element.lang, 'zh', `In ${browser.name}, <ict-explorer lang="zh-CN"> is not in Chinese`);
  assert.match(element.title, HAN, `In ${browser.name}, <ict-explorer lang="zh-CN"> titles its view in English: "${element.title}"`);
  const errors = [...browser.logErrors, ...failedRequests];
  assert.deepEqual(errors, [], `In ${browser.name}, the Chinese pages had errors:\n  ${errors.join('\n  ')}`);
}

for (const { key, label, launch } of BROWSERS) {
  describe(label, () => {
    let browser;
    before(async () => {
      try {
        browser = await launch();
      } catch (error) {
        throw new Error(`${label} could not be started, so the explorer cannot be checked in it: ${error.message}`, { cause: error });
      }
    });
    after(async () => {
      await browser?.close();
    });

    test(`${label}: the single file from file:// starts, follows a series and a year click, and shows no error`, async (t) => {
      const ms = await smoke(browser, key, 'the single file', SINGLE_FILE_URL);
      t.diagnostic(`${browser.name}: ready ${ms} ms after the load event`);
    });

    test(`${label}: the hosted site over http starts, follows a series and a year click, and shows no error`, async (t) => {
      const ms = await smoke(browser, key, 'the hosted site', `${origin}/`);
      t.diagnostic(`${browser.name}: ready ${ms} ms after the load event`);
    });

    test(`${label}: the site in <iframe sandbox="allow-scripts"> under its published policy starts, styled, and answers its host page`, async (t) => {
      const height = await sandboxed(browser);
      t.diagnostic(`${browser.name}: the sandboxed embed reports ${height} px`);
    });

    test(`${label}: three <ict-explorer> views on one page draw, answer each for itself and keep the page's styles out`, async () => {
      await elements(browser);
    });

    test(`${label}: in Chinese, the single file, a sandboxed frame of the site and an <ict-explorer lang="zh-CN"> view start in Chinese`, async () => {
      await chinese(browser, key);
    });

    test(`${label}: the site's copy of the single file starts under the site's headers`, async (t) => {
      const ms = await smoke(browser, key, 'the site\'s copy of ict-explorer.html', `${origin}/ict-explorer.html`);
      t.diagnostic(`${browser.name}: ready ${ms} ms after the load event`);
    });
  });
}
