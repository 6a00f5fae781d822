// Layouts by the space they get: the built-in story in presentation mode on every projector and
// screen from 1024×768 to 3840×2160 (the story's buttons clear of its words, the chart's share
// of the screen, its marks and the size of its text, the size of the captions), Data quality as
// a slide, the answer that leaves the chart its size, a phone, and a laptop that shows the whole
// chart when a view opens and after its controls are used. Each size prints one row of a
// summary table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openRecordingChartText } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The projectors and screens of the matrix, smallest first. */
const PROJECTORS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

/** The smallest share of the screen's height the chart's canvas may have. */
const LEAST_CHART_SHARE = 0.45;

/** The smallest text on the chart, in CSS pixels, at a screen of this width. */
const leastChartText = (width) => (width >= 1920 ? 28 : 24);

/** The smallest caption and question at 1920 × 1080, in CSS pixels. */
const LEAST_CAPTION_AT_1920 = 28;

// Records the size of every text the chart's canvas draws, in CSS pixels (the canvas draws at
// devicePixelRatio), before the page's scripts run.
const open = (viewport, query, options) => openRecordingChartText(browser, viewport, query, options);

/** Waits until the chart has been redrawn for its box (the redraw follows a resize by a frame). */
const settle = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 30)))));

// Everything the matrix checks on the step on screen, measured in the page.
function measureStep() {
  const rect = (element) => {
    const box = element.getBoundingClientRect();
    return { left: box.left, top: box.top, right: box.right, bottom: box.bottom, width: box.width, height: box.height };
  };
  const shown = (element) => element && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const named = (selector, name) => [...document.querySelectorAll(selector)].filter(shown).map((element) => ({ name: name(element), box: rect(element) }));
  const label = (element) => (element.textContent.trim() || element.id).slice(0, 30);
  const canvas = document.getElementById('chart');
  const chart = shown(canvas) && !document.getElementById('figure').hidden;
  const px = (selector) => {
    const element = document.querySelector(selector);
    return shown(element) ? parseFloat(getComputedStyle(element).fontSize) : null;
  };
  return {
    // The story bar's moves and the presenter's buttons, which must never cover the step's words.
    controls: [
      ...named('.story-nav button, .story-nav .story-name, .story-nav .story-counter', (element) => `story bar "${label(element)}"`),
      ...named('header.site .header-tools > *', (element) => `header "${label(element)}"`),
    ],
    words: [
      ...named('#step-title', () => 'the step\'s title'),
      ...named('#step-caption', () => 'the caption'),
      ...named('#story .question', () => 'the question'),
    ],
    chart,
    canvas: chart ? rect(canvas) : null,
    marks: chart ? ICTExplorer.marks().length : 0,
    chartText: window.__chartText.map((text) => text.px),
    caption: px('#step-caption'),
    question: px('#story .question'),
    label: px('.story-nav .story-name'),
    // How much of the step's words are scrolled out of their box (presentation mode lets them
    // scroll rather than squeeze the chart; the built-in story's words must all show).
    hiddenWords: (() => {
      const words = document.querySelector('#story .step-text');
      return words ? Math.max(0, words.scrollHeight - words.clientHeight) : 0;
    })(),
    viewport: { width: innerWidth, height: innerHeight },
    pageHeight: document.documentElement.scrollHeight,
    view: ICTExplorer.getState().view,
  };
}

/** The area two boxes share, in square CSS pixels. */
function overlap(a, b) {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0.5 && height > 0.5 ? width * height : 0;
}

