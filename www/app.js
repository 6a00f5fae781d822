// Wiring only: start the WebAssembly core, forward DOM events to it, and tell it when the
// chart's box or the colour scheme changes. Everything the page shows is decided in Rust.
import init, { App } from './ict_explorer.js';

// The single-file build embeds the wasm as base64 in this element; the hosted build fetches it.
function inlineWasm() {
  const element = document.getElementById('ict-explorer-wasm');
  if (!element) return undefined;
  const text = element.textContent.trim();
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const status = document.getElementById('status');
const darkScheme = matchMedia('(prefers-color-scheme: dark)');

function fail(error) {
  status.textContent = 'The interactive explorer could not start in this browser (it needs WebAssembly). The tables below still show every number of the paper.';
  status.className = 'failure';
  document.documentElement.classList.add('failed');
  console.warn(error);
}

async function start() {
  let app;
  try {
    await init({ module_or_path: inlineWasm() ?? new URL('ict_explorer_bg.wasm', import.meta.url) });
    app = new App(location.search, darkScheme.matches);
  } catch (error) {
    fail(error);
    return;
  }
  const root = document.getElementById('app');
  // Milliseconds from navigation start to the first chart drawn, for `cargo xtask bench`.
  root.dataset.firstChartMs = performance.now().toFixed(1);
  status.textContent = '';
  status.hidden = true;
  // Pages that script the explorer (and the benchmark) reach it here, e.g. ictExplorer.plot().
  window.ictExplorer = app;

  // The address bar follows the state, so that reload, bookmarks and sharing keep it: a new
  // history entry for each change of view (so Back returns to the previous view), and for
  // other changes the current entry is replaced once the reader pauses. Pages opened from
  // file:// or in sandboxed frames may refuse; the explorer works on without it.
  let historyTimer = null;
  const recordHistory = (before) => {
    const after = app.query();
    if (after === before) return;
    clearTimeout(historyTimer);
    const newView = new URLSearchParams(after).get('view') !== new URLSearchParams(before).get('view');
    // Embedded in another page, new entries would pile up in the host page's history.
    const embedded = document.documentElement.classList.contains('embed');
    try {
      if (newView && !embedded) {
        // Settle the old view's entry first, with any choice still waiting to be recorded.
        history.replaceState(null, '', `?${before}`);
        history.pushState(null, '', `?${after}`);
      }
      else historyTimer = setTimeout(() => history.replaceState(null, '', `?${app.query()}`), 250);
    } catch (error) {
      console.warn(error);
    }
  };
  const send = (name, value, checked) => {
    const before = app.query();
    try {
      const changed = app.event(name, value, checked);
      recordHistory(before);
      showPlaying();
      return changed;
    } catch (error) {
      console.error(error);
      return false;
    }
  };

  let playing = null;
  // The Play button is rebuilt with the controls, so its pressed state is set each time.
  const showPlaying = () => {
    const button = document.getElementById('ctl-play');
    if (!button) return;
    button.setAttribute('aria-pressed', String(Boolean(playing)));
    button.textContent = playing ? '❚❚ Pause' : '▶ Play';
  };
  const stopPlaying = () => { clearInterval(playing); playing = null; showPlaying(); };
  const play = () => {
    if (playing) return stopPlaying();
    send('play', '', true);
    playing = setInterval(() => { if (!send('step', 'next', true)) stopPlaying(); }, 1000);
    showPlaying();
  };

  document.addEventListener('change', (event) => {
    const control = event.target;
    if (control.name) send(control.name, control.value, Boolean(control.checked));
  });
  document.addEventListener('click', (event) => {
    const button = event.target.closest('button[name], button#present');
    if (!button) return;
    if (button.id === 'present') return send('present', '', true);
    if (button.name === 'play') return play();
    send(button.name, button.value, true);
  });
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    // Arrow keys, Home and End move between tabs, as in any tab list.
    const tabKeys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
    if (target.getAttribute && target.getAttribute('role') === 'tab' && tabKeys.includes(event.key)) {
      const tabs = [...document.querySelectorAll('[role=tab]')];
      const here = tabs.indexOf(target);
      const next = {
        ArrowLeft: tabs[(here + tabs.length - 1) % tabs.length],
        ArrowRight: tabs[(here + 1) % tabs.length],
        Home: tabs[0],
        End: tabs[tabs.length - 1],
      }[event.key];
      send('view', next.value, true);
      document.getElementById(next.id)?.focus();
      event.preventDefault();
      return;
    }
    if (target.closest && target.closest('input, select, textarea, [role=tab]')) return;
    if (event.key === 'p' || event.key === 'P') {
      play();
      event.preventDefault();
      return;
    }
    const before = app.query();
    try {
      if (app.key(event.key)) event.preventDefault();
      recordHistory(before);
    } catch (error) {
      console.error(error);
    }
  });

  // The chart's size comes from the observer, so a toggle never has to force a layout to
  // measure it; a resize or a change of colour scheme redraws the chart alone.
  const box = document.getElementById('chart');
  let size = null;
  let pending = false;
  const redraw = () => { if (size) app.redraw(size.width, size.height, darkScheme.matches); };
  new ResizeObserver((entries) => {
    size = entries[entries.length - 1].contentRect;
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; redraw(); });
  }).observe(box);
  darkScheme.addEventListener('change', redraw);
  addEventListener('popstate', () => app.load(location.search));

  // Inside an iframe, report the page's height so the host page can size the frame (embed.js).
  if (window.parent !== window) {
    // The body's own height, not the document's scroll height, which never falls below the
    // frame's current height and so would let the frame grow but never shrink.
    const report = () => window.parent.postMessage({ ictExplorerHeight: Math.ceil(document.body.getBoundingClientRect().height) }, '*');
    new ResizeObserver(report).observe(document.body);
  }
}

start();
