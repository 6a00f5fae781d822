// Times the chart's redraw alone (App.redraw: the canvas drawn again, no DOM changed) in two
// builds of the single file, interleaved in one headless Chromium:
//   node xtask/bench/redraw.mjs BEFORE.html AFTER.html [rounds] [redraws per round]
// Each round opens each file in a fresh 1280×800 context at DPR 2 (the chart's canvas is then
// about 1,500×900 pixels), wraps App.redraw to time it, and switches the colour scheme back and
// forth, which redraws the chart alone. file: pages are not cross-origin isolated, so the
// browser's clock is coarsened to 0.1 ms: read the medians to that precision.
import { chromium } from 'playwright-core';
const [before, after] = process.argv.slice(2, 4);
if (!before || !after) throw new Error('usage: node xtask/bench/redraw.mjs BEFORE.html AFTER.html [rounds] [per round]');
const files = { before, after };
const rounds = Number(process.argv[4] ?? 6), per = Number(process.argv[5] ?? 40);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
const times = { before: [], after: [] };
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 ? ['after', 'before'] : ['before', 'after']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`file://${files[name]}?view=ownership&measure=share_total_assets`);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.evaluate(() => {
      window.__redraws = [];
      const original = wasm_bindgen.App.prototype.redraw;
      wasm_bindgen.App.prototype.redraw = function (...args) {
        const start = performance.now();
        try { return original.apply(this, args); } finally { window.__redraws.push(performance.now() - start); }
      };
    });
    for (let i = 0; i < per; i++) {
      await page.emulateMedia({ colorScheme: i % 2 ? 'light' : 'dark' });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    times[name].push(...await page.evaluate(() => window.__redraws));
    await context.close();
  }
}
await browser.close();
const stat = (xs) => { const s = [...xs].sort((a, b) => a - b); const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; return { n: s.length, median: q(0.5).toFixed(2), p95: q(0.95).toFixed(2) }; };
console.log(`redraw ms (n, median, p95): before ${JSON.stringify(stat(times.before))}, after ${JSON.stringify(stat(times.after))}`);
