import type { LookupFunction } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { createProxyPool } from './create-proxy-pool';
import { Agent, buildConnector, type Dispatcher, EnvHttpProxyAgent, ProxyAgent } from './undici';

/** TLS settings of connections to `https:` collectors, as `tls.connect` takes them. */
export type NodeTlsOptions = Pick<
  ConnectionOptions,
  | 'ca'
  | 'cert'
  | 'key'
  | 'pfx'
  | 'passphrase'
  | 'rejectUnauthorized'
  | 'servername'
  | 'minVersion'
  | 'ciphers'
>;

/**
 * Which proxy requests go through: `'env'` reads `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (and
 * their lower-case forms), a URL names one proxy for every request, `false` connects directly.
 */
export type NodeProxyOption = 'env' | false | (string & {});

/** What {@link createDispatcher} needs to know. */
export interface DispatcherSettings {
  /** Connections per origin at most. */
  readonly maxSockets: number;
  readonly proxy: NodeProxyOption;
  readonly tls?: NodeTlsOptions;
  readonly lookup?: LookupFunction;
}

// A free connection closes after 4 s unless the server's `Keep-Alive: timeout=` hint says
// otherwise: under the 5 s keep-alive timeout of Node's own server, so a connection is rarely
// reused just as the server drops it.
const KEEP_ALIVE_MS = 4000;

/**
 * Builds the undici dispatcher a transport sends through: a keep-alive `Agent` with a connection
 * limit per origin, or the same behind a proxy. undici tunnels every proxied request with
 * CONNECT (http targets too), TLS sessions are cached per host name for the transport's life (so
 * a new connection resumes the last session instead of a full handshake), and undici follows no redirects: the emitter owns that
 * policy (decision 29).
 *
 * @param settings - connection limit, proxy choice, TLS options and a DNS lookup seam.
 * @returns the dispatcher; `destroy()` it to release every socket.
 */
export function createDispatcher(settings: DispatcherSettings): Dispatcher {
  const { maxSockets, proxy, tls, lookup } = settings;
  // One connector for the transport's life: it holds the TLS session cache, which would otherwise
  // live in the per-origin pool that undici discards once all its connections have closed (a
  // collector that closes idle connections would then cost a full handshake every time).
  const connect = buildConnector(lookup ? { ...tls, lookup } : { ...tls });
  const options = { connections: maxSockets, keepAliveTimeout: KEEP_ALIVE_MS, connect };
  if (proxy === false) return new Agent(options);
  // Behind a proxy the TLS to the collector runs inside the tunnel; `requestTls` carries the
  // collector's TLS options there. DNS of the collector is then the proxy's business.
  const proxied = {
    ...options,
    requestTls: tls,
    clientFactory: createProxyPool,
  };
  if (proxy === 'env') return new EnvHttpProxyAgent(proxied);
  return new ProxyAgent({ ...proxied, uri: proxy });
}
