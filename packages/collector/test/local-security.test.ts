// Decision 35: a hostile web page cannot drive the local collector. These tests speak raw HTTP
// with the headers a browser would send; local-security-browser.test.ts does it from Chromium.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostCheck } from '../src/http/allowed-hosts';
import { type Collector, startCollector } from '../src/index';
import { send } from './helpers/raw-http';
import { base, body, JSON_TYPE, post, unstruct } from './helpers/tp2';

let collector: Collector;

beforeAll(async () => {
  collector = await startCollector({ port: 0 });
});
afterAll(() => collector.close());
beforeEach(async () => {
  collector.reset();
  await post(collector.url, body(base('pv', { url: 'https://a.example/' })));
  expect(collector.all().total).toBe(1);
});

const get = (path: string, headers: Record<string, string> = {}) =>
  send(collector.url, { path, headers });

describe('state-changing routes refuse cross-site callers', () => {
  test.each([
    [
      'an <img> on another site',
      'GET',
      { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' },
    ],
    ['a page on another port (same site)', 'GET', { 'Sec-Fetch-Site': 'same-site' }],
    [
      'a cross-site form POST',
      'POST',
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://evil.example' },
    ],
    ['a POST with only a foreign Origin', 'POST', { Origin: 'http://evil.example' }],
    ['a POST from another port', 'POST', { Origin: 'http://127.0.0.1:1' }],
    ['a sandboxed page (Origin: null)', 'POST', { Origin: 'null' }],
  ])('%s gets 403 and nothing is reset', async (_name, method, headers) => {
    const res = await send(collector.url, { method, path: '/micro/reset', headers });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error).toMatch(/Cross-site/);
    expect(collector.all().total).toBe(1);
  });

  test.each([
    ['curl or a test client (no Origin, no Sec-Fetch-Site)', 'GET', {}],
    ['curl POST', 'POST', {}],
    ['the UI itself (same-origin fetch)', 'POST', { 'Sec-Fetch-Site': 'same-origin' }],
    ['a URL typed into the address bar', 'GET', { 'Sec-Fetch-Site': 'none' }],
  ])('%s still resets', async (_name, method, headers) => {
    const res = await send(collector.url, { method, path: '/micro/reset', headers });
    expect([res.status, res.body]).toEqual([200, 'Reset completed']);
    expect(collector.all().total).toBe(0);
  });

  test('a same-origin POST naming its own origin resets', async () => {
    const origin = collector.url;
    const res = await send(collector.url, {
      method: 'POST',
      path: '/micro/reset',
      headers: { Origin: origin, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(res.status).toBe(200);
    expect(collector.all().total).toBe(0);
  });

  test('event routes stay open to every origin', async () => {
    const res = await send(collector.url, {
      method: 'POST',
      path: '/com.snowplowanalytics.snowplow/tp2',
      headers: {
        'Content-Type': JSON_TYPE,
        Origin: 'https://shop.example',
        'Sec-Fetch-Site': 'cross-site',
      },
      chunks: [body(base('pv', { url: 'https://shop.example/' }))],
    });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(collector.all().total).toBe(2);
  });
});

describe('Host allow-list for /micro/* and the UI', () => {
  test.each([
    '/micro/good',
    '/micro/bad',
    '/micro/all',
    '/micro/reset',
    '/micro/ui',
    '/micro/ui/app.js',
    '/micro/ui/api/events',
    '/micro/iglu/com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0',
  ])('DNS rebinding: %s with Host rebind.attacker.example gets 403 and no data', async (path) => {
    const port = collector.port;
    const res = await get(path, { Host: `rebind.attacker.example:${port}` });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('a.example');
    expect(JSON.parse(res.body).error).toMatch(
      /Host "rebind\.attacker\.example:\d+" is not allowed/,
    );
    expect(collector.all().total).toBe(1);
  });

  test.each(['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'])('Host %s is served', async (host) => {
    const res = await get('/micro/good', { Host: `${host}:${collector.port}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toHaveLength(1);
  });

  test('event routes answer any Host, as a collector must', async () => {
    const res = await send(collector.url, {
      method: 'POST',
      path: '/com.snowplowanalytics.snowplow/tp2',
      headers: { 'Content-Type': JSON_TYPE, Host: 'collector.shop.example' },
      chunks: [body(base('pv', { url: 'https://shop.example/' }))],
    });
    expect(res.status).toBe(200);
    expect(collector.all().total).toBe(2);
  });

  test('a collector bound to another address answers to that address', async () => {
    const other = await startCollector({ port: 0, host: '127.0.0.2' });
    try {
      const ok = await send(other.url, {
        path: '/micro/all',
        headers: { Host: `127.0.0.2:${other.port}` },
      });
      expect(ok.status).toBe(200);
      const refused = await send(other.url, {
        path: '/micro/all',
        headers: { Host: 'evil.example' },
      });
      expect(refused.status).toBe(403);
    } finally {
      await other.close();
    }
  });

  test('the check: loopback names, the configured host and the arrival address only', () => {
    const request = (host: string | undefined, localAddress = '127.0.0.1') =>
      ({
        headers: host === undefined ? {} : { host },
        socket: { localAddress },
      }) as IncomingMessage;
    const named = createHostCheck('devbox.lan');
    expect(named(request('devbox.lan:9090'))).toBe(true);
    expect(named(request('DEVBOX.LAN'))).toBe(true);
    expect(named(request('devbox.lan.evil.example:9090'))).toBe(false);
    expect(named(request('[::1]:9090'))).toBe(true);
    expect(named(request('[::2]:9090'))).toBe(false);
    expect(named(request(undefined))).toBe(true);
    const wildcard = createHostCheck('0.0.0.0');
    expect(wildcard(request('0.0.0.0:9090'))).toBe(false);
    expect(wildcard(request('192.168.1.5:9090', '::ffff:192.168.1.5'))).toBe(true);
    expect(wildcard(request('10.0.0.9:9090', '::ffff:192.168.1.5'))).toBe(false);
    expect(wildcard(request('attacker.example', '::ffff:192.168.1.5'))).toBe(false);
  });
});

describe('protective headers', () => {
  test('the UI carries a CSP without inline script, no framing, nosniff and no referrer', async () => {
    for (const path of [
      '/micro/ui',
      '/micro/ui/app.js',
      '/micro/ui/api/events',
      '/micro/ui/nope.js',
    ]) {
      const res = await get(path);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  test('the Micro API answers carry nosniff and no-referrer', async () => {
    for (const path of ['/micro/good', '/micro/all', '/micro/nope']) {
      const res = await get(path);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('no host paths in answers', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'floe-paths-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('the /micro/iglu 404 and bad rows name repositories, not folders', async () => {
    const schemas = join(dir, 'my-schemas');
    const broken = join(schemas, 'com.acme', 'broken', 'jsonschema');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, '1-0-0'), '{ not json');
    const c = await startCollector({ port: 0, schemaDirs: [schemas] });
    try {
      const missing = await fetch(`${c.url}/micro/iglu/com.acme/nope/jsonschema/1-0-0`);
      expect(missing.status).toBe(404);
      const text = await missing.text();
      expect(text).not.toContain(dir);
      expect(text).not.toContain(join(__dirname, '..'));
      const answer = JSON.parse(text) as { error: string; tried: string[] };
      expect(answer.tried).toEqual([
        '[local: my-schemas]/com.acme/nope/jsonschema/1-0-0',
        '[bundled: Iglu Central]/com.acme/nope/jsonschema/1-0-0',
      ]);
      expect(answer.error).toContain('[local: my-schemas]/com.acme/nope');

      const invalid = await fetch(`${c.url}/micro/iglu/com.acme/broken/jsonschema/1-0-0`);
      expect(invalid.status).toBe(404);
      expect(await invalid.text()).not.toContain(dir);

      await post(
        c.url,
        body(
          base('ue', {
            ue_pr: JSON.stringify(unstruct('iglu:com.acme/nope/jsonschema/1-0-0', {})),
          }),
          base('ue', {
            ue_pr: JSON.stringify(unstruct('iglu:com.acme/broken/jsonschema/1-0-0', {})),
          }),
        ),
      );
      const stored = JSON.stringify([
        c.bad(),
        c.good(),
        await (await fetch(`${c.url}/micro/bad`)).text(),
      ]);
      expect(c.bad()).toHaveLength(2);
      expect(stored).not.toContain(dir);
      expect(stored).not.toContain(join(__dirname, '..'));
      const histories = c
        .bad()
        .flatMap((b) => b.badRow.data.failure.messages ?? [])
        .flatMap((m) =>
          'error' in m && typeof m.error === 'object' && 'lookupHistory' in m.error
            ? [m.error.lookupHistory.map((h) => h.repository)]
            : [],
        );
      expect(histories).toEqual([['local: my-schemas', 'bundled: Iglu Central']]);
      const feed = await (await fetch(`${c.url}/micro/ui/api/events`)).text();
      expect(feed).not.toContain(dir);
    } finally {
      await c.close();
    }
  });
});
