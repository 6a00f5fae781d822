import { launchBrowser, SINGLE_FILE_URL, READY } from '../tests/e2e/helpers.mjs';
import fs from 'node:fs';
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(`${SINGLE_FILE_URL}?story=ning&step=3&lang=zh`); await page.waitForSelector(READY);
await page.evaluate(() => { window.print = () => {}; });
await page.click('#worksheet-print');
fs.writeFileSync('/tmp/ws-zh.pdf', await page.pdf({ printBackground: true, preferCSSPageSize: true }));
await browser.close();
