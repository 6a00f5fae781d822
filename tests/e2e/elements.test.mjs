// <ict-explorer> elements (www/embed.js) on a course page of another origin than the site's:
// several views drawn into the page itself on one WebAssembly instance, each with its own
// state and API, its attributes read as a link when it starts, and its styles
// scoped both ways against a page whose own styles are hostile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SITE_DIR, launchBrowser, serve, siteHeaders } from './helpers.mjs';

let browser;
let site; // dist/site/ with its headers
let host; // the course pages, on another origin

before(async () => {
  site = await serve(SITE_DIR, { headers: await siteHeaders() });
  host = await serve(SITE_DIR);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  site?.close();
  host?.close();
});

// Counts the WebAssembly instances the page makes, and collects its errors, from before any
// script of the page runs.
function countInstances() {
  window.__instances = 0;
  window.__problems = [];
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      window.__instances++;
      return original.apply(this, args);
    };
  }
  addEventListener('error', (event) => window.__problems.push(`error: ${event.message ?? event.target?.src}`), true);
  addEventListener('unhandledrejection', (event) => window.__problems.push(`unhandled rejection: ${event.reason}`));
}

// A page that styles everything its own way, with force: none of it may reach a view, and
// none of the views' styles may reach its own content.
const HOSTILE_CSS = `
  * { font: 40px serif !important; color: red !important; letter-spacing: 3px; }
  canvas { display: none !important; }
  h2 { text-transform: uppercase; border: 5px dotted green; }
  button { background: rgb(255, 255, 0); }
  p { margin: 30px; }
  #status, #app, .layout { display: none; }
`;

let pageNumber = 0;
function coursePage(body) {
  const name = `/elements-${++pageNumber}.html`;
  host.pages.set(name, `<!doctype html><meta charset="utf-8"><title>Course page</title><style>${HOSTILE_CSS}</style><body>${body}</body>`);
  return `${host.origin}${name}`;
}

const THREE = `
  <h2 id="host-heading">Week 3: FDI and ownership</h2>
  <p id="host-text">Our own text, in our own style.</p>
  <button id="host-button" type="button">Our button</button>
  <ict-explorer id="one" view="ownership" controls="series" colour="blue"></ict-explorer>
  <ict-explorer id="two" view="fdi" chart="line" class="wide"></ict-explorer>
  <ict-explorer id="three" view="rd" table="0"></ict-explorer>
`;

async function openThree(viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(countInstances);
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning' || message.type() === 'error') warnings.push(`${message.type()}: ${message.text()}`); });
  await page.goto(coursePage(`${THREE}<script src="${site.origin}/embed.js" async></script>`));
  await page.waitForFunction(() => customElements.get('ict-explorer'));
  await page.evaluate(() => Promise.all([...document.querySelectorAll('ict-explorer')].map((element) => element.ready)));
  return { context, page, warnings };
}

const states = (page) => page.evaluate(() => [...document.querySelectorAll('ict-explorer')].map((element) => element.getState()));

