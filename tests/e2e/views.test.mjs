// Toggling enterprise types and years in the single file, opened from file://: the canvas, the
// table and the summary must all change, at once, with no error and no request leaving the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SINGLE_FILE_URL, isLocalUrl, launchBrowser, openExplorer } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** What a reader sees: the canvas pixels (as a data URL), the table and the summary. */
async function snapshot(page) {
  return page.evaluate(() => ({
    pixels: document.getElementById('chart').toDataURL(),
    rows: [...document.querySelectorAll('#table table.data tbody th[scope=row]')].map((cell) => cell.textContent),
    columns: [...document.querySelectorAll('#table table.data thead th')].map((cell) => cell.textContent).slice(1),
    summary: document.getElementById('summary').textContent,
    search: location.search,
  }));
}

/** Checks a toggle: the canvas, the table rows or columns, and the summary all change. */
async function assertToggle(page, selector, what, check) {
  const before = await snapshot(page);
  await page.click(selector);
  const after = await snapshot(page);
  assert.notEqual(after.pixels, before.pixels, `${what}: the chart did not change`);
  assert.notEqual(after.summary, before.summary, `${what}: the summary did not change`);
  check(before, after);
  return after;
}

const views = [
  { view: 'ownership', series: 'collective', label: 'Collective', year: '2001' },
  { view: 'market', series: 'private', label: 'Private', year: '2002' },
  { view: 'exports', series: 'ordinary_trade', label: 'Ordinary trade', year: '2000' },
  { view: 'rd', series: 'japan', label: 'Japan (2002)', year: null },
  { view: 'trade', series: 'usa', label: 'United States', year: null },
  // FDI inflow draws one series: only its years can be toggled.
  { view: 'fdi', series: null, label: 'Foreign direct investment', year: '1999' },
];

for (const { view, series, label, year } of views) {
  test(`${view}: toggling ${[series && 'a series', year && 'a year'].filter(Boolean).join(' and ')} updates chart, table and summary`, async () => {
    const { context, page, seen } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?view=${view}` });
    try {
      const start = await snapshot(page);
      assert.ok(start.rows.includes(label), `${view}: the table should list ${label} at first, it lists ${start.rows}`);

      if (series) {
        await assertToggle(page, `#ctl-series-${series}`, `${view}: switching ${label} off`, (before, after) => {
          assert.ok(!after.rows.includes(label), `${view}: the table still lists ${label}`);
          assert.equal(after.rows.length, before.rows.length - 1, `${view}: one table row should go`);
          assert.ok(!after.summary.includes(label), `${view}: the summary still mentions ${label}`);
        });
        await page.waitForFunction(() => location.search.includes('series='), null, { timeout: 2000 }).catch(() => {
          assert.fail(`${view}: the address bar does not record the choice`);
        });
        // The legend entry turns the series back on.
        await assertToggle(page, `#legend-${series}`, `${view}: the legend entry of ${label}`, (before, after) => {
          assert.ok(after.rows.includes(label), `${view}: the legend did not bring ${label} back`);
        });
      }
      if (year) {
        await assertToggle(page, `#ctl-category-${year}`, `${view}: switching ${year} off`, (before, after) => {
          assert.ok(!after.columns.includes(year), `${view}: the table still has a ${year} column`);
          assert.equal(after.columns.length, before.columns.length - 1);
        });
      }
      assert.deepEqual(seen.errors, [], `${view}: errors:\n${seen.errors.join('\n')}`);
      const outside = seen.requests.filter((url) => !isLocalUrl(url));
      assert.deepEqual(outside, [], `${view}: requests leaving the page:\n${outside.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

test('the keyboard alone switches views and steps through years', async () => {
  const { context, page, seen } = await openExplorer(browser);
  try {
    // Single-character keys act in the chart's part of the page (WCAG 2.1.4).
    await page.focus('#view-title');
    await page.keyboard.press('2');
    assert.match(await page.textContent('#view-title'), /FDI/i, 'key 2 in the chart should open the FDI view');
    const all = (await snapshot(page)).columns.length;
    await page.keyboard.press('ArrowLeft');
    assert.equal((await snapshot(page)).columns.length, all - 1, '← should hide the last year');
    await page.keyboard.press('ArrowRight');
    assert.equal((await snapshot(page)).columns.length, all, '→ should bring it back');
    await page.focus('#tab-fdi');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-market', 'aria-selected'), 'true', '→ on the tabs should select the next view');
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test('a shared link opens the same view', async () => {
  const { context, page } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?view=ownership&measure=share_total_assets&chart=stacked100&years=1997,2005` });
  try {
    const seen = await snapshot(page);
    assert.deepEqual(seen.columns, ['1997', '2005']);
    assert.equal(await page.isChecked('#ctl-chart-stacked100'), true);
    assert.match(seen.summary, /100%/);
  } finally {
    await context.close();
  }
});

