// The browsers of the cross-browser smoke test, driven by selenium-webdriver: Firefox ESR through
// geckodriver, with WebDriver BiDi for its log, and WebKitGTK through WebKitWebDriver (which
// drives its MiniBrowser) under a private Xvfb display. Both give the same few operations:
// open(url), run(fn, ...args), click(selector), screenshot() and close().
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Builder, By, Capabilities } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { DriverService } from 'selenium-webdriver/remote/index.js';
import { findFreePort } from 'selenium-webdriver/net/portprober.js';
import LogInspector from 'selenium-webdriver/bidi/logInspector.js';
import BrowsingContext from 'selenium-webdriver/bidi/browsingContext.js';
import ScriptManager from 'selenium-webdriver/bidi/scriptManager.js';

/** Debian's Firefox ESR, WebKitGTK driver and Xvfb, and geckodriver from crates.io (all installed by `cargo xtask setup`). */
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const GECKODRIVER =
  process.env.GECKODRIVER ??
  [...(process.env.PATH ?? '').split(path.delimiter), path.join(process.env.CARGO_HOME ?? path.join(os.homedir(), '.cargo'), 'bin')]
    .map((folder) => path.join(folder, 'geckodriver'))
    .find((file) => existsSync(file)) ??
  'geckodriver (on PATH or in cargo\'s bin folder)';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const XVFB = process.env.XVFB ?? '/usr/bin/Xvfb';

/** How long starting a browser, or a script, may take. */
const START_TIMEOUT = 30_000;
const SCRIPT_TIMEOUT = 30_000;

const SETUP_HINT =
  'run `cargo xtask setup` (it installs geckodriver with cargo and, as root, firefox-esr, webkit2gtk-driver and xvfb from apt)';

function requireFile(file, what) {
  if (!existsSync(file)) throw new Error(`${what} is not installed (${file} is missing): ${SETUP_HINT}`);
}

// ---------------------------------------------------------------------------------------------
// What the page collects itself: uncaught errors, unhandled rejections, console.error calls and
// Content Security Policy violations, in window.__smokeErrors. Firefox runs it before the page's
// own scripts (a BiDi preload script); WebKit can only run it after the load.

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

/** The operations the test uses, the same in every browser. */
class Browser {
  /** `stop` ends what the driver runs on (Xvfb for WebKit). */
  constructor(driver, { name, collectAfterLoad, stop = async () => {} }) {
    this.driver = driver;
    this.name = name;
    this.collectAfterLoad = collectAfterLoad;
    this.stop = stop;
    /** Error-level log entries the browser reported for the page (Firefox's BiDi log). */
    this.logErrors = [];
  }

  async open(url) {
    this.logErrors = [];
    await this.driver.get(url);
    if (this.collectAfterLoad) await this.run(installErrorCollector);
  }

