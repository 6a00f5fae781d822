// Embedding in course pages, on both builds: sandboxed frames, the strict Content-Security-
// Policy, the public API in the page and over postMessage, embed.js with ten frames,
// configurable embeds, the start-up watchdog, and a chart box too small to draw in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { READY, SINGLE_FILE, SITE_DIR, launchBrowser, serve, siteHeaders } from './helpers.mjs';

let browser;
let site; // dist/site/ with its headers, and the single file at /single.html, on one origin
let host; // the course pages, on another origin
let singleFile;

before(async () => {
  singleFile = await readFile(SINGLE_FILE, 'utf8');
  site = await serve(SITE_DIR, { headers: await siteHeaders() });
  site.pages.set('/single.html', singleFile);
  host = await serve(SITE_DIR);
  // The hosted page handed to a srcdoc frame finds its files through a <base>.
  const index = await readFile(`${SITE_DIR}/index.html`, 'utf8');
  host.pages.set('/site-index.html', index.replace('<head>', `<head><base href="${site.origin}/">`));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  site?.close();
  host?.close();
});

const BUILDS = {
  site: () => `${site.origin}/index.html`,
  'single file': () => `${site.origin}/single.html`,
};

// Collects, in every frame, uncaught errors, console errors and policy violations, from
// before the page's own scripts run.
function collectProblems() {
  window.__problems = [];
  const note = (text) => window.__problems.push(text);
  addEventListener('error', (event) => note(`error: ${event.message ?? event.target?.src}`), true);
  addEventListener('unhandledrejection', (event) => note(`unhandled rejection: ${event.reason}`));
  addEventListener('securitypolicyviolation', (event) => note(`CSP violation: ${event.violatedDirective} (${event.blockedURI})`));
  const error = console.error.bind(console);
  console.error = (...args) => { note(`console.error: ${args.join(' ')}`); error(...args); };
}

async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.addInitScript(collectProblems);
  const page = await context.newPage();
  return { context, page };
}

async function problemsIn(frame) {
  return frame.evaluate(() => window.__problems ?? ['(the problem collector did not run)']);
}

async function assertNoProblems(page, where) {
  for (const frame of page.frames()) {
    if (frame.url() === 'about:blank') continue;
    const problems = await problemsIn(frame);
    assert.deepEqual(problems, [], `${where}: ${frame.url().slice(0, 80)} reported problems:\n${problems.join('\n')}`);
  }
}

async function frameNamed(page, name) {
  const frame = await (await page.waitForSelector(`iframe[name="${name}"]`)).contentFrame();
  await frame.waitForSelector(READY, { timeout: 15_000 });
  return frame;
}

const escapeAttribute = (html) => html.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** A course page on the host origin holding `body`, at a fresh address. */
let pageNumber = 0;
function coursePage(body) {
  const name = `/course-${++pageNumber}.html`;
  host.pages.set(name, `<!doctype html><meta charset="utf-8"><title>Course page</title><body>${body}</body>`);
  return `${host.origin}${name}`;
}

// The frame an LMS makes: sandboxed with scripts, with or without the same origin, or the
// page handed over as text (srcdoc).
function sandboxedFrame(build, mode) {
  const query = 'view=ownership&embed=1';
  if (mode !== 'srcdoc') {
    return `<iframe name="x" sandbox="${mode}" src="${BUILDS[build]()}?${query}" width="1000" height="900"></iframe>`;
  }
  const html = build === 'site' ? host.pages.get('/site-index.html') : singleFile;
  return `<iframe name="x" sandbox="allow-scripts" srcdoc="${escapeAttribute(html)}" width="1000" height="900"></iframe>`;
}

