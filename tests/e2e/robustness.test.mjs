// No value stops the explorer, and no input is kept other than as promised: values that once
// froze it for good (a getter or Proxy trap that throws, a revoked Proxy, a list that holds
// itself, lists nested 6,000 deep), sent by a script in the page or by a course page over
// postMessage, are refused with a message and the explorer still answers; a link with
// hundreds of bad parts gives a short notice; a story's 61st step and a caption's 1,021st
// character are refused in words; and a presenter's keys, tabs and saved files keep a story
// and its view together.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { READY, SINGLE_FILE_URL, SITE_DIR, launchBrowser, openExplorer, serve } from './helpers.mjs';

let browser;
let site;
let downloads;
before(async () => {
  browser = await launchBrowser();
  site = await serve(SITE_DIR);
  downloads = await mkdtemp(path.join(os.tmpdir(), 'ict-robustness-'));
});
after(async () => {
  await browser?.close();
  site?.close();
  await rm(downloads, { recursive: true, force: true });
});

// Each value, built in the page that sends it (a Proxy or a getter cannot be sent any other way).
const HOSTILE = {
  'a getter that throws': `({ get view() { throw new Error('x'); } })`,
  'a Proxy whose traps throw': `new Proxy({}, { ownKeys() { throw new Error('trap'); }, get() { throw new Error('trap'); }, getOwnPropertyDescriptor() { throw new Error('trap'); } })`,
  'a list Proxy whose traps throw': `({ series: new Proxy([], { get() { throw new Error('trap'); } }) })`,
  'a revoked Proxy': `(() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; })()`,
  'a revoked Proxy as a setting': `(() => { const { proxy, revoke } = Proxy.revocable([], {}); revoke(); return { series: proxy }; })()`,
  'a list that holds itself': `(() => { const a = []; a.push(a); return { series: a }; })()`,
  'lists nested 6,000 deep': `(() => { let d = []; for (let i = 0; i < 6000; i++) d = [d]; return { series: d }; })()`,
  'a getter in a list': `({ years: [1997, { get x() { throw new Error('x'); } }, Object.defineProperty([], 0, { get() { throw new Error('x'); } })] })`,
};

// The explorer still answers: a legend entry switches its series off, the chart is drawn
// again, and a script's valid call is taken.
async function assertStillAnswers(page, after) {
  const before = await page.evaluate(() => ({ series: ICTExplorer.getState().series, marks: JSON.stringify(ICTExplorer.marks()) }));
  const first = before.series[0];
  await page.click(`#legend-${first}`);
  const now = await page.evaluate(() => ({ series: ICTExplorer.getState().series, marks: JSON.stringify(ICTExplorer.marks()) }));
  assert.ok(!now.series.includes(first), `after ${after}, a click on the legend no longer switches ${first} off`);
  assert.notEqual(now.marks, before.marks, `after ${after}, the chart is not drawn again`);
  await page.click(`#legend-${first}`);
  const state = await page.evaluate(() => ICTExplorer.setState({ chart: 'bars' }));
  assert.equal(state.chart, 'bars', `after ${after}, setState is no longer taken`);
  assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains('failed'))), `after ${after}, the page says the explorer stopped`);
}

test('in the page, every value that once stopped the explorer is refused with a message', async () => {
  const { context, page, seen } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?view=ownership` });
  try {
    for (const [name, source] of Object.entries(HOSTILE)) {
      const before = await page.evaluate(() => JSON.stringify(ICTExplorer.getState()));
      const refusal = await page.evaluate(async (source) => {
        try {
          await ICTExplorer.setState(eval(source));
          return null;
        } catch (error) {
          return String(error?.message ?? error);
        }
      }, source);
      assert.ok(refusal, `setState(${name}) was taken`);
      assert.doesNotMatch(refusal, /recursive use|unsafe aliasing|Maximum call stack/, `setState(${name}) left the core unusable: ${refusal}`);
      assert.ok(refusal.length < 300, `the refusal of ${name} is ${refusal.length} characters long`);
      assert.equal(await page.evaluate(() => JSON.stringify(ICTExplorer.getState())), before, `the refused ${name} changed the state`);
      await assertStillAnswers(page, `setState(${name})`);
    }
    const uncaught = seen.errors.filter((error) => /recursive use|uncaught/.test(error));
    assert.deepEqual(uncaught, []);
  } finally {
    await context.close();
  }
});

test('a call from a listener of an event the explorer caused is refused for the moment, and the explorer goes on', async () => {
  const { context, page } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?view=quality` });
  try {
    await page.evaluate(() => {
      window.heard = [];
      document.addEventListener('focusin', () => {
        try {
          window.heard.push(ICTExplorer.getState().view);
        } catch (error) {
          window.heard.push(error.message);
        }
      });
    });
    // "Show in…" moves the focus to the view's title while the explorer is still updating.
    await page.locator('button[name=goto]').first().click();
    const heard = await page.evaluate(() => window.heard);
    assert.ok(heard.some((said) => /while the explorer is updating/.test(said)), `the listener heard ${JSON.stringify(heard)}`);
    assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains('failed'))), 'a call from a listener stopped the explorer');
    assert.notEqual(await page.evaluate(() => ICTExplorer.getState().view), 'quality', 'Show in… did not open its view');
    await assertStillAnswers(page, 'a call from a focus listener');
  } finally {
    await context.close();
  }
});

