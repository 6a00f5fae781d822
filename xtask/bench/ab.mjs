// Two builds of the single file, interleaved: the first chart of each (navigation start to the
// chart drawn, as app.js records it), loaded one after the other in fresh contexts, alternating,
// so that whatever else the machine is doing weighs on both alike. For a change that must not
// slow the page (issue 16: English with Chinese beside it must not grow by more than 2%).
//
//   node xtask/bench/ab.mjs <before.html> <after.html> [loads per build, default 21] [query]
import { pathToFileURL } from 'node:url';
import { statSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchBrowser, READY } from '../../tests/e2e/helpers.mjs';
import { median, percentile } from './report.mjs';

const [before, after, loads = '21', query = 'view=ownership&measure=share_total_assets'] = process.argv.slice(2);
if (!before || !after) throw new Error('usage: node xtask/bench/ab.mjs <before.html> <after.html> [loads] [query]');
const builds = [['before', before], ['after', after]];
const times = { before: [], after: [] };
const browser = await launchBrowser();
try {
  for (let round = 0; round < Number(loads); round++) {
    // The order alternates too, so that neither build always goes first.
    for (const [name, file] of round % 2 ? [...builds].reverse() : builds) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${pathToFileURL(file).href}?${query}`);
      await page.waitForSelector(READY);
      times[name].push(await page.evaluate(() => Number(document.getElementById('app').dataset.firstChartMs)));
      await context.close();
    }
  }
} finally {
  await browser.close();
}
const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1000;
console.log(`| build | gzip KB | raw KB | first chart ms, median (p25–p75) of ${loads} |`);
console.log('|---|---|---|---|');
for (const [name, file] of builds) {
  const list = times[name];
  console.log(`| ${name} | ${gzip(file).toFixed(1)} | ${(statSync(file).size / 1000).toFixed(1)} | ${median(list).toFixed(1)} (${percentile(list, 25).toFixed(1)}–${percentile(list, 75).toFixed(1)}) |`);
}
const change = (median(times.after) / median(times.before) - 1) * 100;
const bytes = (gzip(after) / gzip(before) - 1) * 100;
console.log(`\nafter against before: first chart ${change >= 0 ? '+' : ''}${change.toFixed(1)}%, gzip ${bytes >= 0 ? '+' : ''}${bytes.toFixed(1)}%`);
