// The Data quality view as a student reads it in the single file: the search and each filter
// narrow the list and its counts, Clear brings everything back, a link to a finding or claim
// opens on it, and Back after "Show in …" returns to the item the reader left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SINGLE_FILE_URL, launchBrowser, openExplorer } from './helpers.mjs';

const QUALITY = `${SINGLE_FILE_URL}?view=quality`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** What the reader sees of the list: the items shown, and the counts the page prints. */
async function list(page) {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('#about .quality-item')];
    const visible = items.filter((item) => item.checkVisibility());
    const count = (key) => Number(document.querySelector(`#about [data-count="${key}"]`)?.textContent);
    return {
      total: items.length,
      shown: visible.map((item) => ({ id: item.id, kind: item.dataset.kind, sources: item.dataset.sources, text: item.textContent })),
      findings: count('findings'),
      claims: count('claims'),
      status: document.getElementById('quality-shown').textContent,
      clear: document.getElementById('quality-clear').checkVisibility(),
    };
  });
}

/** Whether the element of `id` is on screen and has the keyboard focus. */
async function inViewAndFocused(page, id) {
  return page.evaluate((id) => {
    const item = document.getElementById(id);
    if (!item) return { on: false, focused: false, why: `#${id} is not in the page` };
    const box = item.getBoundingClientRect();
    return {
      on: box.top >= -1 && box.top < innerHeight && box.bottom > 0,
      focused: document.activeElement === item,
      why: `top at ${Math.round(box.top)} px of ${innerHeight}, focus on ${document.activeElement?.id || document.activeElement?.tagName}`,
    };
  }, id);
}

function assertCountsMatch(now, what) {
  const findings = now.shown.filter((item) => item.id.startsWith('finding-')).length;
  assert.equal(now.findings, findings, `${what}: the contents say ${now.findings} findings, ${findings} are shown`);
  assert.equal(now.claims, now.shown.length - findings, `${what}: the contents count the claims wrong`);
}

