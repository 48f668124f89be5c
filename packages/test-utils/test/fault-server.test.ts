import {
  expectNoLeakedHandles,
  type FaultServer,
  snapshotHandles,
  startFaultServer,
  startRedirectServer,
  tlsFixture,
} from '../src';

const TP2 = '/com.snowplowanalytics.snowplow/tp2';
const SCHEMA = 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4';

function event(eid: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    e: 'pv',
    p: 'srv',
    tv: 'floe-core-0.1.0',
    eid,
    dtm: '1767225600000',
    stm: '1767225600001',
    ...extra,
  };
}

function body(events: Record<string, string>[]): string {
  return JSON.stringify({ schema: SCHEMA, data: events });
}

function post(server: FaultServer, text: string, contentType = 'application/json; charset=UTF-8') {
  return fetch(server.url + TP2, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: text,
    signal: AbortSignal.timeout(1000),
  });
}

describe('startFaultServer', () => {
  let server: FaultServer;
  const baseline = snapshotHandles();

  beforeEach(async () => {
    server = await startFaultServer();
  });

  afterEach(async () => {
    await server.close();
  });

  afterAll(async () => {
    await expectNoLeakedHandles(baseline, undefined, 3000);
  });

  it('stores a valid tp2 POST and logs its events with their stm', async () => {
    const response = await post(server, body([event('a'), event('b')]));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
    expect(server.receivedEids()).toEqual(['a', 'b']);
    const [entry] = server.requests;
    expect(entry).toMatchObject({
      method: 'POST',
      path: TP2,
      status: 200,
      committed: true,
      ambiguous: false,
    });
    expect(entry?.events.map((e) => e.stm)).toEqual(['1767225600001', '1767225600001']);
    expect(server.badRows).toEqual([]);
  });

  it('rejects bodies the pipeline would reject as bad rows, still answering 200', async () => {
    expect((await post(server, body([event('a')]), 'text/plain')).status).toBe(200);
    expect(
      (await post(server, body([{ ...event('b'), vid: 1 as unknown as string }]))).status,
    ).toBe(200);
    expect((await post(server, body([event('c', { bogus: 'x' })]))).status).toBe(200);
    expect(server.receivedEids()).toEqual([]);
    expect(server.badRows.map((row) => row.reason)).toEqual([
      'content type text/plain',
      expect.stringContaining('must be string'),
      expect.stringContaining('additional properties'),
    ]);
  });

  it('accepts exactly the three Content-Type spellings of enrich', async () => {
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=UTF-8',
    ]) {
      await post(server, body([event(type)]), type);
    }
    await post(server, body([event('x')]), 'application/json;charset=UTF-8');
    expect(server.receivedEids()).toHaveLength(3);
    expect(server.badRows).toHaveLength(1);
  });

  it('applies the size rules of the real collector to raw posts', async () => {
    const big = (bytes: number) => 'x'.repeat(bytes);
    expect((await post(server, big(1_048_577))).status).toBe(200);
    expect((await post(server, big(2_097_153))).status).toBe(413);
    expect(server.badRows.map((row) => row.reason)).toEqual(['size violation']);
    expect(server.requests.map((entry) => entry.bytes)).toEqual([1_048_577, 2_097_153]);
  });

  it('follows a script of statuses with times, then answers normally', async () => {
    server.script([{ type: 'respond', status: 503, headers: { 'retry-after': '2' }, times: 2 }]);
    const first = await post(server, body([event('a')]));
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('2');
    expect((await post(server, body([event('a')]))).status).toBe(503);
    expect((await post(server, body([event('a')]))).status).toBe(200);
    expect(server.requests.map((entry) => entry.status)).toEqual([503, 503, 200]);
    expect(server.requests.map((entry) => entry.events.length)).toEqual([1, 1, 1]);
    expect(server.receivedEids()).toEqual(['a']);
  });

  it('matches actions by method and path, leaving other routes alone', async () => {
    server.script([{ type: 'respond', status: 500, match: { method: 'GET', path: '/i' } }]);
    expect((await post(server, body([event('a')]))).status).toBe(200);
    const pixel = await fetch(`${server.url}/i?e=pv&p=srv&tv=t&eid=g&stm=1`);
    expect(pixel.status).toBe(500);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/nope/really/not`)).status).toBe(404);
  });

  it('parses GET /i queries, reading + as a space', async () => {
    const response = await fetch(`${server.url}/i?e=se&p=srv&tv=t&eid=g1&stm=5&se_ca=a+b%2Bc`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/gif');
    expect(server.requests[0]?.events[0]?.payload).toMatchObject({ se_ca: 'a b+c', stm: '5' });
    expect(server.receivedEids()).toEqual(['g1']);
  });

  it('resetBeforeRead stores nothing; resetAfterCommit stores and marks the attempt ambiguous', async () => {
    server.script([{ type: 'resetBeforeRead' }, { type: 'resetAfterCommit' }]);
    await expect(post(server, body([event('a')]))).rejects.toThrow();
    await expect(post(server, body([event('b')]))).rejects.toThrow();
    expect(
      server.requests.map((entry) => [entry.status, entry.committed, entry.ambiguous]),
    ).toEqual([
      ['reset', false, false],
      ['reset', true, true],
    ]);
    expect(server.receivedEids()).toEqual(['b']);
    expect(server.ambiguousCount()).toBe(1);
  });

  it('hang and partialRead never answer; a client timeout ends them without a commit', async () => {
    server.script([{ type: 'hang' }, { type: 'partialRead' }, { type: 'hang', commit: true }]);
    const timeout = (text: string) =>
      fetch(server.url + TP2, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=UTF-8' },
        body: text,
        signal: AbortSignal.timeout(150),
      });
    await expect(timeout(body([event('a')]))).rejects.toThrow();
    await expect(timeout(body([event('b', { url: 'x'.repeat(200_000) })]))).rejects.toThrow();
    await expect(timeout(body([event('c')]))).rejects.toThrow();
    expect(server.requests.map((entry) => [entry.action, entry.status, entry.committed])).toEqual([
      ['hang', 'none', false],
      ['partialRead', 'none', false],
      ['hang', 'none', true],
    ]);
    expect(server.requests[1]?.bytes).toBeLessThan(200_000);
    expect(server.requests[2]?.ambiguous).toBe(true);
  });

  it('a respond delayed past the client timeout is logged client_aborted and not committed', async () => {
    server.script([{ type: 'respond', status: 200, delayMs: 300 }]);
    await expect(
      fetch(server.url + TP2, {
        method: 'POST',
        body: body([event('a')]),
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.requests[0]).toMatchObject({ status: 'client_aborted', committed: false });
  });

  it('headersThenDestroy sends the status line, then cuts the body', async () => {
    server.script([{ type: 'headersThenDestroy', status: 200 }]);
    const response = await post(server, body([event('a')]));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(server.receivedEids()).toEqual(['a']);
  });

  it('close refuses connections, then reopens on the same port', async () => {
    server.script([{ type: 'close', forMs: 200 }]);
    await expect(post(server, body([event('a')]))).rejects.toThrow();
    const refused = await post(server, body([event('b')])).catch((error: Error) => error);
    expect((refused as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await post(server, body([event('c')]))).status).toBe(200);
    expect(server.receivedEids()).toEqual(['c']);
  });

  it('streams large answers with backpressure, so a client that stops reading stops the server', async () => {
    server.script([{ type: 'respond', status: 200, bodyBytes: 256 * 1024 * 1024 }]);
    const response = await post(server, body([event('a')]));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests[0]!.responseBytes).toBeLessThan(256 * 1024 * 1024);
  });

  it('staleKeepAlive resets a request that reuses a connection', async () => {
    server.setStaleKeepAlive(true);
    const first = await post(server, body([event('a')]));
    expect(await first.text()).toBe('ok');
    // Give the client time to put the connection back in its pool as idle.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await post(server, body([event('b')])).catch((error: Error) => error);
    expect((second as Error).message).toBe('fetch failed');
    expect(server.requests[1]).toMatchObject({ action: 'staleKeepAlive', status: 'reset' });
  });

  it('exposes the control surface over HTTP', async () => {
    const put = await fetch(`${server.url}/_floe/v1/faults`, {
      method: 'PUT',
      body: JSON.stringify([{ type: 'respond', status: 429 }]),
    });
    expect(put.status).toBe(204);
    expect((await post(server, body([event('a')]))).status).toBe(429);
    const log = (await (await fetch(`${server.url}/_floe/v1/requests`)).json()) as unknown[];
    expect(log.length).toBe(3);
    await fetch(`${server.url}/_floe/v1/reset`, { method: 'POST' });
    expect(server.requests.length).toBe(0);
  });
});

describe('startRedirectServer and tlsFixture', () => {
  it('redirects every event request to the target, storing nothing itself', async () => {
    const target = await startFaultServer();
    const redirect = await startRedirectServer({ target: target.url, status: 307 });
    const response = await post(redirect, body([event('a')]));
    expect(response.status).toBe(200);
    expect(redirect.requests.map((entry) => entry.status)).toEqual([307]);
    expect(redirect.receivedEids()).toEqual([]);
    expect(target.receivedEids()).toEqual(['a']);
    await Promise.all([target.close(), redirect.close()]);
  });

  it('serves HTTPS with the committed self-signed certificate, which clients reject', async () => {
    const server = await startFaultServer({ tls: tlsFixture() });
    expect(server.url.startsWith('https://')).toBe(true);
    const failure = await post(server, body([event('a')])).catch((error: Error) => error);
    expect((failure as Error & { cause?: { code?: string } }).cause?.code).toMatch(
      /CERT|SELF_SIGNED/,
    );
    await server.close();
  });
});
