import { launchBrowser, SINGLE_FILE_URL, READY } from '../tests/e2e/helpers.mjs';
const [query = 'lang=zh', out = '/tmp/zh.png', w = 1280, h = 800] = process.argv.slice(2);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
await page.goto(`${SINGLE_FILE_URL}?${query}`); await page.waitForSelector(READY);
await page.screenshot({ path: out });
await browser.close();