for (const build of Object.keys(BUILDS)) {
  for (const mode of ['allow-scripts', 'allow-scripts allow-same-origin', 'srcdoc']) {
    test(`${build} in <iframe sandbox="${mode === 'srcdoc' ? 'allow-scripts" srcdoc="…' : mode}">: starts, follows a toggle, explains downloads and links`, async () => {
      const { context, page } = await newPage();
      try {
        await page.goto(coursePage(sandboxedFrame(build, mode)));
        const frame = await frameNamed(page, 'x');
        const before = await frame.evaluate(() => ICTExplorer.getState().series);
        await frame.click('#ctl-series-private');
        const after = await frame.evaluate(() => ICTExplorer.getState().series);
        assert.ok(before.includes('private') && !after.includes('private'), `unchecking Private did not switch it off: ${after}`);
        // The address bar waits for a pause before it follows; let that happen.
        await page.waitForTimeout(400);

        await frame.click('button[name=download][value=csv]');
        const panel = await frame.waitForSelector('#copy-panel:not([hidden])', { timeout: 3000 });
        const offered = await panel.$eval('textarea', (area) => area.value);
        assert.match(offered, /Number of firms|firms/, 'the copy panel does not hold the chart data');
        assert.match(await panel.textContent(), /save files/, 'the copy panel does not say why it is there');

        if (mode === 'srcdoc') {
          assert.ok(await frame.isVisible('#share-none'), 'a srcdoc page offers a link others cannot open');
          assert.match(await frame.textContent('#share-none'), /handed to its frame as text/);
          assert.ok(!(await frame.isVisible('#share-field')), 'the share link shows in a srcdoc page');
        } else {
          const link = await frame.inputValue('#share-link');
          assert.ok(link.startsWith(site.origin), `the share link should be the page's address, not ${link}`);
        }
        await assertNoProblems(page, `${build}, ${mode}`);
      } finally {
        await context.close();
      }
    });
  }
}

for (const build of Object.keys(BUILDS)) {
  test(`${build}: the strict Content-Security-Policy holds in every view, with no violation`, async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(BUILDS[build]());
      await page.waitForSelector(READY);
      const policy = build === 'site'
        ? (await siteHeaders())('/index.html')['content-security-policy']
        : await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
      assert.match(policy, /^default-src 'none'/, `the policy in force: ${policy}`);
      assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/, `the policy allows inline code: ${policy}`);
      for (const tab of await page.$$eval('[role=tab]', (tabs) => tabs.map((tab) => tab.id))) {
        await page.click(`#${tab}`);
        await page.$$eval('details', (all) => all.forEach((details) => { details.open = true; }));
        await page.waitForTimeout(50);
      }
      await page.click('#tab-ownership');
      await page.click('#legend-private');
      assert.equal(await page.locator('[style]').count(), 0, 'the page has elements with style attributes');
      await assertNoProblems(page, build);
    } finally {
      await context.close();
    }
  });
}

