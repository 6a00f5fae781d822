// Students' answers to the built-in story's questions: every question answered unreadably,
// wrongly and rightly (in a lenient form), with the messages, the working shown only after a
// try, the score, the `answer` events in the page, the `{ictExplorer: 'answer'}` messages an
// embed sends its parent window (and never a sibling frame), an `<ict-explorer>` element's
// `on('answer')`, no request from the single file, axe-core's WCAG 2.2 AA check of a question
// before and after each kind of try, and real typing in Firefox ESR and WebKitGTK.
// Every answer typed is made from the expected value the explorer reports, never written here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { By, Key } from 'selenium-webdriver';
import { launchFirefox, launchWebKit } from './webdriver.mjs';
import { READY, ROOT, SINGLE_FILE, SINGLE_FILE_URL, SITE_DIR, isLocalUrl, launchBrowser, openExplorer, serve, siteHeaders } from './helpers.mjs';

let browser;
let host; // the course pages, and the single file at /single.html
let site; // dist/site/ with its headers, on another origin
before(async () => {
  browser = await launchBrowser();
  host = await serve(SITE_DIR);
  site = await serve(SITE_DIR, { headers: await siteHeaders() });
  host.pages.set('/single.html', await readFile(SINGLE_FILE, 'utf8'));
});
after(async () => {
  await browser?.close();
  host?.close();
  site?.close();
});

// The range the explorer counts right, from the statement's `min[:]max`, and the decimals the
// question asks for (the range is one unit of the last decimal wide).
function rightRange(record) {
  const [min, max] = record.statement.object.definition.correctResponsesPattern[0].split('[:]').map(Number);
  return { min, max, decimals: Math.max(0, Math.round(-Math.log10(max - min))) };
}

const UNIT_WORDS = { percentage_points: 'pp', percent: '%' };

// Types `text` into the question's field (in a frame, a page, or an element's shadow root) and
// presses Enter; gives what the question then says. The core answers within the key's event.
async function answer(frame, text) {
  const field = frame.locator('#answer');
  await field.fill(text);
  await field.press('Enter');
  return (await frame.locator('#answer-said').textContent()).trim();
}

