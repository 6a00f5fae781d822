// Embed ICT Explorer views in a course page:
//   <div data-ict-explorer="view=fdi&chart=line" data-height="900"></div>
//   <script src="https://your.host/ict-explorer/embed.js" async></script>
// Each element becomes a frame of that view, which starts at its expected height (data-height,
// as "Embed this view" measured it) and then follows its content as the reader uses it. Each
// frame keeps the API of the explorer: frame.contentWindow answers postMessage requests (see
// the README).
(function () {
  'use strict';
  const script = document.currentScript;
  const base = new URL('index.html', script ? script.src : location.href);
  // Heights a frame may take, in CSS pixels: a frame reporting anything else is not believed.
  const SMALLEST = 120;
  const TALLEST = 20000;
  const FIRST_HEIGHT = 640;
  const clamp = (height) => Math.min(TALLEST, Math.max(SMALLEST, Math.ceil(height)));
  const frames = [];
  document.querySelectorAll('[data-ict-explorer]').forEach((placeholder) => {
    const frame = document.createElement('iframe');
    const query = new URLSearchParams(placeholder.getAttribute('data-ict-explorer') || '');
    query.set('embed', '1');
    frame.src = `${base.href}?${query}`;
    frame.title = placeholder.getAttribute('data-title') || 'ICT Explorer chart';
    frame.loading = 'lazy';
    const expected = Number(placeholder.getAttribute('data-height'));
    frame.style.cssText = `width:100%;height:${Number.isFinite(expected) && expected > 0 ? clamp(expected) : FIRST_HEIGHT}px;border:0;display:block`;
    placeholder.replaceWith(frame);
    frames.push(frame);
  });
  addEventListener('message', (event) => {
    if (event.origin !== base.origin) return;
    const frame = frames.find((candidate) => candidate.contentWindow === event.source);
    const data = event.data;
    if (!frame || !data || data.ictExplorer !== 'height') return;
    const height = data.height;
    if (typeof height !== 'number' || !Number.isFinite(height)) return;
    frame.style.height = `${clamp(height)}px`;
  });
})();
