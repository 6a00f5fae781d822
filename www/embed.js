// Embed ICT Explorer views in a course page:
//   <div data-ict-explorer="view=fdi&chart=line"></div>
//   <script src="https://your.host/ict-explorer/embed.js" async></script>
// Each element becomes an iframe of that view, sized to its content as the reader uses it.
(function () {
  const script = document.currentScript;
  const base = new URL('index.html', script ? script.src : location.href);
  const frames = [];
  document.querySelectorAll('[data-ict-explorer]').forEach((placeholder) => {
    const frame = document.createElement('iframe');
    const query = placeholder.getAttribute('data-ict-explorer') || '';
    frame.src = `${base}?${query}${query ? '&' : ''}embed=1`;
    frame.title = placeholder.getAttribute('data-title') || 'ICT Explorer chart';
    frame.loading = 'lazy';
    frame.style.cssText = 'width:100%;height:640px;border:0;display:block';
    placeholder.replaceWith(frame);
    frames.push(frame);
  });
  addEventListener('message', (event) => {
    const height = event.data && event.data.ictExplorerHeight;
    if (typeof height !== 'number') return;
    const frame = frames.find((candidate) => candidate.contentWindow === event.source);
    if (frame) frame.style.height = `${Math.ceil(height)}px`;
  });
})();
