// An event storm in full screen: a seeded run of clicks, keys and resizes such as a class of
// students gives the explorer, with "Embed this view" open. Each preview of an embed is a whole
// second explorer; when every click started a new one, the discarded explorers piled up faster
// than the browser freed them (in headless Chromium up to 400 documents, a million DOM nodes and
// 0.7 GB more memory at once; a user's Chromium tab crashed on opening one more). These tests
// hold the tab to a bounded number of documents, DOM nodes and frames instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serve, siteHeaders, SITE_DIR, READY } from './helpers.mjs';

/** How many actions the storm fires, and the seed that makes it the same storm every run. */
const ACTIONS = 400;
const SEED = 13;
/**
 * Documents a tab may hold at once: the page, its preview, and those not yet freed. On a busy
 * machine, where actions come more than the preview's pause apart, each action may load a
 * preview; the browser then keeps up with about 20.
 */
const MOST_DOCUMENTS = 20;
/** DOM nodes in the page and its preview together (about 17,500 when the storm starts). */
const MOST_NODES = 100_000;
/** Growth of the page's JavaScript heap over the storm, in MB. */
const MOST_HEAP_GROWTH_MB = 25;

let site;
let browser;

before(async () => {
  site = await serve(SITE_DIR, { headers: await siteHeaders() });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  site?.close();
});

/** A small seeded generator (mulberry32): the same storm on every run. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Opens the hosted explorer on Market & profits, with a crash recorded, and its DevTools metrics. */
async function openMarket() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const crashes = [];
  page.on('crash', () => crashes.push('the tab crashed'));
  await page.goto(`${site.origin}/index.html?view=market`);
  await page.waitForSelector(READY);
  const devtools = await context.newCDPSession(page);
  await devtools.send('Performance.enable');
  // The count starts from what the page holds, not what loading it left for the collector.
  const collectGarbage = () => devtools.send('HeapProfiler.collectGarbage');
  const measure = async () => {
    const { metrics } = await devtools.send('Performance.getMetrics');
    const value = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    return {
      heapMB: value.JSHeapUsedSize / 1048576,
      nodes: value.Nodes,
      documents: value.Documents,
      frames: await page.evaluate(() => document.querySelectorAll('iframe').length),
    };
  };
  return { context, page, crashes, measure, collectGarbage };
}

/** Counts the addresses the embed preview is given from now on: each starts a whole explorer. */
async function countPreviewLoads(page) {
  await page.evaluate(() => {
    const preview = document.getElementById('embed-preview');
    window.__previewLoads = 0;
    new MutationObserver(() => window.__previewLoads++).observe(preview, { attributes: true, attributeFilter: ['src'] });
  });
}

/** Opens "Embed this view" if it is closed. */
async function openEmbed(page) {
  if (!(await page.evaluate(() => document.getElementById('embed').open))) await page.click('#embed > summary');
}

/** Waits until the embed code is final and returns the address its frame asks for and the preview's. */
async function codeAndPreview(page) {
  await page.waitForFunction(() => /<iframe src="/.test(document.getElementById('embed-code').value), null, { timeout: 15_000 });
  return page.evaluate(() => ({
    code: /<iframe src="([^"]+)"/.exec(document.getElementById('embed-code').value)[1].replaceAll('&amp;', '&'),
    preview: document.getElementById('embed-preview').getAttribute('src'),
  }));
}

/** One action of the storm: a click on something a user can click, a key, or a new window size. */
async function act(page, random) {
  const roll = random();
  if (roll < 0.7) {
    const target = await page.evaluate((choice) => {
      const clickable = [...document.querySelectorAll('summary, button, [role=tab], input[type=checkbox], input[type=radio], select, label')]
        .filter((element) => !element.closest('[hidden]') && !element.disabled && element.getClientRects().length > 0)
        // Downloads and saving open the browser's own dialogs, which are not the page's.
        .filter((element) => !/^(download|save-page)$/.test(element.name ?? ''));
      const element = clickable[Math.floor(choice * clickable.length)];
      if (!element) return null;
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      if (element.tagName === 'SELECT') {
        const options = [...element.options];
        element.focus();
        element.value = options[Math.floor(choice * 7919) % options.length].value;
        element.dispatchEvent(new Event('input', { bubbles: true }));
        element.dispatchEvent(new Event('change', { bubbles: true }));
        return null;
      }
      return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 10) };
    }, random());
    if (target) await page.mouse.click(target.x, target.y);
  } else if (roll < 0.95) {
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageDown', 'PageUp', 'Home', 'End', '1', '2', '3', '4', '5', '6', '7', 'Tab', 'Escape', ' '];
    await page.keyboard.press(keys[Math.floor(random() * keys.length)]);
  } else {
    const sizes = [[1024, 768], [1280, 800], [1366, 768], [1920, 1080], [800, 900], [360, 780]];
    const [width, height] = sizes[Math.floor(random() * sizes.length)];
    await page.setViewportSize({ width, height });
  }
}