test('three <ict-explorer> views share one engine, draw, and each answers for itself', async () => {
  const { context, page, warnings } = await openThree();
  try {
    assert.equal(await page.evaluate(() => window.__instances), 1, 'the three views did not share one WebAssembly instance');
    const requests = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    assert.equal(requests.filter((url) => /ict_explorer_wasm\.js|\.wasm$/.test(url)).length, 1, `the engine was loaded more than once: ${requests.join(', ')}`);

    const marks = await page.evaluate(() => [...document.querySelectorAll('ict-explorer')].map((element) => element.marks().length));
    assert.ok(marks.every((count) => count > 0), `a view drew no chart (marks per view: ${marks})`);
    const before = await states(page);
    assert.deepEqual(before.map((state) => state.view), ['ownership', 'fdi', 'rd'], 'a view does not show the view its attribute names');
    assert.equal(before[1].chart, 'line', 'the second view ignored its chart attribute');

    // A reader's click in one view changes that view alone, and tells its own listeners.
    await page.evaluate(() => {
      window.__heard = [];
      document.querySelectorAll('ict-explorer').forEach((element) => element.on('change', (state) => window.__heard.push([element.id, state.series.length])));
    });
    const box = page.locator('#one input[name="series"]').first();
    await box.click();
    const after = await states(page);
    assert.notDeepEqual(after[0].series, before[0].series, 'clicking a series in the first view did not change it');
    assert.deepEqual(after.slice(1), before.slice(1), 'a click in the first view changed another');
    assert.deepEqual(await page.evaluate(() => window.__heard), [['one', after[0].series.length]], 'the change was not told to the first view\'s listener alone');

    // A script's setState on one view changes that one alone.
    await page.evaluate(() => document.getElementById('two').setState({ chart: 'bars' }));
    const scripted = await states(page);
    assert.equal(scripted[1].chart, 'bars', 'setState did not change the second view');
    assert.deepEqual([scripted[0], scripted[2]], [after[0], after[2]], 'setState on the second view changed another');

    // The attributes are read when a view starts: a later change is not applied, and the
    // console says how to change a running view.
    const unchanged = await states(page);
    await page.evaluate(() => document.getElementById('two').setAttribute('view', 'trade'));
    await page.waitForTimeout(100);
    assert.deepEqual(await states(page), unchanged, 'changing an attribute of a running view changed a view');
    assert.ok(warnings.some((line) => line.includes('reads its attribute "view" only when it starts')), `no warning says the changed attribute is not applied: ${warnings.join('\n')}`);

    // Keys act in the view that has the focus only.
    const keyed = await states(page);
    await page.locator('#host-button').focus();
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await states(page), keyed, 'a key pressed on the host page changed a view');

    assert.ok(warnings.some((line) => line.includes('ignores its attribute "colour"')), `no warning names the unknown attribute: ${warnings.join('\n')}`);
    assert.ok(!warnings.some((line) => /"(class|id)"/.test(line)), `the page's own attributes were warned about: ${warnings.join('\n')}`);
    assert.deepEqual(await page.evaluate(() => window.__problems), [], 'the page reported errors');
    assert.deepEqual(warnings.filter((line) => line.startsWith('error')), [], 'the page logged errors');
  } finally {
    await context.close();
  }
});

test('the host page\'s styles do not reach into a view, nor a view\'s out', async () => {
  const { context, page } = await openThree();
  try {
    const inside = await page.evaluate(() => [...document.querySelectorAll('ict-explorer')].map((element) => {
      const root = element.shadowRoot;
      const style = (id) => getComputedStyle(root.getElementById(id));
      return {
        title: { font: style('view-title').fontFamily, size: style('view-title').fontSize, colour: style('view-title').color, transform: style('view-title').textTransform, border: style('view-title').borderTopStyle, spacing: style('view-title').letterSpacing },
        canvas: style('chart').display,
        chartHeight: root.getElementById('chart').getBoundingClientRect().height,
        app: style('app').display,
      };
    }));
    for (const [index, view] of inside.entries()) {
      const where = `view ${index + 1}`;
      assert.ok(!/serif/.test(view.title.font) || /sans-serif/.test(view.title.font), `${where}'s title takes the host's serif font (${view.title.font})`);
      assert.notEqual(view.title.size, '40px', `${where}'s title takes the host's 40 px type`);
      assert.notEqual(view.title.colour, 'rgb(255, 0, 0)', `${where}'s title is the host's red`);
      assert.equal(view.title.transform, 'none', `${where}'s title is upper-cased by the host's h2 rule`);
      assert.equal(view.title.border, 'none', `${where}'s title has the host's dotted border`);
      assert.equal(view.title.spacing, 'normal', `${where}'s title inherits the host's letter spacing`);
      assert.notEqual(view.canvas, 'none', `${where}'s chart is hidden by the host's canvas rule`);
      assert.ok(view.chartHeight > 100, `${where}'s chart is only ${view.chartHeight} px tall`);
      assert.notEqual(view.app, 'none', `${where} is hidden by the host's #app rule`);
    }
    const outside = await page.evaluate(() => {
      const style = (id) => getComputedStyle(document.getElementById(id));
      return {
        heading: [style('host-heading').textTransform, style('host-heading').fontSize, style('host-heading').borderTopStyle],
        text: [style('host-text').marginTop, style('host-text').fontFamily, style('host-text').color],
        button: style('host-button').backgroundColor,
        body: getComputedStyle(document.body).marginTop,
      };
    });
    assert.deepEqual(outside.heading, ['uppercase', '40px', 'dotted'], 'the host\'s heading lost its own style');
    assert.deepEqual(outside.text, ['30px', 'serif', 'rgb(255, 0, 0)'], 'the host\'s paragraph lost its own style');
    assert.equal(outside.button, 'rgb(255, 255, 0)', 'the host\'s button took the explorer\'s colours');
    assert.equal(outside.body, '8px', 'the explorer\'s body margin reached the host page');
  } finally {
    await context.close();
  }
});