for (const build of Object.keys(BUILDS)) test(`${build}: ICTExplorer in the page: ready, getState, setState in one render, errors, change events`, async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${BUILDS[build]()}?view=ownership`);
    const result = await page.evaluate(async () => {
      const api = await ICTExplorer.ready;
      const start = api.getState();
      const changes = [];
      const listener = (state) => changes.push(state.series.join(','));
      ICTExplorer.on('change', listener);
      // The table is patched, not rewritten: one update writes each text, attribute and node
      // at most once, so a second render in between would show as a write repeated.
      const writes = new Map();
      const count = (key) => writes.set(key, (writes.get(key) ?? 0) + 1);
      const ids = new WeakMap();
      let nodes = 0;
      const id = (node) => { if (!ids.has(node)) ids.set(node, nodes++); return ids.get(node); };
      let changed = 0;
      new MutationObserver((records) => {
        for (const record of records) {
          changed++;
          if (record.type === 'childList') for (const node of record.addedNodes) count(node);
          else count(`${record.type} ${record.attributeName} ${id(record.target)}`);
        }
      }).observe(document.getElementById('table'), { childList: true, subtree: true, characterData: true, attributes: true });
      const batched = await ICTExplorer.setState({ series: ['joint_stock', 'private'], chart: 'bars' });
      await new Promise((resolve) => setTimeout(resolve, 0));
      const rewritesForOneCall = changed === 0 ? 0 : Math.max(...writes.values());
      const refusals = [];
      for (const wrong of [{ series: ['joint_stock'], chart: 'pie' }, { colour: 'red' }, { series: 'private' }, 5, null, [], 'view=fdi']) {
        try {
          await ICTExplorer.setState(wrong);
          refusals.push(null);
        } catch (error) {
          refusals.push(error.message);
        }
      }
      const afterRefusals = ICTExplorer.getState();
      document.getElementById('ctl-series-joint_stock').click();
      ICTExplorer.off('change', listener);
      await ICTExplorer.setState({ series: ['private'] });
      const typeErrors = [];
      for (const call of [() => ICTExplorer.on('click', () => {}), () => ICTExplorer.on('change', 5), () => ICTExplorer.off('change')]) {
        try { call(); typeErrors.push(null); } catch (error) { typeErrors.push(error instanceof TypeError); }
      }
      return { same: api === ICTExplorer, start, batched, rewritesForOneCall, refusals, afterRefusals, changes, typeErrors, global: typeof window.ictExplorer };
    });
    assert.ok(result.same, 'ICTExplorer.ready should resolve with the API');
    assert.equal(result.global, 'undefined', 'the raw wasm App is still a global');
    assert.deepEqual(Object.keys(result.start).sort(), ['base', 'chart', 'from', 'log', 'measure', 'measures', 'series', 'step', 'story', 'to', 'topic', 'transform', 'view', 'years', 'lang'].sort());
    assert.equal(result.start.view, 'ownership');
    assert.deepEqual(result.batched.series, ['joint_stock', 'private']);
    assert.equal(result.batched.chart, 'bars');
    assert.equal(result.rewritesForOneCall, 1, `one setState wrote a part of the table ${result.rewritesForOneCall} times (0: not at all)`);
    assert.ok(result.refusals.every((message) => typeof message === 'string' && message.length > 10), `every wrong call should be refused with a message: ${JSON.stringify(result.refusals)}`);
    assert.match(result.refusals[0], /pie/);
    assert.match(result.refusals[1], /colour/);
    assert.match(result.refusals[3], /needs an object/);
    assert.deepEqual(result.afterRefusals, result.batched, 'a refused setState changed the state');
    assert.deepEqual(result.changes, ['joint_stock,private', 'private'], 'change listeners should hear setState and the reader, and stop after off()');
    assert.deepEqual(result.typeErrors, [true, true, true], 'on/off should throw TypeError for a wrong event or listener');
    await assertNoProblems(page, 'API');
  } finally {
    await context.close();
  }
});

test('a rejected link value is shown shortened and without control or bidi characters', async () => {
  const { context, page } = await newPage();
  try {
    const hostile = `\u202Eevil\u0007${'x'.repeat(6_000)}`;
    await page.goto(`${site.origin}/index.html?view=${encodeURIComponent(hostile)}&measure=${encodeURIComponent(hostile)}`);
    await page.waitForSelector(READY);
    const message = await page.textContent('#message');
    assert.ok(message.length < 600, `the notice is ${message.length} characters long`);
    assert.doesNotMatch(message, /[\u202A-\u202E\u2066-\u2069\u0000-\u001F]/, 'the notice keeps control or bidi characters');
    assert.match(message, /evil/, 'the notice should still show the start of the value');
  } finally {
    await context.close();
  }
});

// A course page with two embeds of `build` and a third frame that is not the parent.
function twoEmbeds(build) {
  const sibling = `<script>setTimeout(() => parent.frames.a.postMessage({ ictExplorer: 'setState', id: 'sibling', state: { view: 'rd' } }, '*'), 50)<\/script>`;
  return coursePage(`
    <iframe name="a" src="${BUILDS[build]()}?view=ownership&embed=1" width="900" height="700"></iframe>
    <iframe name="b" src="${BUILDS[build]()}?view=fdi&embed=1" width="900" height="700"></iframe>
    <iframe name="c" sandbox="allow-scripts" width="10" height="10"></iframe>
    <script>
      const frames = () => [...document.querySelectorAll('iframe')];
      const nameOf = (source) => frames().find((frame) => frame.contentWindow === source)?.name ?? '(not a frame)';
      window.changes = [];
      window.answers = [];
      addEventListener('message', (event) => {
        const data = event.data;
        if (data?.ictExplorer === 'change') changes.push(nameOf(event.source));
        if (data?.ictExplorer === 'result') answers.push({ from: nameOf(event.source), origin: event.origin, ...data });
      });
      let next = 0;
      window.ask = (name, message) => new Promise((resolve, reject) => {
        const id = 'q' + ++next;
        const wait = setInterval(() => {
          const answer = answers.find((candidate) => candidate.id === id);
          if (answer) { clearInterval(wait); resolve(answer); }
        }, 10);
        setTimeout(() => { clearInterval(wait); reject(new Error('no answer from ' + name)); }, 5000);
        document.querySelector('iframe[name=' + name + ']').contentWindow.postMessage({ ...message, id }, '*');
      });
      window.arm = () => { document.querySelector('iframe[name=c]').srcdoc = ${JSON.stringify(sibling).replaceAll('</', '<\\/')}; };
    </script>`);
}

for (const build of Object.keys(BUILDS)) {
  test(`${build}: the API over postMessage, two embeds on one page, hostile messages ignored`, async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(twoEmbeds(build));
      const [frameA, frameB] = [await frameNamed(page, 'a'), await frameNamed(page, 'b')];
      const a = await page.evaluate(() => ask('a', { ictExplorer: 'getState' }));
      const b = await page.evaluate(() => ask('b', { ictExplorer: 'getState' }));
      assert.equal(a.from, 'a');
      assert.equal(b.from, 'b');
      assert.equal(a.origin, site.origin);
      assert.equal(a.state.view, 'ownership');
      assert.equal(b.state.view, 'fdi');

      const changed = await page.evaluate(() => ask('a', { ictExplorer: 'setState', state: { series: ['private'], chart: 'bars' } }));
      assert.ok(changed.ok && changed.from === 'a', JSON.stringify(changed));
      assert.deepEqual(changed.state.series, ['private']);
      assert.deepEqual(await frameA.evaluate(() => ICTExplorer.getState().series), ['private'], 'frame a did not change');
      assert.deepEqual(await frameB.evaluate(() => ICTExplorer.getState()), b.state, 'a change to frame a changed frame b');
      const refused = await page.evaluate(() => ask('b', { ictExplorer: 'setState', state: { chart: 'pie' } }));
      assert.equal(refused.ok, false);
      assert.match(refused.error, /pie/);

      await frameB.click('#ctl-log');
      await page.waitForTimeout(100);
      const changes = await page.evaluate(() => changes);
      assert.deepEqual(changes, ['a', 'b'], 'each change should be posted once, by the frame that changed');

      // Hostile: a sibling frame, and malformed requests from the parent itself.
      const beforeHostile = await frameA.evaluate(() => ICTExplorer.getState());
      await page.evaluate(() => {
        arm();
        const target = document.querySelector('iframe[name=a]').contentWindow;
        for (const junk of ['setState', 42, null, { ictExplorer: 'setState', state: { view: 'rd' } }, { ictExplorer: 'setState', id: {}, state: { view: 'rd' } },
          { ictExplorer: 'result', id: 'x', ok: true }, { ictExplorer: 'height', height: 5 }, { ictExplorer: 'evil', id: 'y' }]) {
          target.postMessage(junk, '*');
        }
      });
      await page.waitForTimeout(400);
      assert.deepEqual(await frameA.evaluate(() => ICTExplorer.getState()), beforeHostile, 'a hostile message changed the explorer');
      const answers = await page.evaluate(() => answers.map((answer) => answer.id));
      assert.ok(!answers.includes('sibling') && !answers.includes('y') && !answers.includes('x'), `hostile messages were answered: ${answers}`);
      await assertNoProblems(page, `${build}, postMessage`);
    } finally {
      await context.close();
    }
  });
}

test('embed.js: ten embeds start, size themselves within bounds, and stay independent', async () => {
  const views = ['ownership', 'fdi', 'market', 'exports', 'rd', 'trade', 'ownership&measure=share_total_assets&chart=stacked100', 'fdi&chart=line', 'exports&controls=none', 'market&table=0'];
  const placeholders = views.map((view, index) => `<h2>Embed ${index + 1}</h2><div data-ict-explorer="view=${view}" data-title="Embed ${index + 1}"></div>`).join('\n');
  const { context, page } = await newPage({ viewport: { width: 1000, height: 12_000 } });
  try {
    const started = Date.now();
    await page.goto(coursePage(`${placeholders}<script src="${site.origin}/embed.js" async></script>`));
    await page.waitForFunction(() => document.querySelectorAll('iframe').length === 10);
    const frames = await Promise.all((await page.$$('iframe')).map((handle) => handle.contentFrame()));
    await Promise.all(frames.map((frame) => frame.waitForSelector(READY, { timeout: 30_000 })));
    const readyMs = Date.now() - started;
    console.log(`# ten embeds ready after ${readyMs} ms`);

    // Each frame takes its content's height once it reports it (a resize may still be on its
    // way, so the sizes are compared until they settle).
    let mismatches = [];
    for (const deadline = Date.now() + 5000; Date.now() < deadline; await page.waitForTimeout(100)) {
      const heights = await page.$$eval('iframe', (all) => all.map((frame) => parseFloat(frame.style.height)));
      const contents = await Promise.all(frames.map((frame) => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height))));
      mismatches = heights
        .map((height, index) => (Math.abs(height - contents[index]) <= 2 ? null : `embed ${index + 1} is ${height} px tall for ${contents[index]} px of content`))
        .filter(Boolean);
      if (mismatches.length === 0) break;
    }
    assert.deepEqual(mismatches, [], 'frames do not follow their content');

    // One frame's change leaves the other nine alone.
    const before = await Promise.all(frames.map((frame) => frame.evaluate(() => ICTExplorer.getState())));
    await frames[0].evaluate(() => ICTExplorer.setState({ series: ['private'] }));
    const after = await Promise.all(frames.map((frame) => frame.evaluate(() => ICTExplorer.getState())));
    assert.deepEqual(after[0].series, ['private']);
    assert.deepEqual(after.slice(1), before.slice(1), 'a change in one embed changed another');

    // Heights out of range are capped; messages from the page itself are not believed.
    // (The frame's next true report may follow at once, so the height is caught as it lands.)
    const landed = page.evaluate(() => new Promise((resolve) => {
      const frame = document.querySelectorAll('iframe')[1];
      new MutationObserver((records, observer) => { observer.disconnect(); resolve(parseFloat(frame.style.height)); })
        .observe(frame, { attributes: true, attributeFilter: ['style'] });
    }));
    await frames[1].evaluate(() => parent.postMessage({ ictExplorer: 'height', height: 1e21 }, '*'));
    assert.equal(await landed, 20000, 'a frame claiming 1e21 px was not capped at 20,000 px');
    await page.evaluate(() => postMessage({ ictExplorer: 'height', height: 5 }, '*'));
    await page.waitForTimeout(100);
    const heights = await page.$$eval('iframe', (all) => all.map((frame) => parseFloat(frame.style.height)));
    assert.ok(heights.every((height) => height >= 120), 'a message from the page itself resized a frame');
    await assertNoProblems(page, 'ten embeds');
  } finally {
    await context.close();
  }
});

