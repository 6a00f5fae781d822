// What a one-view embed costs a student's connection: the bytes its course page (on another
// origin than the site, as in real use) transfers from the site before the view's first chart,
// each file counted gzipped at level 9 as a static host would send it.
import { gzipSync } from 'node:zlib';
import { SITE_DIR, serve, siteHeaders } from '../../tests/e2e/helpers.mjs';
import { median } from './report.mjs';

/** The course page: one view embedded with embed.js's placeholder (README, "Embedding"). */
const coursePage = (site) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title></head>
<body><div data-ict-explorer="view=ownership&amp;controls=none" data-aspect-ratio="16/9"></div>
<script src="${site}/embed.js"></script></body></html>`;

/** Records, in the view's frame, when its first chart was drawn, in ms since the Unix epoch. */
function recordFirstChart() {
  const mark = () => {
    const chart = document.getElementById('app')?.dataset.firstChartMs;
    if (chart === undefined || window.__benchFirstChartAt !== undefined) return;
    window.__benchFirstChartAt = performance.timeOrigin + Number(chart);
  };
  new MutationObserver(mark).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-first-chart-ms'] });
}

/** One load of the course page: the site's files that arrived before the first chart. */
async function once(browser, host, site) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(recordFirstChart);
  const page = await context.newPage();
  const arrived = [];
  page.on('response', async (response) => {
    if (!response.url().startsWith(site.origin)) return;
    const at = Date.now();
    try {
      arrived.push({ file: new URL(response.url()).pathname.slice(1), at, gzip: gzipSync(await response.body(), { level: 9 }).length });
    } catch {
      // A response without a body (a redirect) transfers nothing worth counting.
    }
  });
  try {
    await page.goto(`${host.origin}/course.html`);
    const frame = () => page.frames().find((candidate) => candidate.url().startsWith(site.origin));
    const deadline = Date.now() + 30_000;
    let chartAt = null;
    while (chartAt === null && Date.now() < deadline) {
      chartAt = (await frame()?.evaluate(() => window.__benchFirstChartAt ?? null).catch(() => null)) ?? null;
      if (chartAt === null) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (chartAt === null) throw new Error('the embedded view drew no chart within 30 s');
    // A response's time is taken when Node hears of it, a little after it arrived.
    return arrived.filter((file) => file.at <= chartAt + 5);
  } finally {
    await context.close();
  }
}

/**
 * Loads the course page `runs` times in `browser`. Returns the median gzip bytes transferred
 * before the first chart, and the files of the last load with their gzip bytes.
 */
export async function oneViewEmbedBytes(browser, runs) {
  const site = await serve(SITE_DIR, { headers: await siteHeaders() });
  const host = await serve(SITE_DIR);
  host.pages.set('/course.html', coursePage(site.origin));
  try {
    const totals = [];
    let files = [];
    for (let run = 0; run < runs; run++) {
      files = await once(browser, host, site);
      totals.push(files.reduce((sum, file) => sum + file.gzip, 0));
    }
    return { gzip: median(totals), files };
  } finally {
    site.close();
    host.close();
  }
}
