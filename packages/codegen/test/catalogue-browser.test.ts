// The catalogue in real headless Chromium, served from loopback under a strict CSP (no inline
// script or style allowed): the search filters entries and the list, every in-page link resolves
// to an entry, following one shows it, and a deep link opens its entry even after a search.

import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { launchChromium } from '@floe/test-utils';
import type { Browser, Page } from 'playwright-core';
import { loadCodegenConfig, writeCatalogue } from '../src/index';
import { REPO_ROOT, REPO_SCHEMAS, tempDir } from './helpers';

jest.setTimeout(60_000);

/** The DOM the page functions use (the test tsconfig has no DOM library). */
interface PageGlobals {
  readonly document: {
    querySelectorAll(
      selector: string,
    ): ArrayLike<{ getAttribute(name: string): string | null; hidden: boolean; id: string }>;
    getElementById(id: string): { hidden: boolean } | null;
  };
}

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";
const temp = tempDir('floe-catalogue-browser-');
let server: Server;
let base: string;
let browser: Browser;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  const specsDir = join(temp.dir, 'specs');
  mkdirSync(specsDir);
  writeFileSync(
    join(specsDir, 'save-on-page.json'),
    JSON.stringify({
      name: 'SaveOnPage',
      description: 'A save on a web page.',
      event: { schema: 'iglu:com.example_company/save-game/jsonschema/1-0-2' },
      entities: [
        {
          schema: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0',
          cardinality: '1',
        },
      ],
    }),
  );
  const { config } = await loadCodegenConfig(join(REPO_ROOT, 'floe.config.json'));
  const outDir = join(temp.dir, 'site');
  writeCatalogue({
    schemasDir: REPO_SCHEMAS,
    specsDir,
    config,
    title: '@floe/events',
    importFrom: '@floe/events',
    outDir,
  });
  server = createServer(async (req, res) => {
    const name = (req.url ?? '/').split('?')[0]!.slice(1) || 'index.html';
    if (name === 'favicon.ico') return void res.writeHead(204).end();
    if (!/^[a-z]+\.(html|js|css)$/.test(name)) return void res.writeHead(404).end();
    const type = { html: 'text/html', js: 'text/javascript', css: 'text/css' }[name.split('.')[1]!];
    res.writeHead(200, {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Security-Policy': CSP,
    });
    res.end(await readFile(join(outDir, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  temp.remove();
});

const visibleEntries = () =>
  page.evaluate(() =>
    Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('.entry'))
      .filter((entry) => !entry.hidden)
      .map((entry) => entry.id),
  );

test('search filters the entries and the list; clearing it shows everything again', async () => {
  await page.goto(base);
  const all = await visibleEntries();
  expect(all.length).toBeGreaterThan(15);
  expect(all).toContain('spec:SaveOnPage');

  await page.fill('#search', 'save-game');
  const saveGame = await visibleEntries();
  expect(saveGame).toEqual([
    'spec:SaveOnPage',
    'iglu:com.example_company/save-game/jsonschema/1-0-2',
    'iglu:com.example_company/save-game/jsonschema/1-0-1',
    'iglu:com.example_company/save-game/jsonschema/1-0-0',
  ]);
  expect(await page.textContent('#shown')).toBe(`4 of ${all.length} shown`);
  expect(await page.locator('nav li:visible').count()).toBe(4);

  // Words match anywhere: a field path and a generated function name narrow it down to one.
  await page.fill('#search', 'dl_content trackComExampleCompanySaveGame_1_0_2');
  expect(await visibleEntries()).toEqual(['iglu:com.example_company/save-game/jsonschema/1-0-2']);

  await page.fill('#search', 'no such thing anywhere');
  expect(await visibleEntries()).toEqual([]);
  expect(await page.isVisible('#no-match')).toBe(true);

  await page.fill('#search', '');
  expect(await visibleEntries()).toEqual(all);
  expect(violations).toEqual([]);
});

test('every in-page link resolves to an entry, and following one shows it', async () => {
  await page.goto(base);
  const unresolved = await page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    return Array.from(document.querySelectorAll('a[href]'))
      .map((link) => link.getAttribute('href')!)
      .filter(
        (href) =>
          !href.startsWith('#') || !document.getElementById(decodeURIComponent(href.slice(1))),
      );
  });
  expect(unresolved).toEqual([]);

  await page.click(
    '#spec\\:SaveOnPage a[href="#iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0"]',
  );
  expect(decodeURIComponent(new URL(page.url()).hash)).toBe(
    '#iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0',
  );
  const target = page.locator('.entry:target');
  expect(await target.getAttribute('id')).toBe(
    'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0',
  );
  expect(await target.isVisible()).toBe(true);
});

test('a deep link (as the collector UI makes them) opens its entry, even hidden by a search', async () => {
  const uri = 'iglu:com.example_company/save-game/jsonschema/1-0-1';
  await page.goto(`${base}#${uri}`);
  expect(await page.locator('.entry:target').getAttribute('id')).toBe(uri);
  // Searching hides it; following a link to it (a hash change) shows it again.
  await page.goto(base);
  await page.fill('#search', 'link_click');
  expect(await page.isVisible(`[id="${uri}"]`)).toBe(false);
  await page.goto(`${base}#${uri}`);
  expect(await page.isVisible(`[id="${uri}"]`)).toBe(true);
  expect(await page.inputValue('#search')).toBe('');
  expect(violations).toEqual([]);
});
