// A small WebDriver client for the cross-browser smoke test: Firefox ESR through WebDriver BiDi
// (spoken by Firefox itself, so no geckodriver), and WebKitGTK through WebKitWebDriver's classic
// W3C WebDriver over HTTP, under a private Xvfb display. Both give the same few operations:
// open(url), run(fn, ...args), click(selector), screenshot() and close(). No dependencies beyond
// Node.js: the WebSocket that BiDi needs is written out below (Node 20 has no WebSocket client
// without a flag).
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's Firefox ESR and WebKitGTK driver, and Xvfb (installed by `cargo xtask setup`). */
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const XVFB = process.env.XVFB ?? '/usr/bin/Xvfb';

/** How long starting a browser, or any one command, may take. */
const START_TIMEOUT = 30_000;
const COMMAND_TIMEOUT = 30_000;

const SETUP_HINT = 'run `cargo xtask setup` (as root it installs firefox-esr, webkit2gtk-driver and xvfb from apt)';

function requireFile(file, what) {
  if (!existsSync(file)) throw new Error(`${what} is not installed (${file} is missing): ${SETUP_HINT}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a program and keeps the last lines of its output for error messages. `ready(text)`
 * sees everything printed so far (stdout and stderr) and returns a value once the program is
 * ready; the promise resolves with { child, value }.
 */
function startProgram(file, args, { env, ready, what, stdio = ['ignore', 'pipe', 'pipe'] }) {
  const child = spawn(file, args, { env: { ...process.env, ...env }, stdio });
  let output = '';
  // 'error' without 'exit' when it could not be started at all.
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  child.outputTail = () => output.split('\n').slice(-15).join('\n  ');
  const started = new Promise((resolve, reject) => {
    const check = (chunk) => {
      output = (output + chunk).slice(-20_000);
      const value = ready?.(output);
      if (value !== undefined && value !== null) resolve({ child, value });
    };
    for (const stream of child.stdio.slice(1)) stream?.setEncoding('utf8').on('data', check);
    child.once('error', (error) => reject(new Error(`${what} could not be started (${file}): ${error.message}`)));
    exited.then(({ code, signal }) =>
      reject(new Error(`${what} exited (${signal ?? `code ${code}`}) before it was ready. Its output:\n  ${child.outputTail()}`)),
    );
    if (!ready) resolve({ child, value: true });
  });
  child.exited = exited;
  return withTimeout(started, START_TIMEOUT, `starting ${what}`).catch((error) => {
    child.kill('SIGKILL');
    throw error;
  });
}

async function stopProgram(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const stopped = await withTimeout(child.exited, 5_000, 'stopping').then(
    () => true,
    () => false,
  );
  if (!stopped) {
    child.kill('SIGKILL');
    await child.exited;
  }
}

/** A free TCP port on 127.0.0.1 (for WebKitWebDriver, which cannot pick one itself). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// A minimal WebSocket client (RFC 6455): text messages, fragmentation, ping and close; enough
// for a browser's WebDriver BiDi endpoint on the loopback interface.

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

class WebSocketClient {
  constructor(socket, head) {
    this.socket = socket;
    this.buffer = Buffer.from(head ?? []);
    this.fragments = [];
    this.onmessage = () => {};
    this.onclose = () => {};
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.#parse();
    });
    socket.on('close', () => this.onclose());
    socket.on('error', () => {}); // 'close' follows and reports it
    if (this.buffer.length) setImmediate(() => this.#parse());
  }

  static connect(url) {
    return new Promise((resolve, reject) => {
      const key = randomBytes(16).toString('base64');
      const request = http.request(url.replace(/^ws/, 'http'), {
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': key, 'Sec-WebSocket-Version': '13' },
      });
      request.once('upgrade', (response, socket, head) => {
        const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
        if (response.headers['sec-websocket-accept'] !== accept) {
          socket.destroy();
          reject(new Error(`${url} answered the WebSocket handshake wrongly`));
        } else {
          resolve(new WebSocketClient(socket, head));
        }
      });
      request.once('response', (response) => {
        response.resume();
        reject(new Error(`${url} refused the WebSocket connection: HTTP ${response.statusCode}`));
      });
      request.once('error', reject);
      request.end();
    });
  }

  #parse() {
    for (;;) {
      const bytes = this.buffer;
      if (bytes.length < 2) return;
      const fin = (bytes[0] & 0x80) !== 0;
      const opcode = bytes[0] & 0x0f;
      const masked = (bytes[1] & 0x80) !== 0;
      let length = bytes[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (bytes.length < 4) return;
        length = bytes.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (bytes.length < 10) return;
        length = Number(bytes.readBigUInt64BE(2));
        offset = 10;
      }
      const mask = masked ? bytes.subarray(offset, offset + 4) : null;
      if (masked) offset += 4;
      if (bytes.length < offset + length) return;
      const payload = Buffer.from(bytes.subarray(offset, offset + length));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
      this.buffer = bytes.subarray(offset + length);
      if (opcode === 0x8) {
        this.#write(0x8, payload.subarray(0, 2));
        this.socket.end();
        return;
      }
      if (opcode === 0x9) this.#write(0xa, payload);
      else if (opcode === 0x0 || opcode === 0x1 || opcode === 0x2) {
        this.fragments.push(payload);
        if (fin) {
          const text = Buffer.concat(this.fragments).toString('utf8');
          this.fragments = [];
          this.onmessage(text);
        }
      }
    }
  }

  #write(opcode, payload) {
    if (this.socket.destroyed) return;
    const length = payload.length;
    let header;
    if (length < 126) header = Buffer.from([0x80 | opcode, 0x80 | length]);
    else if (length < 65536) {
      header = Buffer.alloc(4);
      header.writeUInt16BE(length, 2);
      header[1] = 0x80 | 126;
    } else {
      header = Buffer.alloc(10);
      header.writeBigUInt64BE(BigInt(length), 2);
      header[1] = 0x80 | 127;
    }
    header[0] = 0x80 | opcode;
    const mask = randomBytes(4);
    const body = Buffer.from(payload);
    for (let i = 0; i < body.length; i++) body[i] ^= mask[i & 3];
    this.socket.write(Buffer.concat([header, mask, body]));
  }

  send(text) {
    this.#write(0x1, Buffer.from(text, 'utf8'));
  }

  close() {
    this.#write(0x8, Buffer.alloc(0));
    this.socket.end();
  }
}

// ---------------------------------------------------------------------------------------------
// What the page collects itself: uncaught errors, unhandled rejections, console.error calls and
// Content Security Policy violations, in window.__smokeErrors. Firefox runs it before the page's
// own scripts (a BiDi preload script); over classic WebDriver it can only run after the load.

function installErrorCollector() {
  if (window.__smokeErrors) return;
  const errors = (window.__smokeErrors = []);
  addEventListener(
    'error',
    (event) => {
      if (event.error !== undefined || event.message) {
        const stack = event.error?.stack ? `\n    ${event.error.stack.trim().replace(/\n/g, '\n    ')}` : '';
        errors.push(`uncaught error: ${event.message} (${event.filename}:${event.lineno})${stack}`);
      } else {
        const target = event.target;
        errors.push(`failed to load <${target?.localName}> ${target?.src ?? target?.href ?? ''}`);
      }
    },
    true,
  );
  addEventListener('unhandledrejection', (event) =>
    errors.push(`unhandled promise rejection: ${event.reason?.stack ?? event.reason}`),
  );
  addEventListener('securitypolicyviolation', (event) =>
    errors.push(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`),
  );
  const consoleError = console.error;
  console.error = function (...args) {
    errors.push(`console.error: ${args.map((arg) => arg?.stack ?? String(arg)).join(' ')}`);
    return consoleError.apply(this, args);
  };
}

