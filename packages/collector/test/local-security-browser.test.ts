// Decision 35 in a real browser: a page on another port cannot reset the collector, a rebound
// host name cannot read it, and the UI works under its CSP (and shows large rows in pages).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { createCollectorApp } from '../src/index';
import { launchChromium, type PageGlobals } from './helpers/browser';
import { base, body, JSON_TYPE, post } from './helpers/tp2';

jest.setTimeout(90_000);

interface Logged {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly site: string | undefined;
}

let collectorServer: Server;
let collectorUrl: string;
let attacker: Server;
let attackerUrl: string;
let browser: Browser;
let app: Awaited<ReturnType<typeof createCollectorApp>>;
const log: Logged[] = [];

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** The hostile page: every simple request a page can make without asking. */
const ATTACK_PAGE = (target: string) => `<!doctype html>
<img src="${target}/micro/reset">
<form id="f" method="POST" action="${target}/micro/reset" target="sink"></form>
<iframe name="sink"></iframe>
<iframe id="framed" src="${target}/micro/ui"></iframe>
<script>
  fetch('${target}/micro/reset', { method: 'POST', mode: 'no-cors' }).catch(() => {});
  document.getElementById('f').submit();
</script>`;

beforeAll(async () => {
  app = await createCollectorApp();
  collectorServer = createServer((req, res) => {
    res.on('finish', () =>
      log.push({
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0]!,
        status: res.statusCode,
        site: req.headers['sec-fetch-site'] as string | undefined,
      }),
    );
    app.listener(req, res);
  });
  collectorUrl = await listen(collectorServer);
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(ATTACK_PAGE(collectorUrl));
  });
  attackerUrl = await listen(attacker);
  browser = await launchChromium([`--host-resolver-rules=MAP rebind.attacker.example 127.0.0.1`]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await new Promise((resolve) => collectorServer?.close(resolve));
  app?.close();
});

async function freshPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('dialog', (dialog) => void dialog.accept());
  return { page, violations };
}

const resets = () => log.filter((entry) => entry.path === '/micro/reset');

test('a page on another port cannot reset the collector or frame its UI', async () => {
  await post(collectorUrl, body(base('pv', { url: 'https://a.example/' })));
  expect(app.all().total).toBe(1);
  const { page } = await freshPage();
  await page.goto(attackerUrl);
  // The <img>, the form POST and the no-cors fetch all reach the collector, and all get 403.
  const deadline = Date.now() + 15_000;
  while (resets().length < 3 && Date.now() < deadline) await page.waitForTimeout(100);
  expect(resets().length).toBeGreaterThanOrEqual(3);
  expect(new Set(resets().map((r) => r.method))).toEqual(new Set(['GET', 'POST']));
  expect(resets().every((r) => r.status === 403)).toBe(true);
  expect(resets().every((r) => r.site === 'same-site' || r.site === 'cross-site')).toBe(true);
  expect(app.all().total).toBe(1);
  // The UI refused to render inside the attacker's frame (frame-ancestors 'none').
  const framed = page
    .frames()
    .find((frame) => frame !== page.mainFrame() && frame.name() !== 'sink');
  const framedText = await framed
    ?.evaluate(
      () =>
        (globalThis as unknown as PageGlobals).document.getElementById('status')?.textContent ??
        null,
    )
    .catch(() => null);
  expect(framedText ?? null).toBeNull();
  await page.close();
});

test('a rebound host name cannot read the events (DNS rebinding)', async () => {
  const { page } = await freshPage();
  const port = new URL(collectorUrl).port;
  const response = await page.goto(`http://rebind.attacker.example:${port}/micro/good`);
  expect(response?.status()).toBe(403);
  expect(await response?.text()).not.toContain('a.example');
  const ui = await page.goto(`http://rebind.attacker.example:${port}/micro/ui`);
  expect(ui?.status()).toBe(403);
  // The event route itself stays open under any name, as a collector's must.
  const pixel = await page.goto(`http://rebind.attacker.example:${port}/i?e=pv&p=web&tv=t`);
  expect(pixel?.status()).toBe(200);
  await page.close();
});

test('the UI works under its CSP: live list, paged large rows and its own reset', async () => {
  const total = app.all().total;
  // A bad row over 128 KiB: the feed leaves its value out and the UI reads it in pages.
  await post(collectorUrl, `{"x": ${'"'.repeat(20_000)}`, { 'Content-Type': JSON_TYPE });
  const { page, violations } = await freshPage();
  await page.goto(`${collectorUrl}/micro/ui`);
  await page.locator('#status[data-state="live"]').waitFor();
  await page.waitForFunction(
    (n) =>
      (globalThis as unknown as PageGlobals).document.querySelectorAll('#event-list .event-row')
        .length === n,
    total + 1,
  );
  await page.locator('#event-list .event-row[data-kind="bad"]').first().click();
  await page.locator('#details .large-note').waitFor();
  const panel = page.locator('#details pre.paged');
  await page.waitForFunction(
    () =>
      ((globalThis as unknown as PageGlobals).document.getElementById('details')?.textContent ?? '')
        .length > 100_000,
  );
  const firstPage = (await panel.textContent())!.length;
  await page.locator('#details .load-more').click();
  await page.waitForFunction(
    (before) =>
      ((globalThis as unknown as PageGlobals).document.getElementById('details')?.textContent ?? '')
        .length >
      before + 1000,
    firstPage,
  );
  const shown = (await panel.textContent())!;
  expect(shown).toContain('tracker_protocol_violations');

  // Same-origin reset from the UI still works.
  const before = resets().length;
  await page.click('#reset');
  await page.locator('#event-list .empty').waitFor();
  expect(app.all().total).toBe(0);
  expect(resets().slice(before)).toEqual([
    { method: 'POST', path: '/micro/reset', status: 200, site: 'same-origin' },
  ]);
  expect(violations).toEqual([]);
  await page.close();
});
