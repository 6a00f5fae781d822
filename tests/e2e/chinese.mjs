// What of the explorer in Chinese is still English: the states a Chinese reader sees (every
// view, the story's steps, the glossary, Data quality), and in each the words of every text
// node and every spoken attribute outside elements marked lang="en". Used by
// chinese.test.mjs, and run directly (`node tests/e2e/chinese.mjs`) it lists them, for whoever
// writes the catalogue (src/lang/zh/*.txt).
import { launchBrowser, SINGLE_FILE_URL, READY } from './helpers.mjs';
import { pathToFileURL } from 'node:url';

/** The views, by their link ids. */
export const VIEWS = ['ownership', 'fdi', 'market', 'exports', 'rd', 'trade', 'quality'];

/** The states to look at: a query each, and what to open in it. */
export function chineseStates(steps) {
  const states = VIEWS.map((view) => ({ name: `view ${view}`, query: `view=${view}&lang=zh` }));
  for (let step = 1; step <= steps; step++) {
    states.push({ name: `story step ${step}`, query: `story=ning&step=${step}&lang=zh`, open: ['details'] });
  }
  states.push({ name: 'a link to a step the story does not have', query: `story=ning&step=${steps + 1}&lang=zh` });
  states.push({ name: 'glossary', query: 'lang=zh', glossary: true });
  states.push({ name: 'presentation', query: 'present=1&story=ning&lang=zh' });
  states.push({ name: 'embed, chart only', query: 'embed=1&controls=none&lang=zh' });
  return states;
}

/**
 * The English words still shown in the page: text nodes and spoken attributes with Latin
 * letters, outside elements marked lang="en" (and outside scripts, styles, the static tables
 * of <noscript>, and code fields). Names the paper's own acronyms and the page's brand as
 * allowed (they are written so in Chinese texts too).
 */
export async function untranslated(page) {
  return page.evaluate(() => {
    // Latin letters that Chinese texts keep: acronyms, units and names, and the letters the OCR
    // printed where digits were (I, B, SI, O), which the notes quote as printed.
    const allowed = /^(ICT|FDI|R&D|SOE|SCE|SCEs|JSC|FIE|FIEs|WFOE|JV|JVs|GPN|CAGR|WTO|OECD|IBM|Dell|Lenovo|Huawei|PC|HTML|ZTE|TCL|HP|US\$|US|RMB|CSV|SVG|PNG|JSON|PDF|A4|Letter|pp|Ning|Lutao|Pacific|Affairs|OCR|xAPI|yinjinlai|zouchuqu|Chart\.js|GDP|IT|OEM|ODM|EU|Tab|Enter|Esc|Shift|Home|End|PgUp|PgDn|P|L|i|x|n|m|bn|I|B|S|SI|O)$/;
    const found = [];
    const keep = '[lang=en],script,style,noscript,template,textarea,#embed-code,#embed-script,#share-link,[hidden]';
    const english = (text) => {
      const words = text.match(/[A-Za-z][A-Za-z&.$']*/g) ?? [];
      return words.some((word) => !allowed.test(word.replace(/[.']+$/, '')));
    };
    const visible = (element) => element.getClientRects().length > 0 || element.closest('details:not([open]), [popover]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(keep) || !visible(parent)) continue;
      const text = node.textContent.trim();
      if (text && english(text)) found.push(text);
    }
    for (const element of document.body.querySelectorAll('[title],[aria-label],[placeholder],[alt]')) {
      if (element.closest(keep)) continue;
      for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value && english(value)) found.push(`@${name}: ${value}`);
      }
    }
    return [...new Set(found)];
  });
}

/** The number of steps of the built-in story, as its counter says ("Step 1 of 14"). */
async function builtInSteps(page) {
  await page.goto(`${SINGLE_FILE_URL}?story=ning`);
  await page.waitForSelector(READY);
  return Number(/(\d+)\D*$/.exec(await page.textContent('#story-counter'))[1]);
}

/** Opens each state in the single file and gives what is still English in it. */
export async function untranslatedByState(browser, given) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const states = given ?? chineseStates(await builtInSteps(page));
  const result = [];
  for (const state of states) {
    await page.goto(`${SINGLE_FILE_URL}?${state.query}`);
    await page.waitForSelector(READY);
    if (state.glossary) await page.click('#glossary-toggle');
    for (const selector of state.open ?? []) {
      await page.$$eval(selector, (elements) => elements.forEach((element) => { element.open = true; }));
    }
    result.push({ name: state.name, english: await untranslated(page) });
  }
  await page.close();
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const browser = await launchBrowser();
  const seen = new Set();
  for (const { name, english } of await untranslatedByState(browser)) {
    const fresh = english.filter((text) => !seen.has(text));
    fresh.forEach((text) => seen.add(text));
    if (fresh.length) console.log(`## ${name}\n${fresh.join('\n')}\n`);
  }
  console.error(`${seen.size} English texts`);
  await browser.close();
}