// Walks through every step of the story in `frame`, answering each question unreadably, wrongly
// and rightly; gives the records the page's `on('answer')` listener received, and checks the
// page at each step.
async function answerEveryQuestion(frame) {
  await frame.evaluate(() => {
    window.__answers = [];
    ICTExplorer.on('answer', (record) => window.__answers.push(record));
  });
  const count = Number(/of (\d+)/.exec(await frame.textContent('#story-counter'))[1]);
  let asked = 0;
  let tries = 0;
  let steps = 0;
  for (let step = 1; step <= count; step++) {
    if (step > 1) {
      await frame.click('#story-next');
      await frame.waitForFunction((step) => document.querySelector('#story-counter').textContent.startsWith(`Step ${step} `), step);
    }
    if (!(await frame.$('#answer'))) continue;
    steps++;
    const where = `step ${step}`;
    assert.equal(await frame.$('#story .answer-card'), null, `${where}: the working shows before the student tried`);
    const label = await frame.textContent('label[for=answer]');
    assert.match(label, /^Your answer, to (one decimal|two decimals|the nearest whole number)/, `${where}: the question does not say its precision`);

    const unreadable = await answer(frame, 'abc');
    assert.match(unreadable, /not a number: write one such as/, `${where}: "abc" is answered with "${unreadable}"`);
    assert.equal(await frame.$('#story .answer-card'), null, `${where}: an unreadable answer showed the working`);
    assert.equal(await frame.evaluate(() => __answers.length), tries, `${where}: an unreadable answer was reported as a try`);

    // A first try far from anything the paper gives tells the expected value.
    const far = await answer(frame, '100000');
    tries++;
    const first = await frame.evaluate(() => __answers.at(-1));
    const { min, max, decimals } = rightRange(first);
    assert.equal(first.question, `ning/step-${step}`, `${where}: the record names the question ${first.question}`);
    assert.ok(first.expected >= min && first.expected <= max, `${where}: ${first.expected} is outside its own right range ${min}–${max}`);
    assert.equal(first.right, false, `${where}: 100000 was counted right`);
    assert.match(far, /^Not quite: you wrote 100000, and the answer is .+\.$/, `${where}: a wrong answer is answered with "${far}"`);
    assert.ok(await frame.isVisible('#story .answer-card'), `${where}: the working does not show after a try`);

    const wrong = (first.expected + 3 * (max - min)).toFixed(decimals);
    assert.match(await answer(frame, wrong), /^Not quite/, `${where}: ${wrong} is not called wrong`);
    tries++;
    const unit = UNIT_WORDS[first.unit] ?? '';
    const sign = first.expected < 0 ? '-' : '+';
    const right = `${sign}${Math.abs(first.expected).toFixed(decimals)} ${unit}`.trim();
    assert.match(await answer(frame, right), /^Right: .+\.$/, `${where}: the right answer ${right} is not called right`);
    tries++;
    asked++;
    await frame.waitForFunction((text) => document.querySelector('#story-counter') && document.querySelector('#answer').value === text, right);
    assert.ok((await frame.textContent('#story-counter')).startsWith(`Step ${step} `), `${where}: typing "${right}" moved the story`);
    const records = await frame.evaluate(() => __answers.slice(-3));
    assert.deepEqual(records.map((record) => [record.answer, record.right, record.tries]), [['100000', false, 1], [wrong, false, 2], [right, true, 3]], `${where}: the answer events`);
    const statement = records[2].statement;
    assert.equal(statement.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
    assert.equal(statement.object.definition.type, 'http://adlnet.gov/expapi/activities/cmi.interaction');
    assert.equal(statement.object.definition.interactionType, 'numeric');
    assert.deepEqual([statement.result.success, Number(statement.result.response)], [true, records[2].value], `${where}: the statement's result`);
    assert.equal(records[2].value, Number(right.replace(/[^\d.-]/g, '')), `${where}: "${right}" was read as ${records[2].value}`);
    assert.equal(statement.result.extensions['https://ict-explorer.github.io/xapi/tries'], 3);
    assert.ok(!Number.isNaN(Date.parse(statement.timestamp)), `${where}: the statement's timestamp is ${statement.timestamp}`);
    const score = (await frame.textContent('#story-score')).trim();
    assert.match(score, new RegExp(`^Questions answered: ${asked} of \\d+, right: ${asked}, tries: ${tries}$`), `${where}: the score says "${score}"`);
  }
  assert.ok(steps >= 5, `only ${steps} questions were found in the story`);
  return { steps, tries };
}

test('single file: every question answered unreadably, wrongly and rightly; messages, score, events, no request', async () => {
  const { context, page, seen } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?story=ning` });
  try {
    const { steps, tries } = await answerEveryQuestion(page);
    const score = (await page.textContent('#story-score')).trim();
    assert.equal(score, `Questions answered: ${steps} of ${steps}, right: ${steps}, tries: ${tries}`);
    await page.screenshot({ path: process.env.ANSWERS_SCREENSHOT ?? '/tmp/answers.png' }).catch(() => {});
    assert.deepEqual(seen.requests.filter((url) => !isLocalUrl(url)), [], 'the single file made a request');
    assert.deepEqual(seen.errors, [], 'the page reported errors');
  } finally {
    await context.close();
  }
});

test('in a frame: the parent window receives each answer, a sibling frame none', async () => {
  const sibling = '<script>window.got = []; addEventListener("message", (event) => got.push(event.data));<\/script>';
  host.pages.set('/course.html', `<!doctype html><meta charset="utf-8"><title>Course</title>
    <iframe name="explorer" src="/single.html?story=ning&embed=1" width="1000" height="900"></iframe>
    <iframe name="sibling" srcdoc='${sibling}'></iframe>
    <script>window.answers = []; addEventListener('message', (event) => { if (event.data?.ictExplorer === 'answer') answers.push(event.data); });</script>`);
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  try {
    await page.goto(`${host.origin}/course.html`);
    const frame = await (await page.waitForSelector('iframe[name=explorer]')).contentFrame();
    await frame.waitForSelector(READY, { timeout: 20_000 });
    const { tries } = await answerEveryQuestion(frame);
    await page.waitForFunction((tries) => answers.length === tries, tries, { timeout: 5000 }).catch(() => {});
    const posted = await page.evaluate(() => answers);
    const heard = await frame.evaluate(() => __answers);
    assert.equal(posted.length, tries, `the parent window received ${posted.length} answers for ${tries} tries`);
    assert.deepEqual(posted.map(({ ictExplorer, ...record }) => record), heard, 'the parent was told something else than the page');
    const siblingFrame = page.frames().find((candidate) => candidate.name() === 'sibling');
    assert.deepEqual(await siblingFrame.evaluate(() => got), [], 'a sibling frame received messages');
    assert.deepEqual(requests.filter((url) => !url.startsWith(host.origin)), [], 'the explorer made a request elsewhere');
  } finally {
    await context.close();
  }
});

test('<ict-explorer>: on(\'answer\') before and after the view starts, and no message to the host window', async () => {
  host.pages.set('/element.html', `<!doctype html><meta charset="utf-8"><title>Course</title>
    <ict-explorer story="ning" step="3"></ict-explorer>
    <script>
      window.early = []; window.late = []; window.messages = [];
      addEventListener('message', (event) => messages.push(event.data));
      const view = document.querySelector('ict-explorer');
      // Once the element is defined, and before its view has started: a listener then waits.
      customElements.whenDefined('ict-explorer').then(() => {
        view.on('answer', (record) => early.push(record));
        view.ready.then(() => view.on('answer', (record) => late.push(record)));
      });
    </script>
    <script src="${site.origin}/embed.js"></script>`);
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await context.newPage();
  try {
    await page.goto(`${host.origin}/element.html`);
    await page.waitForFunction(() => document.querySelector('ict-explorer').shadowRoot?.querySelector('#app[data-ready="true"]'), null, { timeout: 20_000 });
    await page.evaluate(() => document.querySelector('ict-explorer').ready);
    const said = await answer(page, 'abc');
    assert.match(said, /not a number/, `an unreadable answer in the element is answered with "${said}"`);
    assert.match(await answer(page, '1'), /^(Not quite|Right)/);
    const [early, late, messages] = await page.evaluate(() => [early, late, messages]);
    assert.equal(early.length, 1, 'a listener added before the view started heard no answer');
    assert.deepEqual(late, early, 'the two listeners heard different answers');
    assert.equal(early[0].question, 'ning/step-3');
    assert.equal(early[0].answer, '1');
    assert.deepEqual(messages, [], 'the element posted messages to the host page');
  } finally {
    await context.close();
  }
});

test('a question passes axe-core (WCAG 2.2 AA) before and after each kind of try, in light and dark', async () => {
  const axeSource = await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${SINGLE_FILE_URL}?story=ning&step=3`);
      await page.waitForSelector(READY, { timeout: 20_000 });
      await page.evaluate(axeSource);
      for (const typed of [null, 'abc', '100000', '100000 %']) {
        if (typed !== null) await answer(page, typed);
        const result = await page.evaluate((tags) => window.axe.run({ include: [['#story']] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), tags);
        const found = result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
        assert.deepEqual(found, [], `${colorScheme}, after ${typed ?? 'no try'}: a student using assistive technology meets these problems`);
      }
    } finally {
      await context.close();
    }
  }
});