test('embed.js: frames start at their expected height before they load', async () => {
  const { context, page } = await newPage();
  try {
    await page.route(`${site.origin}/index.html?*`, (route) => route.abort());
    await page.goto(coursePage(`<div data-ict-explorer="view=fdi" data-height="777"></div><div data-ict-explorer="view=rd"></div><script src="${site.origin}/embed.js"></script>`));
    const heights = await page.$$eval('iframe', (all) => all.map((frame) => frame.style.height));
    assert.deepEqual(heights, ['777px', '640px']);
  } finally {
    await context.close();
  }
});

test('site: an embed shows only the parts its link asks for, and a locked view stays put', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${site.origin}/index.html?view=ownership&embed=1&controls=series,years&table=0&downloads=0&lock=1`);
    await page.waitForSelector(READY);
    assert.ok(!(await page.isVisible('#tabs')), 'a locked embed shows the view tabs');
    assert.ok(!(await page.isVisible('#table')), 'table=0 still shows the table');
    assert.ok(!(await page.isVisible('.downloads')), 'downloads=0 still shows the downloads');
    assert.ok(await page.isVisible('#ctl-series') && await page.isVisible('#ctl-category'), 'the series and years are missing');
    assert.equal(await page.locator('#ctl-measure, input[name=chart], input[name=transform]').count(), 0, 'controls that were not asked for are shown');
    await page.keyboard.press('2');
    const view = await page.evaluate(() => ICTExplorer.getState().view);
    assert.equal(view, 'ownership', 'key 2 left a locked view');
    const refusal = await page.evaluate(() => ICTExplorer.setState({ view: 'fdi' }).then(() => 'taken', (error) => error.message));
    assert.match(refusal, /only/);
    assert.ok(!(await page.isVisible('#story-open')), 'a locked embed offers to open a story');
    const storyRefusal = await page.evaluate(() => ICTExplorer.setState({ story: 'ning' }).then(() => 'taken', (error) => error.message));
    assert.match(storyRefusal, /only/, 'a locked embed let a script open a story');
    await page.goto(`${site.origin}/index.html?view=fdi&embed=1&controls=none`);
    await page.waitForSelector(READY);
    assert.equal(await page.$eval('#controls', (form) => form.children.length), 0);
    assert.ok(await page.isVisible('#story-open'), 'an embed hides the story buttons without stories=0');
    await page.goto(`${site.origin}/index.html?view=fdi&embed=1&controls=none&stories=0`);
    await page.waitForSelector(READY);
    assert.ok(!(await page.isVisible('#story-open')), 'stories=0 still shows "Walk through the paper\'s argument"');
    assert.ok(!(await page.isVisible('#story-editor')), 'stories=0 still shows "Build a story"');
    await assertNoProblems(page, 'configured embed');
  } finally {
    await context.close();
  }
});

test('site: the link to a story step is the story\'s link', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${site.origin}/index.html?story=ning&step=2`);
    await page.waitForSelector(READY);
    assert.match(await page.inputValue('#share-link'), /\?story=ning&step=2$/);
  } finally {
    await context.close();
  }
});

