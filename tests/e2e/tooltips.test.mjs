// Tooltips on the chart, in the single file: hovering a value, or tapping it on a touch screen,
// shows its series, year, value and status beside it; moving away, tapping elsewhere and
// Escape hide it; hovering rewrites nothing and redraws nothing; a redraw never leaves a
// tooltip about a value that is gone. Positions come from `ICTExplorer.marks()`, the layout
// the core recorded while drawing; what the tooltip must say comes from the table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { READY, SINGLE_FILE_URL, launchBrowser, openExplorer, watch } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The chart's marks, each with what the table says of its value: series, year, number, status. */
async function marks(page) {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('#table table.data tbody tr')];
    const years = [...document.querySelectorAll('#table table.data thead th')].slice(1).map((cell) => cell.textContent);
    return ICTExplorer.marks().map((mark) => {
      const row = rows[mark.series];
      const cell = row?.querySelectorAll('td')[mark.point];
      // The cell's own text, without the note's reference mark.
      const number = cell ? [...cell.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('') : null;
      return {
        ...mark,
        label: row?.querySelector('th').textContent,
        year: years[mark.point],
        number,
        status: /status-(\w+)/.exec(cell?.className ?? '')?.[1],
        statusWords: cell?.querySelector('sup a')?.title ?? null,
      };
    });
  });
}

/** The middle of a mark in the page's coordinates. */
async function onPage(page, mark) {
  await page.locator('#chart').scrollIntoViewIfNeeded();
  const box = await page.locator('#chart').boundingBox();
  const { area } = mark;
  const [x, y] = area.kind === 'point' ? [area.x, area.y] : [(area.x0 + area.x1) / 2, (area.y0 + area.y1) / 2];
  return { x: box.x + x, y: box.y + y };
}

/** The tooltip as a reader sees it. */
async function tooltip(page) {
  return page.evaluate(() => {
    const tip = document.getElementById('tooltip');
    const box = tip.getBoundingClientRect();
    const chart = tip.parentElement.getBoundingClientRect();
    return {
      shown: !tip.hidden && box.width > 0,
      text: tip.textContent,
      status: tip.querySelector('.tip-status')?.className ?? '',
      box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
      chart: { left: chart.left, top: chart.top, right: chart.right, bottom: chart.bottom },
      focused: document.activeElement === tip || tip.contains(document.activeElement),
    };
  });
}

const shows = (page) => page.waitForFunction(() => !document.getElementById('tooltip').hidden, null, { timeout: 2000 });
const hides = (page) => page.waitForFunction(() => document.getElementById('tooltip').hidden, null, { timeout: 2000 });

/** How far a point is from a box (0 inside it). */
function distance({ x, y }, box) {
  const dx = Math.max(box.left - x, 0, x - box.right);
  const dy = Math.max(box.top - y, 0, y - box.bottom);
  return Math.hypot(dx, dy);
}

/** Checks that the tooltip shown for `mark`, pointed at from `at`, says what the table says. */
function assertNames(tip, mark, at, where, reach) {
  assert.ok(tip.shown, `${where}: no tooltip for ${mark.label} ${mark.year}`);
  for (const [what, text] of [['series', mark.label], ['year', mark.year], ['value', mark.number]]) {
    assert.ok(text && tip.text.includes(text), `${where}: the tooltip of ${mark.label} ${mark.year} does not give its ${what} "${text}": "${tip.text}"`);
  }
  assert.ok(tip.status.includes(`status-${mark.status}`), `${where}: the tooltip of ${mark.label} ${mark.year} gives another status than the table's ${mark.status}: ${tip.status}`);
  if (mark.statusWords) {
    assert.ok(tip.text.includes(mark.statusWords), `${where}: the tooltip of ${mark.label} ${mark.year} does not say "${mark.statusWords}": "${tip.text}"`);
  }
  const away = distance(at, tip.box);
  assert.ok(away <= reach, `${where}: the tooltip of ${mark.label} ${mark.year} is ${away.toFixed(0)} px from the pointer`);
  const { box, chart } = tip;
  assert.ok(
    box.left >= chart.left - 1 && box.right <= chart.right + 1 && box.top >= chart.top - 1 && box.bottom <= chart.bottom + 1,
    `${where}: the tooltip of ${mark.label} ${mark.year} sticks out of the chart: ${JSON.stringify(tip.box)} in ${JSON.stringify(tip.chart)}`,
  );
  assert.ok(!tip.focused, `${where}: the tooltip took the keyboard focus`);
}

