// WCAG 2.2 AA, checked by axe-core in every view and every way the page is shown: light, dark,
// presentation mode on a 1920×1080 projector, an embed, and a 360 px phone (and in Chinese: light,
// dark, a 1024×768 projector and the phone), each with every
// <details> open so that nothing hides from the check. Beyond axe: the focus ring's contrast,
// the single-key shortcuts' off switch, focus after a view change, and the phone's sticky chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, ROOT, SINGLE_FILE_URL, READY, watch } from './helpers.mjs';

const VIEWS = ['ownership', 'fdi', 'market', 'exports', 'rd', 'trade', 'quality'];

// The page's ways of being shown: the link's own switches, the viewport and the colour scheme.
const MODES = [
  { name: 'light', query: '', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { name: 'dark', query: '', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { name: 'presentation at 1920', query: '&present=1', viewport: { width: 1920, height: 1080 }, colorScheme: 'light' },
  { name: 'embed', query: '&embed=1', viewport: { width: 720, height: 600 }, colorScheme: 'light' },
  { name: 'phone at 360 px', query: '', viewport: { width: 360, height: 740 }, colorScheme: 'light', isMobile: true, hasTouch: true },
  // The same in Chinese, whose words are longer or shorter and whose language must be named.
  { name: 'Chinese, light', query: '&lang=zh', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { name: 'Chinese, dark', query: '&lang=zh', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { name: 'Chinese, presentation at 1024', query: '&present=1&lang=zh', viewport: { width: 1024, height: 768 }, colorScheme: 'light' },
  { name: 'Chinese, phone at 360 px', query: '&lang=zh', viewport: { width: 360, height: 740 }, colorScheme: 'light', isMobile: true, hasTouch: true },
];

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let browser;
let axeSource;
before(async () => {
  browser = await launchBrowser();
  axeSource = await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
});
after(() => browser?.close());

/** Opens the single file with `query`; the page's own policy stays on, axe is added beside it. */
async function open(mode, query) {
  const { viewport, colorScheme, isMobile = false, hasTouch = false } = mode;
  const context = await browser.newContext({ viewport, colorScheme, isMobile, hasTouch, bypassCSP: true });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${SINGLE_FILE_URL}?${query}`);
  await page.waitForSelector(READY, { timeout: 20_000 });
  return { context, page, seen };
}

/** One line per offending element, as a developer would look for it. */
function describe(violations) {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 4).map((node) => `      ${node.target.join(' ')}: ${node.failureSummary.split('\n').slice(1, 2).join('').trim()}`);
      return `  ${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${violation.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

for (const mode of MODES) {
  test(`axe-core finds no WCAG 2.2 AA or best-practice violation in any view (${mode.name})`, async () => {
    const failures = [];
    const { context, page, seen } = await open(mode, `view=ownership${mode.query}`);
    await page.evaluate(axeSource);
    for (const view of VIEWS) {
      await page.evaluate((id) => window.ICTExplorer.setState({ view: id }), view);
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => { details.open = true; }));
      // The embed preview is a page of its own, checked as the embed mode.
      const result = await page.evaluate(
        (tags) => window.axe.run({ exclude: [['#embed-preview']] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        TAGS,
      );
      if (result.violations.length) failures.push(`${view}:\n${describe(result.violations)}`);
    }
    assert.deepEqual(seen.errors, [], 'the page reported errors while it was checked');
    await context.close();
    assert.equal(failures.length, 0, `A reader using assistive technology or low vision meets these problems (${mode.name}):\n${failures.join('\n')}`);
  });
}

/** The contrast ratio of two CSS colours `rgb(r, g, b)`, as WCAG computes it. */
function contrast(one, two) {
  const luminance = (css) => {
    const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((channel) => {
      const c = Number(channel) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(one), luminance(two)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

test('the focus ring stands out at 3:1 or more, on the page and on switched-off legend entries, in both schemes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await open({ viewport: { width: 1280, height: 800 }, colorScheme }, 'view=ownership');
    // Two series start switched off; focus one by keyboard so that :focus-visible applies.
    const off = page.locator('.legend-series button[aria-pressed=false]').first();
    await off.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const colours = await page.evaluate(() => {
      const focused = document.activeElement;
      const style = getComputedStyle(focused);
      return { ring: style.outlineColor, width: style.outlineWidth, page: getComputedStyle(document.body).backgroundColor, text: style.color, pressed: focused.getAttribute('aria-pressed') };
    });
    await context.close();
    assert.equal(colours.pressed, 'false', 'the keyboard did not land on a switched-off legend entry');
    assert.ok(parseFloat(colours.width) >= 2, `the focus ring is only ${colours.width} wide (${colorScheme})`);
    const ratio = contrast(colours.ring, colours.page);
    assert.ok(ratio >= 3, `the focus ring ${colours.ring} is ${ratio.toFixed(2)}:1 on ${colours.page} (${colorScheme}); a keyboard user loses their place`);
    const text = contrast(colours.text, colours.page);
    assert.ok(text >= 4.5, `a switched-off legend entry's text is ${text.toFixed(2)}:1 (${colorScheme})`);
  }
});

test('single-key shortcuts act only once they are switched on (WCAG 2.1.4), and a view change puts the focus on its title', async () => {
  const { context, page, seen } = await open(MODES[0], 'view=ownership');
  const view = () => page.evaluate(() => window.ICTExplorer.getState().view);
  await page.focus('#present');
  await page.keyboard.press('3');
  assert.equal(await view(), 'ownership', 'the key 3 switched views although shortcuts are off');
  await page.check('#keys');
  await page.focus('#present');
  await page.keyboard.press('3');
  assert.equal(await view(), 'market', 'with shortcuts on, the key 3 did not open the third view');
  await page.uncheck('#keys');
  // "see Data quality" leaves the view, and the link with it: the keyboard starts again at the new view's title.
  await page.evaluate(() => window.ICTExplorer.setState({ view: 'ownership' }));
  const link = page.locator('.table-findings button[value=quality]');
  await link.focus();
  await page.keyboard.press('Enter');
  assert.equal(await view(), 'quality');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'view-title', 'after "see Data quality" the focus fell back to the top of the page');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the page reads in the order it is drawn, at every width', async () => {
  for (const width of [360, 800, 1280]) {
    const { context, page } = await open({ viewport: { width, height: 900 } }, 'view=ownership');
    const boxes = await page.evaluate(() =>
      ['#tabs', '#view-title', '#legend', '#chart', '#summary', '#controls', '#stats', '#table'].map((selector) => {
        const box = document.querySelector(selector).getBoundingClientRect();
        return { selector, top: box.top + scrollY, left: box.left, right: box.right, bottom: box.bottom + scrollY };
      }),
    );
    await context.close();
    for (let i = 1; i < boxes.length; i++) {
      const [before, after] = [boxes[i - 1], boxes[i]];
      // The next part is below the previous one, or beside it to the right.
      const below = after.top >= before.top - 1;
      const beside = after.left >= before.right - 1;
      assert.ok(below || beside, `at ${width} px, ${after.selector} is drawn above and left of ${before.selector}, which the keyboard and screen readers reach first`);
    }
  }
});

test('presentation mode fits a 320 px screen without sideways scrolling', async () => {
  const { context, page } = await open({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true }, 'view=ownership&present=1');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await context.close();
  assert.ok(width <= 320, `presentation mode at 320 px is ${width} px wide`);
});

test('the chart is named once: the picture by its title, the summary as its description; Play keeps the live region quiet', async () => {
  const { context, page } = await open(MODES[0], 'view=ownership');
  const { label, summary, live } = await page.evaluate(() => ({
    label: document.getElementById('chart').getAttribute('aria-label'),
    summary: document.getElementById('summary').textContent,
    live: document.getElementById('summary').getAttribute('aria-live'),
  }));
  assert.ok(summary.length > 40 && !label.includes(summary.slice(0, 40)), `the canvas's name repeats the summary: ${label}`);
  assert.equal(live, 'polite');
  await page.click('#ctl-play');
  assert.equal(await page.getAttribute('#summary', 'aria-live'), 'off', 'while Play runs, every year would be read aloud');
  await page.click('#ctl-play');
  assert.equal(await page.getAttribute('#summary', 'aria-live'), 'polite', 'after Play stops, the summary no longer speaks');
  await context.close();
});

test('in forced colours (high contrast) the legend swatches keep the chart colours', async () => {
  const { context, page } = await open(MODES[0], 'view=ownership');
  await page.emulateMedia({ forcedColors: 'active' });
  const colours = await page.$$eval('.legend-series button[aria-pressed=true] .swatch', (swatches) => swatches.map((swatch) => getComputedStyle(swatch).backgroundColor));
  await context.close();
  assert.ok(colours.length >= 3, 'no legend swatches found');
  assert.equal(new Set(colours).size, colours.length, `the swatches lost their colours: ${colours.join(', ')}`);
});

test('on a phone the chart stays in view while the controls are used, the active tab is on screen, and targets are large enough', async () => {
  const phone = MODES[4];
  const { context, page, seen } = await open(phone, 'view=ownership');
  // Scroll the way a thumb would, to the last enterprise type's checkbox, and tap it.
  for (const id of ['#ctl-series-private', '#ctl-category-2005']) {
    // Scroll the way a thumb would, until the control is just above the bottom of the screen.
    await page.evaluate((selector) => {
      const rect = document.querySelector(selector).getBoundingClientRect();
      scrollBy(0, rect.bottom - innerHeight + 40);
    }, id);
    const free = await page.evaluate((selector) => {
      const rect = document.querySelector(selector).getBoundingClientRect();
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      return Boolean(hit?.closest('label')?.contains(document.querySelector(selector)));
    }, id);
    assert.ok(free, `on a phone the chart covers ${id}, so it cannot be tapped`);
  }
  const before = await page.evaluate(() => window.ICTExplorer.getState().years.length);
  await page.tap('#ctl-category-2005');
  assert.equal(await page.evaluate(() => window.ICTExplorer.getState().years.length), before - 1, 'tapping the last year did nothing');
  const chart = await page.evaluate(() => {
    const rect = document.getElementById('chart').getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, height: innerHeight };
  });
  assert.ok(chart.top >= -1 && chart.bottom <= chart.height + 1, `after tapping a year the chart is off screen (top ${chart.top}, bottom ${chart.bottom}, screen ${chart.height})`);
  await page.evaluate(() => window.ICTExplorer.setState({ view: 'quality' }));
  const tab = await page.evaluate(() => {
    const tab = document.getElementById('tab-quality').getBoundingClientRect();
    const strip = document.getElementById('tab-quality').parentElement.getBoundingClientRect();
    return { left: tab.left, right: tab.right, stripLeft: strip.left, stripRight: strip.right };
  });
  assert.ok(tab.left >= tab.stripLeft - 1 && tab.right <= tab.stripRight + 1, `the selected tab is off screen in the tab strip: ${JSON.stringify(tab)}`);
  await page.evaluate(() => window.ICTExplorer.setState({ view: 'ownership' }));
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, select, summary, input[type=text], input[type=search], fieldset label')]
      .filter((element) => element.offsetParent !== null && !element.closest('[popover]'))
      .map((element) => ({ element: element.id || element.textContent.trim().slice(0, 30) || element.tagName, height: element.getBoundingClientRect().height }))
      .filter((target) => target.height < 24),
  );
  assert.deepEqual(small, [], 'targets under 24 px on a phone');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the glossary and a definition pass axe when open, and Esc closes a definition without leaving the story', async () => {
  const { context, page, seen } = await open(MODES[2], 'story=ning&step=2&present=1');
  await page.evaluate(axeSource);
  await page.click('#glossary-toggle');
  assert.ok(await page.isVisible('#glossary dt#term-sce'), 'the Glossary button did not open the glossary');
  let result = await page.evaluate((tags) => window.axe.run({ include: [['#glossary']] }, { runOnly: { type: 'tag', values: tags } }), TAGS);
  assert.equal(result.violations.length, 0, describe(result.violations));
  await page.keyboard.press('Escape');
  assert.ok(!(await page.isVisible('#glossary')), 'Esc did not close the glossary');
  const term = page.locator('#story button.term').first();
  assert.ok(await term.count(), 'the step caption offers no definition of its terms');
  await term.click();
  const shownDefinition = page.locator("[popover].definition:popover-open");
  assert.equal(await shownDefinition.count(), 1, 'the term did not open its definition');
  result = await page.evaluate((tags) => window.axe.run({ include: [['.definition:popover-open']] }, { runOnly: { type: 'tag', values: tags } }), TAGS);
  assert.equal(result.violations.length, 0, describe(result.violations));
  await page.keyboard.press('Escape');
  assert.equal(await shownDefinition.count(), 0, 'Esc did not close the definition');
  assert.equal(await page.evaluate(() => window.ICTExplorer.getState().story), 'ning', 'Esc on a definition also left the story');
  assert.deepEqual(seen.errors, []);
  await context.close();
});
