// The hosted build (dist/site/) starts when served over HTTP, fetching only its own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SITE_DIR, launchBrowser, openExplorer } from './helpers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

let browser;
let server;
let origin;

before(async () => {
  assert.ok(existsSync(path.join(SITE_DIR, 'index.html')), `${SITE_DIR} is missing: run \`cargo xtask dist\` first`);
  server = createServer(async (request, response) => {
    // Browsers ask for an icon the page does not name; don't count that as the page's error.
    if (request.url === '/favicon.ico') return response.writeHead(204).end();
    const name = decodeURIComponent(new URL(request.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(SITE_DIR, name);
    if (!file.startsWith(SITE_DIR + path.sep)) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
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
