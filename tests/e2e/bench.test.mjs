// `cargo xtask bench` still runs against the page `cargo xtask dist` built: a tiny run (one
// round, two toggles) must draw the same chart in all five pages (the app, Chart.js, Vega-Lite,
// uPlot and the plain canvas floor), crossOriginIsolated, and report every measurement and
// issue 15's targets, and the table of many views on one page (frames and elements).
// Timings are not checked here; they stay in the bench.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './helpers.mjs';
import { median, percentile } from '../../xtask/bench/report.mjs';

// The rows of the report's targets table, as the reader sees them: issue 15's targets.
const TARGET_ROWS = [
  'first chart, single file ≤ 1.0× uPlot',
  'setState toggle median ≤ 1.0× uPlot',
  'setState toggle p95 ≤ 2 ms',
  'single file ≤ 150 KB gzip (stretch: 100 KB)',
  'live elements at rest ≤ 600',
  'bytes a one-view embed transfers before its first chart ≤ Chart.js\'s page (gzip)',
  'wasm memory flat from 2 to 2 toggles',
  '10 views ready ≤ 1.5× one view',
  '10 views\' memory ≤ 2× one view',
];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the bench reports one run of all five pages with issue 15\'s targets', { timeout: 300_000 }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ict-bench-'));
  try {
    const report = path.join(dir, 'BENCHMARKS.md');
    const { stdout } = await promisify(execFile)(
      'node',
      ['xtask/bench.mjs', '--runs=1', '--toggles=2', '--memory-toggles=2'],
      { cwd: ROOT, env: { ...process.env, ICT_BENCH_DIR: path.join(dir, 'pages'), ICT_BENCH_REPORT: report }, maxBuffer: 16 << 20 },
    );
    const text = await readFile(report, 'utf8');
    assert.ok(stdout.includes(text.split('\n').find((line) => line.startsWith('## '))), 'the bench printed a different report from the one it appended');
    assert.match(text, /crossOriginIsolated: app yes, Chart\.js yes, Vega-Lite yes, uPlot yes, floor yes/, 'a page was not crossOriginIsolated, so its timings would be coarse');
    assert.match(text, /800×450 CSS px, canvas 1600×900 at DPR 2 in every page/, 'the pages did not all draw the chart at 800×450 CSS px and DPR 2');
    for (const page of ['ICT Explorer, single file', 'Chart.js', 'Vega-Lite, canvas', 'uPlot', 'floor: plain canvas calls']) {
      assert.match(text, new RegExp(`^\\| ${escape(page)} \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\|`, 'm'), `the table has no numbers for ${page}`);
    }
    for (const peer of ['Chart.js', 'Vega-Lite, canvas', 'uPlot']) {
      assert.match(text, new RegExp(`^\\| ${escape(peer)} \\| [\\d.]+× \\| [\\d.]+× \\|`, 'm'), `the table of ratios has no row against ${peer}`);
    }
    assert.match(text, /Targets of issue 15/, 'the report does not say whose targets it checks');
    assert.match(text, /one series checkbox click [\d.]+ ms median/, 'the app\'s series checkbox was not clicked');
    const targets = text.split('\n').filter((line) => /\| (pass|FAIL)/.test(line));
    assert.equal(targets.length, TARGET_ROWS.length, `expected the ${TARGET_ROWS.length} targets of issue 15 with pass or fail, got:\n${targets.join('\n')}`);
    for (const name of TARGET_ROWS) {
      assert.ok(targets.some((line) => line.startsWith(`| ${name} | `)), `the report has no row for the target "${name}", got:\n${targets.join('\n')}`);
    }
    assert.ok(!text.includes('not reachable'), 'the app\'s WebAssembly memory could not be read');
    assert.match(text, /A one-view embed .* transfers [\d.]+ KB gzip before its first chart: .*ict_explorer_bg\.wasm [\d.]+/, 'the report does not say what a one-view embed transfers before its chart');
    for (const way of ['frames \\(embed\\.js placeholders\\) \\| 1000×12,000', '`<ict-explorer>` elements \\| 1000×12,000', '`<ict-explorer>` elements \\| 1000×800']) {
      assert.match(text, new RegExp(`^\\| ${way} \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+× \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+× \\|`, 'm'), `the many-views table has no numbers for ${way}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the bench\'s median and nearest-rank percentile', () => {
  const cases = [
    { values: [3, 1, 2], median: 2, p95: 3 },
    { values: [4, 1, 3, 2], median: 2.5, p95: 4 },
    { values: Array.from({ length: 100 }, (_, i) => 100 - i), median: 50.5, p95: 95 },
    { values: [7], median: 7, p95: 7 },
  ];
  for (const { values, median: expectedMedian, p95 } of cases) {
    assert.equal(median(values), expectedMedian, `median of ${values.length} values`);
    assert.equal(percentile(values, 95), p95, `95th percentile of ${values.length} values`);
  }
});
