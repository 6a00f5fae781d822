// The bench's statistics and its markdown report: the table with ratios, issue 15's targets
// with pass or fail, the machine and the versions.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../tests/e2e/helpers.mjs';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The nearest-rank percentile `p` (0–100). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Where the bench's targets come from, named in the report above their table. */
const TARGETS_SOURCE = 'issue 15 ("Chart first…")';

/** The bench's targets from issue 15, each a test of the measured results and the run. */
const TARGETS = [
  {
    name: () => 'first chart, single file ≤ 1.0× uPlot',
    check: (r) => ratioTarget(r.app.firstChart, r.uplot.firstChart, 1, 'ms'),
  },
  {
    name: () => 'setState toggle median ≤ 1.0× uPlot',
    check: (r) => ratioTarget(r.app.toggle.median, r.uplot.toggle.median, 1, 'ms'),
  },
  {
    name: () => 'setState toggle p95 ≤ 2 ms',
    check: (r) => ({ measured: `${r.app.toggle.p95.toFixed(2)} ms`, pass: r.app.toggle.p95 <= 2 }),
  },
  {
    name: () => 'single file ≤ 150 KB gzip (stretch: 100 KB)',
    check: (r) => {
      const kb = r.app.gzip / 1000;
      return { measured: `${kb.toFixed(1)} KB`, pass: kb <= 150, note: kb <= 100 ? 'stretch met' : 'stretch not met' };
    },
  },
  {
    name: () => 'live elements at rest ≤ 600',
    check: (r) => ({ measured: `${r.app.nodes.toLocaleString('en')} DOM elements`, pass: r.app.nodes <= 600 }),
  },
  {
    name: () => 'bytes a one-view embed transfers before its first chart ≤ Chart.js\'s page (gzip)',
    check: (r) => ({
      measured: `${kb(r.embed.gzip)} KB against ${kb(r.chartjs.gzip)} KB`,
      pass: r.embed.gzip <= r.chartjs.gzip,
    }),
  },
  {
    name: (run) => `wasm memory flat from ${run.memoryCheckpoint.toLocaleString('en')} to ${run.memoryToggles.toLocaleString('en')} toggles`,
    check: (r) => {
      const { wasmAfter1k: before, wasmAfterAll: after } = r.app.memory;
      if (before === null || after === null) return { measured: 'wasm memory not reachable', pass: false };
      return { measured: `${mb(before)} → ${mb(after)} MB`, pass: after <= before };
    },
  },
];

function ratioTarget(ours, theirs, limit, unit) {
  const ratio = ours / theirs;
  return { measured: `${ours.toFixed(2)} ${unit} = ${ratio.toFixed(2)}×`, pass: ratio <= limit };
}

const mb = (bytes) => (bytes / 1e6).toFixed(2);
const kb = (bytes) => (bytes / 1000).toFixed(1);
const ms = (value, digits = 2) => value.toFixed(digits);
const times = (ours, theirs) => `${(ours / theirs).toFixed(2)}×`;

/** One target's row of the main table. */
function row(label, r) {
  const memory = r.memory;
  const heap = `${mb(memory.heapAfter1k)} / ${mb(memory.heapAfterAll)}`;
  const wasm = memory.wasmAfter1k === null ? '—' : `${mb(memory.wasmAfter1k)} / ${mb(memory.wasmAfterAll)}`;
  return `| ${label} | ${kb(r.raw)} | ${kb(r.gzip)} | ${ms(r.firstChart, 1)} | ${ms(r.toggle.median)} / ${ms(r.toggle.p95)} | ` +
    `${ms(r.toggle.scriptMedian)} | ${heap} | ${wasm} | ${r.nodes} |`;
}