/** The codes "Embed this view" offers for `query` once they are final, with every value they took on the way. */
async function embedCodes(page, query, tick = []) {
  await page.goto(`${site.origin}/index.html?${query}`);
  await page.waitForSelector(READY);
  await page.evaluate(() => {
    window.__codes = [];
    const field = document.getElementById('embed-code');
    const note = () => { if (window.__codes.at(-1) !== field.value) window.__codes.push(field.value); };
    note();
    setInterval(note, 20);
  });
  await page.click('#embed summary');
  for (const box of tick) await page.click(box);
  await page.waitForFunction(() => /<iframe/.test(document.getElementById('embed-code').value), null, { timeout: 15_000 });
  await page.waitForTimeout(600);
  return {
    frame: await page.inputValue('#embed-code'),
    script: await page.inputValue('#embed-script'),
    seen: await page.evaluate(() => window.__codes.filter((code) => code)),
  };
}

const heightIn = (code) => Number(/;height:(\d+)px/.exec(code)?.[1]);

test('site: "Embed this view" starts from the chart alone, in a box whose height follows its width', async () => {
  const { context, page } = await newPage();
  try {
    const { frame, script, seen } = await embedCodes(page, 'view=fdi');
    assert.match(frame, /aspect-ratio:4\/3;min-height:\d+px;max-height:650px/, `the chart-only code is not a box that follows its width: ${frame}`);
    assert.doesNotMatch(frame, /;height:\d+px/, `the chart-only code asks for a fixed height: ${frame}`);
    assert.match(frame, /controls=none&amp;tabs=0&amp;stories=0&amp;table=0/, `the chart-only code keeps more than the chart: ${frame}`);
    assert.match(script, /data-aspect-ratio="4\/3"/);
    assert.deepEqual(seen.filter((code) => code.includes('<iframe')), [frame], `the code changed under the teacher's eyes: ${seen.join(' → ')}`);
    assert.equal(await page.isChecked('#embed-part-stories'), false, 'the story buttons have no switch, or are on in a chart-only embed');
    await assertNoProblems(page, 'chart-only embed code');
  } finally {
    await context.close();
  }
});

