// The UI links each event to its entry in the tracking plan's catalogue (`floe docs`) when it is
// opened with ?catalogue=<url>: the link is the catalogue page with the event's Iglu URI as its
// anchor. No parameter, or one that is not an http(s) or file URL, means no link.
import type { Browser, Page } from 'playwright-core';
import { type Collector, startCollector } from '../src/index';
import { launchChromium } from './helpers/browser';
import { base, body, LINK_CLICK, post, unstruct } from './helpers/tp2';

jest.setTimeout(60_000);

let collector: Collector;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  collector = await startCollector({ port: 0 });
  browser = await launchChromium();
  page = await browser.newPage();
  await post(
    collector.url,
    body(
      base('ue', {
        ue_pr: JSON.stringify(unstruct(LINK_CLICK, { targetUrl: 'https://x.example/' })),
      }),
    ),
  );
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

async function openFirstEvent(query: string): Promise<void> {
  await page.goto(`${collector.uiUrl}${query}`);
  const row = page.locator('#event-list .event-row').first();
  await row.waitFor();
  await row.click();
  await page.locator('#details .json-panel').waitFor();
}

test('with ?catalogue=<url>, the selected event links to its catalogue entry', async () => {
  await openFirstEvent(
    `?catalogue=${encodeURIComponent('http://127.0.0.1:8123/catalogue/index.html')}`,
  );
  const link = page.locator('#details a.catalogue-link');
  expect(await link.textContent()).toBe('Open in catalogue');
  expect(await link.getAttribute('href')).toBe(
    `http://127.0.0.1:8123/catalogue/index.html#${LINK_CLICK}`,
  );
  expect(await link.getAttribute('rel')).toBe('noopener');
});

test('without the parameter, or with a javascript: URL, there is no link', async () => {
  await openFirstEvent('');
  expect(await page.locator('#details a.catalogue-link').count()).toBe(0);
  await openFirstEvent(`?catalogue=${encodeURIComponent('javascript:alert(1)')}`);
  expect(await page.locator('#details a.catalogue-link').count()).toBe(0);
});
