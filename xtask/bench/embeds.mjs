// What a one-view embed costs a student's connection: the bytes its course page (on another
// origin than the site, as in real use) transfers from the site before the view's first chart,
// each file counted gzipped at level 9 as a static host would send it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SITE_DIR, serve, siteHeaders } from '../../tests/e2e/helpers.mjs';
import { median } from './report.mjs';

/** The course page: one view embedded with embed.js's placeholder (README, "Embedding"). */
const coursePage = (site) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title></head>
<body><div data-ict-explorer="view=ownership&amp;controls=none" data-aspect-ratio="16/9"></div>
<script src="${site}/embed.js"></script></body></html>`;

/** The site's file at `url`, gzipped at level 9 as a static host would send it. */
function gzipOf(url) {
  const file = decodeURIComponent(new URL(url).pathname.slice(1)) || 'index.html';
  return { file, gzip: gzipSync(readFileSync(path.join(SITE_DIR, file)), { level: 9 }).length };
}

/**
 * One load of the course page: the site's files asked for before the view's first chart, by
 * the browser's own resource timing (the course page's, and the frame's up to its chart).
 */
async function once(browser, host, site) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(`${host.origin}/course.html`);
    const frame = () => page.frames().find((candidate) => candidate.url().startsWith(site.origin));
    const deadline = Date.now() + 30_000;
    let asked = null;
    while (asked === null && Date.now() < deadline) {
      asked = (await frame()?.evaluate(() => {
        const chart = document.getElementById('app')?.dataset.firstChartMs;
        if (chart === undefined) return null;
        const before = performance.getEntriesByType('resource').filter((entry) => entry.startTime <= Number(chart));
        return [location.href, ...before.map((entry) => entry.name)];
      }).catch(() => null)) ?? null;
      if (asked === null) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (asked === null) throw new Error('the embedded view drew no chart within 30 s');
    const byThePage = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    // The course page's timing lists the frame's own page too: each address counts once.
    return [...new Set([...byThePage.filter((url) => url.startsWith(site.origin)), ...asked])].map(gzipOf);
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