test('typing narrows the list and its counts; no match says so; Clear restores everything', async () => {
  const { context, page, seen } = await openExplorer(browser, { url: QUALITY });
  try {
    const start = await list(page);
    assert.ok(start.total >= 120, `only ${start.total} findings and claims are listed`);
    assert.equal(start.shown.length, start.total, 'the list should start with everything shown');
    assert.equal(start.clear, false, 'Clear should wait until there is something to clear');

    await page.locator('#quality-search').pressSequentially('LÉNOVO', { delay: 20 });
    const lenovo = await list(page);
    assert.ok(lenovo.shown.length > 0 && lenovo.shown.length < start.total, `'LÉNOVO' shows ${lenovo.shown.length} of ${start.total}`);
    for (const item of lenovo.shown) assert.match(item.text, /lenovo/i, `#${item.id} is shown for 'LÉNOVO' but never names Lenovo`);
    assertCountsMatch(lenovo, "'LÉNOVO'");
    assert.match(lenovo.status, new RegExp(`^${lenovo.shown.length} of ${start.total} shown`));
    assert.equal(lenovo.clear, true, 'Clear should show once the list is narrowed');
    // The screen reader hears the count once typing pauses.
    await page.waitForFunction(() => /of \d+ shown/.test(document.getElementById('quality-announce').textContent), null, { timeout: 3000 });

    await page.locator('#quality-search').pressSequentially(' dell');
    const both = await list(page);
    assert.ok(both.shown.length > 0 && both.shown.length < lenovo.shown.length, "'Lenovo Dell' should leave fewer items than 'Lenovo'");

    await page.fill('#quality-search', 'xyzzy');
    const none = await list(page);
    assert.equal(none.shown.length, 0, "'xyzzy' should match nothing");
    assert.equal(none.status, "No finding or claim matches 'xyzzy'.");
    assert.equal(none.findings + none.claims, 0, 'the contents should count nothing shown');

    await page.click('#quality-clear');
    const cleared = await list(page);
    assert.equal(cleared.shown.length, start.total, 'Clear should bring every item back');
    assert.equal(await page.inputValue('#quality-search'), '', 'Clear should empty the search box');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'quality-search', 'the focus should go to the search box, not the page');
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test('each filter narrows the list to its kind or table, and the counts follow', async () => {
  const { context, page, seen } = await openExplorer(browser, { url: QUALITY });
  try {
    const start = await list(page);
    const kinds = await page.$$eval('#about input[name=quality-kind]', (boxes) => boxes.map((box) => box.value));
    assert.deepEqual(kinds, ['warning', 'info', 'agrees', 'disagrees', 'not_checkable']);
    for (const kind of kinds) {
      const ofKind = start.shown.filter((item) => item.kind === kind).length;
      assert.ok(ofKind > 0, `no item is of kind ${kind}`);
      await page.uncheck(`#quality-kind-${kind}`);
      const without = await list(page);
      assert.equal(without.shown.length, start.total - ofKind, `switching ${kind} off should hide its ${ofKind} items`);
      assert.ok(!without.shown.some((item) => item.kind === kind), `an item of kind ${kind} is still shown`);
      assertCountsMatch(without, `without ${kind}`);
      await page.check(`#quality-kind-${kind}`);
      assert.equal((await list(page)).shown.length, start.total, `switching ${kind} back on should restore the list`);
    }
    for (const source of ['table2', 'fig2', 'text']) {
      await page.selectOption('#quality-source', source);
      const chosen = await list(page);
      const about = start.shown.filter((item) => item.sources.split(' ').includes(source)).length;
      assert.ok(about > 0 && about < start.total, `${source} should be about some items, not all`);
      assert.equal(chosen.shown.length, about, `choosing ${source} should leave the ${about} items about it`);
      assertCountsMatch(chosen, source);
    }
    await page.selectOption('#quality-source', '');
    assert.equal((await list(page)).shown.length, start.total);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test('a link to a claim or a finding opens the list on that item, focused', async () => {
  const { context, page } = await openExplorer(browser, { url: QUALITY });
  const ids = await page.$$eval('#about .quality-item', (items) => items.map((item) => item.id));
  await context.close();
  // Items far down the list, which the browser's own scroll to the fragment missed.
  const targets = [ids.filter((id) => id.startsWith('finding-')).at(-1), ids.at(-1), ids[Math.floor(ids.length * 0.6)]];
  for (const id of targets) {
    const { context, page, seen } = await openExplorer(browser, { url: `${QUALITY}#${id}` });
    try {
      const place = await inViewAndFocused(page, id);
      assert.ok(place.on && place.focused, `opening #${id}: the item should be on screen and focused (${place.why})`);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  }
});

test('"Link to this" puts the item in the address; Show in … then Back returns to the item', async () => {
  const { context, page, seen } = await openExplorer(browser, { url: QUALITY, viewport: { width: 1280, height: 720 } });
  try {
    await page.locator('#quality-search').pressSequentially('exports');
    const item = page.locator('#about .claim:not([hidden])').nth(4);
    const id = await item.getAttribute('id');
    await item.locator('a.permalink').click();
    await page.waitForFunction((id) => location.hash === `#${id}`, id);
    assert.ok((await inViewAndFocused(page, id)).on, `after 'Link to this', #${id} should be on screen`);

    const title = await page.textContent('#view-title');
    await item.locator('button[name=goto]').click();
    await page.waitForFunction((title) => document.getElementById('view-title').textContent !== title, title);
    assert.notEqual(new URL(page.url()).searchParams.get('view'), 'quality', '"Show in" should open another view');

    await page.goBack();
    await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 5000 }).catch(() => {});
    const place = await inViewAndFocused(page, id);
    assert.ok(place.on && place.focused, `after Back, #${id} should be on screen and focused (${place.why})`);
    assert.equal(await page.inputValue('#quality-search'), 'exports', 'Back should keep the search');
    assert.ok((await list(page)).shown.length < (await list(page)).total, 'Back should keep the list narrowed');
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test('the banner\'s "Back to Data quality" returns to the item, as the browser\'s Back does', async () => {
  const { context, page, seen } = await openExplorer(browser, { url: QUALITY, viewport: { width: 1280, height: 720 } });
  try {
    const item = page.locator('#about .finding:not([hidden])').nth(6);
    const id = await item.getAttribute('id');
    await item.locator('button[name=goto]').click();
    await page.waitForSelector('#focus-banner:not([hidden])');
    await page.click('#focus-banner button[name=view][value=quality]');
    await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 5000 }).catch(() => {});
    const place = await inViewAndFocused(page, id);
    assert.ok(place.on && place.focused, `after "Back to Data quality", #${id} should be on screen and focused (${place.why})`);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});