test('site: an embed with more than the chart asks for the height its preview measured at a column\'s width, without a guess first', async () => {
  const { context, page } = await newPage();
  try {
    const { frame, script, seen } = await embedCodes(page, 'view=fdi', ['#embed-part-table']);
    const preview = await (await page.waitForSelector('#embed-preview[src]')).contentFrame();
    const content = await preview.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const width = await page.$eval('#embed-preview', (element) => element.getBoundingClientRect().width);
    assert.ok(width <= 800, `the preview is ${width} px wide, wider than a course page's column`);
    assert.ok(Math.abs(heightIn(frame) - content) <= 2, `the code asks for ${heightIn(frame)} px; the preview is ${content} px tall`);
    assert.match(script, new RegExp(`data-height="${heightIn(frame)}"`));
    const heights = [...new Set(seen.map(heightIn).filter(Boolean))];
    assert.equal(heights.length, 1, `the code's height read ${heights.join(', then ')} px`);
  } finally {
    await context.close();
  }
});

test('site: the embed code names only the controls the view offers, and a story\'s frame is named after the story', async () => {
  const { context, page } = await newPage();
  try {
    // A page opened with controls=series,years: its code keeps those, and asks for nothing else.
    const { frame } = await embedCodes(page, 'view=ownership&embed=1&controls=series,years');
    const offered = await page.$$eval('#embed-options input[name=embed-group]', (boxes) => boxes.map((box) => box.value));
    const named = /controls=([a-z,]+)/.exec(frame)?.[1]?.split(',') ?? [];
    assert.ok(named.length > 0, `the code keeps no controls: ${frame}`);
    for (const group of named) assert.ok(offered.includes(group), `the code asks for the ${group} controls, which the view does not offer (${offered.join(', ')})`);
    // Untick one group the view offers: the code names the others, and still only those.
    await page.check('#embed-group-series');
    await page.uncheck('#embed-group-years');
    await page.waitForFunction(() => !/years/.test(/controls=[a-z,]+/.exec(document.getElementById('embed-code').value)?.[0] ?? 'years'));
    const after = /controls=([a-z,]+)/.exec(await page.inputValue('#embed-code'))?.[1]?.split(',') ?? [];
    for (const group of after) assert.ok(offered.includes(group), `after unticking Years the code asks for ${group}`);

    const story = await embedCodes(page, 'story=ning&step=1');
    assert.match(story.frame, /title="ICT Explorer: The paper(&#39;|&#x27;|')s argument"/, `the story's frame is not named after the story: ${story.frame.slice(0, 400)}`);
  } finally {
    await context.close();
  }
});