/** Walks every step of the built-in story at one size; returns the problems and a summary row. */
async function walkStory(viewport) {
  const { context, page, errors } = await open(viewport, 'story=ning&step=1&present=1');
  const problems = [];
  const row = { size: `${viewport.width}×${viewport.height}`, steps: 0, chartSteps: 0, overlaps: 0, leastShare: Infinity, noMarks: [], leastText: Infinity, caption: null, question: null, label: null };
  try {
    const counter = await page.textContent('#story-counter');
    const count = Number(/of (\d+)/.exec(counter)?.[1]);
    assert.ok(count >= 10, `the built-in story has ${count} steps ("${counter}")`);
    for (let step = 1; step <= count; step++) {
      // Step 1 is on screen since the page opened, and its drawing is recorded already.
      await page.evaluate((step) => {
        if (step === 1) return undefined;
        window.__chartText = [];
        return ICTExplorer.setState({ step });
      }, step);
      await settle(page);
      const seen = await page.evaluate(measureStep);
      const where = `${row.size}, step ${step} (${seen.view})`;
      row.steps += 1;
      for (const control of seen.controls) {
        for (const words of seen.words) {
          if (overlap(control.box, words.box) > 0) {
            row.overlaps += 1;
            problems.push(`${where}: the ${control.name} covers ${words.name}`);
          }
        }
      }
      const story = seen.controls.filter((control) => control.name.startsWith('story'));
      const header = seen.controls.filter((control) => control.name.startsWith('header'));
      for (const a of story) {
        for (const b of header) {
          if (overlap(a.box, b.box) > 0) {
            row.overlaps += 1;
            problems.push(`${where}: the ${a.name} is under the ${b.name}`);
          }
        }
      }
      if (seen.hiddenWords > 1) problems.push(`${where}: ${seen.hiddenWords} px of the step's words are scrolled out of sight`);
      row.caption = seen.caption ?? row.caption;
      row.question = seen.question ?? row.question;
      row.label = seen.label ?? row.label;
      if (!seen.chart) continue;
      row.chartSteps += 1;
      const share = seen.canvas.height / seen.viewport.height;
      row.leastShare = Math.min(row.leastShare, share);
      if (share < LEAST_CHART_SHARE) {
        problems.push(`${where}: the chart is ${Math.round(seen.canvas.height)} px tall, ${(share * 100).toFixed(1)}% of the screen's height (at least ${LEAST_CHART_SHARE * 100}% wanted)`);
      }
      if (seen.canvas.top < -0.5 || seen.canvas.bottom > seen.viewport.height + 0.5 || seen.canvas.right > seen.viewport.width + 0.5) {
        problems.push(`${where}: the chart runs off the screen (${JSON.stringify(seen.canvas)})`);
      }
      if (seen.marks === 0) {
        row.noMarks.push(step);
        problems.push(`${where}: the chart draws no marks (ICTExplorer.marks() is empty)`);
      }
      if (seen.chartText.length === 0) {
        problems.push(`${where}: the chart draws no text`);
      } else {
        const least = Math.min(...seen.chartText);
        row.leastText = Math.min(row.leastText, least);
        if (least < leastChartText(viewport.width) - 0.05) {
          problems.push(`${where}: the chart's smallest text is ${least.toFixed(1)} CSS px (at least ${leastChartText(viewport.width)} wanted)`);
        }
      }
    }
    assert.deepEqual(errors, [], `${row.size}: the page reported errors`);
  } finally {
    await context.close();
  }
  return { problems, row };
}

const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function printTable(rows) {
  const lines = [
    '| screen | steps | chart steps | overlaps | least chart share of height | chart steps without marks | smallest chart text (CSS px) | caption px | question px | story label px |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) =>
      `| ${row.size} | ${row.steps} | ${row.chartSteps} | ${row.overlaps} | ${fixed(row.leastShare * 100)}% | ${row.noMarks.join(', ') || 'none'} | ${fixed(row.leastText)} | ${fixed(row.caption)} | ${fixed(row.question)} | ${fixed(row.label)} |`,
    ),
  ];
  console.log(lines.join('\n'));
}

test('presentation mode from 1024×768 to 3840×2160: words clear of the buttons, the chart large, drawn and readable', async () => {
  const rows = [];
  const problems = [];
  for (const viewport of PROJECTORS) {
    const walked = await walkStory(viewport);
    rows.push(walked.row);
    problems.push(...walked.problems);
  }
  printTable(rows);
  assert.deepEqual(problems, [], `presentation mode went wrong:\n  ${problems.join('\n  ')}`);
  // Captions and questions reach the back row at 1920 × 1080 and grow with the screen.
  const at = (width) => rows.find((row) => row.size.startsWith(`${width}×`));
  for (const part of ['caption', 'question']) {
    assert.ok(at(1920)[part] >= LEAST_CAPTION_AT_1920, `at 1920×1080 the ${part} is ${at(1920)[part]} px (at least ${LEAST_CAPTION_AT_1920} wanted)`);
    assert.ok(at(3840)[part] >= 1.8 * at(1920)[part], `the ${part} is ${at(3840)[part]} px at 3840×2160 against ${at(1920)[part]} px at 1920×1080: it does not grow with the screen`);
    for (let i = 1; i < rows.length; i++) {
      assert.ok(rows[i][part] >= rows[i - 1][part] - 0.5, `the ${part} is smaller at ${rows[i].size} (${rows[i][part]} px) than at ${rows[i - 1].size} (${rows[i - 1][part]} px)`);
    }
  }
  assert.ok(at(1920).label >= 24, `at 1920×1080 the story's name is ${at(1920).label} px`);
});

