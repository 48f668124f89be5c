// `npm start` runs this: the @floe/browser demo page in headless Chromium against a collector, or
// (serveBrowserDemo) just serves the page so a person can click around. The page script is bundled
// from the packages' sources with esbuild, so no build step is needed.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const packages = join(here, '..', '..');
const CHROMIUM_PATHS = [
  process.env.FLOE_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];

/** The Chromium to drive (FLOE_CHROMIUM, then Debian's paths), or undefined when none is installed. */
export function findChromium() {
  return CHROMIUM_PATHS.find((path) => path && existsSync(path));
}

async function bundleDemo() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(here, 'demo-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    logLevel: 'error',
    alias: {
      '@floe/core': join(packages, 'core/src/index.ts'),
      '@floe/core/internal': join(packages, 'core/src/internal.ts'),
      '@floe/events': join(packages, 'events/src/index.ts'),
      '@floe/browser': join(packages, 'browser/src/index.ts'),
    },
  });
  return result.outputFiles[0].text;
}

/**
 * Serves the demo page on loopback.
 *
 * @param {{ collectorUrl: string, port?: number }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} `url` opens the page wired to the collector.
 */
export async function serveBrowserDemo({ collectorUrl, port = 0 }) {
  const script = await bundleDemo();
  const html = readFileSync(join(here, 'index.html'));
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/demo.js'))
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (req.url === '/favicon.ico') res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/demo/?collector=${encodeURIComponent(collectorUrl)}`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Opens the demo page in headless Chromium, plays a short visit (clicks, a form, a scroll, an SPA
 * route, a cart event) and waits until the tracker's queue is empty.
 *
 * @param {{ collectorUrl: string, chromiumPath?: string, log?: (line: string) => void }} options
 *   `chromiumPath` overrides the lookup (a missing file means "no Chromium").
 * @returns {Promise<number>} the number of events the page sent; 0 (after one line of output) when
 *   Chromium is not installed.
 */
export async function runBrowserDemo({ collectorUrl, chromiumPath, log = console.log }) {
  const executablePath = chromiumPath ?? findChromium();
  if (!executablePath || !existsSync(executablePath)) {
    log('Browser demo skipped: Chromium not found (install chromium or set FLOE_CHROMIUM).');
    return 0;
  }
  const { chromium } = await import('playwright-core');
  const demo = await serveBrowserDemo({ collectorUrl });
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(demo.url);
    await page.waitForFunction('window.floeDemo');
    await page.click('#docs');
    await page.click('#add');
    await page.fill('#email', 'ada@example.com');
    await page.fill('#password', 'never-sent');
    await page.evaluate("document.getElementById('signup').requestSubmit()");
    await page.mouse.wheel(0, 600);
    await page.mouse.move(20, 20);
    await page.waitForTimeout(1200);
    await page.click('#route');
    await page.waitForTimeout(100);
    await page.evaluate('window.floeDemo.flush()');
    return await page.evaluate('window.floeDemo.sent()');
  } finally {
    await browser.close();
    await demo.close();
  }
}
