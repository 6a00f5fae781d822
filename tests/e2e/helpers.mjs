// Shared helpers for the end-to-end tests (node:test + playwright-core) and the xtask's
// screenshot and benchmark scripts: one way to start Chromium, find the build, and watch a page.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The single-file build (set ICT_EXPLORER_HTML to test another copy). */
export const SINGLE_FILE = process.env.ICT_EXPLORER_HTML ?? path.join(ROOT, 'dist', 'ict-explorer.html');

/** Its file:// URL: the way people open the downloaded file. */
export const SINGLE_FILE_URL = pathToFileURL(SINGLE_FILE).href;

/** The hosted build's folder. */
export const SITE_DIR = path.join(ROOT, 'dist', 'site');

/** Debian's Chromium (installed by `cargo xtask setup`). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Flags for a quiet, offline-friendly headless Chromium (runs as root in CI, hence
 * --no-sandbox). Playwright gives every launch a fresh temporary user-data dir of its own.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The selector that says the explorer has started. */
export const READY = '#app[data-ready="true"]';

/** Starts headless Chromium. Close it with `await browser.close()`. */
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** URLs a page may load without leaving the machine or the file. */
export function isLocalUrl(url) {
  return /^(file|data|blob):/i.test(url);
}

/**
 * Records what a page says and asks for: console errors, uncaught exceptions and HTTP error
 * responses (`errors`), every console message (`messages`, for diagnostics), and every request
 * URL (`requests`).
 */
export function watch(page) {
  const seen = { errors: [], messages: [], requests: [] };
  page.on('console', (message) => {
    seen.messages.push(`${message.type()}: ${message.text()}`);
    if (message.type() === 'error') seen.errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.errors.push(`uncaught: ${error.stack ?? error.message}`));
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) seen.errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return seen;
}

/**
 * Opens a URL (by default the single file) in a new context of `browser` and waits until the
 * explorer is ready. Returns { context, page, seen }; `seen` is from `watch`. Options:
 * `viewport`, `colorScheme` ('light' | 'dark'), `timeout` (ms), `url`.
 */
export async function openExplorer(browser, options = {}) {
  const { url = SINGLE_FILE_URL, viewport = { width: 1280, height: 800 }, colorScheme = 'light', timeout = 20_000 } =
    options;
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(url);
  try {
    await page.waitForSelector(READY, { timeout });
  } catch (error) {
    const status = await page.textContent('#status').catch(() => '(no #status)');
    throw new Error(
      `${url} did not set ${READY} within ${timeout} ms.\nStatus: ${status}\n` +
        `Console:\n  ${seen.messages.join('\n  ') || '(nothing)'}\nErrors:\n  ${seen.errors.join('\n  ') || '(none)'}`,
      { cause: error },
    );
  }
  return { context, page, seen };
}

/**
 * An init script that records every text the chart's canvas draws, with its size in CSS
 * pixels (the font's pixels over devicePixelRatio), in `window.__chartText`.
 */
export function recordCanvasText() {
  window.__chartText = [];
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (...args) {
    if (this.canvas.id === 'chart') {
      const px = Number(/([\d.]+)px/.exec(this.font)?.[1]);
      if (Number.isFinite(px)) window.__chartText.push({ px: px / devicePixelRatio, text: String(args[0]) });
    }
    return fillText.apply(this, args);
  };
}

/**
 * Opens the single file with `query` at `viewport` (more context options in `options`),
 * recording the chart's texts (`recordCanvasText`) and the page's errors. Returns
 * { context, page, errors }.
 */
export async function openRecordingChartText(browser, viewport, query, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  await context.addInitScript(recordCanvasText);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${SINGLE_FILE_URL}?${query}`);
  await page.waitForSelector(READY);
  return { context, page, errors };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * The headers that dist/site/_headers asks a host to send, as a function of a file's path: the
 * format of Netlify and Cloudflare Pages (a path pattern, `*` for any characters, then indented
 * `Name: value` lines), where a path gets the headers of every rule that matches it.
 */
export async function siteHeaders() {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path.join(SITE_DIR, '_headers'), 'utf8');
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const header = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (!/^\s/.test(line)) rules.push({ pattern: new RegExp(`^${line.trim().split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`), headers: [] });
    else if (header && rules.length) rules.at(-1).headers.push([header[1].toLowerCase(), header[2].trim()]);
  }
  return (urlPath) => {
    const headers = {};
    for (const rule of rules.filter(({ pattern }) => pattern.test(urlPath))) {
      // Two rules with one header: a host sends both, which for a policy means both apply.
      for (const [name, value] of rule.headers) headers[name] = name in headers ? [headers[name], value].flat() : value;
    }
    return headers;
  };
}

/**
 * Serves a folder over HTTP on 127.0.0.1 (a free port), as a static host would, plus pages
 * held in memory (`server.pages.set('/course.html', html)`). `headers` go with every file of
 * the folder: an object, or a function of the file's path (as `siteHeaders` gives). Returns
 * { origin, pages, close }.
 */
export async function serve(dir, { headers = {} } = {}) {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const pages = new Map();
  const server = createServer(async (request, response) => {
    const name = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (pages.has(name)) return response.writeHead(200, { 'content-type': TYPES['.html'] }).end(pages.get(name));
    // Browsers ask for an icon the page does not name; don't count that as the page's error.
    if (name === '/favicon.ico') return response.writeHead(204).end();
    const file = path.join(dir, name.replace(/^\/+/, '') || 'index.html');
    if (!file.startsWith(dir + path.sep)) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      const extra = typeof headers === 'function' ? headers(name === '/' ? '/' : name) : headers;
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...extra }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, pages, close: () => server.close() };
}