test('from a course page, a list that holds itself or nested thousands deep is refused over postMessage', async () => {
  site.pages.set('/course.html', `<!doctype html><title>Course</title>
    <iframe name="a" src="/index.html?view=ownership&embed=1" width="1000" height="800"></iframe>
    <script>
      window.answers = [];
      addEventListener('message', (event) => { if (event.data?.ictExplorer === 'result') answers.push(event.data); });
      window.ask = (id, state) => new Promise((resolve, reject) => {
        frames.a.postMessage({ ictExplorer: 'setState', id, state }, '*');
        const wait = setInterval(() => {
          const answer = answers.find((candidate) => candidate.id === id);
          if (answer) { clearInterval(wait); resolve(answer); }
        }, 10);
        setTimeout(() => { clearInterval(wait); reject(new Error('no answer to ' + id)); }, 5000);
      });
    </script>`);
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${site.origin}/course.html`);
    const frame = page.frame({ name: 'a' });
    await frame.waitForSelector(READY);
    const cyclic = await page.evaluate(() => { const a = []; a.push(a); return ask(1, { series: a }); });
    assert.equal(cyclic.ok, false, 'a list that holds itself was taken');
    assert.match(cyclic.error, /holds itself/);
    // The deepest lists this browser can post (Chromium's structured clone stops short of
    // 6,000 levels; the page itself is sent 6,000 in the test above).
    const deep = await page.evaluate(async () => {
      for (const depth of [6000, 4000, 3000, 2000, 1000]) {
        let d = [];
        for (let i = 0; i < depth; i++) d = [d];
        try {
          return { depth, ...(await ask(`deep-${depth}`, { series: d })) };
        } catch (error) {
          if (!/call stack/.test(error.message)) throw error;
        }
      }
      return { depth: 0 };
    });
    assert.ok(deep.depth >= 1000, 'the course page could not post lists nested even 1,000 deep');
    assert.equal(deep.ok, false, `lists nested ${deep.depth} deep were taken`);
    assert.match(deep.error, /list inside a list/);
    const valid = await page.evaluate(() => ask(3, { chart: 'bars' }));
    assert.ok(valid.ok, `after the hostile messages, a valid one is refused: ${valid.error}`);
    await assertStillAnswers(frame, 'the hostile messages');
  } finally {
    await context.close();
  }
});

test('a link naming 400 unknown control groups gives a short notice', async () => {
  const groups = Array.from({ length: 400 }, (_, n) => `group${n}`).join(',');
  const { context, page } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?view=fdi&embed=1&controls=${groups}` });
  try {
    const notice = await page.textContent('#message');
    assert.ok(notice.length < 400, `the notice is ${notice.length} characters long: ${notice.slice(0, 200)}…`);
    assert.match(notice, /'group0'.*397 more/, 'the notice should name a few groups and count the rest');
  } finally {
    await context.close();
  }
});

