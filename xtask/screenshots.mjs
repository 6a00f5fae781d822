// `cargo xtask screenshots`: full-page screenshots of the single-file build, opened from file://.
// Writes docs/screenshot.png (the first 1280×800 screen, for the README), full pages of
// docs/screenshot-360.png (360 wide) and docs/screenshot-dark.png (1280 wide, dark colour scheme),
// and the projector's screen at 1920×1080 for two steps of the built-in story
// (docs/projector-step-3.png, docs/projector-step-11.png), on the small projectors classrooms have
// (docs/projector-1024-step-3.png, docs/projector-1366-step-12.png), and the 2× PNG that a phone
// downloads of the Ownership chart (docs/phone-download-2x.png); the FDI view in Chinese
// (docs/screenshot-zh.png); README's example course page that lists a student's answers, run as
// written there with a wrong and a right answer (docs/answers.png); and two A4 pages of the
// built-in story printed as a worksheet, a step's and the answer key's (docs/worksheet-a4.png).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import path from 'node:path';
import { READY, ROOT, SINGLE_FILE_URL, launchBrowser, openExplorer } from '../tests/e2e/helpers.mjs';

const outDir = process.env.SCREENSHOT_DIR ?? path.join(ROOT, 'docs');

const shots = [
  { file: 'screenshot.png', viewport: { width: 1280, height: 800 }, colorScheme: 'light', fullPage: false },
  { file: 'screenshot-360.png', viewport: { width: 360, height: 800 }, colorScheme: 'light' },
  { file: 'screenshot-dark.png', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { file: 'projector-step-3.png', viewport: { width: 1920, height: 1080 }, colorScheme: 'light', fullPage: false, query: '?story=ning&step=3&present=1' },
  { file: 'projector-step-11.png', viewport: { width: 1920, height: 1080 }, colorScheme: 'light', fullPage: false, query: '?story=ning&step=11&present=1' },
  { file: 'projector-1024-step-3.png', viewport: { width: 1024, height: 768 }, colorScheme: 'light', fullPage: false, query: '?story=ning&step=3&present=1' },
  { file: 'projector-1366-step-12.png', viewport: { width: 1366, height: 768 }, colorScheme: 'light', fullPage: false, query: '?story=ning&step=12&present=1' },
  { file: 'screenshot-zh.png', viewport: { width: 1280, height: 800 }, colorScheme: 'light', fullPage: false, query: '?view=fdi&lang=zh' },
];

await mkdir(outDir, { recursive: true });
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const { context, page, seen } = await openExplorer(browser, { ...shot, url: SINGLE_FILE_URL + (shot.query ?? '') });
    // A reader scrolling down sees the parts that wait off screen (content-visibility: auto);
    // a picture of the whole page must show them all at once, so they are drawn here.
    if (shot.fullPage ?? true) {
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('* { content-visibility: visible !important; }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
    }
    // Let fonts and the first drawing settle.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    const file = path.join(outDir, shot.file);
    await page.screenshot({ path: file, fullPage: shot.fullPage ?? true });
    const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    console.log(`wrote ${path.relative(ROOT, file)} (${size[0]}×${size[1]} page, ${shot.colorScheme})`);
    if (seen.errors.length) console.warn(`  page errors:\n  ${seen.errors.join('\n  ')}`);
    await context.close();
  }
  // A download is laid out for its own size, not the phone's screen: this is what a student
  // saves from a 360 px phone.
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 360, height: 780 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`${SINGLE_FILE_URL}?view=ownership`);
  await page.waitForSelector(READY);
  const [saved] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.click('.share button[name=download][value="png-2x"]'),
  ]);
  const file = path.join(outDir, 'phone-download-2x.png');
  await saved.saveAs(file);
  console.log(`wrote ${path.relative(ROOT, file)} (the 2× PNG a 360 px phone downloads)`);
  await context.close();
  await answersShot();
  await worksheetPages();
} finally {
  await browser.close();
}

// README's host page that lists answers, taken from the README itself (the html block after its
// `answers-example` mark), with the explorer's address made the single file's.
async function answersShot() {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const example = /<!-- answers-example[^>]*-->\s*```html\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!example) throw new Error('README.md has no html block after its answers-example mark');
  const host = path.join(tmpdir(), 'ict-explorer-answers-example.html');
  await writeFile(host, `<!doctype html><meta charset="utf-8"><title>Course page</title><body>${example.replace('https://your.host/ict-explorer/index.html', SINGLE_FILE_URL)}</body>`);
  const context = await browser.newContext({ viewport: { width: 960, height: 850 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(host).href);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector(READY);
  for (const typed of ['20', '+34 pp']) {
    await frame.fill('#answer', typed);
    await frame.press('#answer', 'Enter');
  }
  await page.waitForFunction(() => document.querySelectorAll('#answers li').length === 2, null, { timeout: 5000 });
  const file = path.join(outDir, 'answers.png');
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(ROOT, file)} (README's course page listing answers)`);
  await context.close();
}

// The worksheet as Chromium prints it to PDF (what the print dialog would print), its step 3
// and its answer key's first page drawn side by side by pdf.js.
async function worksheetPages() {
  const { context, page } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?story=ning&step=3` });
  await page.evaluate(() => { window.print = () => {}; });
  await page.click('#worksheet-print');
  const pdf = await getDocument({ data: new Uint8Array(await page.pdf({ printBackground: true, preferCSSPageSize: true })) }).promise;
  await context.close();
  const key = await findPage(pdf, 'Answer key');
  const pages = await Promise.all([3, key].map((number) => pdf.getPage(number)));
  const scale = 1;
  const [width, height] = [pages[0].view[2] * scale, pages[0].view[3] * scale];
  const gap = 24;
  const sheet = createCanvas(Math.ceil(width * 2 + gap * 3), Math.ceil(height + gap * 2));
  const context2d = sheet.getContext('2d');
  context2d.fillStyle = '#d0d0d0';
  context2d.fillRect(0, 0, sheet.width, sheet.height);
  for (const [index, pdfPage] of pages.entries()) {
    const canvas = createCanvas(Math.ceil(width), Math.ceil(height));
    await pdfPage.render({ canvasContext: canvas.getContext('2d'), viewport: pdfPage.getViewport({ scale }) }).promise;
    context2d.drawImage(canvas, gap + index * (width + gap), gap);
  }
  const file = path.join(outDir, 'worksheet-a4.png');
  await writeFile(file, await sheet.encode('png'));
  console.log(`wrote ${path.relative(ROOT, file)} (the worksheet's step 3 and answer key, printed on A4)`);
}

/** The number (from 1) of the first page of `pdf` whose text holds `text`. */
async function findPage(pdf, text) {
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    if (content.items.map((item) => item.str).join('').includes(text)) return number;
  }
  throw new Error(`The printed worksheet has no page with "${text}".`);
}