/** A course page with a column `width` px wide holding `codes`, and what each frame records. */
function columnPage(width, codes) {
  return coursePage(`<style>body{margin:0} .column{width:${width}px;margin:0 auto}</style><div class="column">${codes.join('\n<p>Read the chart, then answer the question below it.</p>\n')}</div>`);
}

test('a chart-only embed follows its width: its height at 320, 800 and 1,200 px wide, with the chart inside', async (t) => {
  const { context, page } = await newPage();
  try {
    const { frame, script } = await embedCodes(page, 'view=ownership');
    const heights = {};
    for (const width of [320, 800, 1200]) {
      await page.setViewportSize({ width: width + 40, height: 900 });
      await page.goto(columnPage(width, [frame, script.replace(/<script.*<\/script>/s, ''), `<script src="${site.origin}/embed.js"></script>`]));
      await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
      const frames = await Promise.all((await page.$$('iframe')).map((handle) => handle.contentFrame()));
      await Promise.all(frames.map((inner) => inner.waitForSelector(READY, { timeout: 15_000 })));
      const sizes = await page.$$eval('iframe', (all) => all.map((element) => Math.round(element.getBoundingClientRect().height)));
      heights[width] = sizes[0];
      assert.equal(sizes[1], sizes[0], `at ${width} px embed.js makes the frame ${sizes[1]} px tall, the plain code ${sizes[0]} px`);
      for (const inner of frames) {
        const inside = await inner.evaluate(() => ({
          chart: Math.round(document.getElementById('chart').getBoundingClientRect().height),
          bottom: Math.round(document.getElementById('chart').getBoundingClientRect().bottom),
          height: innerHeight,
        }));
        assert.ok(inside.chart >= 150, `at ${width} px the chart is ${inside.chart} px tall`);
        assert.ok(inside.bottom <= inside.height + 1, `at ${width} px the chart ends at ${inside.bottom} px in a frame ${inside.height} px tall`);
      }
    }
    const line = `chart-only embed (Ownership) height: ${heights[320]} px at 320 px wide, ${heights[800]} px at 800, ${heights[1200]} px at 1,200`;
    console.log(`# ${line}`);
    t.diagnostic(line);
    assert.ok(heights[800] <= 650, `at 800 px wide the chart-only embed is ${heights[800]} px tall`);
    assert.ok(heights[1200] <= 650, `at 1,200 px wide the chart-only embed is ${heights[1200]} px tall`);
    assert.ok(heights[320] < heights[800], 'the height does not follow the width');
  } finally {
    await context.close();
  }
});

