// Downloads, read from the files the browser saves: the CSVs' byte order mark, names and
// columns; the PNGs' pixel sizes (the chart's box on the screen, at least 640 × 360, × 1, 2 or 3,
// or a 1920 × 1080 slide) and colours (the page's theme); the buttons' size on a phone; and the picture offered
// on the page where a frame may not save files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { READY, SINGLE_FILE, SINGLE_FILE_URL, launchBrowser } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

/** Opens the single file at `query`, ready, in a context that accepts downloads. */
async function open(query, { viewport = DESKTOP, colorScheme = 'light', deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport, colorScheme, deviceScaleFactor });
  const page = await context.newPage();
  await page.goto(`${SINGLE_FILE_URL}?${query}`);
  await page.waitForSelector(READY);
  // The chart's size reaches the core from a ResizeObserver, one frame after the start.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return { context, page };
}

/** Clicks the download button of `value` (inside `within`) and returns the saved file. */
async function download(page, value, within = '.share') {
  const [saved] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.click(`${within} button[name=download][value="${value}"]`),
  ]);
  const chunks = [];
  for await (const chunk of await saved.createReadStream()) chunks.push(chunk);
  return { name: saved.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/**
 * The CSS size a 1×, 2× or 3× picture of a chart box is laid out for: the box, enlarged (keeping
 * its shape) to at least 640 × 360, so that a phone's picture has room for its plot
 * (`export::SMALLEST_PICTURE`).
 */
function pictureBox({ width, height }) {
  const enlarged = Math.max(1, 640 / width, 360 / height);
  return { width: width * enlarged, height: height * enlarged };
}

/** The chart's CSS box, as the layout has it. */
async function chartBox(page) {
  return page.$eval('#chart', (canvas) => {
    const box = canvas.getBoundingClientRect();
    return { width: box.width, height: box.height };
  });
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's width and height, from its IHDR chunk (the first one, right after the signature). */
function pngSize(bytes, what) {
  assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE, `${what} is not a PNG`);
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR', `${what} does not start with its header`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Row `y` of an 8-bit RGB or RGBA PNG as RGB colours, decoded in full. */
function pngRow(bytes, y) {
  const { width, height } = pngSize(bytes, 'the picture');
  const [depth, colour, , , interlace] = bytes.subarray(24, 29);
  assert.ok(depth === 8 && (colour === 2 || colour === 6) && interlace === 0, `unexpected PNG format: depth ${depth}, colour type ${colour}`);
  const channels = colour === 6 ? 4 : 3;
  const data = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  let previous = new Uint8Array(stride);
  let row = previous;
  for (let line = 0; line <= Math.min(y, height - 1); line++) {
    const start = line * (stride + 1);
    const filter = raw[start];
    row = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? row[i - channels] : 0;
      const up = previous[i];
      const upLeft = i >= channels ? previous[i - channels] : 0;
      const p = left + up - upLeft;
      const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = a <= b && a <= c ? left : b <= c ? up : upLeft;
      row[i] = (raw[start + 1 + i] + [0, left, up, (left + up) >> 1, paeth][filter]) & 0xff;
    }
    previous = row;
  }
  return Array.from({ length: width }, (_, x) => [...row.subarray(x * channels, x * channels + 3)]);
}

/** Relative luminance of an sRGB colour, 0 (black) to 1 (white). */
function luminance([r, g, b]) {
  const linear = (channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

const BOM = [0xef, 0xbb, 0xbf];

test('the chart data and all data download as CSVs with a BOM, descriptive names and labelled columns', async () => {
  const { context, page } = await open('view=ownership&measure=share_total_assets&chart=stacked100');
  try {
    const chart = await download(page, 'csv');
    assert.equal(chart.name, 'ict-explorer-ownership-share_total_assets-stacked100.csv');
    assert.deepEqual([...chart.bytes.subarray(0, 3)], BOM, 'the chart CSV has no UTF-8 byte order mark, so Excel garbles its dashes');
    assert.match(chart.bytes.toString('utf8'), /1997/);

    const all = await download(page, 'data');
    assert.equal(all.name, 'ict-explorer-all-data.csv');
    assert.deepEqual([...all.bytes.subarray(0, 3)], BOM, 'the all-data CSV has no UTF-8 byte order mark');
    const lines = all.bytes.subarray(3).toString('utf8').split('\n');
    assert.equal(
      lines[0],
      'dataset,dataset_label,series,series_label,measure,measure_label,year,value,unit,unit_label,status,status_label,note',
      'the all-data CSV lacks the readable labels beside its ids',
    );
    assert.ok(
      lines.some((line) => line.startsWith('table1,"Firms and assets by ownership type, 1997–2005",state_owned,State owned,firms,Number of firms,')),
      'no row of the all-data CSV names Table 1 and its state-owned firms in words',
    );
  } finally {
    await context.close();
  }
});

// The chart's box differs between a desktop and a phone, and a high-density screen must not
// change what 1× means: CSS pixels, not device pixels.
for (const [label, options] of [
  ['a 1280 px window', { viewport: DESKTOP }],
  ['a 360 px phone at devicePixelRatio 2', { viewport: PHONE, deviceScaleFactor: 2 }],
]) {
  test(`in ${label}, the PNGs are the chart's box × 1, 2 and 3, and the slide is 1920 × 1080`, async () => {
    const { context, page } = await open('view=fdi', options);
    try {
      const box = await chartBox(page);
      assert.ok(box.width > 100 && box.height > 100, `the chart box is only ${box.width} × ${box.height}`);
      const picture = pictureBox(box);
      for (const factor of [1, 2, 3]) {
        const png = await download(page, `png-${factor}x`);
        assert.equal(png.name, `ict-explorer-fdi-bars-${factor}x.png`);
        assert.deepEqual(
          pngSize(png.bytes, png.name),
          { width: Math.round(picture.width * factor), height: Math.round(picture.height * factor) },
          `the ${factor}× PNG is not the ${box.width} × ${box.height} chart (at least 640 × 360) times ${factor}`,
        );
      }
      const slide = await download(page, 'png-slide');
      assert.equal(slide.name, 'ict-explorer-fdi-bars-slide-1920x1080.png');
      assert.deepEqual(pngSize(slide.bytes, slide.name), { width: 1920, height: 1080 }, 'the slide is not 1920 × 1080');
    } finally {
      await context.close();
    }
  });
}

test('the PNGs and the SVG follow the theme and say the scale: a dark page downloads dark pictures, a light page light ones', async () => {
  for (const colorScheme of ['dark', 'light']) {
    const { context, page } = await open('view=fdi&log=1', { colorScheme });
    try {
      for (const [value, name] of [['png-2x', 'ict-explorer-fdi-log-bars-2x.png'], ['png-slide', 'ict-explorer-fdi-log-bars-slide-1920x1080.png']]) {
        const png = await download(page, value);
        assert.equal(png.name, name);
        // The corner is inside the margin, where only the background is drawn.
        const corner = pngRow(png.bytes, 2)[2];
        const light = luminance(corner);
        if (colorScheme === 'dark') assert.ok(light < 0.05, `${png.name} from a dark page has a light background, rgb(${corner})`);
        else assert.ok(light > 0.9, `${png.name} from a light page has a dark background, rgb(${corner})`);
        // Across the middle, the chart's lines and labels differ from the background.
        const middle = pngRow(png.bytes, Math.floor(pngSize(png.bytes, png.name).height / 2));
        assert.ok(middle.some((pixel) => pixel.join() !== corner.join()), `${png.name} is blank across its middle`);
      }
      const svg = (await download(page, 'svg')).bytes.toString('utf8');
      const fill = /<rect[^>]*fill="#([0-9A-Fa-f]{6})"/.exec(svg)?.[1];
      assert.ok(fill, 'the SVG has no background rectangle');
      const background = [0, 2, 4].map((at) => parseInt(fill.slice(at, at + 2), 16));
      if (colorScheme === 'dark') assert.ok(luminance(background) < 0.05, `the SVG from a dark page has a light background, #${fill}`);
      else assert.ok(luminance(background) > 0.9, `the SVG from a light page has a dark background, #${fill}`);
    } finally {
      await context.close();
    }
  }
});

test("in presentation mode, the drawer's PNG is the projected chart × 2", async () => {
  const { context, page } = await open('view=fdi&present=1', { viewport: { width: 1920, height: 1080 } });
  try {
    assert.ok(!(await page.isVisible('.share .downloads')), 'the downloads under the chart show on the projector');
    await page.click('#drawer-toggle');
    const box = await chartBox(page);
    const png = await download(page, 'png-2x', '#drawer');
    assert.equal(png.name, 'ict-explorer-fdi-bars-2x.png');
    const picture = pictureBox(box);
    assert.deepEqual(pngSize(png.bytes, png.name), { width: Math.round(picture.width * 2), height: Math.round(picture.height * 2) });
  } finally {
    await context.close();
  }
});

test('the download buttons fit a 360 px phone in tidy rows, each at least 44 px to tap', async () => {
  const { context, page } = await open('view=ownership', { viewport: PHONE });
  try {
    const buttons = await page.$$eval('.share .downloads button', (all) =>
      all.map((button) => {
        const box = button.getBoundingClientRect();
        return { text: button.textContent, left: box.left, right: box.right, width: box.width, height: box.height };
      }),
    );
    assert.equal(buttons.length, 7, `expected CSV, SVG, four PNG sizes and all data, got ${buttons.map((b) => b.text)}`);
    for (const button of buttons) {
      assert.ok(button.width >= 44 && button.height >= 44, `"${button.text}" is ${button.width} × ${button.height} px, under 44 px to tap`);
      assert.ok(button.left >= 0 && button.right <= PHONE.width, `"${button.text}" runs off the screen (${button.left}–${button.right})`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
    // The PNG sizes stay together, under their label, on rows of their own.
    const group = await page.$eval('.share .png-sizes', (element) => ({
      label: element.getAttribute('aria-labelledby') && document.getElementById(element.getAttribute('aria-labelledby'))?.textContent,
      rows: new Set([...element.querySelectorAll('button')].map((button) => Math.round(button.getBoundingClientRect().top))).size,
    }));
    assert.equal(group.label, 'Chart (PNG)');
    assert.ok(group.rows <= 2, `the four PNG sizes spread over ${group.rows} rows`);
  } finally {
    await context.close();
  }
});

test('in a frame that may not save files, the PNG is shown on the page at its full size', async () => {
  const singleFile = await readFile(SINGLE_FILE, 'utf8');
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  try {
    const escaped = singleFile.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
    await page.setContent(`<iframe name="x" sandbox="allow-scripts" srcdoc="${escaped}" width="1000" height="900"></iframe>`);
    const frame = await (await page.waitForSelector('iframe[name=x]')).contentFrame();
    await frame.waitForSelector(READY, { timeout: 15_000 });
    await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const box = await chartBox(frame);
    await frame.click('.share button[name=download][value="png-2x"]');
    const picture = await frame.waitForSelector('#copy-panel:not([hidden]) img', { timeout: 5000 });
    const size = await picture.evaluate(async (image) => {
      await image.decode();
      return { width: image.naturalWidth, height: image.naturalHeight };
    });
    const expected = pictureBox(box);
    assert.deepEqual(size, { width: Math.round(expected.width * 2), height: Math.round(expected.height * 2) }, 'the picture on the page is not the 2× PNG');
    assert.match(await frame.textContent('#copy-panel'), /-2x\.png/, 'the copy panel does not say the file name');
  } finally {
    await context.close();
  }
});
