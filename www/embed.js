// Embed ICT Explorer views in a course page, as frames (for pages that keep scripts but want
// each view apart) or as elements (several views on one WebAssembly engine):
//   <div data-ict-explorer="view=fdi&chart=line&controls=none&tabs=0" data-aspect-ratio="4/3"></div>
//   <div data-ict-explorer="view=fdi&chart=line" data-height="900"></div>
//   <script src="https://your.host/ict-explorer/embed.js" async></script>
// Each element becomes a frame of that view. A chart-only view (data-aspect-ratio, as "Embed
// this view" writes it) gets a box whose height follows its width, which the view fills: it
// never changes height. Any other view starts at its expected height (data-height, as "Embed
// this view" measured it) and then takes its content's height at the frame's own width, which
// the view reports once its layout has settled and again only when the reader changes it. Each
// frame keeps the API of the explorer: frame.contentWindow answers postMessage requests (see
// the README).
//
//   <ict-explorer view="fdi" controls="series,years"></ict-explorer>
// Each <ict-explorer> element is a view drawn into the page itself, in its own shadow root (the
// page's styles do not reach in, nor the explorer's out). Its attributes are the keys of a link
// to the view (`embed=1` is implied), read when it starts (a script changes it with setState).
// The first element loads the engine, once, from this script's site, as classic scripts (which
// need no CORS): the wasm-bindgen glue, the markup, prebuilt lists and styles (made by `cargo
// xtask dist` from index.html and style.css), app.js and, from another origin, the wasm packed
// as a script.
// Each element has the API of window.ICTExplorer: ready, getState(), setState(), marks(),
// on('change' or 'answer') and off.
(function () {
  'use strict';
  const script = document.currentScript;
  const base = new URL('index.html', script ? script.src : location.href);
  // Heights a frame may take, in CSS pixels: a frame reporting anything else is not believed.
  const SMALLEST = 120;
  const TALLEST = 20000;
  const FIRST_HEIGHT = 640;
  // A chart-only frame's box, as src/display.rs writes it for a plain frame.
  const CHART_ONLY_HEIGHTS = [400, 650];
  const clamp = (height) => Math.min(TALLEST, Math.max(SMALLEST, Math.ceil(height)));
  const frames = [];
  const sizedByWidth = new WeakSet();
  document.querySelectorAll('[data-ict-explorer]').forEach((placeholder) => {
    const frame = document.createElement('iframe');
    const query = new URLSearchParams(placeholder.getAttribute('data-ict-explorer') || '');
    query.set('embed', '1');
    frame.src = `${base.href}?${query}`;
    frame.title = placeholder.getAttribute('data-title') || 'ICT Explorer chart';
    frame.loading = 'lazy';
    const ratio = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*$/.exec(placeholder.getAttribute('data-aspect-ratio') || '');
    if (ratio && Number(ratio[1]) > 0 && Number(ratio[2]) > 0) {
      frame.style.cssText = `width:100%;aspect-ratio:${ratio[1]}/${ratio[2]};min-height:${CHART_ONLY_HEIGHTS[0]}px;max-height:${CHART_ONLY_HEIGHTS[1]}px;border:0;display:block`;
      sizedByWidth.add(frame);
    } else {
      const expected = Number(placeholder.getAttribute('data-height'));
      frame.style.cssText = `width:100%;height:${Number.isFinite(expected) && expected > 0 ? clamp(expected) : FIRST_HEIGHT}px;border:0;display:block`;
    }
    placeholder.replaceWith(frame);
    frames.push(frame);
  });
  addEventListener('message', (event) => {
    if (event.origin !== base.origin) return;
    const frame = frames.find((candidate) => candidate.contentWindow === event.source);
    const data = event.data;
    if (!frame || sizedByWidth.has(frame) || !data || data.ictExplorer !== 'height') return;
    const height = data.height;
    if (typeof height !== 'number' || !Number.isFinite(height)) return;
    frame.style.height = `${clamp(height)}px`;
  });

  if (!window.customElements || customElements.get('ict-explorer')) return;

  const load = (name) => new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = new URL(name, base).href;
    element.onload = resolve;
    element.onerror = () => reject(new Error(`${element.src} did not load`));
    document.head.append(element);
  });
  // The engine and the element's parts, loaded once for every element of the page.
  // app.js, finding `ictExplorerParts`, starts no page but puts its parts there.
  const parts = {};
  let engine = null;
  const loadEngine = () => engine ??= (window.ictExplorerParts = parts, Promise.all([
    load('ict_explorer.js'),
    load('ict_explorer_element.js'),
    load('app.js'),
  ])).then(() => {
    const { markup, prebuilt, style, keys } = window.ictExplorerElement;
    // The markup, parsed once and cloned into each view.
    const template = document.createElement('template');
    template.innerHTML = markup;
    // The prebuilt parts (Data quality's lists, each table's findings), parsed once and shared:
    // a view copies only those it shows.
    const prebuiltParts = document.createElement('template');
    prebuiltParts.innerHTML = prebuilt;
    let sheet = null;
    if (document.adoptedStyleSheets && window.CSSStyleSheet?.prototype.replaceSync) {
      // One sheet, parsed once, for every view.
      sheet = new CSSStyleSheet();
      sheet.replaceSync(style);
    }
    const { explorer, wasmSource, chineseTexts } = parts;
    // The one WebAssembly instance of every view (wasm_bindgen is the glue's global).
    const started = (async () => wasm_bindgen({ module_or_path: await wasmSource(base.href) }))();
    // Each view says why it could not start; the promise itself is not left unhandled.
    started.catch(() => {});
    return { template, prebuilt: prebuiltParts.content, style, sheet, keys: keys.split(' '), explorer, started, chineseTexts };
  });

  // The document a view's core works in: its shadow root, answering every call the core makes
  // of a document (src/web/mod.rs), with the shared prebuilt parts besides, the wrapper as its
  // root element, this site's page as its address, and no location (a view has no address of
  // its own to follow).
  const viewDocument = (shadow, topElement, prebuilt) => ({
    getElementById: (id) => shadow.getElementById(id) ?? prebuilt.getElementById(id),
    querySelector: (selector) => shadow.querySelector(selector),
    querySelectorAll: (selector) => shadow.querySelectorAll(selector),
    get activeElement() { return shadow.activeElement; },
    documentElement: topElement,
    body: null,
    URL: base.href,
    location: null,
    createElement: (name) => document.createElement(name),
  });
  // The page's own attributes of any element, which are not a view's.
  const PAGE_ATTRIBUTE = /^(id|class|style|slot|part|exportparts|lang|dir|hidden|inert|tabindex|role|nonce|translate|is|aria-.*|data-.*)$/;
  const notStarted = () => new Error('The explorer has not started yet: wait for the element\'s ready.');

  class ICTExplorerElement extends HTMLElement {
    #api = null;
    #markReady;
    #markFailed;
    #warned = new Set();
    #pending = new Set();
    #ready = new Promise((resolve, reject) => { this.#markReady = resolve; this.#markFailed = reject; });

    constructor() {
      super();
      // A page that never waits for `ready` must not see an unhandled rejection.
      this.#ready.catch(() => {});
    }

    connectedCallback() {
      if (this.shadowRoot) return;
      const shadow = this.attachShadow({ mode: 'open' });
      loadEngine().then((engine) => this.#start(shadow, engine)).catch((error) => {
        console.error(error);
        shadow.textContent = `The ICT Explorer view could not start: ${error.message}.`;
        this.#markFailed(new Error(`The explorer could not start: ${error.message}.`));
      });
    }

    // The view's link from the attributes: each key of a link is taken, the page's own
    // attributes are left alone, and any other is ignored with a warning.
    #query(keys) {
      const query = new URLSearchParams();
      for (const { name, value } of this.attributes) {
        if (keys.includes(name)) query.set(name, value);
        else if (!PAGE_ATTRIBUTE.test(name) && !this.#warned.has(name)) {
          this.#warned.add(name);
          console.warn(`<ict-explorer> ignores its attribute "${name.slice(0, 60)}": a view's attributes are the keys of a link to it (${keys.join(', ')}).`);
        }
      }
      query.set('embed', '1');
      return query.toString();
    }

    #start(shadow, { template, prebuilt, style, sheet, keys, explorer, started, chineseTexts }) {
      if (sheet) shadow.adoptedStyleSheets = [sheet];
      else shadow.append(Object.assign(document.createElement('style'), { textContent: style }));
      shadow.append(template.content.cloneNode(true));
      const topElement = shadow.querySelector('.ict-html');
      const status = shadow.getElementById('status');
      status.textContent = 'Loading…';
      const fail = (reason) => {
        topElement.classList.add('failed');
        status.textContent = `The interactive explorer could not start: ${reason}`;
        status.className = 'failure';
        status.hidden = false;
      };
      this.#api = explorer(shadow, topElement, fail, async (dark) => {
        await started;
        const query = this.#query(keys);
        return new wasm_bindgen.App(viewDocument(shadow, topElement, prebuilt), query, dark, await chineseTexts(query, base.href));
      });
      for (const [event, listener] of this.#pending) this.#api.on(event, listener);
      this.#pending.clear();
      this.#api.ready.then(() => this.#markReady(this), this.#markFailed);
      // The attributes are the view's link when it starts; a script changes a running view
      // with setState, and is told so if it changes an attribute of the view's instead.
      new MutationObserver((changes) => {
        for (const { attributeName: name } of changes) {
          if (keys.includes(name)) console.warn(`<ict-explorer> reads its attribute "${name}" only when it starts: change a running view with setState, or put in a new element.`);
        }
      }).observe(this, { attributes: true });
    }

    get ready() { return this.#ready; }
    getState() {
      if (!this.#api) throw notStarted();
      return this.#api.getState();
    }
    setState(settings) { return this.#ready.then(() => this.#api.setState(settings)); }
    marks() {
      if (!this.#api) throw notStarted();
      return this.#api.marks();
    }
    on(event, listener) {
      if (this.#api) return this.#api.on(event, listener);
      if (!['change', 'answer'].includes(event) || typeof listener !== 'function') throw new TypeError('An <ict-explorer>\'s events are \'change\' and \'answer\', and on and off need a function to call.');
      this.#pending.add([event, listener]);
    }
    off(event, listener) {
      if (this.#api) return this.#api.off(event, listener);
      for (const pair of this.#pending) if (pair[0] === event && pair[1] === listener) this.#pending.delete(pair);
    }
  }
  customElements.define('ict-explorer', ICTExplorerElement);
})();
