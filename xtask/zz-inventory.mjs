import { launchBrowser, SINGLE_FILE_URL, READY } from '../tests/e2e/helpers.mjs';
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const seen = new Set();
async function collect() {
  const texts = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement; if (!p || p.closest('noscript,script,style')) continue;
      const t = n.textContent.trim(); if (/[A-Za-z]{2}/.test(t)) out.push(t);
    }
    for (const el of document.querySelectorAll('[title],[aria-label],[placeholder]')) for (const a of ['title','aria-label','placeholder']) { const v = el.getAttribute(a); if (v && /[A-Za-z]{2}/.test(v)) out.push(v); }
    return out;
  });
  texts.forEach(t => seen.add(t));
}
for (const v of ['tables','fdi','shares','trade','rd','quality','story']) {
  await page.goto(SINGLE_FILE_URL + (v === 'story' ? '?story=ning' : '?view=' + v)); await page.waitForSelector(READY);
  await page.waitForTimeout(500); await collect();
}
const all = [...seen]; let chars = 0; for (const t of all) chars += t.length;
console.log(all.length, 'texts', chars, 'chars');
import fs from 'node:fs'; fs.writeFileSync('/tmp/inventory.txt', all.join('\n'));
await browser.close();
