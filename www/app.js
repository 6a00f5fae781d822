// Wiring only: start the WebAssembly core, forward DOM events to it, tell it when the chart's
// box or the colour scheme changes, and offer the public script API (window.ICTExplorer, and
// the same over postMessage). What the page shows, and every check of what a script sends,
// is decided in Rust. The wasm-bindgen glue (ict_explorer.js) runs just before this script and
// leaves `wasm_bindgen` behind; both are classic scripts, so the page also starts in frames
// sandboxed without allow-same-origin, where module scripts are refused.
//
// The wiring is a function of a root (`explorer`): the document, for the explorer's own page,
// or a shadow root, for each `<ict-explorer>` element of a host page (www/embed.js loads this
// script after leaving `ictExplorerParts`, and it then starts no page but puts there the parts
// embed.js mounts views with). History, the address, postMessage and the frame's height are
// the page's alone.
(function () {
  'use strict';
  const darkScheme = matchMedia('(prefers-color-scheme: dark)');
  // www/embed.js leaves this object for the parts it mounts each element's view with.
  const parts = window.ictExplorerParts;

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

  // The Chinese texts (xtask/src/dist.rs), for a page the core says is in Chinese: in the
  // single file the text of a data block; on the site a script, loaded only then.
  async function chineseTexts(query, base = document.baseURI) {
    if (!wasm_bindgen.App.wants_chinese(query)) return '';
    const block = document.getElementById('ict-explorer-zh');
    if (block && !block.dataset.src) return block.textContent;
    await loadScript(new URL(block?.dataset.src ?? 'ict_explorer_zh.js', base).href).catch(console.error);
    return String(window.ictExplorerZh ?? '');
  }

  // The wasm as the build packed it into text: raw DEFLATE, then base64 (less than half the
  // size of plain base64, and smaller gzipped too). Every browser the explorer supports
  // unpacks it natively; older ones are told why the explorer cannot start.
  async function unpack(text) {
    if (typeof DecompressionStream !== 'function') {
      throw new Error('this browser cannot unpack its WebAssembly (it lacks DecompressionStream, which Chrome 103, Firefox 113 and Safari 16.4 have)');
    }
    const stream = new Blob([decode(text)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // The single file carries the packed wasm in an element. The hosted site fetches the .wasm
  // from `base`, its own address, except where fetch is refused: a page with an opaque origin
  // (a frame sandboxed without allow-same-origin, or the site's folder opened from disk), or
  // one whose files are on another origin that need not allow it (a frame handed its page as
  // text, srcdoc, or a host page of `<ict-explorer>` elements), loads the same packed bytes as
  // a script, which such pages may still load.
  async function wasmSource(base) {
    const inline = document.getElementById('ict-explorer-wasm');
    if (inline) return unpack(inline.textContent.trim());
    if (window.origin === 'null' || new URL(base).origin !== window.origin) {
      await loadScript(new URL('ict_explorer_wasm.js', base).href);
      return unpack(window.ictExplorerWasm);
    }
    return new URL('ict_explorer_bg.wasm', base);
  }

  // Starts one explorer whose regions are in `root` (the document, or a shadow root), with the
  // modes' classes on `topElement` (`<html>`, or the shadow root's wrapper), and whose core
  // `create` makes (given whether the colours are dark). Only the explorer's own page (the
  // document) keeps history and answers its parent window. `fail` says why the explorer could
  // not start. Gives the view's API.
  function explorer(root, topElement, fail, create) {
    const page = root === document;
    const status = root.getElementById('status');
    const framed = page && window.parent !== window;
    // The single file keeps an untouched copy of itself, for "Save as one HTML file" (the hosted
    // site fetches its copy instead). Cloning now, before the explorer fills the page, costs a
    // fraction of a millisecond; the copy is only serialized when a teacher saves.
    const pristine = document.getElementById('ict-explorer-wasm') ? document.documentElement.cloneNode(true) : null;
    let app = null;
    let stopped = null;
    let markReady;
    let markFailed;
    const ready = new Promise((resolve, reject) => { markReady = resolve; markFailed = reject; });
    // A page that never waits for `ready` must not see an unhandled rejection.
    ready.catch(() => {});

    // Calls the core. A trap in the WebAssembly (a bug, which the panic hook has already shown
    // on the page), or a core left borrowed by an exception that crossed it (wasm-bindgen then
    // refuses every later call with "recursive use of an object"), leaves it unusable: the
    // explorer stops, the page says so and shows the tables, and every later call says so.
    // A call made while another is under way (from a listener of an event the core caused, such
    // as a focus) is refused for the moment; the same refusal outside any call means the core
    // was left borrowed.
    let calling = 0;
    function core(work) {
      if (stopped) throw new Error(stopped);
      calling++;
      try {
        return work();
      } catch (error) {
        const borrowed = /recursive use of an object/.test(error?.message ?? '');
        if (borrowed && calling > 1) throw new Error('ICTExplorer cannot be called while the explorer is updating; call it after the change.');
        if (!(error instanceof WebAssembly.RuntimeError) && !borrowed) throw error;
        // (On a host page, the other views on the instance go on as far as it lets them.)
        stopped = 'The explorer stopped after an internal error; reload the page to start it again.';
        topElement.classList.add('failed');
        if (status.hidden) {
          status.textContent = 'The explorer stopped after an internal error. The tables below still show every number of the paper; reload the page to start the explorer again.';
          status.className = 'failure';
          status.hidden = false;
        }
        console.error(error);
        throw new Error(stopped);
      } finally {
        calling--;
      }
    }

    // The address bar follows the state, so that reload, bookmarks and sharing keep it: a new
    // history entry for each change of view (so Back returns to the previous view), and for
    // other changes the current entry is replaced once the reader pauses. Pages without an
    // address of their own (srcdoc frames) and embeds, whose history is the host page's, keep
    // none; a browser that refuses anyway is not an error.
    const keepsHistory = page && /^(https?|file):$/.test(location.protocol);
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
      // A new view, or a new step of a story, is a place of its own to go back to.
      const [was, is] = [new URLSearchParams(before), new URLSearchParams(after)];
      const newView = was.get('view') !== is.get('view') || was.get('step') !== is.get('step');
      const embedded = topElement.classList.contains('embed');
      if (newView && !embedded) {
        // Settle the old view's entry first, with any choice still waiting to be recorded, and
        // the place in it that its fragment names.
        tryHistory(() => {
          history.replaceState(null, '', `?${before}${location.hash}`);
          history.pushState(null, '', `?${after}`);
        });
      } else {
        historyTimer = setTimeout(() => tryHistory(() => history.replaceState(null, '', `?${app.query()}`)), 250);
      }
    }

    // "Show in …" leaves the long Data quality list for another view: the list's entry first
    // takes the item's anchor, so that Back returns to that item (the core scrolls to it).
    // Whether the entry before this one is the Data quality item "Show in …" came from, so that
    // the banner's "Back to Data quality" can return to it as the browser's Back would.
    let cameFromItem = false;
    function keepPlace(button) {
      cameFromItem = false;
      const item = button.closest('.quality-item[id]');
      if (!item || !keepsHistory || topElement.classList.contains('embed')) return;
      tryHistory(() => {
        history.replaceState(null, '', `?${app.query()}#${item.id}`);
        cameFromItem = true;
      });
    }

    const listeners = { change: new Set(), answer: new Set() };
    // Tells an event's listeners, and the host page of an embed (its parent window alone), what
    // the core made of it: `message` is `{ state }` for a change, an answer's record for an answer.
    function tell(event, message, detail) {
      for (const listener of listeners[event]) {
        try {
          listener(structuredClone(detail));
        } catch (error) {
          console.error(`An ICTExplorer ${event} listener failed:`, error);
        }
      }
      if (framed) window.parent.postMessage({ ictExplorer: event, ...message }, '*');
    }
    // Tells about a change, whoever made it; and records it in the address bar, unless it came
    // from there (Back and Forward).
    function changedFrom(before, fromHistory) {
      const after = core(() => app.query());
      if (after === before) return;
      if (!fromHistory) recordHistory(before, after);
      // Building the state object costs more than the rest of a toggle's script: only when heard.
      if (!listeners.change.size && !framed) return;
      const state = core(() => app.state());
      tell('change', { state }, state);
    }

    // Runs one change of the core, then tells everyone who listens.
    function change(work, fromHistory = false) {
      const before = core(() => app.query());
      const result = core(work);
      changedFrom(before, fromHistory);
      settlePreview();
      return result;
    }

    // The preview of "Embed this view" is a whole second explorer: after a change it is loaded
    // again only once the teacher pauses, so that a run of clicks does not start one each.
    const PREVIEW_PAUSE_MS = 500;
    let previewTimer = 0;
    function settlePreview() {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(() => {
        try {
          core(() => app.load_preview());
        } catch (error) {
          console.error(error);
        }
      }, PREVIEW_PAUSE_MS);
    }

    const whenReady = (work) => ready.then(() => new Promise((resolve) => resolve(work())));
    const checkListener = (event, listener) => {
      if (!Object.hasOwn(listeners, event)) throw new TypeError(`ICTExplorer's events are 'change' and 'answer', not ${JSON.stringify(String(event)).slice(0, 60)}.`);
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
        // The settings are read before the core is borrowed (see src/web/api.rs).
        return whenReady(() => change(() => app.set_state(wasm_bindgen.App.read_settings(settings)))).catch((error) => {
          throw error instanceof Error ? error : new Error(String(error));
        });
      },
      // Where each value of the chart is drawn, in CSS pixels from the chart's top left corner:
      // read-only, for pages that point at values, and for tests.
      marks() {
        if (!app) throw new Error('The explorer has not started yet: wait for ICTExplorer.ready.');
        return core(() => app.marks());
      },
      on(event, listener) {
        checkListener(event, listener);
        listeners[event].add(listener);
      },
      off(event, listener) {
        checkListener(event, listener);
        listeners[event].delete(listener);
      },
    });

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
      const preview = root.getElementById('embed-preview');
      if (preview && event.source === preview.contentWindow) {
        if (data.ictExplorer === 'height' && app) core(() => app.preview_height(data.height));
        return;
      }
      if (framed && event.source === window.parent) answer(event);
    });

    async function start() {
      try {
        app = await create(darkScheme.matches);
      } catch (error) {
        console.error(error);
        const reason = error instanceof WebAssembly.CompileError || typeof WebAssembly === 'undefined'
          ? 'this browser cannot run its WebAssembly.'
          : `${error.message ?? error}.`;
        fail(reason);
        markFailed(new Error(`The explorer could not start: ${reason}`));
        return;
      }
      // Milliseconds from navigation start to the first chart drawn, for `cargo xtask bench`.
      root.getElementById('app').dataset.firstChartMs = performance.now().toFixed(1);
      // A slow start that the watchdog gave up on still ends in a working explorer.
      topElement.classList.remove('failed');
      status.textContent = '';
      status.hidden = true;
      wire();
      afterPaint(() => unpackPrebuilt().catch(console.error).then(() => markReady(api)));
    }

    // Runs `work` once the chart drawn so far is on screen: after the next frame has been
    // painted, or after 50 ms where no frame comes (a page that is hidden, or a frame the
    // browser does not render while it is off screen).
    function afterPaint(work) {
      let done = false;
      const once = () => {
        if (done) return;
        done = true;
        work();
      };
      requestAnimationFrame(() => setTimeout(once, 0));
      setTimeout(once, 50);
    }

    // The build puts the prebuilt parts (Data quality's lists, the statements, each table's
    // findings: xtask/src/dist.rs) in a data block, whose text the parser keeps as one string, so
    // that the first chart waits for none of their elements; on the site the block is empty and
    // names the script that holds them, loaded only now. Once the chart is on screen, they go
    // into the page as templates, and the core puts them in their places and says it is ready.
    // Parts that do not load leave Data quality saying so; the rest of the explorer works.
    async function unpackPrebuilt() {
      const block = root.getElementById('ict-explorer-prebuilt');
      if (!block) return;
      const src = block.dataset.src;
      if (src) await loadScript(src).catch(console.error);
      block.insertAdjacentHTML('afterend', src ? String(window.ictExplorerPrebuilt ?? '') : block.textContent);
      block.remove();
      core(() => app.prebuilt_ready());
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
      // Seconds per year are the page's own setting (not part of a view's link); the controls are
      // rebuilt as Play steps, so the chosen speed is put back each time.
      let speed = 1000;
      // The Play button is rebuilt with the controls, so its pressed state is set each time.
      const summary = root.getElementById('summary');
      const showPlaying = () => {
        // While Play runs the summary changes every second: announcing each would drown the
        // screen reader, so it speaks again once Play stops.
        // Each value is written only when it differs: even an equal write costs a style check.
        const set = (element, name, value) => { if (element.getAttribute(name) !== value) element.setAttribute(name, value); };
        set(summary, 'aria-live', playing ? 'off' : 'polite');
        const select = root.getElementById('ctl-play-speed');
        if (select && select.value !== String(speed)) select.value = String(speed);
        const button = root.getElementById('ctl-play');
        if (!button) return;
        set(button, 'aria-pressed', String(Boolean(playing)));
        const english = playing ? '❚❚ Pause' : '▶ Play';
        const label = core(() => app.say(english)) ?? english;
        if (button.textContent !== label) button.textContent = label;
      };
      const stopPlaying = () => { clearInterval(playing); playing = null; showPlaying(); };
      const tick = () => { if (!send('step', 'next', true)) stopPlaying(); };
      const play = () => {
        if (playing) return stopPlaying();
        send('play', '', true);
        playing = setInterval(tick, speed);
        showPlaying();
      };
      // Any other input of the reader's pauses Play, so that nothing moves under their hands.
      const isPlayControl = (target) => target.closest?.('#ctl-play, #ctl-play-speed');
      const pauseFor = (event) => { if (playing && !isPlayControl(event.target)) stopPlaying(); };

      // A teacher's story saved as one file: this page's untouched copy (or the site's), with
      // the story's link in it.
      async function savePage() {
        let html;
        if (pristine) {
          const copy = pristine.cloneNode(true);
          copy.classList.remove('js');
          copy.querySelector('#ict-explorer-start')?.remove();
          html = `<!doctype html>\n${copy.outerHTML}`;
        } else {
          try {
            const response = await fetch(new URL('ict-explorer.html', document.baseURI));
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            html = await response.text();
          } catch (error) {
            console.warn(error);
            html = '';
          }
        }
        core(() => app.save_page(html));
      }

      // The timeline and the search box are sent as they move or as the reader types.
      const sentOnInput = (control) => control.type === 'range' || control.type === 'search';
      // A form marked data-submit (a question's answer) sends its field when submitted, not as
      // it changes; a readable try is then told, stamped with the page's clock, which the core
      // cannot read.
      root.addEventListener('submit', (event) => {
        event.preventDefault();
        const field = event.target.hasAttribute('data-submit') && event.target.querySelector('input[name]');
        if (!field) return;
        send(field.name, field.value, true);
        try {
          const record = core(() => app.take_answer(new Date().toISOString()));
          if (record) tell('answer', record, record);
        } catch (error) {
          console.error(error);
        }
      });
      root.addEventListener('change', (event) => {
        const control = event.target;
        if (control.id === 'ctl-play-speed') {
          speed = Number(control.value) || 1000;
          if (playing) { clearInterval(playing); playing = setInterval(tick, speed); }
          return;
        }
        pauseFor(event);
        if (control.name && !sentOnInput(control) && !control.form?.hasAttribute('data-submit')) send(control.name, control.value, Boolean(control.checked));
      });
      // A caption's count of characters follows the typing; its field stops at the length the
      // core keeps (src/html/story.rs), and the count says so. Only its number and the "no
      // more" change: its words are the core's, in the reader's language.
      const countCharacters = (field) => {
        const count = field.matches('textarea[maxlength]') && root.getElementById(field.getAttribute('aria-describedby'));
        if (!count) return;
        const [length, full] = [count.querySelector('.caption-length'), count.querySelector('.caption-full')];
        if (length) length.textContent = field.value.length.toLocaleString('en');
        if (full) full.hidden = field.value.length < field.maxLength;
      };
      root.addEventListener('input', (event) => {
        const control = event.target;
        countCharacters(control);
        if (!sentOnInput(control) || !control.name) return;
        pauseFor(event);
        send(control.name, control.value, true);
      });
      root.addEventListener('click', (event) => {
        pauseFor(event);
        const button = event.target.closest('button[name], button#present, button#fullscreen');
        if (!button) return;
        if (button.id === 'present') return send('present', '', true);
        if (button.id === 'fullscreen') return toggleFullscreen();
        if (button.name === 'play') return play();
        if (button.name === 'save-page') return savePage();
        // The core puts the worksheet in the page and says whether there is one to print.
        if (button.name === 'worksheet-print') return send(button.name, '', true) && window.print();
        if (button.name === 'goto') keepPlace(button);
        if (cameFromItem && button.closest('#focus-banner') && button.name === 'view' && button.value === 'quality') {
          cameFromItem = false;
          return history.back();
        }
        send(button.name, button.value, true);
      });
      // The preview of "Embed this view" runs only while its box is open.
      root.addEventListener('toggle', (event) => {
        if (event.target.id === 'embed') send('embed-open', '', event.target.open);
      }, true);

      const fullscreen = root.getElementById('fullscreen');
      const toggleFullscreen = () => {
        const done = document.fullscreenElement ? document.exitFullscreen() : topElement.requestFullscreen();
        done?.catch?.((error) => console.warn('Full screen was refused:', error));
      };
      // Hidden where the browser or the frame (without allow-fullscreen) does not allow it.
      fullscreen.hidden = !document.fullscreenEnabled;

      // Tooltips. The pointer's position over the chart goes to the core at most once a frame;
      // the core finds the value there in the chart's layout and shows or hides the tooltip. A
      // finger shows it with a tap, and a tap elsewhere hides it; a mouse may move onto the
      // tooltip itself, and Escape closes it.
      const canvas = root.getElementById('chart');
      const chartBox = canvas.parentElement;
      const tooltip = root.getElementById('tooltip');
      let pointer = null;
      const hover = () => {
        const at = pointer;
        pointer = null;
        if (!at) return;
        try {
          core(() => app.hover(at.x, at.y, at.touch));
        } catch (error) {
          console.error(error);
        }
      };
      const endHover = () => {
        pointer = null;
        try {
          return core(() => app.hover_end());
        } catch (error) {
          console.error(error);
          return false;
        }
      };
      const pointAt = (event) => {
        const waiting = pointer !== null;
        pointer = { x: event.offsetX, y: event.offsetY, touch: event.pointerType === 'touch' };
        if (!waiting) requestAnimationFrame(hover);
      };
      // A finger's moves scroll the page, and it "leaves" as soon as it lifts: only taps count.
      canvas.addEventListener('pointermove', (event) => { if (event.pointerType !== 'touch') pointAt(event); });
      canvas.addEventListener('pointerdown', pointAt);
      chartBox.addEventListener('pointerleave', (event) => { if (event.pointerType !== 'touch') endHover(); });
      root.addEventListener('pointerdown', (event) => { if (!chartBox.contains(event.target)) endHover(); });
      root.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && !tooltip.hidden && endHover()) {
          event.preventDefault();
          event.stopPropagation();
        }
      }, true);

      // Keys. What a key does is the core's decision (src/keys.rs); the page describes the press
      // and does its part. It asks twice: in the capture phase, before the focused control sees
      // the key (in presentation and story mode a presenter's stepping keys win over a radio
      // group or slider), and after it, when no one else used the key.
      const focusKind = (target) => {
        const control = target.closest?.('input, select, textarea, [role=tab]');
        if (!control) return 'other';
        if (control.getAttribute('role') === 'tab') return 'tab';
        if (control.tagName === 'SELECT') return 'select';
        if (control.tagName === 'TEXTAREA') return 'text';
        return ['checkbox', 'radio', 'range'].includes(control.type) ? control.type : 'text';
      };
      // An open definition or glossary takes Esc (to close) and keeps the keys its reader uses.
      const popoverOpen = () => {
        try {
          return Boolean(root.querySelector(':popover-open'));
        } catch {
          return false;
        }
      };
      const pressFacts = (event, phase) => {
        const facts = [phase];
        if (event.altKey || event.ctrlKey || event.metaKey) facts.push('modified');
        if (event.defaultPrevented) facts.push('already-used');
        if (popoverOpen()) facts.push('popover-open');
        if (event.target.closest?.('#view-panel')) facts.push('in-view-panel');
        // How far the page can scroll is measured only for the presses whose decision reads it
        // (the core says which): a measure forces the browser to lay the page out.
        if (app.reads_scroll(event.key, phase)) {
          const scrolled = scrollY;
          if (scrolled + innerHeight < document.documentElement.scrollHeight - 2) facts.push('can-scroll-down');
          if (scrolled > 0) facts.push('can-scroll-up');
        }
        return facts.join(' ');
      };
      const onKey = (phase) => (event) => {
        // A press is a change like any other: one that changes nothing (a letter typed into a
        // caption) leaves the link as it was, so `change` records and tells nothing.
        let reaction = '';
        try {
          reaction = change(() => app.key(event.key, focusKind(event.target), pressFacts(event, phase)));
        } catch (error) {
          console.error(error);
        }
        const says = reaction.split(' ');
        if (says.includes('pause')) pauseFor(event);
        if (says.includes('play')) play();
        if (says.includes('prevent')) event.preventDefault();
        if (says.includes('stop')) event.stopPropagation();
        if (reaction) showPlaying();
      };
      // On a host page the listeners are the view's shadow root's: keys act only when the focus
      // is inside that view.
      root.addEventListener('keydown', onKey('before-control'), true);
      root.addEventListener('keydown', onKey('after-control'));

      // The chart's size comes from the observer, so a toggle never has to force a layout to
      // measure it; a resize or a change of colour scheme redraws the chart alone.
      const box = root.getElementById('chart');
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
      // On narrow screens the chart stays on screen above the controls (style.css); the
      // controls end with room of the chart's height, so that the last of them can scroll out
      // from under it.
      // The height goes in a sheet of its own, not in a style attribute, which the page's
      // policy is written to do without; browsers without constructed sheets just lack the room.
      if (root.adoptedStyleSheets && window.CSSStyleSheet?.prototype.replaceSync) {
        const sheet = new CSSStyleSheet();
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        new ResizeObserver((entries) => {
          const height = Math.ceil(entries[entries.length - 1].borderBoxSize[0].blockSize);
          sheet.replaceSync(`.stage { --figure-height: ${height}px; }`);
        }).observe(root.getElementById('figure'));
      }
      if (page) addEventListener('popstate', () => {
        // A link within the page (the Data quality contents) changes the fragment alone: the
        // browser has already scrolled there, and the explorer's state is the same.
        if (location.search.replace(/^\?/, '') === app.query()) return;
        cameFromItem = false;
        try {
          change(() => app.load(location.search), true);
        } catch (error) {
          console.error(error);
        }
      });

      // Inside a frame, report the page's height so the host page can size the frame (embed.js,
      // and the preview of "Embed this view"). The body's own height, not the document's scroll
      // height, which never falls below the frame's height and so would let it grow but never
      // shrink. A height is sent once the layout has settled (no change for a quarter of a
      // second), so that the frame takes its final height in one step instead of following each
      // stage of the start. A chart-only embed fills whatever frame it is given (style.css), so
      // it has no height of its own to report.
      if (framed && !topElement.classList.contains('chart-only')) {
        let sent = 0;
        let settle = null;
        const report = () => {
          const height = Math.ceil(document.body.getBoundingClientRect().height);
          if (height !== sent) window.parent.postMessage({ ictExplorer: 'height', height }, '*');
          sent = height;
        };
        new ResizeObserver(() => {
          clearTimeout(settle);
          settle = setTimeout(report, 250);
        }).observe(document.body);
      }
    }

    start();
    return api;
  }

  if (parts) {
    parts.explorer = explorer;
    parts.wasmSource = wasmSource;
    parts.chineseTexts = chineseTexts;
    return;
  }

  // The explorer's own page.
  // A saved story file opens on its story: the link it carries stands in for the address's.
  const startLink = document.getElementById('ict-explorer-start')?.textContent.trim() ?? '';
  const startQuery = () => location.search || (startLink ? `?${startLink}` : '');
  const api = explorer(document, document.documentElement, window.ictExplorerFail ?? ((reason) => console.error(reason)), async (dark) => {
    await wasm_bindgen({ module_or_path: await wasmSource(document.baseURI) });
    const query = startQuery();
    return new wasm_bindgen.App(document, query, dark, await chineseTexts(query));
  });
  Object.defineProperty(window, 'ICTExplorer', { value: api, enumerable: true });
})();
