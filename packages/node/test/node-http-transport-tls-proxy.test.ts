import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { type Transport, TransportError, type TransportRequest } from '@floe/core';
import { tlsFixture } from '@floe/test-utils';
import { buildSync } from 'esbuild';
import { makeNodeHttpTransport } from '../src/transport/node-http-transport';
import { type ConnectProxy, startConnectProxy } from './helpers/connect-proxy';
import { type Loopback, startLoopback } from './helpers/loopback';

// The committed self-signed certificate of @floe/test-utils (decision 25); CN=localhost with
// 127.0.0.1 as an address name.
const { cert, key } = tlsFixture();
const fixtureCertPath = join(__dirname, '../../test-utils/fixtures/tls/cert.pem');

const open: { close(): Promise<void> | void }[] = [];
function track<T extends { close(): Promise<void> | void }>(thing: T): T {
  open.push(thing);
  return thing;
}
const transport = (options?: Parameters<typeof makeNodeHttpTransport>[0]): Transport =>
  track(makeNodeHttpTransport(options) as Transport & { close(): Promise<void> });
const server = async (...args: Parameters<typeof startLoopback>): Promise<Loopback> =>
  track(await startLoopback(...args));
const proxy = async (): Promise<ConnectProxy> => track(await startConnectProxy());
const httpsServer = (handler?: Parameters<typeof startLoopback>[0]) =>
  server(handler, () => createHttpsServer({ cert, key }));

const PROXY_VARIABLES = ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'NODE_USE_ENV_PROXY'];
const savedEnv = { ...process.env };
afterEach(async () => {
  for (const name of PROXY_VARIABLES) {
    for (const variant of [name, name.toLowerCase()]) {
      if (savedEnv[variant] === undefined) delete process.env[variant];
      else process.env[variant] = savedEnv[variant];
    }
  }
  for (const thing of open.splice(0).reverse()) await thing.close();
});

