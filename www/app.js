// Wiring only: start the WebAssembly core, forward DOM events to it, tell it when the chart's
// box or the colour scheme changes, and offer the public script API (window.ICTExplorer, and
// the same over postMessage). What the page shows, and every check of what a script sends,
// is decided in Rust. The wasm-bindgen glue (ict_explorer.js) runs just before this script and
// leaves `wasm_bindgen` behind; both are classic scripts, so the page also starts in frames
// sandboxed without allow-same-origin, where module scripts are refused.
(function () {
  'use strict';
  const fail = window.ictExplorerFail ?? ((reason) => console.error(reason));
  const status = document.getElementById('status');
  const darkScheme = matchMedia('(prefers-color-scheme: dark)');
  const framed = window.parent !== window;

  // Base64 to bytes, with the standard decoder where the browser has it.
  function decode(text) {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${src} did not load`));
      document.head.append(script);
    });
  }

  // The single file carries the wasm as base64 in an element. The hosted site fetches the
  // .wasm, except where fetch is refused: a page with an opaque origin (a frame sandboxed
  // without allow-same-origin, or the site's folder opened from disk) loads the same bytes as
  // a script, which such pages may still load.
  async function wasmSource() {
    const inline = document.getElementById('ict-explorer-wasm');
    if (inline) return decode(inline.textContent.trim());
    if (window.origin === 'null') {
      await loadScript('ict_explorer_wasm.js');
      return decode(window.ictExplorerWasm);
    }
    return new URL('ict_explorer_bg.wasm', document.baseURI);
  }

  let app = null;
  let stopped = null;
  let markReady;
  let markFailed;
  const ready = new Promise((resolve, reject) => { markReady = resolve; markFailed = reject; });
  // A page that never waits for `ready` must not see an unhandled rejection.
  ready.catch(() => {});

  // Calls the core. A trap in the WebAssembly (a bug, which the panic hook has already shown
  // on the page) leaves it unusable, so the explorer stops and every later call says so.
  function core(work) {
    if (stopped) throw new Error(stopped);
    try {
      return work();
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      stopped = 'The explorer stopped after an internal error; reload the page to start it again.';
      document.documentElement.classList.add('failed');
      console.error(error);
      throw new Error(stopped);
    }
  }

  // The address bar follows the state, so that reload, bookmarks and sharing keep it: a new
  // history entry for each change of view (so Back returns to the previous view), and for
  // other changes the current entry is replaced once the reader pauses. Pages without an
  // address of their own (srcdoc frames) and embeds, whose history is the host page's, keep
  // none; a browser that refuses anyway is not an error.
  const keepsHistory = /^(https?|file):$/.test(location.protocol);
  let historyTimer = null;
  function tryHistory(write) {
    try {
      write();
    } catch (error) {
      console.warn('The address bar could not follow the explorer:', error);
    }
  }
  function recordHistory(before, after) {
    if (!keepsHistory) return;
    clearTimeout(historyTimer);
    const newView = new URLSearchParams(after).get('view') !== new URLSearchParams(before).get('view');
    const embedded = document.documentElement.classList.contains('embed');
    if (newView && !embedded) {
      // Settle the old view's entry first, with any choice still waiting to be recorded.
      tryHistory(() => {
        history.replaceState(null, '', `?${before}`);
        history.pushState(null, '', `?${after}`);
      });
    } else {
      historyTimer = setTimeout(() => tryHistory(() => history.replaceState(null, '', `?${app.query()}`)), 250);
    }
  }

  const listeners = new Set();
  // Tells listeners, and the host page of an embed, about a change, whoever made it; and
  // records it in the address bar, unless it came from there (Back and Forward).
  function changedFrom(before, fromHistory) {
    const after = app.query();
    if (after === before) return;
    if (!fromHistory) recordHistory(before, after);
    const state = app.state();
    for (const listener of listeners) {
      try {
        listener(structuredClone(state));
      } catch (error) {
        console.error('An ICTExplorer change listener failed:', error);
      }
    }
    if (framed) window.parent.postMessage({ ictExplorer: 'change', state }, '*');
  }

  // Runs one change of the core, then tells everyone who listens.
  function change(work, fromHistory = false) {
    const before = app.query();
    const result = core(work);
    changedFrom(before, fromHistory);
    return result;
  }

  const whenReady = (work) => ready.then(() => new Promise((resolve) => resolve(work())));
  const checkListener = (event, listener) => {
    if (event !== 'change') throw new TypeError(`ICTExplorer has one event, 'change', not ${JSON.stringify(String(event)).slice(0, 60)}.`);
    if (typeof listener !== 'function') throw new TypeError('ICTExplorer.on and off need a function to call.');
  };

  // The public API. Its arguments come from other people's scripts: the core checks every one.
  const api = Object.freeze({
    ready,
    getState() {
      if (!app) throw new Error('The explorer has not started yet: wait for ICTExplorer.ready.');
      return core(() => app.state());
    },
    setState(settings) {
      return whenReady(() => change(() => app.set_state(settings))).catch((error) => {
        throw error instanceof Error ? error : new Error(String(error));
      });
    },
    on(event, listener) {
      checkListener(event, listener);
      listeners.add(listener);
    },
    off(event, listener) {
      checkListener(event, listener);
      listeners.delete(listener);
    },
  });
  Object.defineProperty(window, 'ICTExplorer', { value: api, enumerable: true });

  // The same API for a host page of another origin: requests are accepted from the parent
  // window only, and each is answered to it alone.
  function answer(event) {
    const request = event.data;
    const { id } = request;
    if (typeof id !== 'string' && typeof id !== 'number') return;
    let result;
    if (request.ictExplorer === 'getState') result = whenReady(() => api.getState());
    else if (request.ictExplorer === 'setState') result = api.setState(request.state);
    else return;
    const reply = (message) => {
      try {
        event.source.postMessage({ ictExplorer: 'result', id, ...message }, event.origin === 'null' ? '*' : event.origin);
      } catch (error) {
        console.warn('ICTExplorer could not answer its host page:', error);
      }
    };
    result.then((state) => reply({ ok: true, state }), (error) => reply({ ok: false, error: error.message }));
  }
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.ictExplorer !== 'string') return;
    const preview = document.getElementById('embed-preview');
    if (preview && event.source === preview.contentWindow) {
      if (data.ictExplorer === 'height' && app) core(() => app.preview_height(data.height));
      return;
    }
    if (framed && event.source === window.parent) answer(event);
  });

  async function start() {
    try {
      await wasm_bindgen({ module_or_path: await wasmSource() });
      app = new wasm_bindgen.App(location.search, darkScheme.matches);
    } catch (error) {
      console.error(error);
      const reason = error instanceof WebAssembly.CompileError || typeof WebAssembly === 'undefined'
        ? 'this browser cannot run its WebAssembly.'
        : `${error.message ?? error}.`;
      fail(reason);
      markFailed(new Error(`The explorer could not start: ${reason}`));
      return;
    }
    const root = document.getElementById('app');
    // Milliseconds from navigation start to the first chart drawn, for `cargo xtask bench`.
    root.dataset.firstChartMs = performance.now().toFixed(1);
    // A slow start that the watchdog gave up on still ends in a working explorer.
    document.documentElement.classList.remove('failed');
    status.textContent = '';
    status.hidden = true;
    wire();
    markReady(api);
  }

  function wire() {
    const send = (name, value, checked) => {
      try {
        const changed = change(() => app.event(name, value, checked));
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

    document.addEventListener('submit', (event) => event.preventDefault());
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
    // The preview of "Embed this view" runs only while its box is open.
    document.addEventListener('toggle', (event) => {
      if (event.target.id === 'embed') send('embed-open', '', event.target.open);
    }, true);
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
      try {
        if (change(() => app.key(event.key))) event.preventDefault();
      } catch (error) {
        console.error(error);
      }
    });

    // The chart's size comes from the observer, so a toggle never has to force a layout to
    // measure it; a resize or a change of colour scheme redraws the chart alone.
    const box = document.getElementById('chart');
    let size = null;
    let pending = false;
    const redraw = () => {
      if (!size) return;
      try {
        core(() => app.redraw(size.width, size.height, darkScheme.matches));
      } catch (error) {
        console.error(error);
      }
    };
    new ResizeObserver((entries) => {
      size = entries[entries.length - 1].contentRect;
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; redraw(); });
    }).observe(box);
    darkScheme.addEventListener('change', redraw);
    addEventListener('popstate', () => {
      try {
        change(() => app.load(location.search), true);
      } catch (error) {
        console.error(error);
      }
    });

    // Inside a frame, report the page's height so the host page can size the frame (embed.js,
    // and the preview of "Embed this view"). The body's own height, not the document's scroll
    // height, which never falls below the frame's height and so would let it grow but never
    // shrink.
    if (framed) {
      const report = () => window.parent.postMessage({ ictExplorer: 'height', height: Math.ceil(document.body.getBoundingClientRect().height) }, '*');
      new ResizeObserver(report).observe(document.body);
    }
  }

  start();
})();