test('site: a run of clicks with "Embed this view" open loads its preview once, after the pause, and the preview shows what the code asks for', async () => {
  const { context, page, crashes } = await openMarket();
  try {
    await openEmbed(page);
    await codeAndPreview(page);
    await countPreviewLoads(page);
    // 21 clicks 150 ms apart, timed in the page so that a busy machine does not space them
    // out; an odd number, so that at least one box ends up changed.
    const clicked = await page.evaluate(async () => {
      const boxes = [...document.querySelectorAll('#controls input[type=checkbox]')].map((box) => box.id);
      for (let i = 0; i < 21; i++) {
        document.getElementById(boxes[i % boxes.length])?.click();
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      return boxes.length;
    });
    assert.ok(clicked >= 4, `Market & profits offers ${clicked} checkboxes; the test needs a few to click`);
    await page.waitForTimeout(1000);
    const { code, preview } = await codeAndPreview(page);
    const loads = await page.evaluate(() => window.__previewLoads);
    assert.ok(loads >= 1, 'after 21 clicks the preview never showed the new view');
    assert.ok(loads <= 2, `21 clicks 150 ms apart loaded the preview ${loads} times: each load is a whole second explorer`);
    assert.equal(preview, code, 'once the teacher pauses, the preview shows another view than the embed code asks for');
    assert.deepEqual(crashes, []);
  } finally {
    await context.close();
  }
});

test('site: a double click on a control\'s words selects nothing, and the link to the view can still be selected to copy', async () => {
  const { context, page, crashes } = await openMarket();
  try {
    const places = { 'a label of the controls': '#controls label', 'a tab': '#tabs [role=tab]', 'a summary': '#embed > summary' };
    for (const [what, selector] of Object.entries(places)) {
      await page.evaluate(() => getSelection().removeAllRanges());
      await page.locator(selector).first().scrollIntoViewIfNeeded();
      const box = await page.locator(selector).first().boundingBox();
      await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
      const selected = await page.evaluate(() => getSelection().toString());
      assert.equal(selected, '', `a double click on ${what} selected its words ("${selected}"), as if they were text to copy`);
    }
    const link = page.locator('#share-link');
    await link.scrollIntoViewIfNeeded();
    await link.click({ clickCount: 3 });
    const chosen = await link.evaluate((input) => input.value.slice(input.selectionStart, input.selectionEnd));
    assert.ok(chosen.length > 10, `a triple click on the link to this view selected "${chosen}", so a teacher cannot copy it by hand`);
    assert.deepEqual(crashes, []);
  } finally {
    await context.close();
  }
});

test(`site: a storm of ${ACTIONS} clicks, keys and resizes in full screen, "Embed this view" open, keeps the page's memory bounded and the tab alive`, async (t) => {
  const { context, page, crashes, measure, collectGarbage } = await openMarket();
  try {
    await page.click('#fullscreen');
    await page.waitForFunction(() => Boolean(document.fullscreenElement), null, { timeout: 5_000 });
    await openEmbed(page);
    await codeAndPreview(page);
    await collectGarbage();
    const start = await measure();
    const random = seeded(SEED);
    const samples = [{ actions: 0, ...start }];
    for (let done = 1; done <= ACTIONS && crashes.length === 0; done++) {
      // A click may land on a control that is gone by then: the storm goes on, as a user would.
      await act(page, random).catch(() => {});
      if (done % 50 === 0 && crashes.length === 0) {
        samples.push({ actions: done, ...(await measure()) });
        // A teacher returns to the embed box: the storm keeps its preview running.
        await openEmbed(page).catch(() => {});
      }
    }
    for (const s of samples) t.diagnostic(`${s.actions} actions: heap ${s.heapMB.toFixed(1)} MB, ${s.nodes} nodes, ${s.documents} documents, ${s.frames} frames`);
    assert.deepEqual(crashes, [], `the tab crashed after ${samples.at(-1).actions} actions`);
    for (const sample of samples) {
      const when = `after ${sample.actions} actions`;
      assert.ok(sample.frames <= 1, `${when} the page holds ${sample.frames} frames; "Embed this view" has one preview`);
      assert.ok(sample.documents <= MOST_DOCUMENTS, `${when} the tab holds ${sample.documents} documents: discarded embed previews, each a whole explorer, pile up until the tab crashes`);
      assert.ok(sample.nodes <= MOST_NODES, `${when} the tab holds ${sample.nodes} DOM nodes (at most ${MOST_NODES} expected)`);
      assert.ok(sample.heapMB - start.heapMB <= MOST_HEAP_GROWTH_MB, `${when} the JavaScript heap grew by ${(sample.heapMB - start.heapMB).toFixed(1)} MB`);
    }
    // After the storm the explorer still answers and draws.
    await page.setViewportSize({ width: 1280, height: 800 });
    // The storm may have left every series or year of the view switched off, which rightly
    // draws nothing: the reader's own way back (the values, as lines, and "All" in each group)
    // must draw the chart again.
    await page.evaluate(async () => {
      await window.ICTExplorer.setState({ view: 'market', transform: 'level', chart: 'line' });
      for (const id of ['ctl-series-all', 'ctl-category-all']) document.getElementById(id)?.click();
    });
    await page
      .waitForFunction(() => window.ICTExplorer.marks().length > 0, null, { timeout: 5_000 })
      .catch(async (error) => {
        const state = await page.evaluate(() => JSON.stringify(window.ICTExplorer.getState()));
        throw new Error(`after the storm the Market chart draws nothing, in the state ${state}`, { cause: error });
      });
  } finally {
    await context.close();
  }
});