// ---------------------------------------------------------------------------------------------
// Firefox over WebDriver BiDi.

class FirefoxBidi {
  constructor(child, socket, profile) {
    this.child = child;
    this.socket = socket;
    this.profile = profile;
    this.nextId = 0;
    this.pending = new Map();
    /** Error-level log entries Firefox reported for the page (console and JavaScript errors). */
    this.logErrors = [];
    socket.onmessage = (text) => this.#receive(JSON.parse(text));
    socket.onclose = () => {
      for (const { reject, method } of this.pending.values()) reject(new Error(`Firefox closed the connection during ${method}`));
      this.pending.clear();
    };
  }

  #receive(message) {
    if (message.id !== undefined && this.pending.has(message.id)) {
      const { resolve, reject, method } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'error') reject(new Error(`Firefox: ${method} failed: ${message.error}: ${message.message}`));
      else resolve(message.result);
    } else if (message.method === 'log.entryAdded' && message.params.level === 'error') {
      const entry = message.params;
      const where = entry.source?.context === this.context ? '' : ' (another context)';
      this.logErrors.push(`${entry.type === 'javascript' ? 'JavaScript error' : 'console error'}: ${entry.text}${where}`);
    }
  }

  send(method, params = {}) {
    const id = ++this.nextId;
    const reply = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
    this.socket.send(JSON.stringify({ id, method, params }));
    return withTimeout(reply, COMMAND_TIMEOUT, `Firefox's ${method}`);
  }

  async open(url) {
    this.logErrors = [];
    await this.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  async run(fn, ...args) {
    const result = await this.send('script.callFunction', {
      functionDeclaration: `async (json) => JSON.stringify(await (${fn})(...JSON.parse(json)))`,
      arguments: [{ type: 'string', value: JSON.stringify(args) }],
      target: { context: this.context },
      awaitPromise: true,
      userActivation: true,
    });
    if (result.type === 'exception') throw new Error(`script failed in Firefox: ${result.exceptionDetails.text}`);
    return result.result.type === 'string' ? JSON.parse(result.result.value) : undefined;
  }

  /** A real pointer click at the middle of the element, after scrolling it into view. */
  async click(selector) {
    const point = await this.run(centreOf, selector);
    if (point.error) throw new Error(point.error);
    await this.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: Math.round(point.x), y: Math.round(point.y), origin: 'viewport' },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.send('input.releaseActions', { context: this.context });
  }

  async screenshot() {
    const { data } = await this.send('browsingContext.captureScreenshot', { context: this.context });
    return Buffer.from(data, 'base64');
  }

  async close() {
    try {
      await withTimeout(this.send('browser.close'), 5_000, 'closing Firefox');
    } catch {
      // killed below
    }
    this.socket.close();
    await stopProgram(this.child);
    await rm(this.profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * Where a click on `selector` lands, after scrolling it to the middle of the viewport; an error
 * when it is missing, has no box, or lies under another element (which a reader's click would
 * hit instead).
 */
function centreOf(selector) {
  const element = document.querySelector(selector);
  if (!element) return { error: `there is no ${selector}` };
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return { error: `${selector} is not visible (it takes no space on the page)` };
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  if (hit !== element && !element.contains(hit) && hit?.control !== element && hit?.closest('label')?.control !== element) {
    return { error: `${selector} is covered by <${hit?.localName}${hit?.id ? ` id="${hit.id}"` : ''}> at (${x}, ${y})` };
  }
  return { x, y };
}

/** Firefox's preferences for a quiet, offline test profile (on top of what its Remote Agent sets). */
const FIREFOX_PREFS = {
  'app.update.disabledForTesting': true,
  'browser.aboutwelcome.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'extensions.update.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'services.settings.server': 'data:,',
  'toolkit.telemetry.reportingpolicy.firstRun': false,
};

/** Starts headless Firefox ESR with a fresh profile and opens a WebDriver BiDi session. */
export async function launchFirefox({ width = 1280, height = 800 } = {}) {
  requireFile(FIREFOX, 'Firefox ESR');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'ict-firefox-'));
  const prefs = Object.entries(FIREFOX_PREFS).map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`);
  await writeFile(path.join(profile, 'user.js'), `${prefs.join('\n')}\n`);
  let child;
  try {
    const started = await startProgram(
      FIREFOX,
      ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', 'about:blank'],
      {
        what: 'Firefox ESR',
        env: { MOZ_CRASHREPORTER_DISABLE: '1' },
        ready: (text) => text.match(/WebDriver BiDi listening on (ws:\/\/\S+)/)?.[1],
      },
    );
    child = started.child;
    const socket = await withTimeout(WebSocketClient.connect(`${started.value}/session`), START_TIMEOUT, 'connecting to Firefox');
    const firefox = new FirefoxBidi(child, socket, profile);
    const { capabilities } = await firefox.send('session.new', { capabilities: {} });
    firefox.name = `Firefox ${capabilities.browserVersion}`;
    const { contexts } = await firefox.send('browsingContext.getTree', { maxDepth: 0 });
    firefox.context = contexts[0].context;
    await firefox.send('browsingContext.setViewport', { context: firefox.context, viewport: { width, height } });
    await firefox.send('session.subscribe', { events: ['log.entryAdded'] });
    await firefox.send('script.addPreloadScript', { functionDeclaration: installErrorCollector.toString() });
    return firefox;
  } catch (error) {
    await stopProgram(child);
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// WebKitGTK over classic WebDriver (WebKitWebDriver drives its MiniBrowser), on a private Xvfb.

class WebKitClassic {
  constructor(xvfb, driver, base) {
    this.xvfb = xvfb;
    this.driver = driver;
    this.base = base;
    this.logErrors = []; // classic WebDriver has no log events: the page's own collector reports
  }

  async command(method, route, body) {
    const url = `${this.base}${this.session ? `/session/${this.session}` : ''}${route}`;
    const response = await withTimeout(
      fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) }),
      COMMAND_TIMEOUT,
      `WebKitWebDriver's ${method} ${route}`,
    );
    const { value } = await response.json();
    if (!response.ok || value?.error) {
      throw new Error(`WebKitWebDriver: ${method} ${route || '/'} failed: ${value?.error}: ${value?.message}`);
    }
    return value;
  }

  async open(url) {
    await this.command('POST', '/url', { url });
    await this.run(installErrorCollector);
  }

  async run(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn})(...JSON.parse(arguments[0])))
        .then((value) => done({ value: JSON.stringify(value) }), (error) => done({ error: String(error?.stack ?? error) }));`;
    const result = await this.command('POST', '/execute/async', { script, args: [JSON.stringify(args)] });
    if (result.error) throw new Error(`script failed in WebKit: ${result.error}`);
    return result.value === undefined ? undefined : JSON.parse(result.value);
  }

  /** WebDriver's element click: scrolls into view and fails if another element is on top. */
  async click(selector) {
    const point = await this.run(centreOf, selector);
    if (point.error) throw new Error(point.error);
    const element = await this.command('POST', '/element', { using: 'css selector', value: selector });
    const id = element['element-6066-11e4-a52e-4f735466cecf'];
    await this.command('POST', `/element/${id}/click`, {});
  }

  async screenshot() {
    return Buffer.from(await this.command('GET', '/screenshot'), 'base64');
  }

  async close() {
    if (this.session) {
      await this.command('DELETE', '').catch(() => {});
      this.session = undefined;
    }
    await stopProgram(this.driver);
    await stopProgram(this.xvfb);
  }
}

/** Starts Xvfb on a free display, WebKitWebDriver on a free port, and a MiniBrowser session. */
export async function launchWebKit({ width = 1280, height = 800 } = {}) {
  requireFile(WEBKIT_DRIVER, 'WebKitWebDriver (package webkit2gtk-driver)');
  requireFile(XVFB, 'Xvfb (package xvfb)');
  let xvfb;
  let driver;
  try {
    // -displayfd: Xvfb picks a free display itself and prints its number once it accepts clients.
    ({ child: xvfb } = await startProgram(
      XVFB,
      ['-displayfd', '1', '-nolisten', 'tcp', '-screen', '0', `${width + 200}x${height + 300}x24`],
      { what: 'Xvfb', ready: (text) => text.match(/^(\d+)$/m)?.[1] },
    ).then(({ child, value }) => {
      child.display = `:${value}`;
      return { child };
    }));
    const port = await freePort();
    ({ child: driver } = await startProgram(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
      what: 'WebKitWebDriver',
      env: { DISPLAY: xvfb.display, WAYLAND_DISPLAY: '', GDK_BACKEND: 'x11', LIBGL_ALWAYS_SOFTWARE: '1' },
    }));
    const webkit = new WebKitClassic(xvfb, driver, `http://127.0.0.1:${port}`);
    // The driver prints nothing when it is listening: poll its status.
    const deadline = Date.now() + START_TIMEOUT;
    for (;;) {
      const status = await webkit.command('GET', '/status').catch(() => null);
      if (status?.ready) break;
      if (driver.exitCode !== null || Date.now() > deadline) {
        throw new Error(`WebKitWebDriver did not answer on port ${port}. Its output:\n  ${driver.outputTail()}`);
      }
      await sleep(100);
    }
    let created;
    try {
      created = await webkit.command('POST', '/session', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { args: ['--automation'] } } },
      });
    } catch (error) {
      throw new Error(`${error.message}\nWebKitWebDriver's output:\n  ${driver.outputTail()}`);
    }
    webkit.session = created.sessionId;
    webkit.name = `WebKitGTK ${created.capabilities.browserVersion} (${created.capabilities.browserName})`;
    // The window's size includes MiniBrowser's toolbar: grow it until the page gets the size asked for.
    await webkit.command('POST', '/window/rect', { width, height });
    const [innerWidth, innerHeight] = await webkit.run(() => [window.innerWidth, window.innerHeight]);
    if (innerWidth !== width || innerHeight !== height) {
      await webkit.command('POST', '/window/rect', { width: 2 * width - innerWidth, height: 2 * height - innerHeight });
    }
    return webkit;
  } catch (error) {
    await stopProgram(driver);
    await stopProgram(xvfb);
    throw error;
  }
}
