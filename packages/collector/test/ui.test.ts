import type { Browser, Page } from 'playwright-core';
import { type Collector, startCollector } from '../src/index';
import { launchChromium, type PageGlobals } from './helpers/browser';
import { base, body, contexts, LINK_CLICK, post, unstruct, WEB_PAGE } from './helpers/tp2';

jest.setTimeout(60_000);

let collector: Collector;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  collector = await startCollector({ port: 0 });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

/** Waits until the list shows exactly `n` rows (the page polls every second). */
const rowCount = (n: number) =>
  // A function, not a string: the UI's CSP forbids eval, which string predicates need.
  page.waitForFunction(
    (count) =>
      (globalThis as unknown as PageGlobals).document.querySelectorAll('#event-list .event-row')
        .length === count,
    n,
  );
const rows = (kind?: string) =>
  page.locator(kind ? `#event-list .event-row[data-kind="${kind}"]` : '#event-list .event-row');

test('the UI shows events live, their JSON, filters, errors and counts', async () => {
  const assets = await Promise.all(
    ['/micro/ui', '/micro/ui/app.js', '/micro/ui/style.css'].map((p) =>
      fetch(`${collector.url}${p}`),
    ),
  );
  expect(assets.map((r) => [r.status, r.headers.get('content-type')?.split(';')[0]])).toEqual([
    [200, 'text/html'],
    [200, 'text/javascript'],
    [200, 'text/css'],
  ]);
  expect((await fetch(`${collector.url}/micro/ui/..%2Fpackage.json`)).status).toBe(404);

  await page.goto(collector.uiUrl);
  await page.locator('#status[data-state="live"]').waitFor();
  await page.locator('#event-list .empty').waitFor();

  // An event sent after the page loaded shows up without a reload.
  const pv = base('pv', {
    url: 'https://shop.example/',
    page: 'Home',
    co: JSON.stringify(
      contexts({ schema: WEB_PAGE, data: { id: 'a1a1a1a1-1111-4222-8333-444455556666' } }),
    ),
  });
  await post(collector.url, body(pv));
  await rows('good').first().waitFor();
  expect(await rows('good').first().locator('.title').textContent()).toBe('page_view');
  await rows('good').first().click();
  await page.locator('#details .json-panel').waitFor();
  expect(await page.locator('#details .json-panel').textContent()).toContain(pv.eid);
  expect(await page.locator('#details .badge').textContent()).toBe('good');

  await post(
    collector.url,
    body(
      base('se', { se_ca: 'shop', se_ac: 'add', aid: 'other-app' }),
      base('ue', {
        ue_pr: JSON.stringify(unstruct(LINK_CLICK, { targetUrl: 'https://x.example/' })),
      }),
    ),
  );
  await rowCount(3);
  expect(await page.locator('#count-good').textContent()).toBe('3');

  // Filters change the list.
  await page.selectOption('#filter-type', 'struct');
  await rowCount(1);
  expect(await rows().first().locator('.title').textContent()).toBe('struct');
  await page.selectOption('#filter-type', '');
  await page.selectOption('#filter-schema', LINK_CLICK);
  await rowCount(1);
  expect(await rows().first().locator('.title').textContent()).toBe('link_click');
  await page.selectOption('#filter-schema', '');
  await page.selectOption('#filter-app', 'other-app');
  await rowCount(1);
  await page.selectOption('#filter-app', '');
  await rowCount(3);

  // A bad event: highlighted errors with the readable message.
  await post(collector.url, body(base('pv', { url: 'https://shop.example/', vid: 'abc' })));
  await rows('bad').first().waitFor();
  expect(await page.locator('#count-bad').textContent()).toBe('1');
  expect(await page.locator('#count-incomplete').textContent()).toBe('1');
  expect(await rows('bad').first().locator('.sub.error').textContent()).toContain(
    'vid (domain_sessionidx)',
  );
  await rows('bad').first().click();
  const error = page.locator('#details .error-list .error-item').first();
  await error.waitFor();
  expect(await error.textContent()).toContain('expected an integer (32-bit), found "abc"');
  expect(await page.locator('#details .json-panel .json-error').count()).toBeGreaterThan(0);
  await page.selectOption('#filter-kind', 'incomplete');
  await rowCount(1);
  await rows('incomplete').first().click();
  expect(await page.locator('#details .error-list').textContent()).toContain('vid');
  await page.selectOption('#filter-kind', '');

  // Counts over time.
  expect(await page.locator('#chart rect.bar').count()).toBeGreaterThan(0);

  // Reset clears the list.
  await page.click('#reset');
  await page.locator('#event-list .empty').waitFor();
  await page.waitForFunction(
    () =>
      (globalThis as unknown as PageGlobals).document.getElementById('count-good')?.textContent ===
      '0',
  );
  expect(collector.all().total).toBe(0);
});
