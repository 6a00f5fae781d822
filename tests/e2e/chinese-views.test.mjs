// The six chart views in Chinese (?lang=zh): the header, tabs, controls, legend, title,
// summary, key figures and downloads hold no English outside elements marked lang="en", the
// summary and tooltips group large numbers by 万/亿, a bad link's message is Chinese, and the
// header's switch leads to the same view in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, SINGLE_FILE_URL, READY } from './helpers.mjs';
import { untranslated } from './chinese.mjs';

/** The page's regions this test holds to Chinese (the notes and findings are checked elsewhere). */
const REGIONS = ['header.site', '#tabs', '#controls', '#legend', '#view-title', '#summary', '#stats', '.downloads', '#message'];

const VIEWS = ['ownership', 'fdi', 'market', 'exports', 'rd', 'trade'];

/** The Latin words of a text, but for the acronyms a Chinese text keeps. */
const english = (text) => (text.match(/[A-Za-z][A-Za-z&$]*/g) ?? []).filter((word) => !/^(ICT|FDI|R&D|US\$|OCR)$/.test(word));

test('every chart view speaks Chinese in its interface, with 万/亿 in its summary', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const view of VIEWS) {
      await page.goto(`${SINGLE_FILE_URL}?view=${view}&lang=zh`);
      await page.waitForSelector(READY);
      // Everything outside the regions is hidden from the check, which skips [hidden].
      await page.evaluate((regions) => {
        const keep = [...document.querySelectorAll(regions.join(','))];
        for (const element of document.body.querySelectorAll('*')) {
          const inside = keep.some((region) => region.contains(element) || element.contains(region));
          if (!inside) element.setAttribute('hidden', '');
        }
      }, REGIONS);
      const english = await untranslated(page);
      assert.deepEqual(english, [], `A Chinese reader of view=${view} still sees English: ${english.join(' | ')}`);
    }
    await page.goto(`${SINGLE_FILE_URL}?view=fdi&lang=zh`);
    await page.waitForSelector(READY);
    const summary = await page.textContent('#summary');
    assert.match(summary, /86\.37亿美元/, `FDI's 8,637 million US$ should read 86.37亿美元 in the summary: ${summary}`);
    // The tooltip of FDI's largest bar (2004's 8,637 million US$) says it the same way.
    const largest = await page.evaluate(() => ICTExplorer.marks().at(-1).area);
    const box = await page.locator('#chart').boundingBox();
    await page.mouse.move(box.x + (largest.x0 + largest.x1) / 2, box.y + (largest.y0 + largest.y1) / 2);
    await page.waitForSelector('#tooltip:not([hidden])');
    // The cell's note (the last paragraph) is the notes' translators' to check.
    const tip = await page.$$eval('#tooltip > :not(.tip-note)', (parts) => parts.map((part) => part.textContent).join(' '));
    assert.match(tip, /86\.37亿美元/, `hovering FDI's 2004 bar should show 86.37亿美元: ${tip}`);
    assert.deepEqual(english(tip), [], `the tooltip should be Chinese: ${tip}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans', 'screen readers should be told the page is Chinese');
    const href = await page.getAttribute('#lang-switch', 'href');
    assert.equal(href, '?view=fdi', `the switch should open this view in English, not ${href}`);
    await page.goto(`${SINGLE_FILE_URL}?view=nope&lang=zh`);
    await page.waitForSelector(READY);
    const message = await page.textContent('#message');
    assert.match(message, /“nope”不存在/, `a bad view in the link should be explained in Chinese: ${message}`);
  } finally {
    await browser.close();
  }
});
