// The bench's chart, read from the app's own data, and the peer pages that draw it: one HTML
// file each, written into target/bench/ at bench time (never committed). Chart.js, Vega-Lite and
// uPlot have their library inlined from its npm package; the floor is a few plain canvas calls
// and no library, the least any page can do to draw this chart.
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

// A library's style sheet made safe to inline in a <style> element.
function inlineStyle(file) {
  return readFileSync(path.join(ROOT, 'node_modules', file), 'utf8').replaceAll('</style', '<\\/style');
}

function page(title, libraries, script, styleSheets = []) {
  const scripts = libraries.map((file) => `<script>${inlineScript(file)}</script>`).join('\n');
  const styles = styleSheets.map((file) => `\n${inlineStyle(file)}`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>body { margin: 0; font-family: Helvetica, Arial, sans-serif; } #box { position: relative; width: ${CHART.width}px; height: ${CHART.height}px; }${styles}</style>
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

// uPlot draws its plot and axes on an 800×450 canvas and its title and legend as HTML around
// it, so its page is a little taller than the box; the canvas is the same as the others'.
function uPlotPage(data) {
  return page('uPlot bench page', ['uplot/dist/uPlot.iife.min.js'], `
const DATA = ${JSON.stringify(data)};
const PALETTE = ${JSON.stringify(PALETTE)};
const years = [...new Set(DATA.series.flatMap((series) => series.points.map(([year]) => year)))].sort((a, b) => a - b);
const columns = DATA.series.map((series) => {
  const byYear = new Map(series.points);
  return years.map((year) => byYear.get(year) ?? null);
});
let drawn;
window.benchReady = new Promise((resolve) => { drawn = resolve; });
const chart = new uPlot({
  title: DATA.title,
  width: ${CHART.width},
  height: ${CHART.height},
  scales: {
    x: { time: false },
    y: { range: (u, min, max) => uPlot.rangeNum(0, max, 0.1, true) },
  },
  axes: [
    { label: DATA.xTitle, incrs: [1, 2, 5, 10], values: (u, years) => years.map(String) },
    { label: DATA.yTitle },
  ],
  series: [
    { label: DATA.xTitle },
    ...DATA.series.map((series, i) => ({ label: series.label, stroke: PALETTE[i], width: 2, points: { show: true, size: 8, fill: PALETTE[i] } })),
  ],
  hooks: {
    // uPlot draws its first chart in a microtask after the constructor returns.
    draw: [() => {
      if (window.benchFirstChartMs !== undefined) return;
      window.benchFirstChartMs = performance.now();
      drawn(window.benchFirstChartMs);
    }],
  },
}, [years, ...columns], document.getElementById('box'));
window.benchToggle = (ids) => {
  const shown = new Set(ids);
  // batch() redraws once, synchronously, after all the series have changed.
  chart.batch(() => DATA.series.forEach((series, i) => chart.setSeries(i + 1, { show: shown.has(series.id) })));
};
`, ['uplot/dist/uPlot.min.css']);
}

// The floor: the same chart (title, axes with titles, lines with markers, a legend) drawn with
// plain canvas calls, redrawn whole on each toggle, with no library, no hover and fixed margins.
function floorPage(data) {
  return page('Plain canvas bench page', [], `
const DATA = ${JSON.stringify(data)};
const PALETTE = ${JSON.stringify(PALETTE)};
const W = ${CHART.width}, H = ${CHART.height}, DPR = devicePixelRatio;
const PLOT = { left: 70, right: W - 20, top: 40, bottom: H - 80 };
const canvas = document.createElement('canvas');
canvas.width = W * DPR;
canvas.height = H * DPR;
canvas.style.width = W + 'px';
canvas.style.height = H + 'px';
document.getElementById('box').append(canvas);
const ctx = canvas.getContext('2d');
const years = DATA.series.flatMap((series) => series.points.map(([year]) => year));
const first = Math.min(...years), last = Math.max(...years);
const x = (year) => PLOT.left + ((year - first) / (last - first || 1)) * (PLOT.right - PLOT.left);
function draw(ids) {
  const shown = DATA.series.map((series, i) => ({ ...series, colour: PALETTE[i], on: ids.includes(series.id) }));
  const max = Math.max(...shown.filter((s) => s.on).flatMap((s) => s.points.map(([, value]) => value)), 0);
  // Five or fewer grid steps of 1, 2 or 5 times a power of ten.
  const magnitude = 10 ** Math.floor(Math.log10(max / 5 || 1));
  const step = [1, 2, 5, 10].map((times) => times * magnitude).find((candidate) => candidate * 5 >= max);
  const top = Math.ceil(max / step) * step || step;
  const y = (value) => PLOT.bottom - (value / top) * (PLOT.bottom - PLOT.top);
  ctx.setTransform(DPR, 0, 0, DPR, 0, 0);
  ctx.clearRect(0, 0, W, H);
  ctx.font = '12px Helvetica, Arial, sans-serif';
  ctx.fillStyle = '#222';
  ctx.textAlign = 'center';
  ctx.fillText(DATA.title, W / 2, 20);
  ctx.fillText(DATA.xTitle, (PLOT.left + PLOT.right) / 2, PLOT.bottom + 36);
  for (let year = first; year <= last; year++) ctx.fillText(String(year), x(year), PLOT.bottom + 16);
  ctx.textAlign = 'right';
  ctx.strokeStyle = '#ddd';
  ctx.lineWidth = 1;
  for (let i = 0; i * step <= top; i++) {
    const value = i * step;
    ctx.beginPath();
    ctx.moveTo(PLOT.left, y(value));
    ctx.lineTo(PLOT.right, y(value));
    ctx.stroke();
    ctx.fillText(String(Number(value.toPrecision(3))), PLOT.left - 6, y(value) + 4);
  }
  ctx.save();
  ctx.translate(16, (PLOT.top + PLOT.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(DATA.yTitle, 0, 0);
  ctx.restore();
  ctx.textAlign = 'left';
  let legendX = PLOT.left;
  for (const series of shown) {
    ctx.fillStyle = series.on ? series.colour : '#bbb';
    ctx.fillRect(legendX, H - 26, 12, 12);
    ctx.fillText(series.label, legendX + 16, H - 16);
    legendX += 24 + ctx.measureText(series.label).width;
    if (!series.on) continue;
    ctx.strokeStyle = series.colour;
    ctx.lineWidth = 2;
    ctx.beginPath();
    series.points.forEach(([year, value], i) => (i ? ctx.lineTo(x(year), y(value)) : ctx.moveTo(x(year), y(value))));
    ctx.stroke();
    for (const [year, value] of series.points) {
      ctx.beginPath();
      ctx.arc(x(year), y(value), 4, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
}
draw(DATA.series.map((series) => series.id));
window.benchFirstChartMs = performance.now();
window.benchReady = Promise.resolve(window.benchFirstChartMs);
window.benchToggle = draw;
`);
}

/** Writes the peer pages into `dir`; returns their file names by target id. */
export function writePeers(dir, data) {
  mkdirSync(dir, { recursive: true });
  const pages = {
    chartjs: ['chartjs.html', chartJsPage],
    vegalite: ['vega-lite.html', vegaLitePage],
    uplot: ['uplot.html', uPlotPage],
    floor: ['floor.html', floorPage],
  };
  const files = {};
  for (const [id, [file, make]] of Object.entries(pages)) {
    writeFileSync(path.join(dir, file), make(data));
    files[id] = file;
  }
  return files;
}