test('a story\'s 61st step and a caption\'s 1,021st character are refused in words', async () => {
  const step = encodeURIComponent('view=fdi&title=A step');
  const steps = Array.from({ length: 60 }, () => `s=${step}`).join('&');
  const { context, page } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?story=own&title=Sixty&${steps}` });
  try {
    await page.click('#story-editor summary');
    const count = () => page.locator('.story-steps > li').count();
    assert.equal(await count(), 60);
    await page.click('#story-add');
    assert.equal(await count(), 60, 'a 61st step was added, to be lost when the story is saved');
    assert.match(await page.textContent('#message'), /at most 60 steps/, 'the 61st step is refused without a word');
    assert.match(await page.textContent('#story-full'), /60 steps, the most a story holds/, 'the button does not say, where the teacher looks, that the story is full');

    const caption = page.locator('#step-caption-1');
    await caption.fill(`${'a'.repeat(500)}\n${'b'.repeat(519)}`);
    await caption.press('End');
    await page.keyboard.type('cd');
    const typed = await caption.inputValue();
    assert.equal(typed.length, 1020, 'the caption field should stop at 1,020 characters');
    assert.match(await page.textContent('#step-caption-count-1'), /1,020 of 1,020 characters: a caption holds no more/);
    await caption.press('Tab');
    await page.click('button[name=story-go][value="1"]');
    const shown = await page.textContent('#step-caption');
    assert.equal(shown.length, 1020, 'the caption was cut after it was typed');
    assert.ok(shown.includes('\n'), 'the caption\'s line break was lost');
    // A script that sets the field past its limit is refused in words, and nothing is cut.
    await page.click('#story-editor summary').catch(() => {});
    await page.evaluate(() => {
      const field = document.getElementById('step-caption-1');
      field.value = 'x'.repeat(1021);
      field.dispatchEvent(new Event('change', { bubbles: true }));
    });
    assert.match(await page.textContent('#message'), /at most 1,020 characters, and this one has 1,021/);
    assert.equal((await page.textContent('#step-caption')).length, 1020, 'a refused caption changed the step');
  } finally {
    await context.close();
  }
});

test('in presentation mode, PageDown on a select in the drawer steps the story and leaves the select', async () => {
  const { context, page } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?story=ning&step=1&present=1`, viewport: { width: 1366, height: 768 } });
  try {
    await page.click('#drawer-toggle');
    const select = page.locator('#ctl-from');
    const options = await select.locator('option').evaluateAll((all) => all.map((option) => option.value));
    await select.selectOption(options[1]);
    await select.focus();
    const chosen = await page.evaluate(() => ICTExplorer.getState().from);
    assert.equal(String(chosen), options[1]);
    await page.evaluate(() => {
      window.selectChanges = 0;
      document.getElementById('ctl-from').addEventListener('change', () => window.selectChanges++);
      document.getElementById('ctl-from').addEventListener('input', () => window.selectChanges++);
    });
    await page.keyboard.press('PageDown');
    assert.equal(await page.evaluate(() => ICTExplorer.getState().step), 2, 'PageDown on the select did not step the story');
    assert.equal(await page.evaluate(() => window.selectChanges), 0, 'PageDown changed the select');
    await page.keyboard.press('PageUp');
    assert.equal(await page.evaluate(() => ICTExplorer.getState().step), 1, 'PageUp on the select did not step back');
    // The year slider of Play, too, leaves the arrows to the story.
    if (await page.locator('#ctl-play-at').count()) {
      await page.focus('#ctl-play-at');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => ICTExplorer.getState().step), 2, '→ on the slider did not step the story');
    }
  } finally {
    await context.close();
  }
});

test('a tab during a story leaves it, and Back to the story returns to its step', async () => {
  const { context, page } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?story=ning&step=3` });
  try {
    const step = await page.evaluate(() => ICTExplorer.getState());
    const other = step.view === 'rd' ? 'fdi' : 'rd';
    assert.ok(await page.isVisible('#step-caption'));
    await page.click(`#tab-${other}`);
    const state = await page.evaluate(() => ICTExplorer.getState());
    assert.deepEqual([state.story, state.step, state.view], [null, null, other], 'the state still says the story\'s step over another view');
    assert.equal(await page.locator('#step-caption').count(), 0, `step 3's caption still sits above the ${other} chart`);
    await page.click('#story-return');
    assert.deepEqual(await page.evaluate(() => ICTExplorer.getState()), step, 'Back to the story did not return to step 3 as it was');
    assert.ok(await page.isVisible('#step-caption'));
    // A script's view does the same.
    await page.evaluate((view) => ICTExplorer.setState({ view }), other);
    assert.equal(await page.evaluate(() => ICTExplorer.getState().story), null, 'setState({view}) kept the story over another view');
    assert.equal(await page.locator('#step-caption').count(), 0);
  } finally {
    await context.close();
  }
});

test('a saved story opens on its first step, whichever step was open when it was saved', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  try {
    await page.goto(`${SINGLE_FILE_URL}?story=ning&step=5`);
    await page.waitForSelector(READY);
    await page.click('#story-editor summary');
    await page.fill('#step-title-5', 'My step five');
    await page.press('#step-title-5', 'Tab');
    assert.equal(await page.evaluate(() => ICTExplorer.getState().step), 5);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-page')]);
    const saved = path.join(downloads, 'five.html');
    await download.saveAs(saved);
    const reopened = await context.newPage();
    await reopened.goto(pathToFileURL(saved).href);
    await reopened.waitForSelector(READY);
    const state = await reopened.evaluate(() => ICTExplorer.getState());
    assert.deepEqual([state.story, state.step], ['own', 1], 'the saved story did not open on step 1');
    const named = await context.newPage();
    await named.goto(`${pathToFileURL(saved).href}?story=ning&step=4`);
    await named.waitForSelector(READY);
    assert.equal(await named.evaluate(() => ICTExplorer.getState().step), 4, 'a link that names a step does not open on it');
  } finally {
    await context.close();
  }
});
