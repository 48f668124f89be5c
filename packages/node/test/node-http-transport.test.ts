import { createServer } from 'node:http';
import {
  type AddressInfo,
  createServer as createNetServer,
  type LookupFunction,
  type Socket,
} from 'node:net';
import { URL } from 'node:url';
import { type Transport, TransportError, type TransportRequest } from '@floe/core';
import { makeNodeHttpTransport } from '../src/transport/node-http-transport';
import { type Loopback, startLoopback } from './helpers/loopback';

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

function post(
  url: string,
  body = '{"n":1}',
  signal: AbortSignal = new AbortController().signal,
): TransportRequest {
  return {
    method: 'POST',
    url: `${url}/com.snowplowanalytics.snowplow/tp2`,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body,
    signal,
  };
}

/**
 * undici frees a connection for the next request a tick after the answer's end: sequential
 * requests wait that tick, as an emitter's do, so they share one keep-alive connection.
 */
function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function rejection(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

/** A raw TCP server that answers each request (once its body has arrived) with `answers[n]`. */
async function rawServer(
  answer: (socket: Socket, n: number) => void | Promise<void>,
): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let answered = 0;
  let connections = 0;
  const sockets = new Set<Socket>();
  const raw = createNetServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      if (chunk.includes('\r\n\r\n{') || chunk.toString().startsWith('{')) {
        void answer(socket, answered++);
      }
    });
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(raw.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        raw.close(() => resolve());
      }),
  };
}

