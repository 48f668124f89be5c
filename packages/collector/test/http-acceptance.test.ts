import { type Collector, startCollector } from '../src/index';
import { rawStatusLine, send } from './helpers/raw-http';
import { base, body, JSON_TYPE, pixel, post } from './helpers/tp2';

let collector: Collector;
const NOW = Date.parse('2024-05-01T12:00:00.000Z');

beforeAll(async () => {
  collector = await startCollector({ port: 0, clock: () => NOW });
});
afterAll(() => collector.close());
beforeEach(() => collector.reset());

const pv = () => base('pv', { url: 'https://a.example/' });

describe('size limits', () => {
  test('a body above 2 MiB with Content-Length gets 413 and nothing is stored', async () => {
    const huge = Buffer.alloc(2_097_153, 0x61);
    const res = await send(collector.url, {
      method: 'POST',
      path: '/com.snowplowanalytics.snowplow/tp2',
      headers: { 'Content-Type': JSON_TYPE, 'Content-Length': String(huge.byteLength) },
      chunks: [huge],
    }).catch((error: NodeJS.ErrnoException) => ({
      status: error.code === 'EPIPE' || error.code === 'ECONNRESET' ? 413 : 0,
      headers: {},
      body: '',
    }));
    expect(res.status).toBe(413);
    expect(collector.all()).toEqual({ total: 0, good: 0, bad: 0 });
  });

  test('a chunked body that grows past 2 MiB gets 413 and nothing is stored', async () => {
    const chunk = Buffer.alloc(512 * 1024, 0x61);
    const res = await send(collector.url, {
      method: 'POST',
      path: '/com.snowplowanalytics.snowplow/tp2',
      headers: { 'Content-Type': JSON_TYPE },
      chunks: [chunk, chunk, chunk, chunk, chunk],
    }).catch((error: NodeJS.ErrnoException) => ({
      status: error.code === 'EPIPE' || error.code === 'ECONNRESET' ? 413 : 0,
      headers: {},
      body: '',
    }));
    expect(res.status).toBe(413);
    expect(collector.all().total).toBe(0);
    expect((await fetch(`${collector.url}/health`)).status).toBe(200);
  });

  test('Expect: 100-continue: an announced oversize body is refused before it is sent', async () => {
    const answer = await rawStatusLine(
      collector.port,
      'POST /com.snowplowanalytics.snowplow/tp2 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\nExpect: 100-continue\r\n\r\n',
    );
    expect(answer).toBe('HTTP/1.1 413 Payload Too Large');
    const ok = await send(collector.url, {
      method: 'POST',
      path: '/com.snowplowanalytics.snowplow/tp2',
      headers: {
        'Content-Type': JSON_TYPE,
        Expect: '100-continue',
        'Content-Length': String(Buffer.byteLength(body(pv()))),
      },
      chunks: [body(pv())],
    });
    expect(ok.status).toBe(200);
    expect(collector.all()).toEqual({ total: 1, good: 1, bad: 0 });
  });

  test('exactly 2 MiB is a size violation, not a 413', async () => {
    const res = await post(collector.url, Buffer.alloc(2_097_152, 0x20));
    expect(res.status).toBe(200);
    expect(collector.bad()[0]!.badRow.schema).toMatch(/size_violation/);
  });

  test('a request line over 20,480 bytes gets 414, nothing stored', async () => {
    const path = `/i?e=pv&tv=t&p=web&page=${'x'.repeat(20_480)}`;
    expect((await send(collector.url, { path })).status).toBe(414);
    const far = `/i?page=${'y'.repeat(80_000)}`;
    expect(await rawStatusLine(collector.port, `GET ${far} HTTP/1.1\r\nHost: x\r\n\r\n`)).toBe(
      'HTTP/1.1 414 URI Too Long',
    );
    expect(collector.all().total).toBe(0);
  });

  test('a request line just under the limit is processed', async () => {
    const prefix = '/i?e=pv&tv=t&p=web&url=https%3A%2F%2Fa.example%2F&ignored=';
    const path = prefix + 'x'.repeat(20_480 - 'GET  HTTP/1.1'.length - prefix.length);
    expect((await send(collector.url, { path })).status).toBe(200);
    expect(collector.all().good).toBe(1);
  });

  test('headers over 40,960 bytes get 431', async () => {
    const headers = { 'X-Big': 'h'.repeat(41_000) };
    expect((await send(collector.url, { path: '/i?e=pv&tv=t&p=web', headers })).status).toBe(431);
    const huge = `GET /i?e=pv HTTP/1.1\r\nHost: x\r\nX-Huge: ${'h'.repeat(90_000)}\r\n\r\n`;
    expect(await rawStatusLine(collector.port, huge)).toBe(
      'HTTP/1.1 431 Request Header Fields Too Large',
    );
  });
});