test('embed.js: a frame changes height at most once after it starts, and not as the reader scrolls', async (t) => {
  const { context, page } = await newPage();
  try {
    const chartOnly = (await embedCodes(page, 'view=fdi')).script.replace(/<script.*<\/script>/s, '');
    const withTable = (await embedCodes(page, 'view=rd', ['#embed-part-table', '#embed-group-series'])).script.replace(/<script.*<\/script>/s, '');
    const story = (await embedCodes(page, 'view=ownership&embed=1&story=ning&step=2&tabs=0')).script.replace(/<script.*<\/script>/s, '');
    await page.setViewportSize({ width: 840, height: 700 });
    const filler = '<p>Some reading between the charts.</p>'.repeat(30);
    await page.goto(columnPage(800, [filler, chartOnly, filler, withTable, filler, story, filler, `<script src="${site.origin}/embed.js"></script>`]));
    await page.evaluate(() => {
      window.__changes = [];
      new MutationObserver((records) => {
        for (const record of records) {
          const index = [...document.querySelectorAll('iframe')].indexOf(record.target);
          window.__changes.push({ index, height: record.target.style.height, scrolling: window.__scrolling === true });
        }
      }).observe(document.body, { attributes: true, attributeFilter: ['style'], subtree: true });
    });
    await page.waitForFunction(() => document.querySelectorAll('iframe').length === 3);
    // The reader scrolls down the page and back, a screen at a time.
    const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);
    await page.evaluate(() => { window.__scrolling = true; });
    for (let y = 0; y < await pageHeight(); y += 350) {
      await page.evaluate((top) => scrollTo(0, top), y);
      await page.waitForTimeout(250);
    }
    for (const handle of await page.$$('iframe')) await (await handle.contentFrame()).waitForSelector(READY, { timeout: 15_000 });
    await page.waitForTimeout(1000);
    for (let y = await pageHeight(); y > 0; y -= 350) {
      await page.evaluate((top) => scrollTo(0, top), y);
      await page.waitForTimeout(150);
    }
    await page.evaluate(() => { window.__scrolling = false; });
    await page.waitForTimeout(800);
    const changes = await page.evaluate(() => window.__changes);
    const names = ['chart-only (FDI)', 'with its table (R&D)', 'a story step (Ownership)'];
    const line = names.map((name, index) => `${name}: ${changes.filter((change) => change.index === index).length}`).join(', ');
    console.log(`# height changes after start while scrolling: ${line}`);
    t.diagnostic(`height changes after start: ${line}`);
    for (const [index, name] of names.entries()) {
      const own = changes.filter((change) => change.index === index);
      assert.ok(own.length <= 1, `the ${name} embed changed height ${own.length} times: ${own.map((change) => change.height).join(' → ')}`);
    }
    assert.equal(changes.filter((change) => change.index === 0).length, 0, 'the chart-only embed changed height');
    await assertNoProblems(page, 'three embeds while scrolling');
  } finally {
    await context.close();
  }
});

for (const build of Object.keys(BUILDS)) {
  test(`${build}: a chart box shrunk to 90×70 px in a stacked view leaves a working app`, async () => {
    const { context, page } = await newPage({ bypassCSP: true });
    try {
      await page.goto(`${BUILDS[build]()}?view=exports`);
      await page.waitForSelector(READY);
      await page.addStyleTag({ content: '.chart-box { width: 90px !important; height: 70px !important; min-height: 0 !important; aspect-ratio: auto !important; }' });
      await page.waitForTimeout(200);
      await page.click('#tab-ownership');
      await page.evaluate(() => ICTExplorer.setState({ measure: 'share_total_assets', chart: 'stacked100' }));
      await page.waitForTimeout(200);
      const state = await page.evaluate(() => ICTExplorer.setState({ series: ['private'] }));
      assert.deepEqual(state.series, ['private']);
      assert.ok(!(await page.isVisible('#fallback')), 'the app fell back to the static tables');
      await assertNoProblems(page, `${build}, tiny chart`);
    } finally {
      await context.close();
    }
  });
}

for (const [what, pattern, expected] of [
  ['its script', '**/app.js', /did not load/],
  ['its WebAssembly', '**/*.wasm', /could not start/],
]) {
  test(`site: when ${what} is blocked, the watchdog shows the tables with a reason, quickly`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.route(pattern, (route) => route.abort());
      const started = Date.now();
      await page.goto(`${site.origin}/index.html`);
      await page.waitForSelector('#fallback', { state: 'visible', timeout: 10_000 });
      assert.ok(Date.now() - started < 5000, `the tables took ${Date.now() - started} ms to come back`);
      assert.match(await page.textContent('#status'), expected);
      assert.ok(!(await page.isVisible('.layout')), 'the empty explorer is still shown');
    } finally {
      await context.close();
    }
  });
}
