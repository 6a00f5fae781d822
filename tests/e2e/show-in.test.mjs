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
    // says it only opens the view.
    const expected = /No chart plots/.test(result.banner) ? `Open ${result.tab} (no chart plots this)` : `Show in ${result.tab}`;
    if (label !== expected) problems.push(`${where} opens ${result.tab}`);
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
