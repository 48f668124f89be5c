import { makeFetchTransport, TransportError } from '@floe/core';
import { startFaultServer } from '@floe/test-utils';
import { MAX_RESPONSE_BYTES } from '../../src/transport/fetch-transport';
import type { FetchFunction, FetchInit } from '../../src/transport/fetch-types';
import { warmUpFetch } from './harness';

const REQUEST = {
  method: 'POST' as const,
  url: 'https://collector.test/com.snowplowanalytics.snowplow/tp2',
  headers: { 'Content-Type': 'application/json; charset=UTF-8' },
  body: '{}',
  signal: new AbortController().signal,
};

/** A response whose body is an endless stream of 16 KB chunks, counting what was pulled. */
function endlessResponse(status: number, pulls: { chunks: number; cancelled: boolean }) {
  const chunk = new Uint8Array(16 * 1024);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls.chunks++;
      controller.enqueue(chunk);
    },
    cancel() {
      pulls.cancelled = true;
    },
  });
  return new Response(body, { status, headers: { 'X-Thing': 'Yes', 'Retry-After': '2' } });
}

describe('makeFetchTransport', () => {
  it('sends method, headers and body with redirect: manual and no credentials field', async () => {
    const calls: [string, FetchInit | undefined][] = [];
    const fake: FetchFunction = async (input, init) => {
      calls.push([input, init]);
      return new Response('ok', { status: 200 }) as never;
    };
    const transport = makeFetchTransport({ fetch: fake });
    await transport.send(REQUEST);
    await transport.send({ ...REQUEST, keepalive: true });
    const [[url, init], [, second]] = calls as [[string, FetchInit], [string, FetchInit]];
    expect(url).toBe(REQUEST.url);
    expect(init).toMatchObject({
      method: 'POST',
      body: '{}',
      redirect: 'manual',
      headers: REQUEST.headers,
    });
    expect(init).not.toHaveProperty('credentials');
    expect(init).not.toHaveProperty('keepalive');
    expect(second.keepalive).toBe(true);
  });

  it('H12/H13: reads at most 64 KB of an answer, then cancels the rest; headers come back lower-cased', async () => {
    const pulls = { chunks: 0, cancelled: false };
    const transport = makeFetchTransport({
      fetch: async () => endlessResponse(200, pulls) as never,
    });
    const response = await transport.send(REQUEST);
    expect(response).toEqual({ status: 200, headers: { 'x-thing': 'Yes', 'retry-after': '2' } });
    expect(pulls.cancelled).toBe(true);
    // The stream may pull one chunk ahead of the reader.
    expect(pulls.chunks * 16 * 1024).toBeLessThanOrEqual(MAX_RESPONSE_BYTES + 2 * 16 * 1024);
  });

  it('maps runtime failures to TransportError with the first code on the error or its causes', async () => {
    const failing =
      (error: unknown): FetchFunction =>
      async () =>
        Promise.reject(error);
    const cases: [unknown, string | undefined][] = [
      [
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
        }),
        'ECONNREFUSED',
      ],
      [
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
        }),
        // undici's own codes are the Node adapter's to map; core passes them through.
        'UND_ERR_SOCKET',
      ],
      [
        new TypeError('fetch failed', {
          cause: new AggregateError([Object.assign(new Error('x'), { code: 'EHOSTUNREACH' })]),
        }),
        'EHOSTUNREACH',
      ],
      [new TypeError('Failed to fetch'), undefined],
      ['a string', undefined],
    ];
    for (const [error, code] of cases) {
      const rejection = await makeFetchTransport({ fetch: failing(error) })
        .send(REQUEST)
        .catch((e: unknown) => e);
      expect(rejection).toBeInstanceOf(TransportError);
      expect(rejection).toMatchObject({ causeCode: code, timeout: false, code: 'transport' });
    }
  });

  it('aborts on the request’s signal (the emitter owns the timeout) with an ABORTED TransportError', async () => {
    const hanging: FetchFunction = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    const transport = makeFetchTransport({ fetch: hanging });
    const controller = new AbortController();
    const aborted = transport
      .send({ ...REQUEST, signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort();
    expect(await aborted).toMatchObject({
      name: 'TransportError',
      timeout: false,
      causeCode: 'ABORTED',
    });
  });

  it('reads an abort whose reason is named TimeoutError as a timeout (code timeout, ETIMEDOUT)', async () => {
    const hanging: FetchFunction = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    const transport = makeFetchTransport({ fetch: hanging });
    const controller = new AbortController();
    const timedOut = transport
      .send({ ...REQUEST, signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort(new DOMException('no answer', 'TimeoutError'));
    expect(await timedOut).toMatchObject({
      name: 'TransportError',
      code: 'timeout',
      timeout: true,
      causeCode: 'ETIMEDOUT',
    });
  });

  it('fails with a TransportError when the runtime has no fetch', async () => {
    const saved = globalThis.fetch;
    (globalThis as { fetch?: unknown }).fetch = undefined;
    try {
      await expect(makeFetchTransport().send(REQUEST)).rejects.toBeInstanceOf(TransportError);
    } finally {
      globalThis.fetch = saved;
    }
  });

  it('on a real socket: returns the status of a 301, 307 or 308 without following it', async () => {
    await warmUpFetch();
    const server = await startFaultServer();
    const target = await startFaultServer();
    for (const status of [301, 307, 308]) {
      server.script([{ type: 'respond', status, headers: { location: `${target.url}/x/y` } }]);
      const transport = makeFetchTransport();
      const response = await transport.send({ ...REQUEST, url: `${server.url}/a/b` });
      expect(response.status).toBe(status);
      expect(response.headers['location']).toBe(`${target.url}/x/y`);
      await transport.close?.();
    }
    expect(target.requests).toEqual([]);
    await Promise.all([server.close(), target.close()]);
  });
});
