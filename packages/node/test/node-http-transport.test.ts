import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createNetServer, type LookupFunction } from 'node:net';
import { URL } from 'node:url';
import { type Transport, TransportError, type TransportRequest } from '@floe/core';
import { tlsFixture } from '@floe/test-utils';
import { READ_BUFFER_BYTES } from '../src/transport/http1/connection-pool';
import { makeNodeHttpTransport } from '../src/transport/node-http-transport';
import { type Loopback, startLoopback } from './helpers/loopback';

// The committed self-signed certificate of @floe/test-utils (decision 25).
const { cert, key } = tlsFixture();

const servers: Loopback[] = [];
const transports: Transport[] = [];
async function server(...args: Parameters<typeof startLoopback>): Promise<Loopback> {
  const s = await startLoopback(...args);
  servers.push(s);
  return s;
}
function transport(options?: Parameters<typeof makeNodeHttpTransport>[0]): Transport {
  const t = makeNodeHttpTransport(options);
  transports.push(t);
  return t;
}
afterEach(async () => {
  for (const t of transports.splice(0)) await t.close?.();
  for (const s of servers.splice(0)) await s.close();
});

function post(url: string, body = '{"n":1}', timeoutMs = 2000): TransportRequest {
  return {
    method: 'POST',
    url: `${url}/com.snowplowanalytics.snowplow/tp2`,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body,
    timeoutMs,
  };
}

