// Every "Show in …" button of Data quality, clicked as a student would: it must open a chart
// that draws each value it outlines, with the finding's or claim's title kept above the chart;
// a button whose numbers no chart plots, or whose values are missing, must say so in that
// banner instead of pretending.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openExplorer } from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(() => browser?.close());

test('every "Show in …" button opens a chart that draws the values it outlines, under the item\'s title', async () => {
  const { context, page, seen } = await openExplorer(browser, { url: undefined });
  await page.evaluate(() => window.ICTExplorer.setState({ view: 'quality' }));
  const count = await page.locator('button[name=goto]').count();
  assert.ok(count >= 124, `Data quality has only ${count} "Show in …" buttons`);
  const problems = [];
  let outlined = 0;
  let uncharted = 0;
  for (let index = 0; index < count; index++) {
    await page.evaluate(() => window.ICTExplorer.setState({ view: 'quality' }));
    const button = page.locator('button[name=goto]').nth(index);
    const [cells, title] = (await button.getAttribute('value')).split('|');
    const label = (await button.textContent()).trim();
    await button.evaluate((element) => element.click());
    // The chart box was hidden in Data quality: its size, and the chart at that size, arrive
    // with the next frames.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const result = await page.evaluate(() => ({
      view: window.ICTExplorer.getState().view,
      tab: document.querySelector('#tabs [role=tab][aria-selected=true]').textContent.trim(),
      outlines: new URLSearchParams(location.search).get('outline')?.split('|') ?? [],
      marks: window.ICTExplorer.marks().map((mark) => `${mark.series_id}@${mark.category_id}`),
      banner: document.getElementById('focus-banner').hidden ? '' : document.getElementById('focus-banner').textContent,
    }));
    const where = `"${label}" for "${title.slice(0, 70)}" (cells ${cells})`;
    // "Show in" promises a chart that draws the values; a button whose numbers no chart plots
    // promises the quoted numbers themselves.
    const promised = /No chart plots/.test(result.banner)
      ? /^Show the (?:\d+ )?quoted numbers? in (.*)$/.exec(label)?.[1]
      : /^Show in (.*)$/.exec(label)?.[1];
    if (promised !== result.tab) problems.push(`${where} opens ${result.tab}`);
    if (!result.banner.includes(title.slice(0, 40))) problems.push(`${where} opens without its title above the chart`);
    const missing = result.outlines.filter((outline) => !result.marks.includes(outline.split(':')[0]));
    if (missing.length) problems.push(`${where} outlines ${missing.join(', ')}, which the chart does not draw`);
    if (result.outlines.length) outlined++;
    else if (/No chart plots|values are missing/.test(result.banner)) uncharted++;
    else problems.push(`${where} outlines nothing and does not say why`);
  }
  assert.deepEqual(seen.errors, []);
  await context.close();
  assert.deepEqual(problems, [], `${problems.length} of ${count} buttons mislead a student`);
  console.log(`# ${count} "Show in …" buttons: ${outlined} outline their values, ${uncharted} say why none is drawn (no chart plots them, or they are missing)`);
  assert.ok(outlined >= 100, `only ${outlined} buttons outline the values they are about`);
});

test('a button whose number no chart plots marks that number\'s row under the chart and moves the focus there', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    const { context, page, seen } = await openExplorer(browser, { url: undefined, viewport });
    await page.evaluate(() => window.ICTExplorer.setState({ view: 'quality' }));
    const buttons = page.locator('button[name=goto]', { hasText: /quoted numbers? in/ });
    const count = await buttons.count();
    assert.ok(count > 0, 'no button of Data quality shows a quoted number');
    // The laptop claim names one number, the R&D centres' claim three; try both kinds.
    for (const index of [0, count - 1]) {
      await page.evaluate(() => window.ICTExplorer.setState({ view: 'quality' }));
      const button = buttons.nth(index);
      const statement = (await button.getAttribute('value')).split('|')[1];
      const label = (await button.textContent()).trim();
      await button.click();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const result = await page.evaluate(() => {
        const marked = [...document.querySelectorAll('#about [aria-current=true]')];
        const focused = document.activeElement;
        const box = focused.getBoundingClientRect();
        const figure = document.getElementById('figure').getBoundingClientRect();
        return {
          marked: marked.map((row) => row.id),
          focused: focused.id,
          focusedText: focused.textContent,
          onScreen: box.top >= 0 && box.bottom <= innerHeight,
          // On a phone the chart stays at the top while the page scrolls: the row must not be under it.
          underChart: getComputedStyle(document.getElementById('figure')).position === 'sticky' && box.top < figure.bottom && figure.bottom > 0,
          view: window.ICTExplorer.getState().view,
        };
      });
      const where = `At ${viewport.width}×${viewport.height}, "${label}" for "${statement.slice(0, 60)}"`;
      assert.equal(result.view, 'trade', `${where} opens ${result.view}`);
      const wanted = Number(label.match(/(\d+) quoted/)?.[1] ?? 1);
      assert.equal(result.marked.length, wanted, `${where} marks ${result.marked.length} rows: ${result.marked.join(', ')}`);
      assert.equal(result.focused, result.marked[0], `${where} leaves the focus on "${result.focused}", not on the marked row`);
      assert.ok(result.onScreen && !result.underChart, `${where} leaves the marked row off screen or under the chart`);
    }
    assert.deepEqual(seen.errors, []);
    await context.close();
  }
});
