// The explorer in Chinese (`?lang=zh`), in the single file: every view, the story's steps and the
// glossary show no English outside elements marked lang="en" (chinese.mjs lists the states), the
// page names its language, large numbers in summaries and tooltips are grouped by 万 and 亿, and
// no text the chart draws runs off the canvas or over another. (axe in Chinese: a11y.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, SINGLE_FILE_URL, READY, watch } from './helpers.mjs';
import { VIEWS, untranslatedByState } from './chinese.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** A number of 10,000 or more written out in digits (years are four digits, so never match). */
const LARGE_IN_DIGITS = /(?<![\d.,])(?:\d{2,3}(?:,\d{3})+|\d(?:,\d{3}){2,}|\d{5,})(?:\.\d+)?(?![\d.,]*[万亿])/;

test('in Chinese, every view, story step and the glossary show no English outside elements marked lang="en"', async () => {
  const found = (await untranslatedByState(browser)).filter(({ english }) => english.length);
  const said = found.map(({ name, english }) => `  ${name}: ${english.slice(0, 12).map((text) => JSON.stringify(text.slice(0, 80))).join(', ')}${english.length > 12 ? ` and ${english.length - 12} more` : ''}`);
  assert.equal(found.length, 0, `A Chinese reader still meets English words (run node tests/e2e/chinese.mjs for the whole list):\n${said.join('\n')}`);
});

test('in Chinese, the page and the views it builds name their language for screen readers', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(`${SINGLE_FILE_URL}?view=quality&lang=zh`);
  await page.waitForSelector(READY);
  const langs = await page.evaluate(() => ({
    root: document.documentElement.lang,
    english: [...document.querySelectorAll('[lang]')].filter((element) => element !== document.documentElement).map((element) => element.lang),
    switchTo: document.getElementById('lang-switch')?.getAttribute('hreflang') ?? null,
  }));
  assert.equal(langs.root, 'zh-Hans', 'the page does not say it is in Chinese, so a screen reader reads it with an English voice');
  assert.ok(langs.english.every((lang) => ['en', 'zh-Hans'].includes(lang)), `elements name languages other than en and zh-Hans: ${[...new Set(langs.english)]}`);
  assert.deepEqual(seen.errors, [], 'the page reported errors');
  await page.goto(`${SINGLE_FILE_URL}?view=fdi`);
  await page.waitForSelector(READY);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'an English page says it is in another language');
  await page.close();
});

test('in Chinese, summaries and tooltips write large numbers with 万 and 亿, not in long digits', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  let grouped = 0;
  for (const view of VIEWS.filter((id) => id !== 'quality')) {
    await page.goto(`${SINGLE_FILE_URL}?view=${view}&lang=zh`);
    await page.waitForSelector(READY);
    const summary = await page.textContent('#summary');
    if (LARGE_IN_DIGITS.test(summary)) problems.push(`${view}'s summary: "${LARGE_IN_DIGITS.exec(summary)[0]}" in "${summary.slice(0, 160)}…"`);
    if (/[万亿]/.test(summary)) grouped++;
    // The largest value drawn, hovered.
    const marks = await page.evaluate(() => ICTExplorer.marks());
    if (!marks.length) continue;
    const largest = marks.reduce((best, mark) => (Math.abs(mark.value ?? 0) > Math.abs(best.value ?? 0) ? mark : best));
    await page.locator('#chart').scrollIntoViewIfNeeded();
    const box = await page.locator('#chart').boundingBox();
    const { area } = largest;
    const [x, y] = area.kind === 'point' ? [area.x, area.y] : [(area.x0 + area.x1) / 2, (area.y0 + area.y1) / 2];
    await page.mouse.move(box.x + x, box.y + y);
    await page.waitForFunction(() => !document.getElementById('tooltip').hidden, null, { timeout: 2000 }).catch(() => {});
    const tip = await page.textContent('#tooltip');
    if (LARGE_IN_DIGITS.test(tip)) problems.push(`${view}'s tooltip: "${LARGE_IN_DIGITS.exec(tip)[0]}" in "${tip}"`);
    if (/[万亿]/.test(tip)) grouped++;
    await page.mouse.move(1, 1);
  }
  await page.close();
  assert.deepEqual(problems, [], 'A Chinese reader meets large numbers in long digits instead of 万 and 亿');
  assert.ok(grouped >= 2, `only ${grouped} of the summaries and tooltips used 万 or 亿, though FDI's inflows run to billions of US$`);
});