  /** Runs `fn(...args)` in the page and gives its (awaited) result, passed through JSON. */
  async run(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn})(...JSON.parse(arguments[0])))
        .then((value) => done({ value: JSON.stringify(value) }), (error) => done({ error: String(error?.stack ?? error) }));`;
    const result = await this.driver.executeAsyncScript(script, JSON.stringify(args));
    if (result.error) throw new Error(`script failed in ${this.name}: ${result.error}`);
    return result.value === undefined ? undefined : JSON.parse(result.value);
  }

  /** WebDriver's element click, after checking that a reader's click would reach the element. */
  async click(selector) {
    const point = await this.run(centreOf, selector);
    if (point.error) throw new Error(point.error);
    await this.driver.findElement(By.css(selector)).click();
  }

  async screenshot() {
    return Buffer.from(await this.driver.takeScreenshot(), 'base64');
  }

  async close() {
    await this.driver.quit().catch(() => {});
    await this.stop();
  }
}

/** Firefox's preferences for a quiet, offline test profile (on top of what geckodriver sets). */
const FIREFOX_PREFS = {
  'app.update.disabledForTesting': true,
  'browser.aboutwelcome.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
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

/** Starts headless Firefox ESR through geckodriver, with its BiDi log and the error collector. */
export async function launchFirefox({ width = 1280, height = 800 } = {}) {
  requireFile(FIREFOX, 'Firefox ESR');
  requireFile(GECKODRIVER, 'geckodriver');
  const options = new firefox.Options().setBinary(FIREFOX).addArguments('--headless').enableBidi();
  for (const [key, value] of Object.entries(FIREFOX_PREFS)) options.setPreference(key, value);
  const driver = await new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER).setEnvironment({ ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' }))
    .build();
  try {
    const capabilities = await driver.getCapabilities();
    const browser = new Browser(driver, { name: `Firefox ${capabilities.getBrowserVersion()}`, collectAfterLoad: false });
    const contextId = await driver.getWindowHandle();
    const context = await BrowsingContext(driver, { browsingContextId: contextId });
    await context.setViewport(width, height);
    const log = await LogInspector(driver);
    const logError = (kind) => (entry) => {
      if (entry.level === 'error') browser.logErrors.push(`${kind}: ${entry.text}`);
    };
    await log.onConsoleEntry(logError('console error'));
    await log.onJavascriptLog(logError('JavaScript error'));
    const scripts = await ScriptManager(contextId, driver);
    await scripts.addPreloadScript(installErrorCollector.toString());
    await driver.manage().setTimeouts({ script: SCRIPT_TIMEOUT });
    return browser;
  } catch (error) {
    await driver.quit().catch(() => {});
    throw error;
  }
}

/**
 * Starts Xvfb on a free display (`-displayfd`: it picks one and prints its number once it
 * accepts clients); resolves with the process and the display.
 */
function startXvfb(width, height) {
  const child = spawn(XVFB, ['-displayfd', '1', '-nolisten', 'tcp', '-screen', '0', `${width}x${height}x24`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Xvfb did not start within ${START_TIMEOUT / 1000} s`)), START_TIMEOUT);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const display = output.match(/^(\d+)$/m)?.[1];
      if (display) {
        clearTimeout(timer);
        resolve({ child, display: `:${display}` });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output = (output + chunk).slice(-5_000)));
    child.once('error', (error) => fail(new Error(`Xvfb could not be started (${XVFB}): ${error.message}`)));
    child.once('exit', (code) => fail(new Error(`Xvfb exited (code ${code}) before it was ready. Its output:\n  ${output}`)));
  });
}

function stopProgram(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  return exited.finally(() => clearTimeout(killer));
}

/** Starts Xvfb, WebKitWebDriver on a free port, and a MiniBrowser session. */
export async function launchWebKit({ width = 1280, height = 800 } = {}) {
  requireFile(WEBKIT_DRIVER, 'WebKitWebDriver (package webkit2gtk-driver)');
  requireFile(XVFB, 'Xvfb (package xvfb)');
  const xvfb = await startXvfb(width + 200, height + 300);
  let service;
  try {
    const port = await findFreePort();
    service = new DriverService(WEBKIT_DRIVER, {
      port,
      hostname: '127.0.0.1',
      args: [`--port=${port}`, '--host=127.0.0.1'],
      env: { ...process.env, DISPLAY: xvfb.display, WAYLAND_DISPLAY: '', GDK_BACKEND: 'x11', LIBGL_ALWAYS_SOFTWARE: '1' },
    });
    const url = await service.start(START_TIMEOUT);
    const capabilities = new Capabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { args: ['--automation'] } });
    const driver = await new Builder().usingServer(url).withCapabilities(capabilities).build();
    const stop = async () => {
      await service.kill();
      await stopProgram(xvfb.child);
    };
    const created = await driver.getCapabilities();
    const browser = new Browser(driver, {
      name: `WebKitGTK ${created.getBrowserVersion()} (${created.getBrowserName()})`,
      collectAfterLoad: true,
      stop,
    });
    await driver.manage().setTimeouts({ script: SCRIPT_TIMEOUT });
    // The window's size includes MiniBrowser's toolbar: grow it until the page gets the size asked for.
    const windowRect = driver.manage().window();
    await windowRect.setRect({ width, height });
    const [innerWidth, innerHeight] = await browser.run(() => [window.innerWidth, window.innerHeight]);
    if (innerWidth !== width || innerHeight !== height) {
      await windowRect.setRect({ width: 2 * width - innerWidth, height: 2 * height - innerHeight });
    }
    return browser;
  } catch (error) {
    await service?.kill();
    await stopProgram(xvfb.child);
    throw error;
  }
}
