// The hosted build (dist/site/) starts when served over HTTP with its headers, fetching only its
// own files; so do its copy of the single file and the page handed to a frame as text; and
// where its scripts cannot run, it shows the tables and says why without them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SITE_DIR, launchBrowser, openExplorer, serve, siteHeaders } from './helpers.mjs';

let browser;
let server;
let origin;

before(async () => {
  assert.ok(existsSync(path.join(SITE_DIR, 'index.html')), `${SITE_DIR} is missing: run \`cargo xtask dist\` first`);
  // Served with the headers the site ships (its Content-Security-Policy among them).
  server = await serve(SITE_DIR, { headers: await siteHeaders() });
  origin = server.origin;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.close();
});

test('the hosted site starts over HTTP without errors and fetches only its own files', async () => {
  const { context, page, seen } = await openExplorer(browser, { url: `${origin}/` });
  try {
    await page.waitForLoadState('load');
    const status = (await page.textContent('#status')) ?? '';
    assert.doesNotMatch(status, /Loading the explorer|could not start/, `status: ${status}`);
    assert.deepEqual(seen.errors, [], `console errors or uncaught exceptions:\n${seen.errors.join('\n')}`);
    const foreign = seen.requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
    assert.deepEqual(foreign, [], `requests to other origins:\n${foreign.join('\n')}`);
    assert.ok(seen.requests.some((url) => url.endsWith('.wasm')), 'the site did not fetch its .wasm');
  } finally {
    await context.close();
  }
});

test('the site sends Data quality\'s prebuilt lists only after the first chart, and they fill Data quality', async () => {
  const { context, page, seen } = await openExplorer(browser, { url: `${origin}/index.html?view=ownership` });
  try {
    const order = seen.requests.map((url) => new URL(url).pathname);
    const lists = order.indexOf('/ict_explorer_prebuilt.js');
    assert.ok(lists >= 0, `the site never loaded Data quality's lists; it asked for ${order.join(', ')}`);
    assert.ok(order.indexOf('/ict_explorer_bg.wasm') < lists, 'the site loaded Data quality\'s lists before the WebAssembly that draws the first chart');
    const firstChartMs = Number(await page.getAttribute('#app', 'data-first-chart-ms'));
    const listsStartMs = await page.evaluate(() => performance.getEntriesByName(new URL('ict_explorer_prebuilt.js', location.href).href)[0]?.startTime ?? -1);
    assert.ok(listsStartMs >= firstChartMs, `Data quality's lists were asked for at ${listsStartMs} ms, before the first chart at ${firstChartMs} ms`);
    await page.click('#tab-quality');
    const items = await page.locator('#about .quality-item').count();
    assert.ok(items > 20, `Data quality on the site lists ${items} findings and claims`);
    assert.deepEqual(seen.errors, [], `console errors or uncaught exceptions:\n${seen.errors.join('\n')}`);
  } finally {
    await context.close();
  }
});
test('the site\'s copy of the single file starts under the site\'s headers, with its own policy alone', async () => {
  const response = await fetch(`${origin}/ict-explorer.html`);
  const policy = response.headers.get('content-security-policy') ?? '';
  const { context, page, seen } = await openExplorer(browser, { url: `${origin}/ict-explorer.html` });
  try {
    const meta = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
    assert.equal(policy, meta, 'the site sends the single file a policy other than its own (or two policies), which blocks its inline scripts');
    const status = (await page.textContent('#status')) ?? '';
    assert.doesNotMatch(status, /Loading the explorer|could not start/, `status: ${status}`);
    assert.deepEqual(seen.errors, [], `console errors or uncaught exceptions:\n${seen.errors.join('\n')}`);
  } finally {
    await context.close();
  }
});

/** What a reader sees of a page whose scripts cannot run: the note, the status line, the tables. */
async function withoutScripts(frame) {
  return {
    note: await frame.isVisible('#scripts-off') ? (await frame.textContent('#scripts-off')).trim() : null,
    status: await frame.isVisible('#status') ? (await frame.textContent('#status')).trim() : null,
    tables: await frame.locator('#fallback table').count(),
    tablesShown: await frame.isVisible('#fallback table >> nth=0'),
  };
}

function assertExplained(seen, where) {
  assert.match(seen.note ?? '', /cannot run here.*tables below/, `${where}: the page does not say why the charts are missing (${JSON.stringify(seen)})`);
  assert.equal(seen.status, null, `${where}: the status line shows "${seen.status}" with no script to say so`);
  assert.ok(seen.tables >= 5 && seen.tablesShown, `${where}: the static tables are not shown (${seen.tables} tables)`);
}

test('with scripts switched off or sandboxed away, the page shows the tables and says why, from its HTML and CSS alone', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/index.html`);
    assertExplained(await withoutScripts(page), 'with scripts switched off');
  } finally {
    await context.close();
  }
  const framed = await browser.newContext();
  try {
    const page = await framed.newPage();
    server.pages.set('/course-no-scripts.html', `<!doctype html><meta charset="utf-8"><title>Course</title><iframe name="x" sandbox="" src="/index.html" width="1000" height="900"></iframe>`);
    await page.goto(`${origin}/course-no-scripts.html`);
    const frame = await (await page.waitForSelector('iframe[name="x"]')).contentFrame();
    await frame.waitForSelector('#fallback');
    assertExplained(await withoutScripts(frame), 'in <iframe sandbox="">');
  } finally {
    await framed.close();
  }
});

test('the site handed to a frame of another site as text (srcdoc, no sandbox) starts, its wasm loaded as a script', async () => {
  const host = await serve(SITE_DIR);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const { readFile } = await import('node:fs/promises');
    const index = (await readFile(path.join(SITE_DIR, 'index.html'), 'utf8')).replace('<head>', `<head><base href="${origin}/">`);
    const escaped = index.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
    host.pages.set('/course-srcdoc.html', `<!doctype html><meta charset="utf-8"><title>Course</title><iframe name="x" srcdoc="${escaped}" width="1000" height="900"></iframe>`);
    await page.goto(`${host.origin}/course-srcdoc.html`);
    const frame = await (await page.waitForSelector('iframe[name="x"]')).contentFrame();
    await frame.waitForSelector('#app[data-ready="true"], #status.failure', { timeout: 15_000 });
    const status = (await frame.textContent('#status')).trim();
    assert.equal(status, '', `the explorer did not start in a srcdoc frame; the reader sees: ${status}`);
  } finally {
    await context.close();
    host.close();
  }
});