for (const [name, launch] of [['Firefox ESR', launchFirefox], ['WebKitGTK', launchWebKit]]) {
  test(`${name}: an answer typed and sent with Enter is checked and reported`, async () => {
    const other = await launch();
    try {
      await other.open(`${SINGLE_FILE_URL}?story=ning&step=3`);
      await other.run(() => ICTExplorer.ready.then(() => {
        window.__answers = [];
        ICTExplorer.on('answer', (record) => window.__answers.push(record));
      }));
      const type = async (text) => {
        const field = await other.driver.findElement(By.css('#answer'));
        await field.clear();
        await field.sendKeys(text, Key.ENTER);
        return other.run(() => document.querySelector('#answer-said').textContent.trim());
      };
      assert.match(await type('abc'), /not a number/, `${name}: "abc" was not refused`);
      assert.match(await type('100000'), /^Not quite/, `${name}: 100000 was not called wrong`);
      const [first] = await other.run(() => window.__answers);
      const { decimals } = rightRange(first);
      const right = `+${first.expected.toFixed(decimals)} ${UNIT_WORDS[first.unit] ?? ''}`.trim();
      assert.match(await type(right), /^Right/, `${name}: ${right} was not called right`);
      const records = await other.run(() => window.__answers.map((record) => [record.question, record.answer, record.right, record.tries]));
      assert.deepEqual(records, [['ning/step-3', '100000', false, 1], ['ning/step-3', right, true, 2]], `${name}: the answer events`);
      assert.deepEqual(other.logErrors, [], `${name} logged errors`);
    } finally {
      await other.close();
    }
  });
}