test('Data quality in a story is a slide in presentation mode, with the full list a click away', async () => {
  const { context, page, errors } = await open({ width: 1920, height: 1080 }, 'story=ning&step=1&present=1');
  try {
    const count = await page.evaluate(() => Number(/of (\d+)/.exec(document.getElementById('story-counter').textContent)[1]));
    // Find the story's step that shows Data quality.
    let quality = 0;
    for (let n = 1; n <= count && !quality; n++) {
      await page.evaluate((n) => ICTExplorer.setState({ step: n }), n);
      if ((await page.evaluate(() => ICTExplorer.getState().view)) === 'quality') quality = n;
    }
    assert.ok(quality > 0, 'no step of the built-in story shows Data quality');
    await settle(page);
    const slide = await page.evaluate(() => {
      const items = [...document.querySelectorAll('.quality-slide .slide-findings li')];
      return {
        findings: items.length,
        px: items.length ? parseFloat(getComputedStyle(items[0]).fontSize) : 0,
        height: document.documentElement.scrollHeight,
        listShown: [...document.querySelectorAll('.quality-section')].some((section) => section.getClientRects().length > 0),
      };
    });
    console.log(`Data quality slide (step ${quality}) at 1920×1080: ${slide.findings} findings at ${slide.px} px, page ${slide.height} px tall`);
    assert.ok(slide.findings >= 3 && slide.findings <= 6, `the slide shows ${slide.findings} findings, not a few`);
    assert.ok(slide.px >= LEAST_CAPTION_AT_1920, `the slide's findings are ${slide.px} px`);
    assert.ok(slide.height <= 1.5 * 1080, `the slide is ${slide.height} px tall: more than a screen`);
    assert.ok(!slide.listShown, 'the full list is on the slide before it is asked for');
    await page.click('.quality-slide .slide-more summary');
    const listShown = await page.evaluate(() => [...document.querySelectorAll('.quality-section')].some((section) => section.getClientRects().length > 0));
    assert.ok(listShown, '"Show the full list" did not show the list');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('"Show answer" leaves the chart its size on a 1366×768 projector', async () => {
  const { context, page } = await open({ width: 1366, height: 768 }, 'story=ning&step=2&present=1');
  try {
    await settle(page);
    const before = await page.evaluate(() => document.getElementById('chart').getBoundingClientRect().height);
    await page.click('#story .question summary');
    await settle(page);
    const after = await page.evaluate(() => {
      const answer = document.querySelector('#story .question .answer').getBoundingClientRect();
      return { chart: document.getElementById('chart').getBoundingClientRect().height, answerShown: answer.height > 0 && answer.top >= 0 && answer.bottom <= innerHeight, marks: ICTExplorer.marks().length };
    });
    console.log(`Show answer at 1366×768: the chart ${Math.round(before)} → ${Math.round(after.chart)} px tall`);
    assert.ok(after.answerShown, 'the answer is not on screen after "Show answer"');
    assert.ok(after.chart >= before - 1, `"Show answer" squeezed the chart from ${before} to ${after.chart} px`);
    assert.ok(after.chart >= LEAST_CHART_SHARE * 768, `with the answer open the chart is ${after.chart} px tall`);
    assert.ok(after.marks > 0, 'with the answer open the chart draws no marks');
  } finally {
    await context.close();
  }
});

test('on a phone, presentation mode keeps its buttons off the story', async () => {
  const { context, page } = await open({ width: 360, height: 780 }, 'story=ning&step=3&present=1', { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    await settle(page);
    const seen = await page.evaluate(measureStep);
    const everything = [...seen.controls, ...seen.words];
    const covered = [];
    for (let i = 0; i < everything.length; i++) {
      for (let j = i + 1; j < everything.length; j++) {
        if (overlap(everything[i].box, everything[j].box) > 0) covered.push(`${everything[i].name} and ${everything[j].name}`);
      }
    }
    assert.deepEqual(covered, [], 'on a 360×780 phone these overlap');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `presentation mode on the phone is ${wide} px wide`);
    assert.ok(seen.marks > 0, 'the phone\'s chart draws no marks');
  } finally {
    await context.close();
  }
});

/** Uses a control as a reader would: ticks a box, picks another option, moves a slider. */
async function use(control) {
  const kind = await control.evaluate((element) => (element.tagName === 'SELECT' ? 'select' : element.type));
  if (kind === 'select') {
    const other = await control.evaluate((element) => [...element.options].find((option) => !option.selected && !option.disabled)?.value);
    await control.selectOption(other);
  } else if (kind === 'range') {
    await control.focus();
    await control.press('ArrowLeft');
  } else {
    await control.click();
  }
  return kind;
}

test('on a laptop every chart view shows its whole chart when it opens and after its last control is used', async () => {
  const problems = [];
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1366, height: 768 }]) {
    const { context, page, errors } = await open(viewport, 'view=ownership');
    try {
      // Every view, and each topic of Trade & output (whose legends differ in height).
      const views = await page.$$eval('#tabs [role=tab]', (tabs) => tabs.map((tab) => tab.value));
      await page.click('#tabs [role=tab][value="trade"]');
      const topics = await page.$$eval('#controls select[name=topic] option', (options) => options.map((option) => option.value));
      assert.ok(topics.length > 1, 'Trade & output offers no topics to choose');
      const opened = views.flatMap((view) => (view === 'trade' ? topics.map((topic) => ({ view, topic })) : [{ view }]));
      let charts = 0;
      for (const { view, topic } of opened) {
        await page.evaluate(() => scrollTo(0, 0));
        await page.click(`#tabs [role=tab][value="${view}"]`);
        if (topic) await page.selectOption('#controls select[name=topic]', topic);
        await page.evaluate(() => scrollTo(0, 0));
        await settle(page);
        const chart = await page.evaluate(() => !document.getElementById('figure').hidden);
        if (!chart) continue;
        charts += 1;
        const where = `${viewport.width}×${viewport.height}, ${view}${topic ? ` (${topic})` : ''}`;
        const inside = () =>
          page.evaluate(() => {
            const box = document.getElementById('chart').getBoundingClientRect();
            return { top: Math.round(box.top), bottom: Math.round(box.bottom), right: Math.round(box.right), height: innerHeight, width: innerWidth, marks: ICTExplorer.marks().length };
          });
        const check = (seen, when) => {
          if (seen.top < 0 || seen.bottom > seen.height || seen.right > seen.width) {
            problems.push(`${where}, ${when}: the chart spans ${seen.top}–${seen.bottom} px of a ${seen.height} px screen`);
          }
          if (seen.marks === 0) problems.push(`${where}, ${when}: the chart draws no marks`);
        };
        check(await inside(), 'on opening');
        // Every select shows its whole choice: no option is wider than the box shows.
        const cut = await page.evaluate(() =>
          [...document.querySelectorAll('#controls select')].flatMap((select) => {
            const style = getComputedStyle(select);
            const context = document.createElement('canvas').getContext('2d');
            context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            // The room for the text: the box less its padding, borders and the arrow.
            const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
            return [...select.options].filter((option) => context.measureText(option.text).width > room).map((option) => `"${option.text}" in ${select.name} (${Math.round(room)} px of room)`);
          }),
        );
        for (const option of cut) problems.push(`${where}: a select cuts ${option}`);
        const controls = page.locator('#controls :is(input, select, button, textarea):not([disabled]):not([type=hidden])');
        const last = controls.last();
        const kind = await use(last);
        await settle(page);
        check(await inside(), `after using the last control (a ${kind})`);
      }
      assert.ok(charts >= 5 + topics.length - 1, `${viewport.width}×${viewport.height}: only ${charts} views and topics have a chart`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
  assert.deepEqual(problems, [], `on a laptop the chart leaves the screen:\n  ${problems.join('\n  ')}`);
});
