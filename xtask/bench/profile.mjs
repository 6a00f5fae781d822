// Where a toggle's time goes in the single file: `node xtask/bench/profile.mjs [toggles]`
// runs that many setState toggles (the bench's chart, two series ↔ all five, each in a fresh
// frame, with a layout read and the next frame painted) and prints the mean per toggle of
// Chromium's own counters: script, style, layout, and the whole task time, from DevTools'
// Performance.getMetrics before and after. A profile for BENCHMARKS.md, not a target.
import { READY, SINGLE_FILE, launchBrowser } from '../../tests/e2e/helpers.mjs';
import { pathToFileURL } from 'node:url';
import { CHART } from './peers.mjs';
import { sizeChartBox } from './page.mjs';

const toggles = Number(process.argv[2] ?? 200);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: CHART.dpr });
  await context.addInitScript(sizeChartBox, { width: CHART.width, height: CHART.height });
  const page = await context.newPage();
  await page.goto(`${pathToFileURL(SINGLE_FILE).href}?${CHART.query}&series=${CHART.series.join(',')}`);
  await page.waitForSelector(READY);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  const devtools = await context.newCDPSession(page);
  await devtools.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await devtools.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
  const before = await metrics();
  const wall = await page.evaluate(async ({ count, two, all }) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    let total = 0;
    for (let i = 0; i < count; i++) {
      await frame();
      const start = performance.now();
      await ICTExplorer.setState({ series: i % 2 ? all : two });
      void document.body.offsetHeight;
      total += performance.now() - start;
    }
    await frame();
    return total;
  }, { count: toggles, two: CHART.two, all: CHART.series });
  const after = await metrics();
  const per = (name) => (((after[name] - before[name]) * 1000) / toggles).toFixed(2);
  console.log(`${toggles} setState toggles of the single file, mean per toggle in ms:`);
  console.log(`  measured in the page (update + layout read): ${(wall / toggles).toFixed(2)}`);
  console.log(`  script ${per('ScriptDuration')}, style ${per('RecalcStyleDuration')}, layout ${per('LayoutDuration')}, all tasks ${per('TaskDuration')}`);
  console.log(`  style recalcs ${((after.RecalcStyleCount - before.RecalcStyleCount) / toggles).toFixed(1)}, layouts ${((after.LayoutCount - before.LayoutCount) / toggles).toFixed(1)}, DOM nodes at the end ${after.Nodes}`);
} finally {
  await browser.close();
}
