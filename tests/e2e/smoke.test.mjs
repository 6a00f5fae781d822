// The single file starts from file:// with no errors and without loading anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { READY, SINGLE_FILE, SINGLE_FILE_URL, isLocalUrl, launchBrowser, openExplorer } from './helpers.mjs';

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

test('the chart is drawn before Data quality\'s lists are in the page, and the lists follow', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    // At the chart's first drawing call, count what the page already holds of the prebuilt parts.
    await context.addInitScript(() => {
      const stroke = CanvasRenderingContext2D.prototype.stroke;
      CanvasRenderingContext2D.prototype.stroke = function (...args) {
        if (this.canvas.id === 'chart' && !window.__atFirstChart) {
          const templates = () => document.querySelectorAll('template[id^="prebuilt-"]').length;
          window.__atFirstChart = {
            templates: templates(),
            packed: Boolean(document.getElementById('ict-explorer-prebuilt')),
          };
          // The frame that paints the chart: what the page holds when it is rendered.
          requestAnimationFrame(() => { window.__atFirstChart.atPaint = templates(); });
        }
        return stroke.apply(this, args);
      };
    });
    const page = await context.newPage();
    await page.goto(SINGLE_FILE_URL);
    await page.waitForSelector(READY);
    const atFirstChart = await page.evaluate(() => window.__atFirstChart);
    assert.ok(atFirstChart, 'the chart was never drawn');
    assert.equal(atFirstChart.templates, 0, 'the prebuilt lists were already in the page when the chart was first drawn');
    assert.ok(atFirstChart.packed, 'the prebuilt parts were not waiting in their data block when the chart was first drawn');
    assert.equal(atFirstChart.atPaint, 0, 'the prebuilt lists were put in the page before the frame that paints the first chart');
    // Once ready, the data block is gone and Data quality opens with its list.
    await page.click('#tab-quality');
    await page.waitForSelector('.quality-item');
    assert.ok((await page.locator('.quality-item').count()) > 50, 'Data quality shows no list once the explorer is ready');
    assert.equal(await page.locator('#ict-explorer-prebuilt').count(), 0, 'the prebuilt parts\' data block stayed in the page after they were put in');
  } finally {
    await context.close();
  }
});
