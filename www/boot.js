// Runs first, before the page is shown. It marks that scripts run, so the static tables give
// way to the explorer, and it watches the start: when the explorer is not ready in time (a
// script or the WebAssembly blocked by the page's host, an error), the tables come back with
// an explanation, never an endless "Loading…".
(function () {
  const root = document.documentElement;
  root.classList.add('js');
  const started = () => document.getElementById('app')?.dataset.ready === 'true';

  // Shows the static tables and says why the explorer is not there. www/app.js calls it too.
  window.ictExplorerFail = (reason) => {
    if (started()) return;
    root.classList.add('failed');
    const status = document.getElementById('status');
    if (!status) return;
    status.textContent = `The interactive explorer could not start: ${reason} The tables below still show every number of the paper.`;
    status.className = 'failure';
    status.hidden = false;
  };

  const seconds = 8;
  setTimeout(() => {
    window.ictExplorerFail(`it was not ready after ${seconds} seconds, so this browser or the page that holds it may block its scripts or WebAssembly.`);
  }, seconds * 1000);
  // An error before the start (a script that failed to load or to run) needs no waiting.
  addEventListener('error', (event) => {
    if (event.target instanceof HTMLScriptElement) window.ictExplorerFail(`a script of the page (${event.target.src}) did not load.`);
    else if (event instanceof ErrorEvent) window.ictExplorerFail(`an error stopped it (${event.message}).`);
  }, true);
})();
