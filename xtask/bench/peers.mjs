// The bench's chart, read from the app's own data, and the two peer pages that draw it: one
// HTML file each, with its chart library inlined from its npm package, written into
// target/bench/ at bench time (never committed).
//
// Every peer offers the interface the bench drives:
//   window.benchReady            a promise of performance.now() when the first chart was drawn;
//   window.benchToggle(ids)      shows exactly those series; returns when the chart is updated
//                                (a promise for Vega, whose updates are asynchronous).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../tests/e2e/helpers.mjs';

/** The chart every page draws: Table 1, share of total assets, the five ownership types. */
export const CHART = {
  dataset: 'table1',
  measure: 'share_total_assets',
  series: ['foreign_funded', 'state_owned', 'collective', 'joint_stock', 'private'],
  // The toggle alternates these two with all five.
  two: ['joint_stock', 'private'],
  query: 'view=ownership&measure=share_total_assets',
  width: 800,
  height: 450,
  dpr: 2,
};

// Colours for the peers' five lines; what matters is that both peers draw five distinct lines.
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00'];

/**
 * Reads the chart's numbers and labels from the app's native export (`ict-data json`), so the
 * peers draw the very values the app draws. Fails with a message if the export lacks any.
 */
export function chartData() {
  const cargo = process.env.CARGO ?? 'cargo';
  const json = execFileSync(cargo, ['run', '-q', '--bin', 'ict-data', '--', 'json'], {
    cwd: ROOT,
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const dataset = JSON.parse(json).datasets.find((candidate) => candidate.id === CHART.dataset);
  if (!dataset) throw new Error(`ict-data json has no dataset "${CHART.dataset}"`);
  let measureLabel = null;
  const series = CHART.series.map((id) => {
    const found = dataset.series.find((candidate) => candidate.id === id);
    const measure = found?.measures?.find((candidate) => candidate.id === CHART.measure);
    if (!measure) throw new Error(`ict-data json has no ${CHART.measure} for the series "${id}" of ${CHART.dataset}`);
    measureLabel = measure.label;
    const points = (measure.values ?? []).map((value) => [Number(value.year), value.value]);
    if (points.length === 0 || points.some(([year, value]) => !Number.isFinite(year) || typeof value !== 'number')) {
      throw new Error(`ict-data json's ${CHART.measure} for "${id}" is not a list of {year, value} numbers`);
    }
    return { id, label: found.label, points };
  });
  const years = series.flatMap((one) => one.points.map(([year]) => year));
  const span = `${Math.min(...years)}–${Math.max(...years)}`;
  return { title: `${measureLabel}, ${span}`, yTitle: measureLabel, xTitle: 'Year', series };
}

// A library's code made safe to inline in a <script> element.
function inlineScript(file) {
  const code = readFileSync(path.join(ROOT, 'node_modules', file), 'utf8');
  return code.replaceAll('</script', '<\\/script').replaceAll('<!--', '<\\!--');
}

function page(title, libraries, script) {
  const scripts = libraries.map((file) => `<script>${inlineScript(file)}</script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>body { margin: 0; font-family: Helvetica, Arial, sans-serif; } #box { position: relative; width: ${CHART.width}px; height: ${CHART.height}px; }</style>
</head>
<body>
<div id="box"></div>
${scripts}
<script>
${script}
</script>
</body>
</html>
`;
}

function chartJsPage(data) {
  return page('Chart.js bench page', ['chart.js/dist/chart.umd.min.js'], `
const DATA = ${JSON.stringify(data)};
const PALETTE = ${JSON.stringify(PALETTE)};
const canvas = document.createElement('canvas');
document.getElementById('box').append(canvas);
const chart = new Chart(canvas, {
  type: 'line',
  data: {
    datasets: DATA.series.map((series, i) => ({
      label: series.label,
      data: series.points.map(([x, y]) => ({ x, y })),
      borderColor: PALETTE[i],
      backgroundColor: PALETTE[i],
      pointRadius: 4,
    })),
  },
  options: {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    plugins: {
      title: { display: true, text: DATA.title },
      legend: { display: true },
    },
    scales: {
      x: { type: 'linear', title: { display: true, text: DATA.xTitle }, ticks: { stepSize: 1, callback: (year) => String(year) } },
      y: { beginAtZero: true, title: { display: true, text: DATA.yTitle } },
    },
  },
});
window.benchFirstChartMs = performance.now();
window.benchReady = Promise.resolve(window.benchFirstChartMs);
window.benchToggle = (ids) => {
  const shown = new Set(ids);
  chart.data.datasets.forEach((dataset, i) => { dataset.hidden = !shown.has(DATA.series[i].id); });
  chart.update('none');
};
`);
}

function vegaLitePage(data) {
  const rows = data.series.flatMap((series) => series.points.map(([year, value]) => ({ series: series.id, label: series.label, year, value })));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART.width,
    height: CHART.height,
    autosize: { type: 'fit', contains: 'padding' },
    title: data.title,
    params: [{ name: 'shown', value: data.series.map((series) => series.id) }],
    data: { values: rows },
    transform: [{ filter: 'indexof(shown, datum.series) >= 0' }],
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'year', type: 'quantitative', title: data.xTitle, scale: { zero: false }, axis: { format: 'd', tickMinStep: 1 } },
      y: { field: 'value', type: 'quantitative', title: data.yTitle },
      // A fixed domain keeps each series' colour and legend entry when others are hidden.
      color: { field: 'label', type: 'nominal', title: null, scale: { domain: data.series.map((series) => series.label), range: PALETTE } },
    },
  };
  return page('Vega-Lite bench page', ['vega/build/vega.min.js', 'vega-lite/build/vega-lite.min.js', 'vega-embed/build/vega-embed.min.js'], `
let view = null;
window.benchReady = vegaEmbed('#box', ${JSON.stringify(spec)}, { renderer: 'canvas', actions: false }).then((result) => {
  view = result.view;
  window.benchFirstChartMs = performance.now();
  return window.benchFirstChartMs;
});
window.benchToggle = async (ids) => {
  view.signal('shown', ids);
  await view.runAsync();
};
`);
}

/** Writes the peer pages into `dir`; returns their file names by target id. */
export function writePeers(dir, data) {
  mkdirSync(dir, { recursive: true });
  const files = { chartjs: 'chartjs.html', vegalite: 'vega-lite.html' };
  writeFileSync(path.join(dir, files.chartjs), chartJsPage(data));
  writeFileSync(path.join(dir, files.vegalite), vegaLitePage(data));
  return files;
}