async function rejection(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('makeNodeHttpTransport', () => {
  it('sends the method, headers and exact body, and returns status and lower-case headers', async () => {
    const s = await server((_req, res) => {
      res.setHeader('X-Thing', 'yes');
      res.end('ok');
    });
    const body = '{"schema":"x","data":[{"e":"pv","ü":"✓"}]}';
    const res = await transport().makeRequest(post(s.url, body));
    expect(res.status).toBe(200);
    expect(res.headers['x-thing']).toBe('yes');
    expect(s.requests[0]).toMatchObject({
      method: 'POST',
      url: '/com.snowplowanalytics.snowplow/tp2',
      body,
    });
    expect(s.requests[0]!.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(s.requests[0]!.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('sends a body given as bytes as it is, with its length', async () => {
    const s = await server();
    const t = transport();
    expect(t.acceptsBytes).toBe(true);
    const body = '{"schema":"x","data":[{"e":"pv","ü":"✓"}]}';
    const { body: _text, ...rest } = post(s.url);
    const res = await t.makeRequest({ ...rest, bodyBytes: new TextEncoder().encode(body) });
    expect(res.status).toBe(200);
    expect(s.requests[0]!.body).toBe(body);
    expect(s.requests[0]!.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('reports the request sent once its whole body is written, before the answer', async () => {
    let answer: () => void = () => {};
    const s = await server((_req, res) => {
      answer = () => res.end('ok');
    });
    const t = transport();
    expect(t.reportsSent).toBe(true);
    const order: string[] = [];
    const body = 'x'.repeat(1_000_000);
    const pending = t
      .makeRequest({ ...post(s.url, body), onSent: () => order.push('sent') })
      .then((res) => order.push(`answered ${res.status}`));
    // The body is on the wire and read whole before the server answers.
    await waitFor(() => order.length === 1 && s.requests.length === 1);
    expect(order).toEqual(['sent']);
    expect(s.requests[0]!.body).toHaveLength(1_000_000);
    answer();
    await pending;
    expect(order).toEqual(['sent', 'answered 200']);
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    const s = await server();
    const t = transport();
    for (let i = 0; i < 5; i++) expect((await t.makeRequest(post(s.url))).status).toBe(200);
    expect(s.connections()).toBe(1);
    const noReuse = transport({ keepAlive: false });
    for (let i = 0; i < 3; i++) await noReuse.makeRequest(post(s.url));
    expect(s.connections()).toBe(4);
  });

  it('aborts a request that gets no answer at its timeout', async () => {
    let closedAt = 0;
    const s = await server((req) => req.socket.on('close', () => (closedAt = performance.now())));
    const started = performance.now();
    const error = await rejection(transport().makeRequest(post(s.url, '{}', 200)));
    expect(error.timeout).toBe(true);
    expect(error.code).toBe('timeout');
    expect(error.causeCode).toBe('ETIMEDOUT');
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    await new Promise((r) => setTimeout(r, 50));
    expect(closedAt).toBeGreaterThan(started);
  });

  it('aborts when the request signal fires', async () => {
    const s = await server(() => undefined);
    const controller = new AbortController();
    const pending = transport().makeRequest({ ...post(s.url), signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(pending);
    expect(error.timeout).toBe(false);
  });

  it.each([307, 308])('follows a %i once with the same method and body', async (status) => {
    const target = await server();
    const s = await server((_req, res) => {
      res.writeHead(status, { location: `${target.url}/moved/tp2` });
      res.end('moved');
    });
    const res = await transport().makeRequest(post(s.url, '{"a":1}'));
    expect(res.status).toBe(200);
    expect(target.requests).toHaveLength(1);
    expect(target.requests[0]).toMatchObject({
      method: 'POST',
      url: '/moved/tp2',
      body: '{"a":1}',
    });
  });

  it('follows only one redirect: a second 307 is the answer', async () => {
    const last = await server();
    const second = await server((_req, res) => {
      res.writeHead(307, { location: last.url });
      res.end();
    });
    const first = await server((_req, res) => {
      res.writeHead(307, { location: second.url });
      res.end();
    });
    expect((await transport().makeRequest(post(first.url))).status).toBe(307);
    expect(second.requests).toHaveLength(1);
    expect(last.requests).toHaveLength(0);
  });

  it.each([301, 302, 303])('reports a %i as its status without following it', async (status) => {
    const target = await server();
    const s = await server((_req, res) => {
      res.writeHead(status, { location: target.url });
      res.end();
    });
    expect((await transport().makeRequest(post(s.url))).status).toBe(status);
    expect(target.requests).toHaveLength(0);
  });

  it('reads at most 64 KiB of a 5 MiB body, then cuts the connection', async () => {
    let written = 0;
    let closed = false;
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-length': String(5 * 1024 * 1024) });
      res.on('close', () => (closed = true));
      const pump = () => {
        if (closed || written >= 5 * 1024 * 1024) return res.end();
        written += chunk.length;
        res.write(chunk, () => setImmediate(pump));
      };
      pump();
    });
    const res = await transport().makeRequest(post(s.url));
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(true);
    expect(written).toBeLessThan(5 * 1024 * 1024);
  });

  it('treats a 200 whose connection dies mid-body as a success', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('partial', () => res.socket?.destroy());
    });
    expect((await transport().makeRequest(post(s.url))).status).toBe(200);
  });

  it('surfaces a reset of a stale keep-alive socket as a retryable ECONNRESET', async () => {
    // The server forgets a connection after one answer (as if its keep-alive timeout had just
    // passed) and resets the socket when a second request arrives on it.
    const served = new WeakSet<object>();
    const s = await server((req, res) => {
      if (served.has(req.socket)) return req.socket.destroy();
      served.add(req.socket);
      res.end('ok');
    });
    const t = transport();
    expect((await t.makeRequest(post(s.url, '{"n":1}'))).status).toBe(200);
    const error = await rejection(t.makeRequest(post(s.url, '{"n":2}')));
    expect(error.causeCode).toBe('ECONNRESET');
    expect(error.code).toBe('transport');
    expect((await t.makeRequest(post(s.url, '{"n":2}'))).status).toBe(200);
    expect(s.requests.map((r) => r.body)).toEqual(['{"n":1}', '{"n":2}', '{"n":2}']);
  });

  it('delivers every send when the server closes each socket right after answering', async () => {
    const s = await server((_req, res) => {
      res.end('ok', () => res.socket?.destroy());
    });
    const t = transport();
    const errors: (string | undefined)[] = [];
    for (let n = 0; n < 30; n++) {
      for (let attempt = 0; ; attempt++) {
        try {
          expect((await t.makeRequest(post(s.url, `{"n":${n}}`))).status).toBe(200);
          break;
        } catch (error) {
          errors.push((error as TransportError).causeCode);
          if (attempt > 3) throw error;
        }
      }
    }
    expect(new Set(s.requests.map((r) => r.body)).size).toBe(30);
    for (const code of errors) expect(['ECONNRESET', 'EPIPE']).toContain(code);
  });

  it('rejects a self-signed certificate with the TLS code, and accepts it with its CA', async () => {
    const s = await server(undefined, () => createHttpsServer({ cert, key }));
    const error = await rejection(transport().makeRequest(post(s.url)));
    expect(error.causeCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(error.message).toContain('self-signed');
    expect((await transport({ tls: { ca: cert } }).makeRequest(post(s.url))).status).toBe(200);
  });

  it.each(['ENOTFOUND', 'EAI_AGAIN'])('reports %s from the injected DNS lookup', async (code) => {
    const lookup = ((hostname: string, _options: unknown, callback: (error: Error) => void) => {
      callback(Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, hostname }));
    }) as unknown as LookupFunction;
    const error = await rejection(
      transport({ lookup }).makeRequest(post('http://collector.invalid')),
    );
    expect(error.causeCode).toBe(code);
  });

  it('resolves hosts through the injected lookup', async () => {
    const s = await server();
    const port = new URL(s.url).port;
    const names: string[] = [];
    const lookup = ((
      hostname: string,
      options: { all?: boolean },
      callback: (...args: unknown[]) => void,
    ) => {
      names.push(hostname);
      if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    }) as unknown as LookupFunction;
    const res = await transport({ lookup }).makeRequest(post(`http://collector.test:${port}`));
    expect(res.status).toBe(200);
    expect(names).toEqual(['collector.test']);
  });

  it('reports a refused connection as ECONNREFUSED', async () => {
    const s = await server();
    const url = s.url;
    await s.close();
    servers.splice(servers.indexOf(s), 1);
    expect((await rejection(transport().makeRequest(post(url)))).causeCode).toBe('ECONNREFUSED');
  });

  it('reads a chunked answer whole and reuses the connection after it', async () => {
    const s = await server((_req, res) => {
      res.setHeader('Retry-After', '7');
      res.write('part one,');
      setImmediate(() => res.end(' part two'));
    });
    const t = transport();
    for (let i = 0; i < 3; i++) {
      const res = await t.makeRequest(post(s.url));
      expect(res).toEqual({
        status: 200,
        headers: expect.objectContaining({ 'retry-after': '7' }),
      });
    }
    expect(s.requests[0]!.headers['transfer-encoding']).toBeUndefined();
    expect(s.connections()).toBe(1);
  });

  it('sends credentials in the URL as Basic authorization', async () => {
    const s = await server();
    const url = s.url.replace('http://', 'http://us%40er:p%3Ass@');
    await transport().makeRequest(post(url));
    const expected = `Basic ${Buffer.from('us@er:p:ss').toString('base64')}`;
    expect(s.requests[0]!.headers.authorization).toBe(expected);
  });

  it('refuses a header value that would inject another header', async () => {
    const s = await server();
    const request = { ...post(s.url), headers: { 'x-a': 'ok\r\nX-Injected: 1' } };
    const error = await rejection(transport().makeRequest(request));
    expect(error.causeCode).toBe('ERR_INVALID_CHAR');
    expect(s.requests).toHaveLength(0);
  });

  it('queues requests past maxSockets until a connection is free', async () => {
    const s = await server((_req, res) => setTimeout(() => res.end('ok'), 5));
    const t = transport({ maxSockets: 2 });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) => t.makeRequest(post(s.url, `{"n":${n}}`))),
    );
    expect(answers.map((res) => res.status)).toEqual(Array(8).fill(200));
    expect(s.connections()).toBe(2);
    expect(new Set(s.requests.map((r) => r.body)).size).toBe(8);
  });

  it('drops a free connection the server closed and opens a new one without an error', async () => {
    // The server drops each connection a little after answering, as a keep-alive timeout would.
    const s = await server((req, res) => {
      res.end('ok', () => setTimeout(() => req.socket.destroy(), 20));
    });
    const t = transport();
    expect((await t.makeRequest(post(s.url))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 150));
    expect((await t.makeRequest(post(s.url))).status).toBe(200);
    expect(s.connections()).toBe(2);
  });

  it('drops a connection answered before its body was sent, and sends the next request on a new one', async () => {
    // The server answers 413 as soon as the head arrives, without reading the 8 MB body.
    let connections = 0;
    const early = createServer((req, res) => {
      if (req.headers['content-length'] === '8000000') {
        res.writeHead(413, { 'content-length': '0' });
        res.end();
        return;
      }
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    early.on('connection', () => connections++);
    await new Promise<void>((resolve) => early.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(early.address() as AddressInfo).port}`;
    try {
      const t = transport();
      expect((await t.makeRequest({ ...post(url), body: 'x'.repeat(8_000_000) })).status).toBe(413);
      expect((await t.makeRequest(post(url))).status).toBe(200);
      expect(connections).toBe(2);
    } finally {
      early.closeAllConnections();
      await new Promise((resolve) => early.close(resolve));
    }
  });

  it('reads an answer whose head arrives in pieces, and one whose head outgrows a read', async () => {
    // Every read lands in the pool's one reusable buffer: what the parser keeps between reads
    // must be a copy, or the next read would overwrite the head it is still assembling.
    const long = `x-long: ${'v'.repeat(READ_BUFFER_BYTES * 2)}\r\n`;
    const pieces = [
      ['HTTP/1.1 201 Crea', 'ted\r\nX-One: fir', 'st\r\nContent-Le', 'ngth: 2\r\n\r\nok'],
      [`HTTP/1.1 202 Accepted\r\n${long}X-Two: second\r\nContent-Length: 0\r\n\r\n`],
    ];
    let answered = 0;
    const raw = createNetServer((socket) => {
      socket.on('data', async (chunk) => {
        if (!chunk.includes('\r\n\r\n{')) return;
        for (const piece of pieces[answered++] ?? []) {
          socket.write(piece);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
    try {
      const t = transport();
      const first = await t.makeRequest(post(url));
      expect(first).toEqual({ status: 201, headers: { 'x-one': 'first', 'content-length': '2' } });
      const second = await t.makeRequest(post(url));
      expect(second.status).toBe(202);
      expect(second.headers['x-long']).toBe('v'.repeat(READ_BUFFER_BYTES * 2));
      expect(second.headers['x-two']).toBe('second');
    } finally {
      await new Promise((resolve) => raw.close(resolve));
    }
  });

  it('close() destroys pooled sockets and refuses further requests', async () => {
    let socketClosed = false;
    const s = await server((req, res) => {
      req.socket.on('close', () => (socketClosed = true));
      res.end('ok');
    });
    const t = makeNodeHttpTransport();
    await t.makeRequest(post(s.url));
    await t.close?.();
    await new Promise((r) => setTimeout(r, 50));
    expect(socketClosed).toBe(true);
    expect((await rejection(t.makeRequest(post(s.url)))).causeCode).toBe('ERR_CLOSED');
  });
});
