// "Print worksheet": the built-in story printed to PDF by Chromium on A4 and US Letter, with and
// without the answer key, in English and in Chinese. The PDF's own text says where each step, chart and question landed:
// none is split across pages, the pages hold steps from the first page to the last step's, the
// key is on pages of its own after them (or nowhere), every page has the citation, and the
// paper is the one chosen (the PDF's MediaBox). `window.print` is replaced by a recorder, so
// no dialog opens; the PDF is what the dialog would print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openExplorer, SINGLE_FILE_URL, ROOT } from './helpers.mjs';
import path from 'node:path';

const pdfjs = await import(path.join(ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.mjs'));

// The paper's size in PDF points (1/72 in), as the MediaBox gives it, within a point.
const PAPERS = { a4: [595.28, 841.89], letter: [612, 792] };

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Text compared without its white space: a PDF breaks lines and runs where the page wrapped them.
const squeeze = (text) => text.replace(/\s+/g, '');

/** Each page's text of a PDF, white space removed, and each page's size in points. */
async function readPdf(bytes) {
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const [x0, y0, x1, y1] = page.view;
    pages.push({ text: squeeze(content.items.map((item) => item.str).join('')), size: [x1 - x0, y1 - y0] });
  }
  return pages;
}

/** What the worksheet in the page holds: per step its heading, its chart's first and last
 * texts and its question; and the key's headings. Read from the page, not written here. */
function worksheetParts(page) {
  return page.evaluate(() => {
    const text = (element) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    const steps = [...document.querySelectorAll('#worksheet .ws-step')].map((step) => {
      const chart = [...step.querySelectorAll('svg text')].map(text).filter(Boolean);
      return {
        heading: text(step.querySelector('h2')),
        chartFirst: chart[0] ?? null,
        chartLast: chart.at(-1) ?? null,
        question: text(step.querySelector('.ws-question p')) || null,
        rasters: step.querySelectorAll('image, canvas, img').length,
        noChart: text(step.querySelector('.ws-no-chart')) || null,
      };
    });
    const key = [...document.querySelectorAll('#worksheet .ws-answer h3')].map(text);
    const foot = [...document.querySelectorAll('#worksheet .ws-foot p')].map(text);
    return { steps, key, keyHeading: text(document.querySelector('#worksheet .ws-key h2')) || null, citation: foot[0], link: foot[1] };
  });
}

/** The pages (from 1) whose text holds `needle`. */
const pagesWith = (pages, needle) =>
  pages.flatMap((page, index) => (page.text.includes(squeeze(needle)) ? [index + 1] : []));

async function printWorksheet(page, paper, answerKey) {
  await page.selectOption('#worksheet-paper', paper);
  await page.setChecked('#worksheet-key', answerKey);
  const asked = await page.evaluate(() => window.printsAsked);
  await page.click('#worksheet-print');
  assert.equal(
    await page.evaluate(() => window.printsAsked),
    asked + 1,
    '"Print worksheet" did not open the print dialog',
  );
  return page.pdf({ printBackground: true, preferCSSPageSize: true });
}

for (const [paper, answerKey, lang] of [['a4', true, 'en'], ['letter', true, 'en'], ['letter', false, 'en'], ['a4', true, 'zh'], ['letter', false, 'zh']]) {
  test(`the built-in story prints on ${paper} ${answerKey ? 'with' : 'without'} its answer key${lang === 'zh' ? ', in Chinese' : ''}, nothing split`, async () => {
    const { context, page, seen } = await openExplorer(browser, { url: `${SINGLE_FILE_URL}?story=ning${lang === 'zh' ? '&lang=zh' : ''}` });
    try {
      await page.evaluate(() => {
        window.printsAsked = 0;
        window.print = () => { window.printsAsked += 1; };
      });
      assert.ok(await page.isVisible('#worksheet-print'), 'an open story shows no "Print worksheet" button');
      assert.ok(!(await page.isVisible('#worksheet')), 'the worksheet shows on screen; it is for print only');
      const pdf = await printWorksheet(page, paper, answerKey);
      const parts = await worksheetParts(page);
      const pages = await readPdf(pdf);
      // The counter's last number ("Step 1 of 14", "第1步，共14步").
      const steps = await page.evaluate(() => document.getElementById('story-counter').textContent.match(/(\d+)\D*$/)[1]);
      assert.equal(parts.steps.length, Number(steps), 'the worksheet does not have one section per step of the story');

      for (const [index, { size }] of pages.entries()) {
        PAPERS[paper].forEach((side, axis) => assert.ok(
          Math.abs(size[axis] - side) < 1.5,
          `page ${index + 1} is ${size.map(Math.round).join(' × ')} pt, not ${paper}'s ${PAPERS[paper].join(' × ')}`,
        ));
        assert.ok(pages[index].text.includes(squeeze(parts.citation)), `page ${index + 1} has no citation in its footer`);
      }

      // Each step's heading, chart and question are on one page, steps in order, and every page
      // up to the last step's begins or holds a step: nothing split, no page left blank.
      let previous = 1;
      const stepPages = new Set();
      for (const [index, step] of parts.steps.entries()) {
        const where = pagesWith(pages, step.heading);
        assert.equal(where.length, 1, `step ${index + 1}'s heading "${step.heading}" is on pages [${where}], not on one`);
        const [at] = where;
        assert.ok(at >= previous, `step ${index + 1} is printed before step ${index}`);
        assert.equal(step.rasters, 0, `step ${index + 1}'s chart holds a raster image; it must be vector to print sharp`);
        assert.ok(step.chartFirst || step.noChart, `step ${index + 1} has neither a chart nor a word on why it has none`);
        const ends = [['chart title', step.chartFirst], ['chart\'s last label', step.chartLast], ['question', step.question], ['note', step.noChart]];
        for (const [what, needle] of ends) {
          if (needle === null) continue;
          assert.ok(
            pages[at - 1].text.includes(squeeze(needle)),
            `step ${index + 1}'s ${what} "${needle}" is not on page ${at} with its heading: the step is split across pages`,
          );
        }
        stepPages.add(at);
        previous = at;
      }
      const lastStepPage = previous;
      for (let number = 1; number <= lastStepPage; number += 1) {
        assert.ok(stepPages.has(number), `page ${number} holds no step's beginning: a step ran over a page, or a page is blank`);
      }

      if (lang === 'zh') {
        const han = /[\u4e00-\u9fff]/;
        for (const step of parts.steps) assert.match(step.heading, han, `a Chinese worksheet titles a step in English: "${step.heading}"`);
        assert.ok(parts.link.includes('lang=zh'), `a Chinese worksheet's link opens the story in English: ${parts.link}`);
        if (answerKey) assert.match(parts.keyHeading, han, 'a Chinese worksheet heads its key in English');
      }
      const keyPages = parts.keyHeading ? pagesWith(pages, parts.keyHeading) : [];
      if (answerKey) {
        assert.ok(parts.key.length > 0, 'the worksheet has no answers in its key');
        assert.deepEqual(keyPages, [lastStepPage + 1], 'the answer key does not start on the page after the last step');
        for (const answer of parts.key) {
          const where = pagesWith(pages, answer);
          assert.ok(where.length === 1 && where[0] > lastStepPage, `the key's "${answer}" is on pages [${where}], not after the steps`);
        }
        assert.equal(pages.length, pagesWith(pages, parts.key.at(-1))[0], 'pages follow the answer key\'s last answer');
      } else {
        assert.equal(parts.key.length, 0, 'the answer key was printed though it was left out');
        assert.deepEqual(keyPages, [], 'the PDF holds an answer key though it was left out');
        assert.equal(pages.length, lastStepPage, 'pages follow the last step');
      }
      console.log(`  ${paper}, key ${answerKey ? 'in' : 'out'}, ${lang}: ${parts.steps.length} steps on ${lastStepPage} pages, ${pages.length} pages in all`);
      assert.deepEqual(seen.errors, [], 'the page reported errors');
    } finally {
      await context.close();
    }
  });
}
