// Runs the browser harness in real headless Chromium (Debian's package, found by
// scripts/ensure-browser.mjs), on a page served over loopback from another port than the collector.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHROMIUM_PATH, launchChromium } from '@floe/test-utils';
import type { HarnessReport } from './run-harness';

/** The Chromium binary: FLOE_CHROMIUM, else Debian's. */
export const chromiumPath = CHROMIUM_PATH;

/** Whether Chromium is installed. */
export const chromiumAvailable = existsSync(chromiumPath);

const PAGE =
  '<!doctype html><meta charset="utf-8"><title>Floe conformance</title><script type="module" src="/harness.mjs"></script>';

/** Serves the page and the bundled harness, opens it in Chromium, and returns the harness's report. */
export async function runInChromium(bundle: string, endpoint: string): Promise<HarnessReport> {
  const script = readFileSync(bundle);
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/harness.mjs')) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/shop?endpoint=${encodeURIComponent(endpoint)}`);
    const report = (await page.evaluate('window.conformance')) as HarnessReport;
    return { ...report, version: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
    server.close();
  }
}
