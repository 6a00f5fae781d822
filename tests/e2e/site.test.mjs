// The hosted build (dist/site/) starts when served over HTTP, fetching only its own files.
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