describe('routes', () => {
  test('OPTIONS preflight on any path', async () => {
    for (const path of ['/com.snowplowanalytics.snowplow/tp2', '/anything/else/here']) {
      const res = await fetch(`${collector.url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://shop.example' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
      expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type, SP-Anonymous');
      expect(res.headers.get('access-control-max-age')).toBe('3600');
    }
    const noOrigin = await fetch(`${collector.url}/i`, { method: 'OPTIONS' });
    expect(noOrigin.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('event responses carry CORS headers', async () => {
    const res = await post(collector.url, body(pv()), {
      'Content-Type': JSON_TYPE,
      Origin: 'https://shop.example',
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
  });

  test('health, sink-health, robots.txt, redirects and unknown paths', async () => {
    const text = async (path: string) => {
      const res = await fetch(`${collector.url}${path}`);
      return [res.status, await res.text()];
    };
    expect(await text('/health')).toEqual([200, 'ok']);
    expect(await text('/sink-health')).toEqual([200, 'ok']);
    expect(await text('/robots.txt')).toEqual([200, 'User-agent: *\nDisallow: /\n']);
    expect(await text('/r/tp2?u=https://example.com')).toEqual([404, 'redirects disabled']);
    expect((await text('/one/two/three'))[0]).toBe(404);
    expect((await text('/favicon.ico'))[0]).toBe(404);
    expect((await text('/_floe/v1'))[0]).toBe(404);
    expect((await fetch(`${collector.url}/i?e=pv`, { method: 'POST', body: 'x' })).status).toBe(
      404,
    );
    expect((await fetch(`${collector.url}/a/b`, { method: 'PUT', body: 'x' })).status).toBe(404);
    expect(collector.all().total).toBe(0);
  });

  test('an unknown two-segment GET answers the pixel and records an adapter failure', async () => {
    const res = await fetch(`${collector.url}/com.acme/v1?e=pv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(collector.bad({ vendor: 'com.acme', version: 'v1' })).toHaveLength(1);
  });
});

describe('network user id cookie and SP-Anonymous', () => {
  test('a new id is set as the sp cookie with the pipeline attributes', async () => {
    const res = await post(collector.url, body(pv()));
    const cookie = res.headers.get('set-cookie')!;
    const id = collector.good()[0]!.event['network_userid'] as string;
    expect(cookie).toBe(
      `sp=${id}; Expires=${new Date(NOW + 365 * 86_400_000).toUTCString()}; Max-Age=31536000; Path=/; Secure; HttpOnly; SameSite=None`,
    );
  });

  test('the cookie value is reused, and nuid overrides it', async () => {
    const cookieId = 'c0c0c0c0-1111-4222-8333-444455556666';
    await post(collector.url, body(pv()), {
      'Content-Type': JSON_TYPE,
      Cookie: `other=1; sp=${cookieId}`,
    });
    const res = await pixel(
      collector.url,
      { ...pv(), nuid: 'n1n1n1n1-1111-4222-8333-444455556666' },
      '/i',
      { Cookie: `sp=${cookieId}` },
    );
    expect(res.headers.get('set-cookie')).toMatch(/^sp=n1n1n1n1-1111-4222-8333-444455556666;/);
    expect(collector.good().map((g) => g.rawEvent.context.userId)).toEqual([
      'n1n1n1n1-1111-4222-8333-444455556666',
      cookieId,
    ]);
  });

  test('SP-Anonymous: nil UUID, IP unknown, identifying headers removed, existing cookie expired', async () => {
    const headers = {
      'Content-Type': JSON_TYPE,
      'SP-Anonymous': '*',
      'X-Forwarded-For': '203.0.113.1',
      'X-Real-Ip': '203.0.113.2',
      Cookie: 'sp=c0c0c0c0-1111-4222-8333-444455556666',
    };
    const res = await post(collector.url, body(pv()), headers);
    expect(res.headers.get('set-cookie')).toBe(
      'sp=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=None',
    );
    const good = collector.good()[0]!;
    expect(good.rawEvent.context.userId).toBe('00000000-0000-0000-0000-000000000000');
    expect(good.rawEvent.context.ipAddress).toBe('unknown');
    expect(good.event).toMatchObject({
      network_userid: '00000000-0000-0000-0000-000000000000',
      user_ipaddress: 'unknown',
    });
    const names = good.rawEvent.context.headers.map((h) => h.split(':')[0]!.toLowerCase());
    expect(names).toContain('sp-anonymous');
    expect(names).not.toEqual(expect.arrayContaining(['x-forwarded-for']));
    expect(names.filter((n) => ['x-forwarded-for', 'x-real-ip', 'cookie'].includes(n))).toEqual([]);
  });

  test('SP-Anonymous without a cookie sets none', async () => {
    const res = await post(collector.url, body(pv()), {
      'Content-Type': JSON_TYPE,
      'SP-Anonymous': '*',
    });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  test('cookie options: domain chosen from Origin, fallback, disabled', async () => {
    const custom = await startCollector({
      port: 0,
      cookie: {
        name: 'nid',
        domains: ['example.com'],
        fallbackDomain: 'fallback.test',
        secure: false,
        sameSite: 'Lax',
        expirationDays: 1,
      },
    });
    const off = await startCollector({ port: 0, cookie: false });
    try {
      const matched = await post(custom.url, body(pv()), {
        'Content-Type': JSON_TYPE,
        Origin: 'https://shop.example.com',
      });
      expect(matched.headers.get('set-cookie')).toMatch(
        /^nid=[0-9a-f-]{36}; Expires=.*; Max-Age=86400; Domain=example\.com; Path=\/; HttpOnly; SameSite=Lax$/,
      );
      const other = await post(custom.url, body(pv()), {
        'Content-Type': JSON_TYPE,
        Origin: 'https://elsewhere.org',
      });
      expect(other.headers.get('set-cookie')).toMatch(/Domain=fallback\.test;/);
      const none = await post(off.url, body(pv()), { 'Content-Type': JSON_TYPE, Cookie: 'sp=abc' });
      expect(none.headers.get('set-cookie')).toBeNull();
      expect(off.good()[0]!.rawEvent.context.userId).not.toBe('abc');
    } finally {
      await Promise.all([custom.close(), off.close()]);
    }
  });
});

describe('listening', () => {
  test('defaults to loopback and reports the bound port', async () => {
    expect(collector.host).toBe('127.0.0.1');
    expect(collector.url).toBe(`http://127.0.0.1:${collector.port}`);
    expect(collector.port).toBeGreaterThan(0);
    expect(collector.uiUrl).toBe(`${collector.url}/micro/ui`);
  });

  test('a taken port is a CollectorError', async () => {
    await expect(startCollector({ port: collector.port })).rejects.toMatchObject({
      name: 'CollectorError',
      code: 'listen_failed',
    });
  });

  test('bad options are rejected', async () => {
    await expect(startCollector({ port: -1 })).rejects.toMatchObject({ code: 'invalid_option' });
    await expect(startCollector({ maxPayloadSize: 10, dropPayloadSize: 5 })).rejects.toMatchObject({
      code: 'invalid_option',
    });
  });
});
