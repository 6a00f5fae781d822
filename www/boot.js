// Runs first, before the page is shown. It marks that scripts run, so the static tables give
// way to the explorer, and it watches the start: when the explorer is not ready in time (a
// script or the WebAssembly blocked by the page's host, an error), the tables come back with
// an explanation, never an endless "Loading…".
(function () {
  const root = document.documentElement;
  root.classList.add('js');
  const started = () => document.getElementById('app')?.dataset.ready === 'true';
  // Its messages come before the core and its catalogue, so it says them in Chinese itself
  // when the link asks for Chinese (the core reads lang the same way: the first part decides).
  const zh = /[?&]lang=zh/i.test(location.search);
  const say = (english, chinese) => (zh ? chinese : english);

  // Puts the static tables in the page: they come as the text of a <noscript> (see
  // xtask/src/dist.rs), which a browser that runs scripts does not make into elements.
  const showTables = () => {
    const tables = document.getElementById('static-tables');
    if (tables && !document.getElementById('fallback')) tables.insertAdjacentHTML('afterend', tables.textContent);
  };

  // Shows the static tables and says why the explorer is not there. www/app.js calls it too.
  window.ictExplorerFail = (reason) => {
    if (started()) return;
    root.classList.add('failed');
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showTables);
    else showTables();
    const status = document.getElementById('status');
    if (!status) return;
    status.textContent = say(`The interactive explorer could not start: ${reason} The tables below still show every number of the paper.`, `交互式浏览器未能启动：${reason}下方表格仍列出论文的全部数字。`);
    status.className = 'failure';
    status.hidden = false;
  };

  // On the hosted site this script is inline and names the page's other scripts in its
  // data-load (xtask/src/site.rs): inserted by this script, they are allowed by the site's
  // policy ('strict-dynamic'), also in a frame whose origin is opaque, where 'self' matches
  // nothing in WebKit. They run in order once the page is parsed, as tags at its end would.
  const later = (document.currentScript?.dataset.load ?? '').split(' ').filter(Boolean);

  // "Loading…" is said only by a script that runs, and the note that scripts cannot run
  // (shown by the page's HTML and CSS alone) goes.
  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('scripts-off')?.setAttribute('hidden', '');
    const status = document.getElementById('status');
    if (status && !started() && !root.classList.contains('failed')) status.textContent = say('Loading the explorer…', '正在载入浏览器…');
    for (const src of later) {
      const script = document.createElement('script');
      script.src = src;
      script.async = false;
      document.body.append(script);
    }
  });

  const seconds = 8;
  setTimeout(() => {
    window.ictExplorerFail(say(`it was not ready after ${seconds} seconds, so this browser or the page that holds it may block its scripts or WebAssembly.`, `${seconds}秒后仍未就绪，此浏览器或容纳它的页面可能阻止了其脚本或 WebAssembly。`));
  }, seconds * 1000);
  // An error before the start (a script that failed to load or to run) needs no waiting.
  addEventListener('error', (event) => {
    if (event.target instanceof HTMLScriptElement) window.ictExplorerFail(say(`a script of the page (${event.target.src}) did not load.`, `页面的脚本（${event.target.src}）未能载入。`));
    else if (event instanceof ErrorEvent) window.ictExplorerFail(say(`an error stopped it (${event.message}).`, `出现错误（${event.message}）。`));
  }, true);
})();
