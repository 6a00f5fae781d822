// What the bench runs inside the pages. Playwright sends each function's source to the page,
// so none of them may use anything from this module's scope: all they need comes as arguments.

/**
 * An init script for the app: sizes its chart box to exactly width×height CSS px with a
 * constructed style sheet (which the app's Content-Security-Policy allows, unlike a <style>
 * element), before the page's own scripts run, so the first chart is drawn at that size.
 */
export function sizeChartBox({ width, height }) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`.chart-box { width: ${width}px !important; height: ${height}px !important; aspect-ratio: auto !important;
    min-height: 0 !important; max-height: none !important; flex: none !important; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/**
 * An init script that keeps the memory of every WebAssembly instance the page creates, so the
 * bench can read its size (the app's glue keeps its instance private).
 */
export function keepWasmMemory() {
  window.__benchWasmMemories = [];
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const memory = instance?.exports?.memory;
    if (memory instanceof WebAssembly.Memory) window.__benchWasmMemories.push(memory);
    return result;
  };
  // Synchronous instantiation (wasm-bindgen's initSync) goes through the constructor.
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, { construct: (target, args) => keep(Reflect.construct(target, args)) });
  const instantiate = WebAssembly.instantiate;
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiate = (...args) => instantiate.apply(WebAssembly, args).then(keep);
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = (...args) => instantiateStreaming.apply(WebAssembly, args).then(keep);
  }
}

/** The page's first chart time (ms from navigation start), its isolation and its canvas. */
export async function firstChart({ app }) {
  const firstChartMs = app
    ? Number(document.getElementById('app').dataset.firstChartMs)
    : await window.benchReady;
  const canvases = [...document.querySelectorAll('canvas')];
  const canvas = canvases.sort((a, b) => b.width * b.height - a.width * a.height)[0];
  const box = canvas?.getBoundingClientRect();
  return {
    firstChartMs,
    isolated: window.crossOriginIsolated,
    box: box ? { width: box.width, height: box.height } : null,
    backing: canvas ? { width: canvas.width, height: canvas.height } : null,
    dpr: devicePixelRatio,
    nodes: document.getElementsByTagName('*').length,
  };
}

/**
 * Times `count` toggles between `two` series and `all` of them, each started in a fresh
 * animation frame as a reader's change would be. `script` is the time until the update's
 * promise resolved, `total` adds the forced style and layout (a layout read).
 */
export async function toggleTimes({ app, count, two, all }) {
  const toggle = app ? (series) => ICTExplorer.setState({ series }) : (series) => window.benchToggle(series);
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const total = [];
  const script = [];
  for (let i = 0; i < count; i++) {
    await frame();
    const series = i % 2 ? all : two;
    const start = performance.now();
    await toggle(series);
    const updated = performance.now();
    void document.body.offsetHeight;
    total.push(performance.now() - start);
    script.push(updated - start);
  }
  await toggle(all);
  return { total, script };
}

/**
 * Times `count` clicks on the checkbox `id` (each a full synchronous update in the app), plus
 * the layout read; null when the page has no such control.
 */
export async function clickTimes({ count, id }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  if (!document.getElementById(id)) return null;
  const times = [];
  for (let i = 0; i < count; i++) {
    await frame();
    // Looked up each time: the app may rewrite its controls.
    const input = document.getElementById(id);
    const start = performance.now();
    input.click();
    void document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  // An even count leaves the control as it was; an odd one is put back.
  if (count % 2) document.getElementById(id).click();
  return times;
}

/**
 * Runs `count` untimed toggles as fast as the page takes them, yielding a task between them
 * (a message, not a clamped timer) so the page's own tasks and idle work keep running.
 */
export async function churn({ app, count, two, all }) {
  const toggle = app ? (series) => ICTExplorer.setState({ series }) : (series) => window.benchToggle(series);
  const channel = new MessageChannel();
  const task = () => new Promise((resolve) => { channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });
  for (let i = 0; i < count; i++) {
    await toggle(i % 2 ? all : two);
    void document.body.offsetHeight;
    await task();
  }
  await toggle(all);
  channel.port1.close();
}

/** Bytes of the WebAssembly memories the page made, or null when it made none. */
export function wasmBytes() {
  const memories = window.__benchWasmMemories ?? [];
  return memories.length ? memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0) : null;
}

/** The app's series after the bench's toggles, to check that its calls did what they said. */
export function appSeries() {
  return ICTExplorer.getState().series;
}
