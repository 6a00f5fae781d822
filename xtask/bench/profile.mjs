// Where a toggle's time goes in the single file: `node xtask/bench/profile.mjs [toggles]`
// runs that many setState toggles (the bench's chart, two series ↔ all five, each in a fresh
// frame, with a layout read and the next frame painted) and prints the mean per toggle of the
// time the page measures and of Chromium's own counters (style, layout, all main-thread tasks,
// from DevTools' Performance.getMetrics before and after). A profile for BENCHMARKS.md, not a
// target.
import { READY, SINGLE_FILE, launchBrowser } from '../../tests/e2e/helpers.mjs';
import { pathToFileURL } from 'node:url';
import { CHART } from './peers.mjs';
import { sizeChartBox, toggleTimes } from './page.mjs';

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
  // The bench's own toggles; it ends with one more, untimed, that puts all five series back.
  const { total } = await page.evaluate(toggleTimes, { app: true, count: toggles, two: CHART.two, all: CHART.series });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  const after = await metrics();
  // Chromium's counters saw every toggle, the untimed last one too.
  const per = (name) => ((after[name] - before[name]) * 1000) / (toggles + 1);
  const measured = total.reduce((sum, ms) => sum + ms, 0) / toggles;
  const [style, layout, tasks] = [per('RecalcStyleDuration'), per('LayoutDuration'), per('TaskDuration')];
  const ms = (value) => value.toFixed(2);
  console.log(`${toggles} setState toggles of the single file, mean per toggle in ms:`);
  console.log(`  the update and a layout read, timed in the page: ${ms(measured)}`);
  console.log(`    of which style ${ms(style)} and layout ${ms(layout)} (Chromium's counters), the rest ${ms(measured - style - layout)}: the core's script and its writes to the page`);
  console.log(`  main-thread tasks in all: ${ms(tasks)}; after the update (the frame's paint and commit, the API's promise): ${ms(tasks - measured)}`);
  console.log(`  style recalculations ${((after.RecalcStyleCount - before.RecalcStyleCount) / (toggles + 1)).toFixed(1)} and layouts ${((after.LayoutCount - before.LayoutCount) / (toggles + 1)).toFixed(1)} per toggle; DOM nodes at the end ${after.Nodes}`);
} finally {
  await browser.close();
}
