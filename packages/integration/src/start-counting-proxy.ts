import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that passed through a {@link CountingProxy}. */
export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  readonly contentType: string | undefined;
  readonly bytes: number;
  readonly status: number;
}

/** A loopback proxy that forwards everything to a collector and logs each request. */
export interface CountingProxy {
  /** Base URL to point a tracker at. */
  readonly url: string;
  /** Every request forwarded so far, in arrival order. */
  readonly requests: readonly ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a proxy in front of `target`, so a test can count the HTTP requests an emitter makes
 * (retries included) while the real collector judges them.
 *
 * @param target - the collector's base URL.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const requests: ProxiedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const forward = request(
        new URL(incoming.url ?? '/', target),
        { method: incoming.method, headers: { ...incoming.headers, host: new URL(target).host } },
        (answer) => {
          requests.push({
            method: incoming.method ?? '',
            path: incoming.url ?? '',
            contentType: incoming.headers['content-type'],
            bytes: body.length,
            status: answer.statusCode ?? 0,
          });
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forward.on('error', () => outgoing.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
