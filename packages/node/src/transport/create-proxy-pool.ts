import { TransportError } from '@floe/core';
import { type Dispatcher, Pool } from './undici';

/**
 * Builds the connection pool to a proxy, for undici's `ProxyAgent` (its `clientFactory`). It
 * differs from a plain `Pool` in one way: when the proxy drops the connection while a CONNECT
 * tunnel is being set up, the failure is a `TransportError` instead of undici's socket error.
 * undici 7 treats a socket error there as a dropped keep-alive connection and reconnects at once,
 * in a tight loop that also ignores the request's abort signal (nodejs/undici#3897, fixed only in
 * undici 8, which needs Node 22). Any other error fails the request, as it should.
 *
 * @param origin - the proxy's origin.
 * @param options - the pool options `ProxyAgent` passes.
 */
export function createProxyPool(origin: URL, options: object): Dispatcher {
  const pool = new Pool(origin, options);
  const connect = pool.connect.bind(pool) as (
    options: Dispatcher.ConnectOptions,
  ) => Promise<Dispatcher.ConnectData>;
  // ProxyAgent only uses the promise form of `connect`.
  pool.connect = ((connectOptions: Dispatcher.ConnectOptions) =>
    connect(connectOptions).catch((error: unknown) => {
      if ((error as { code?: unknown } | null)?.code !== 'UND_ERR_SOCKET') throw error;
      throw new TransportError('the proxy closed the connection before the tunnel was open', {
        causeCode: 'ECONNRESET',
        cause: error,
      });
    })) as Pool['connect'];
  return pool;
}