function post(url: string, body = '{"n":1}'): TransportRequest {
  return {
    method: 'POST',
    url: `${url}/com.snowplowanalytics.snowplow/tp2`,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body,
    signal: new AbortController().signal,
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

describe('makeNodeHttpTransport over TLS', () => {
  it('rejects a self-signed certificate with the TLS code, and accepts it with its CA', async () => {
    const s = await httpsServer();
    const error = await rejection(transport().send(post(s.url)));
    expect(error.causeCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(error.message).toContain('self-signed');
    expect((await transport({ tls: { ca: cert } }).send(post(s.url))).status).toBe(200);
  });

  it('resumes the TLS session on a new connection instead of a full handshake', async () => {
    const reused: boolean[] = [];
    // The server closes every connection after its answer, so each request needs a new one.
    const s = await httpsServer((_req, res) => {
      res.setHeader('connection', 'close');
      res.end('ok');
    });
    s.server.on('secureConnection', (socket: TLSSocket) => reused.push(socket.isSessionReused()));
    const t = transport({ tls: { ca: cert } });
    for (let i = 0; i < 3; i++) {
      expect((await t.send(post(s.url))).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(reused).toEqual([false, true, true]);
  });

  it('trusts a CA named by NODE_EXTRA_CA_CERTS (read at start-up, so in a child process)', async () => {
    // The child runs this package's transport source bundled by esbuild with undici and a stand-in
    // for core's TransportError, so the test does not wait on a build of core.
    const dir = mkdtempSync(join(tmpdir(), 'floe-extra-ca-'));
    open.push({ close: () => rmSync(dir, { recursive: true, force: true }) });
    const bundle = join(dir, 'transport.cjs');
    buildSync({
      entryPoints: [join(__dirname, '../src/transport/node-http-transport.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      alias: { '@floe/core': join(__dirname, 'fixtures/transport-error-stub.ts') },
      logLevel: 'error',
    });
    const s = await httpsServer();
    const script = `
      const { makeNodeHttpTransport } = require(process.argv[1]);
      const t = makeNodeHttpTransport();
      const request = { method: 'POST', url: process.argv[2], headers: {}, body: '{}',
        signal: new AbortController().signal };
      t.send(request)
        .then((r) => r.status, (e) => e.causeCode)
        .then(async (answer) => { await t.close(); console.log(answer); });`;
    // Asynchronously: the server answers from this process's event loop.
    const run = async (env: Record<string, string>) => {
      const args = ['-e', script, bundle, `${s.url}/tp2`];
      const { stdout } = await promisify(execFile)(process.execPath, args, {
        env: { ...process.env, ...env },
      });
      return stdout.trim();
    };
    expect(await run({})).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(await run({ NODE_EXTRA_CA_CERTS: fixtureCertPath })).toBe('200');
  });
});

describe('makeNodeHttpTransport through a proxy', () => {
  it("tunnels http and https requests through `proxy: 'http://…'` with CONNECT", async () => {
    const p = await proxy();
    const plain = await server();
    const secure = await httpsServer();
    const t = transport({ proxy: p.url, tls: { ca: cert } });
    expect((await t.send(post(plain.url))).status).toBe(200);
    expect((await t.send(post(secure.url, '{"n":2}'))).status).toBe(200);
    expect(p.tunnels).toEqual([new URL(plain.url).host, new URL(secure.url).host]);
    expect(plain.requests[0]!.body).toBe('{"n":1}');
    expect(secure.requests[0]!.body).toBe('{"n":2}');
    expect(p.forwarded).toEqual([]);
  });

  it('sends the credentials of the proxy URL as Proxy-Authorization, to the proxy only', async () => {
    const p = await proxy();
    const s = await server();
    const withUser = p.url.replace('http://', 'http://floe:s%40cret@');
    expect((await transport({ proxy: withUser }).send(post(s.url))).status).toBe(200);
    expect(p.authorizations).toEqual([`Basic ${Buffer.from('floe:s@cret').toString('base64')}`]);
    expect(s.requests[0]!.headers['proxy-authorization']).toBeUndefined();
  });

  it("honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY with `proxy: 'env'`", async () => {
    const forHttps = await proxy();
    const forHttp = await proxy();
    const plain = await server();
    const secure = await httpsServer();
    process.env.HTTPS_PROXY = forHttps.url;
    process.env.HTTP_PROXY = forHttp.url;
    process.env.NO_PROXY = 'localhost';
    const t = transport({ proxy: 'env', tls: { ca: cert } });
    expect((await t.send(post(plain.url))).status).toBe(200);
    expect((await t.send(post(secure.url))).status).toBe(200);
    // `localhost` is in NO_PROXY: that request goes direct.
    const direct = plain.url.replace('127.0.0.1', 'localhost');
    expect((await t.send(post(direct))).status).toBe(200);
    expect(forHttp.tunnels).toEqual([new URL(plain.url).host]);
    expect(forHttps.tunnels).toEqual([new URL(secure.url).host]);
    expect(plain.requests).toHaveLength(2);
  });

  it('connects directly by default and with `proxy: false`, even with the variables set', async () => {
    const p = await proxy();
    const s = await server();
    process.env.HTTP_PROXY = p.url;
    process.env.HTTPS_PROXY = p.url;
    expect((await transport().send(post(s.url))).status).toBe(200);
    expect((await transport({ proxy: false }).send(post(s.url))).status).toBe(200);
    expect(p.tunnels).toEqual([]);
    expect(s.requests).toHaveLength(2);
  });

  it("makes `'env'` the default when NODE_USE_ENV_PROXY=1, as Node 24 does for its clients", async () => {
    const p = await proxy();
    const s = await server();
    process.env.HTTP_PROXY = p.url;
    process.env.NODE_USE_ENV_PROXY = '1';
    expect((await transport().send(post(s.url))).status).toBe(200);
    expect(p.tunnels).toEqual([new URL(s.url).host]);
  });

  it.each(['answers 502', 'drops the connection'])(
    'reports a proxy that %s on CONNECT as a failed attempt, at once',
    async (how) => {
      // Dropping the connection is the case undici 7 alone would retry in a tight loop.
      const p = await proxy();
      p.refuse(how === 'answers 502' ? 'HTTP/1.1 502 Bad Gateway\r\n\r\n' : '');
      const t = transport({ proxy: p.url });
      for (let i = 0; i < 2; i++) {
        const error = await rejection(t.send(post('http://127.0.0.1:9')));
        expect(error.code).toBe('transport');
      }
      expect(p.tunnels).toEqual(['127.0.0.1:9', '127.0.0.1:9']);
    },
  );
});
