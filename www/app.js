// Wiring only: start the WebAssembly core and connect DOM events to it.
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

async function start() {
  const status = document.getElementById('status');
  try {
    await init({ module_or_path: inlineWasm() ?? new URL('ict_explorer_bg.wasm', import.meta.url) });
    const app = new App(document.getElementById('app'));
    status.textContent = `Explorer ready: ${app.cell_count()} numbers loaded.`;
  } catch (error) {
    status.textContent = 'The interactive explorer could not start in this browser (WebAssembly is needed). The data tables below still show every number.';
    console.warn(error);
  }
}

start();
