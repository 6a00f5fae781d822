// Embed ICT Explorer views in a course page:
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
})();