/** An init script: records each text the chart's canvas draws, with its box in canvas pixels. */
function recordTextBoxes() {
  window.__textBoxes = [];
  // Each drawing starts by filling the whole canvas with its background: the texts of the
  // last drawing alone are kept.
  const fillRect = CanvasRenderingContext2D.prototype.fillRect;
  CanvasRenderingContext2D.prototype.fillRect = function (x, y, width, height) {
    if (this.canvas.id === 'chart' && x <= 0 && y <= 0 && x + width >= this.canvas.width && y + height >= this.canvas.height) window.__textBoxes = [];
    return fillRect.call(this, x, y, width, height);
  };
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    if (this.canvas.id === 'chart') {
      const metrics = this.measureText(text);
      const left = x - metrics.actualBoundingBoxLeft;
      const right = x + metrics.actualBoundingBoxRight;
      const top = y - metrics.actualBoundingBoxAscent;
      const bottom = y + metrics.actualBoundingBoxDescent;
      const { a, b, c, d, e, f } = this.getTransform();
      const corners = [[left, top], [right, top], [left, bottom], [right, bottom]].map(([px, py]) => [a * px + c * py + e, b * px + d * py + f]);
      const xs = corners.map(([px]) => px);
      const ys = corners.map(([, py]) => py);
      window.__textBoxes.push({
        text: String(text),
        rotated: Math.abs(b) > 1e-6,
        box: { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) },
        canvas: { width: this.canvas.width, height: this.canvas.height },
      });
    }
    return fillText.call(this, text, x, y, ...rest);
  };
}

const SIZES = [
  { name: 'laptop', viewport: { width: 1280, height: 800 } },
  { name: 'projector 1024×768', viewport: { width: 1024, height: 768 }, query: '&present=1' },
  { name: 'phone', viewport: { width: 360, height: 740 }, isMobile: true },
];

test('in Chinese, no text the chart draws runs off the canvas or over another text', async () => {
  const problems = [];
  for (const { name, viewport, query = '', isMobile = false } of SIZES) {
    const context = await browser.newContext({ viewport, isMobile });
    await context.addInitScript(recordTextBoxes);
    const page = await context.newPage();
    for (const view of VIEWS.filter((id) => id !== 'quality')) {
      await page.goto(`${SINGLE_FILE_URL}?view=${view}&lang=zh${query}`);
      await page.waitForSelector(READY);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
      const drawn = await page.evaluate(() => window.__textBoxes);
      const texts = drawn.filter(({ text }) => text.trim());
      if (!texts.some(({ text }) => /[\u4e00-\u9fff]/.test(text))) problems.push(`${name}, ${view}: the chart draws no Chinese text`);
      for (const { text, box, canvas } of texts) {
        if (box.left < -1 || box.top < -1 || box.right > canvas.width + 1 || box.bottom > canvas.height + 1) {
          problems.push(`${name}, ${view}: "${text}" runs off the canvas (${box.left.toFixed(0)}–${box.right.toFixed(0)} × ${box.top.toFixed(0)}–${box.bottom.toFixed(0)} in ${canvas.width}×${canvas.height})`);
        }
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const [one, two] = [texts[i].box, texts[j].box];
          const overlapX = Math.min(one.right, two.right) - Math.max(one.left, two.left);
          const overlapY = Math.min(one.bottom, two.bottom) - Math.max(one.top, two.top);
          if (overlapX > 2 && overlapY > 2 && texts[i].rotated === texts[j].rotated) {
            problems.push(`${name}, ${view}: "${texts[i].text}" and "${texts[j].text}" are drawn over each other`);
          }
        }
      }
    }
    await context.close();
  }
  assert.deepEqual(problems, [], 'A Chinese reader sees chart texts cut off or piled up');
});