/** The report as markdown, from the results of every page and what the run was. */
export function report(results, run) {
  const { app, chartjs, vegalite, uplot, floor } = results;
  const lines = [];
  lines.push(`## ${run.date}`, '');
  lines.push(`- Machine: ${machine()}; load average (1 min) ${run.load}.`);
  lines.push(`- Versions: ${run.chromium}, Node ${process.version}; ${packageVersions()}; app ${appCommit()}.`);
  lines.push(
    `- Run: one headless Chromium, pages served from 127.0.0.1 with COOP/COEP (crossOriginIsolated: ` +
      `${run.isolated.join(', ')}); chart box ${run.box}; ${run.runs} fresh contexts per page for the first chart, ` +
      `${app.toggle.count} toggles per page (two series ↔ all five, each in a fresh frame, with a layout read), ` +
      `${app.click ? app.click.count : 0} checkbox clicks, then ${run.memoryToggles.toLocaleString('en')} toggles per page for memory ` +
      `(read after ${run.memoryCheckpoint.toLocaleString('en')} and at the end); ` +
      'rounds interleaved, the order of the pages rotated each round.',
  );
  lines.push('- KB and MB are 1,000 and 1,000,000 bytes; gzip is level 9. JS heap is V8\'s used heap after a forced GC.');
  lines.push('');
  const checkpoints = `${run.memoryCheckpoint.toLocaleString('en')} / ${run.memoryToggles.toLocaleString('en')} toggles`;
  lines.push('| page | raw KB | gzip KB | first chart ms (median) | toggle median / p95 ms | of which script, median ms | ' +
    `JS heap MB after ${checkpoints} | wasm memory MB after ${checkpoints} | DOM elements |`);
  lines.push('|---|---|---|---|---|---|---|---|---|');
  lines.push(row('ICT Explorer, single file', app));
  lines.push(row('Chart.js', chartjs));
  lines.push(row('Vega-Lite, canvas', vegalite));
  lines.push(row('uPlot', uplot));
  lines.push(row('floor: plain canvas calls', floor));
  lines.push('');
  lines.push('| ICT Explorer against | gzip | first chart | toggle median | toggle p95 | JS heap |');
  lines.push('|---|---|---|---|---|---|');
  for (const [label, peer] of [['Chart.js', chartjs], ['Vega-Lite, canvas', vegalite], ['uPlot', uplot]]) {
    lines.push(`| ${label} | ${times(app.gzip, peer.gzip)} | ${times(app.firstChart, peer.firstChart)} | ` +
      `${times(app.toggle.median, peer.toggle.median)} | ${times(app.toggle.p95, peer.toggle.p95)} | ` +
      `${times(app.memory.heapAfterAll, peer.memory.heapAfterAll)} |`);
  }
  lines.push('');
  const extra = [];
  if (app.click) extra.push(`one series checkbox click ${ms(app.click.median)} ms median, ${ms(app.click.p95)} p95 (n=${app.click.count})`);
  if (app.yearClick) extra.push(`one year checkbox click ${ms(app.yearClick.median)} ms median (n=${app.yearClick.count})`);
  if (app.readyMs !== null) extra.push(`navigation start → #app[data-ready] ${ms(app.readyMs, 1)} ms median`);
  if (extra.length) lines.push(`App only: ${extra.join('; ')}.`, '');
  lines.push(embedLine(results.embed), '');
  lines.push(`Targets of ${TARGETS_SOURCE}:`, '');
  lines.push('| target | measured | result |');
  lines.push('|---|---|---|');
  for (const target of TARGETS) {
    const { measured, pass, note } = target.check(results);
    lines.push(`| ${target.name(run)} | ${measured} | ${pass ? 'pass' : 'FAIL'}${note ? ` (${note})` : ''} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** What a one-view embed transfers before its first chart, file by file. */
function embedLine(embed) {
  const files = embed.files.map((file) => `${file.file} ${kb(file.gzip)}`).join(', ');
  return `A one-view embed (embed.js's placeholder, in a course page on another origin) transfers ${kb(embed.gzip)} KB gzip before its first chart: ${files}.`;
}

function machine() {
  const cpus = os.cpus();
  const model = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus[0]?.model ?? 'unknown CPU';
  return `${model.trim()}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`;
}

function packageVersions() {
  const version = (name) => JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  return ['chart.js', 'vega', 'vega-lite', 'vega-embed', 'uplot'].map((name) => `${name} ${version(name)}`).join(', ');
}

function appCommit() {
  const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'commit unknown (no git)';
  }
}