/** A few marks worth hovering: the first, the last, and the first that is not clean. */
function sample(all) {
  const picked = [all[0], all[all.length - 1], all.find((mark) => mark.status !== 'clean')];
  return [...new Set(picked.filter(Boolean))];
}

const charts = [
  { query: 'view=ownership', what: 'lines' },
  { query: 'view=ownership&chart=bars', what: 'bars' },
  { query: 'view=ownership&chart=stacked', what: 'stacked bars' },
  { query: 'view=rd', what: 'the R&D comparison' },
  { query: 'view=trade&topic=exports_2004', what: 'a topic of the prose' },
];

for (const { query, what } of charts) {
  test(`${what}: hovering a value shows its tooltip beside it, moving away hides it`, async () => {
    const { context, page, seen } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?${query}` });
    try {
      const all = await marks(page);
      assert.ok(all.length > 0, `${what}: the chart reports no marks`);
      for (const mark of sample(all)) {
        const at = await onPage(page, mark);
        await page.mouse.move(at.x, at.y);
        await shows(page).catch(() => assert.fail(`${what}: hovering ${mark.label} ${mark.year} shows no tooltip`));
        assertNames(await tooltip(page), mark, at, what, 40);
        // Away from the chart the tooltip goes.
        await page.mouse.move(2, 2);
        await hides(page).catch(() => assert.fail(`${what}: the tooltip stays after the pointer left the chart`));
      }
      assert.deepEqual(seen.errors, [], `${what}: errors:\n${seen.errors.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

test('hovering rewrites nothing and redraws nothing; an empty spot and Escape hide the tooltip', async () => {
  const { context, page, seen } = await openExplorer(browser);
  try {
    const all = await marks(page);
    const before = await page.evaluate(() => {
      window.changedOutsideTooltip = 0;
      new MutationObserver((records) => {
        window.changedOutsideTooltip += records.filter((record) => !record.target.closest?.('#tooltip') && record.target.id !== 'tooltip').length;
      }).observe(document.getElementById('app'), { subtree: true, childList: true, attributes: true, characterData: true });
      return document.getElementById('chart').toDataURL();
    });
    for (const mark of all.slice(0, 12)) {
      const at = await onPage(page, mark);
      await page.mouse.move(at.x, at.y);
      await shows(page);
    }
    // The chart's top left corner holds no value.
    const box = await page.locator('#chart').boundingBox();
    await page.mouse.move(box.x + 3, box.y + 3);
    await hides(page).catch(() => assert.fail('the tooltip stays over an empty part of the chart'));
    const after = await page.evaluate(() => ({ changed: window.changedOutsideTooltip, pixels: document.getElementById('chart').toDataURL() }));
    assert.equal(after.changed, 0, 'hovering changed the page outside the tooltip');
    assert.equal(after.pixels, before, 'hovering redrew the chart');

    const at = await onPage(page, all[0]);
    await page.mouse.move(at.x, at.y);
    await shows(page);
    const state = await page.evaluate(() => location.search);
    await page.keyboard.press('Escape');
    await hides(page).catch(() => assert.fail('Escape does not close the tooltip'));
    assert.equal(await page.evaluate(() => location.search), state, 'Escape on the tooltip also changed the view');
    assert.deepEqual(seen.errors, [], `errors:\n${seen.errors.join('\n')}`);
  } finally {
    await context.close();
  }
});

test('a redraw never leaves a tooltip about a value that is no longer drawn', async () => {
  const { context, page, seen } = await openExplorer(browser);
  try {
    const all = await marks(page);
    const mark = all.find((candidate) => candidate.series_id === 'state_owned') ?? all[0];
    const at = await onPage(page, mark);
    await page.mouse.move(at.x, at.y);
    await shows(page);
    // A script switches the hovered series off while the pointer rests on it.
    const others = (await page.evaluate(() => ICTExplorer.getState().series)).filter((id) => id !== mark.series_id);
    await page.evaluate((series) => ICTExplorer.setState({ series }), others);
    const tip = await tooltip(page);
    const now = await marks(page);
    assert.ok(!now.some((candidate) => candidate.series_id === mark.series_id), 'the series is still drawn');
    if (tip.shown) {
      assert.ok(!tip.text.includes(mark.label), `the tooltip still shows ${mark.label}, which is no longer drawn: "${tip.text}"`);
    }
    assert.deepEqual(seen.errors, [], `errors:\n${seen.errors.join('\n')}`);
  } finally {
    await context.close();
  }
});

test('on a touch screen a tap shows the tooltip, and a tap elsewhere hides it', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const seen = watch(page);
  try {
    await page.goto(`${SINGLE_FILE_URL}?view=ownership&chart=bars`);
    await page.waitForSelector(READY, { timeout: 20_000 });
    const all = await marks(page);
    const mark = all.find((candidate) => candidate.area.y1 - candidate.area.y0 > 8) ?? all[0];
    const at = await onPage(page, mark);
    await page.touchscreen.tap(at.x, at.y);
    await shows(page).catch(() => assert.fail(`tapping ${mark.label} ${mark.year} shows no tooltip`));
    assertNames(await tooltip(page), mark, at, 'touch', 60);
    // Lifting the finger keeps it; a tap on the chart's empty corner hides it.
    await page.waitForTimeout(300);
    assert.ok((await tooltip(page)).shown, 'the tooltip went as soon as the finger lifted');
    const box = await page.locator('#chart').boundingBox();
    await page.touchscreen.tap(box.x + 3, box.y + 3);
    await hides(page).catch(() => assert.fail('a tap on an empty part of the chart leaves the tooltip'));
    // A tap outside the chart hides it too.
    await page.touchscreen.tap(at.x, at.y);
    await shows(page);
    const summary = await page.locator('#summary').boundingBox();
    await page.touchscreen.tap(summary.x + 5, summary.y + 5);
    await hides(page).catch(() => assert.fail('a tap outside the chart leaves the tooltip'));
    assert.deepEqual(seen.errors, [], `touch: errors:\n${seen.errors.join('\n')}`);
  } finally {
    await context.close();
  }
});

/** The contrast ratio of two CSS colours in rgb() form, by WCAG's formula. */
function contrast(first, second) {
  const luminance = (color) => {
    const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

const modes = [
  { name: 'light', query: '', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'dark', query: '', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { name: 'presentation at 1920', query: '?present=1', colorScheme: 'light', viewport: { width: 1920, height: 1080 } },
  { name: 'presentation at 1920, dark', query: '?present=1', colorScheme: 'dark', viewport: { width: 1920, height: 1080 } },
];

for (const { name, query, colorScheme, viewport } of modes) {
  test(`${name}: the tooltip's text has a contrast of at least 4.5:1`, async () => {
    const { context, page } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}${query}`, colorScheme, viewport });
    try {
      const all = await marks(page);
      const mark = all.find((candidate) => candidate.status !== 'clean') ?? all[0];
      const at = await onPage(page, mark);
      await page.mouse.move(at.x, at.y);
      await shows(page);
      assertNames(await tooltip(page), mark, at, name, 40 * (query ? 2 : 1));
      const colours = await page.evaluate(() => {
        const tip = document.getElementById('tooltip');
        const background = getComputedStyle(tip).backgroundColor;
        return [...tip.querySelectorAll('p, strong')].map((element) => ({
          text: element.textContent,
          color: getComputedStyle(element).color,
          size: parseFloat(getComputedStyle(element).fontSize),
          background,
        }));
      });
      for (const { text, color, background, size } of colours) {
        const ratio = contrast(color, background);
        assert.ok(ratio >= 4.5, `${name}: "${text}" is at ${ratio.toFixed(2)}:1 (${color} on ${background})`);
        if (query) assert.ok(size >= 24, `${name}: "${text}" is ${size} px on a projector`);
      }
    } finally {
      await context.close();
    }
  });
}