describe('makeNodeHttpTransport', () => {
  it('sends the method, headers and exact body, and returns status and lower-case headers', async () => {
    const s = await server((_req, res) => {
      res.setHeader('X-Thing', 'yes');
      res.end('ok');
    });
    const body = '{"schema":"x","data":[{"e":"pv","ü":"✓"}]}';
    const res = await transport().send(post(s.url, body));
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

  it('reuses one keep-alive connection for sequential requests', async () => {
    const s = await server();
    const t = transport();
    for (let i = 0; i < 5; i++) {
      expect((await t.send(post(s.url))).status).toBe(200);
      await tick();
    }
    expect(s.connections()).toBe(1);
    const noReuse = transport({ keepAlive: false });
    for (let i = 0; i < 3; i++) await noReuse.send(post(s.url));
    expect(s.connections()).toBe(4);
  });

  it('aborts a request at a deadline signal as a timeout, and closes its connection', async () => {
    let closedAt = 0;
    const s = await server((req) => req.socket.on('close', () => (closedAt = performance.now())));
    const started = performance.now();
    const error = await rejection(transport().send(post(s.url, '{}', AbortSignal.timeout(200))));
    expect(error.timeout).toBe(true);
    expect(error.code).toBe('timeout');
    expect(error.causeCode).toBe('ETIMEDOUT');
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    await new Promise((r) => setTimeout(r, 50));
    expect(closedAt).toBeGreaterThan(started);
  });

  it('aborts when the request signal fires, as an abort and not a timeout', async () => {
    const s = await server(() => undefined);
    const controller = new AbortController();
    const pending = transport().send(post(s.url, '{}', controller.signal));
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(pending);
    expect(error.timeout).toBe(false);
    expect(error.causeCode).toBe('ABORT_ERR');
    // A signal that is already aborted sends nothing.
    const before = s.requests.length;
    await rejection(transport().send(post(s.url, '{}', controller.signal)));
    expect(s.requests).toHaveLength(before);
  });

  it.each([301, 302, 303, 307, 308])(
    'returns a %i with its location and follows nothing (core owns redirects)',
    async (status) => {
      const target = await server();
      const s = await server((_req, res) => {
        res.writeHead(status, { location: `${target.url}/moved/tp2` });
        res.end('moved');
      });
      const res = await transport().send(post(s.url, '{"a":1}'));
      expect(res.status).toBe(status);
      expect(res.headers.location).toBe(`${target.url}/moved/tp2`);
      expect(target.requests).toHaveLength(0);
    },
  );

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
    const res = await transport().send(post(s.url));
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
    expect((await transport().send(post(s.url))).status).toBe(200);
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
    expect((await t.send(post(s.url, '{"n":1}'))).status).toBe(200);
    await tick();
    const error = await rejection(t.send(post(s.url, '{"n":2}')));
    expect(error.causeCode).toBe('ECONNRESET');
    expect(error.code).toBe('transport');
    expect((await t.send(post(s.url, '{"n":2}'))).status).toBe(200);
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
          expect((await t.send(post(s.url, `{"n":${n}}`))).status).toBe(200);
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

  it.each(['ENOTFOUND', 'EAI_AGAIN'])('reports %s from the injected DNS lookup', async (code) => {
    const lookup = ((hostname: string, _options: unknown, callback: (error: Error) => void) => {
      callback(Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, hostname }));
    }) as unknown as LookupFunction;
    const error = await rejection(transport({ lookup }).send(post('http://collector.invalid')));
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
    const res = await transport({ lookup }).send(post(`http://collector.test:${port}`));
    expect(res.status).toBe(200);
    expect(names).toEqual(['collector.test']);
  });

  it('reports a refused connection as ECONNREFUSED', async () => {
    const s = await server();
    const url = s.url;
    await s.close();
    servers.splice(servers.indexOf(s), 1);
    expect((await rejection(transport().send(post(url)))).causeCode).toBe('ECONNREFUSED');
  });

  it('reads a chunked answer whole and reuses the connection after it', async () => {
    const s = await server((_req, res) => {
      res.setHeader('Retry-After', '7');
      res.write('part one,');
      setImmediate(() => res.end(' part two'));
    });
    const t = transport();
    for (let i = 0; i < 3; i++) {
      await tick();
      const res = await t.send(post(s.url));
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
    await transport().send(post(url));
    const expected = `Basic ${Buffer.from('us@er:p:ss').toString('base64')}`;
    expect(s.requests[0]!.headers.authorization).toBe(expected);
  });

  it('refuses a header value that would inject another header', async () => {
    const s = await server();
    const request = { ...post(s.url), headers: { 'x-a': 'ok\r\nX-Injected: 1' } };
    const error = await rejection(transport().send(request));
    expect(error.causeCode).toBe('UND_ERR_INVALID_ARG');
    expect(s.requests).toHaveLength(0);
  });

  it('queues requests past maxSockets until a connection is free', async () => {
    const s = await server((_req, res) => setTimeout(() => res.end('ok'), 5));
    const t = transport({ maxSockets: 2 });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) => t.send(post(s.url, `{"n":${n}}`))),
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
    expect((await t.send(post(s.url))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 150));
    expect((await t.send(post(s.url))).status).toBe(200);
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
      expect((await t.send({ ...post(url), body: 'x'.repeat(8_000_000) })).status).toBe(413);
      expect((await t.send(post(url))).status).toBe(200);
      expect(connections).toBe(2);
    } finally {
      early.closeAllConnections();
      await new Promise((resolve) => early.close(resolve));
    }
  });

  it('reads an answer whose head arrives in pieces, and refuses a head over 16 KiB', async () => {
    // undici's limit is Node's own (--max-http-header-size, 16 KiB): a larger head is a failed
    // attempt with a clear code, not a hang or a buffer that grows without bound.
    const pieces = [
      ['HTTP/1.1 201 Crea', 'ted\r\nX-One: fir', 'st\r\nContent-Le', 'ngth: 2\r\n\r\nok'],
      [`HTTP/1.1 202 Accepted\r\nx-long: ${'v'.repeat(64 * 1024)}\r\nContent-Length: 0\r\n\r\n`],
    ];
    const raw = await rawServer(async (socket, n) => {
      for (const piece of pieces[n] ?? []) {
        socket.write(piece);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    try {
      const t = transport();
      const first = await t.send(post(raw.url));
      expect(first.status).toBe(201);
      expect(first.headers).toMatchObject({ 'x-one': 'first', 'content-length': '2' });
      const error = await rejection(t.send(post(raw.url)));
      expect(error.causeCode).toBe('UND_ERR_HEADERS_OVERFLOW');
    } finally {
      await raw.close();
    }
  });

  it('reads a close-delimited answer to its end, then uses a new connection', async () => {
    const raw = await rawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nX-Framing: close\r\n\r\nbody until the end');
      setTimeout(() => socket.end(), 20);
    });
    try {
      const t = transport();
      for (let i = 0; i < 2; i++) {
        const res = await t.send(post(raw.url));
        expect(res.status).toBe(200);
        expect(res.headers['x-framing']).toBe('close');
      }
      expect(raw.connections()).toBe(2);
    } finally {
      await raw.close();
    }
  });

  it('skips an interim 103 answer, and fails an unasked 100 Continue as a retryable error', async () => {
    // undici reads 1xx answers itself: 103 Early Hints is skipped; a 100 the request did not ask
    // for (no `Expect: 100-continue`) is a broken server, and the connection is dropped.
    const raw = await rawServer((socket, n) => {
      if (n === 1) socket.write('HTTP/1.1 100 Continue\r\n\r\n');
      socket.write('HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n');
      socket.write('HTTP/1.1 204 No Content\r\nX-Final: yes\r\n\r\n');
    });
    try {
      const t = transport();
      const res = await t.send(post(raw.url));
      expect(res.status).toBe(204);
      expect(res.headers['x-final']).toBe('yes');
      await tick();
      const error = await rejection(t.send(post(raw.url)));
      expect(error.causeCode).toBe('ECONNRESET');
      expect(error.code).toBe('transport');
      expect((await t.send(post(raw.url))).status).toBe(204);
    } finally {
      await raw.close();
    }
  });

  it('fails an answer with both Transfer-Encoding and Content-Length, and drops its connection', async () => {
    // Ambiguous framing (a request-smuggling shape): undici's parser refuses it, and the
    // connection never carries another request.
    const raw = await rawServer((socket) => {
      socket.write(
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n2\r\nok\r\n0\r\n\r\n',
      );
    });
    try {
      const t = transport();
      for (let i = 0; i < 2; i++) {
        const error = await rejection(t.send(post(raw.url)));
        expect(error.message).toContain("Content-Length can't be present with Transfer-Encoding");
        await tick();
      }
      expect(raw.connections()).toBe(2);
    } finally {
      await raw.close();
    }
  });

  it("honours the server's Keep-Alive timeout hint instead of reusing a connection it will drop", async () => {
    // `timeout=1` is under undici's 2 s safety margin: the connection is closed, not reused, so
    // the next request never meets a socket the server is about to drop.
    const s = await server((_req, res) => {
      res.setHeader('keep-alive', 'timeout=1');
      res.end('ok');
    });
    const t = transport();
    for (let i = 0; i < 3; i++) expect((await t.send(post(s.url))).status).toBe(200);
    expect(s.connections()).toBe(3);
  });

  it('close() destroys pooled sockets and refuses further requests', async () => {
    let socketClosed = false;
    const s = await server((req, res) => {
      req.socket.on('close', () => (socketClosed = true));
      res.end('ok');
    });
    const t = makeNodeHttpTransport();
    await t.send(post(s.url));
    await t.close?.();
    await new Promise((r) => setTimeout(r, 50));
    expect(socketClosed).toBe(true);
    expect((await rejection(t.send(post(s.url)))).causeCode).toBe('ERR_CLOSED');
  });
});