test('after many patched updates every region reads as a fresh page with that state, and the focus stays', async () => {
  // The page is patched, not rewritten: a region that kept a stale row, cell or attribute would
  // show a reader something the state does not say.
  const regions = ['tabs', 'controls', 'legend', 'table', 'stats', 'summary', 'view-title'];
  const read = (page) => page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, document.getElementById(id).innerHTML])), regions);
  const steps = [
    { series: ['foreign_funded', 'state_owned'] }, { series: ['collective', 'private'] }, { chart: 'bars' },
    { series: ['private', 'foreign_funded', 'joint_stock'] }, { view: 'fdi' }, { view: 'market' },
    { view: 'ownership', measure: 'share_total_assets' }, { series: ['state_owned'] }, { transform: 'index' },
    { view: 'rd' }, { view: 'exports' }, { view: 'ownership' },
  ];
  const { context, page } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?view=ownership` });
  try {
    for (const step of steps) {
      await page.evaluate((settings) => ICTExplorer.setState(settings), step);
      const patched = await read(page);
      // The address follows once the reader pauses (a quarter of a second).
      await page.waitForTimeout(400);
      const fresh = await context.newPage();
      await fresh.goto(`${SINGLE_FILE_URL}${await page.evaluate(() => location.search)}`);
      await fresh.waitForSelector('#app[data-ready="true"]');
      const clean = await read(fresh);
      await fresh.close();
      for (const id of regions) {
        if (id === 'controls') continue; // Play's pressed state is set by the page's script after a first event.
        assert.equal(patched[id], clean[id], `after setState(${JSON.stringify(step)}) #${id} shows what a fresh page with that state does not`);
      }
    }
    await page.focus('#ctl-series-collective');
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'ctl-series-collective', 'toggling a series with the keyboard moved the focus away from its box');
    await page.focus('#legend-private');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'legend-private', 'a legend button lost the focus when it was pressed');
    assert.equal(await page.getAttribute('#legend-private', 'aria-pressed'), 'false', 'the legend button does not say its series is hidden');
  } finally {
    await context.close();
  }
});

test('without WebAssembly the page says so and shows the data tables', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.addInitScript(() => { delete globalThis.WebAssembly; });
    await page.goto(SINGLE_FILE_URL);
    await page.waitForSelector('#status.failure', { timeout: 10_000 });
    assert.match(await page.textContent('#status'), /could not start/);
    assert.ok(await page.isVisible('#fallback table'), 'the fallback tables should be visible');
  } finally {
    await context.close();
  }
});

test('Back returns to the previous view, and a reload keeps the choices', async () => {
  const { context, page, seen } = await openExplorer(browser);
  try {
    await page.click('#ctl-series-private');
    await page.click('#tab-fdi');
    assert.match(await page.textContent('#view-title'), /FDI/i);
    await page.goBack();
    await page.waitForFunction(() => document.getElementById('view-title').textContent.includes('firms'));
    assert.equal(await page.isChecked('#ctl-series-private'), false, 'Back should restore the unticked type');
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    assert.equal(await page.isChecked('#ctl-series-private'), false, 'a reload should keep the unticked type');
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test('the Data quality view lists the findings and claims, and "Show in" opens their cells', async () => {
  const { context, page, seen } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?view=quality` });
  try {
    const findings = await page.locator('#about .finding').count();
    const claims = await page.locator('#about .claim').count();
    assert.ok(findings >= 20, `only ${findings} findings are shown`);
    assert.ok(claims >= 90, `only ${claims} claims are shown`);
    await page.click('#finding-text-sce-average-vs-table1 button[name=goto]');
    assert.match(await page.textContent('#view-title'), /domestic-funded firms' assets/, 'the finding should open Table 1\'s domestic shares');
    assert.equal(await page.isChecked('#ctl-series-state_controlled'), true, 'the state-controlled row should be switched on');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'view-title', 'focus should move to the view that opened');
    assert.ok((await page.locator('#about .table-findings li').count()) > 0, 'the table view should list its findings');
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});
