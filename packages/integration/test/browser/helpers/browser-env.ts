// One headless Chromium, the embedded collector and a loopback page server per test suite. The
// pages come from another port than the collector, so every request is cross-origin, as on a
// real site. Bundles are built with esbuild from the packages' sources.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Collector, type GoodEvent, startCollector } from '@floe/collector';
import { CHROMIUM_PATH, launchChromium } from '@floe/test-utils';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const chromiumPath = CHROMIUM_PATH;
const repo = join(__dirname, '..', '..', '..', '..', '..');
const packages = join(repo, 'packages');

/** Skips a suite where Chromium is absent, except in CI, where that is an error (decision 32). */
export const describeInChromium: jest.Describe =
  existsSync(chromiumPath) || process.env.CI === 'true' ? describe : describe.skip;

async function bundle(entry: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, '..', 'pages', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2020',
    logLevel: 'error',
    alias: {
      '@floe/core': join(packages, 'core/src/index.ts'),
      '@floe/core/internal': join(packages, 'core/src/internal.ts'),
      '@floe/events': join(packages, 'events/src/index.ts'),
      '@floe/browser': join(packages, 'browser/src/index.ts'),
    },
  });
  return result.outputFiles[0]!.text;
}

/** The test page: both bundles, a title, links and a form for the autotrackers. */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Floe test page</title>
<script src="/floe.js"></script><script src="/snowplow.js"></script></head>
<body style="height:3000px;width:2000px">
<a id="plain" class="nav main" href="/next">Next page</a>
<a id="ignored" class="no-track" href="/ignored">Ignored</a>
<a id="newtab" href="/other" target="_blank">Other</a>
<form id="signup" class="signup-form" onsubmit="event.preventDefault()">
  <input id="email" name="email" type="email" class="field">
  <input id="pw" name="password" type="password">
  <input id="card" name="card" autocomplete="cc-number">
  <input id="secret" name="secret" data-floe-sensitive>
  <textarea id="bio" name="bio"></textarea>
  <select id="plan" name="plan"><option value="free">Free</option><option value="pro">Pro</option></select>
  <button id="submit" type="submit">Go</button>
</form>
</body></html>`;

export interface BrowserEnv {
  readonly collector: Collector;
  readonly browser: Browser;
  /** The page server's origin, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** A fresh browser context (its own cookies and storage) with one page. */
  newContext(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Starts the collector, the page server and Chromium. */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  const [floe, snowplow] = await Promise.all([
    bundle('floe-page.ts', 'FloeBundle'),
    bundle('snowplow-page.ts', 'SnowplowBundle'),
  ]);
  // focus_form and application_error are not among the collector's bundled schemas yet.
  const collector = await startCollector({
    port: 0,
    schemaDirs: [join(repo, 'fixtures/iglu-central/schemas')],
  });
  const server: Server = createServer((req, res) => {
    const path = req.url?.split('?')[0];
    if (path === '/floe.js' || path === '/snowplow.js') {
      res
        .writeHead(200, { 'content-type': 'text/javascript' })
        .end(path === '/floe.js' ? floe : snowplow);
    } else if (path === '/favicon.ico') {
      res.writeHead(404).end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // launch() gives every run a fresh temporary profile.
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    collector,
    browser,
    origin,
    async newContext() {
      const context = await browser.newContext();
      contexts.push(context);
      return { context, page: await context.newPage() };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await collector.close();
    },
  };
}

/** Polls `check` every 50 ms until it returns a value other than undefined/false, or throws at the deadline. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Good events of one app id, oldest first. */
export function goodOf(collector: Collector, appId: string): GoodEvent[] {
  return collector
    .good()
    .filter((event) => event.event.app_id === appId)
    .reverse();
}

/** Bad rows as JSON text, for a readable failure. */
export function badRows(collector: Collector): string {
  return JSON.stringify(collector.bad(), null, 1).slice(0, 4000);
}

/** The code a page runs to create a tracker: `Floe.createBrowserTracker(<options>)` on `window.tracker`. */
export function createTrackerScript(endpoint: string, options: Record<string, unknown>): string {
  return `window.tracker = Floe.createBrowserTracker(${JSON.stringify({ endpoint, namespace: 'test', ...options })});`;
}
