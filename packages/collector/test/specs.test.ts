import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  type Collector,
  parseCollectorCliArgs,
  runCollectorCli,
  startCollector,
} from '../src/index';
import { launchChromium } from './helpers/browser';
import { base, body, contexts, LINK_CLICK, post, unstruct } from './helpers/tp2';

jest.setTimeout(60_000);

const REPO = join(__dirname, '..', '..', '..');
const CHECKOUT = 'iglu:com.example_company/checkout/jsonschema/1-0-0';
const CART = 'iglu:com.example_company/cart/jsonschema/1-0-0';
const PRODUCT = 'iglu:com.example_company/product/jsonschema/1-0-0';

const cart = { schema: CART, data: { cart_id: 'c-1', item_count: 1 } };
const product = (quantity: number) => ({
  schema: PRODUCT,
  data: { sku: 's-1', price: 5, quantity },
});
const checkout = (currency: string, entities: { schema: string; data: unknown }[]) =>
  base('ue', {
    ue_pr: JSON.stringify(
      unstruct(CHECKOUT, { order_id: 'o-1', total: 5, currency, channel: 'web' }),
    ),
    co: JSON.stringify(contexts(...entities)),
  });

let collector: Collector;
const warnings: string[] = [];

beforeAll(async () => {
  collector = await startCollector({
    port: 0,
    schemaDirs: [join(REPO, 'schemas')],
    specsDir: join(REPO, 'specs'),
    onWarning: (message) => warnings.push(message),
  });
  const fits = checkout('EUR', [cart, product(1), product(2)]);
  const breaks = checkout('GBP', [cart, cart, product(0)]);
  const click = base('ue', {
    ue_pr: JSON.stringify(unstruct(LINK_CLICK, { targetUrl: 'https://floe.dev' })),
  });
  for (const event of [fits, breaks, click]) {
    expect((await post(collector.url, body(event))).status).toBe(200);
  }
});

afterAll(async () => {
  await collector?.close();
});

type Listed = {
  schema: string;
  specViolations?: { spec: string; path: string; message: string }[];
};

async function good(filter?: unknown): Promise<Listed[]> {
  const response = filter
    ? await fetch(`${collector.url}/micro/good`, { method: 'POST', body: JSON.stringify(filter) })
    : await fetch(`${collector.url}/micro/good`);
  expect(response.status).toBe(200);
  return (await response.json()) as Listed[];
}

describe('the collector flags good events that break a known spec', () => {
  it('adds specViolations to /micro/good items whose schema a spec names, and only to them', async () => {
    expect(warnings).toEqual([]);
    expect(collector.specs.count).toBe(2);
    const [click, broken, fitting] = await good();
    expect(click!.schema).toBe(LINK_CLICK);
    expect(click).not.toHaveProperty('specViolations');
    expect(fitting!.specViolations).toEqual([]);
    expect(broken!.specViolations).toEqual([
      {
        spec: 'Checkout',
        target: CART,
        path: '',
        message: `expected exactly 1 of entity ${CART}, found 2`,
      },
      {
        spec: 'Checkout',
        target: 'event',
        path: '/currency',
        message: 'event: /currency must be one of "EUR", "USD", found "GBP"',
      },
      {
        spec: 'Checkout',
        target: PRODUCT,
        path: '/quantity',
        message: `entity ${PRODUCT}: /quantity must be at least 1, found 0`,
      },
    ]);
    // Still good events: a spec flags, it never turns an event bad.
    const counts = (await (await fetch(`${collector.url}/micro/all`)).json()) as { good: number };
    expect(counts.good).toBe(3);
  });

  it('filters POST /micro/good by { specViolations }', async () => {
    const breaking = await good({ specViolations: true });
    expect(breaking.map((item) => item.specViolations!.length)).toEqual([3]);
    const others = await good({ specViolations: false });
    expect(others.map((item) => item.schema)).toEqual([LINK_CLICK, CHECKOUT]);
    expect(await good({ specViolations: false, limit: 1 })).toHaveLength(1);
    expect(await good({ specViolations: true, schema: LINK_CLICK })).toEqual([]);
    const bad = await fetch(`${collector.url}/micro/good`, {
      method: 'POST',
      body: JSON.stringify({ specViolations: 'yes' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: '"specViolations" must be true or false' });
  });

  it('shows a badge and the messages in the UI (headless Chromium, under its CSP)', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const page: Page = await browser.newPage();
      const cspErrors: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
      });
      await page.goto(collector.uiUrl);
      const badges = page.locator('#event-list .event-row .badge.spec');
      await badges.first().waitFor();
      expect(await badges.count()).toBe(1);
      expect(await badges.first().textContent()).toBe('3 spec violations');
      await page.locator('#event-list .event-row:has(.badge.spec)').click();
      const items = page.locator('#details .spec-list .spec-item');
      await items.first().waitFor();
      expect(await items.allTextContents()).toEqual([
        `Checkout: expected exactly 1 of entity ${CART}, found 2`,
        'Checkout: event: /currency must be one of "EUR", "USD", found "GBP"',
        `Checkout: entity ${PRODUCT}: /quantity must be at least 1, found 0`,
      ]);
      expect(await page.locator('#details h3 .badge.spec').count()).toBe(1);
      expect(cspErrors).toEqual([]);
    } finally {
      await browser?.close();
    }
  });
});

describe('loading specs', () => {
  it('skips a broken spec file with a file:line:column warning and keeps the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'floe-collector-specs-'));
    const messages: string[] = [];
    try {
      writeFileSync(join(dir, 'a.json'), '{\n  "name": "A",\n  "event": { "schema": 7 }\n}\n');
      writeFileSync(
        join(dir, 'b.json'),
        JSON.stringify({ name: 'B', event: { schema: CHECKOUT } }),
      );
      const other = await startCollector({
        port: 0,
        specsDir: dir,
        onWarning: (m) => messages.push(m),
      });
      try {
        expect(other.specs.count).toBe(1);
        expect(messages).toEqual([
          expect.stringMatching(/a\.json:3:24: \/event\/schema: must be string$/),
        ]);
      } finally {
        await other.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('floe collector takes --specs and refuses a folder that does not exist', async () => {
    expect(parseCollectorCliArgs({ specs: 'plans', memory: true })).toMatchObject({
      specsDir: 'plans',
    });
    expect(() => parseCollectorCliArgs({ specs: '' })).toThrow('--specs needs a value');
    await expect(
      runCollectorCli(parseCollectorCliArgs({ specs: 'no-such-folder', memory: true, port: '0' }), {
        cwd: REPO,
      }),
    ).rejects.toThrow('specs folder no-such-folder does not exist');
  });
});
