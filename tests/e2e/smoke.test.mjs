// The single file starts from file:// with no errors and without loading anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { SINGLE_FILE, isLocalUrl, launchBrowser, openExplorer } from './helpers.mjs';

let browser;
before(async () => {
  assert.ok(existsSync(SINGLE_FILE), `${SINGLE_FILE} is missing: run \`cargo xtask dist\` first`);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the single file starts from file:// without errors and loads nothing from outside', async () => {
  const { context, page, seen } = await openExplorer(browser);
  try {
    // Let anything the start-up scheduled run before judging.
    await page.waitForLoadState('load');
    await page.waitForTimeout(200);

    const status = (await page.textContent('#status')) ?? '';
    assert.doesNotMatch(status, /Loading the explorer/, 'the status line still says it is loading');
    assert.doesNotMatch(status, /could not start/, `the explorer reports a failed start: ${status}`);

    assert.deepEqual(seen.errors, [], `console errors or uncaught exceptions:\n${seen.errors.join('\n')}`);

    const outside = seen.requests.filter((url) => !isLocalUrl(url));
    assert.deepEqual(outside, [], `requests that leave the page (only file:, data: and blob: are allowed):\n${outside.join('\n')}`);
  } finally {
    await context.close();
  }
});

test('the single file carries its fallback tables', async () => {
  const { context, page } = await openExplorer(browser);
  try {
    const html = await page.content();
    assert.ok(!html.includes('<!--FALLBACK-->'), 'the <!--FALLBACK--> marker was not replaced');
    const tables = await page.textContent('noscript#static-tables');
    assert.match(tables ?? '', /<table id="fallback-table1">/, 'the page carries no static tables for readers without scripts');
    // A reader whose scripts run pays for none of them (issue 15: at most 600 live elements).
    assert.equal(await page.locator('#fallback').count(), 0, 'the static tables were made into elements although the explorer runs');
    const elements = await page.evaluate(() => document.querySelectorAll('*').length);
    assert.ok(elements <= 600, `the page at rest has ${elements} elements, more than 600`);
  } finally {
    await context.close();
  }
});
