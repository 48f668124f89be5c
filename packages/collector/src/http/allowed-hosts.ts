import type { IncomingMessage } from 'node:http';

/** Names that always mean this machine. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
/** Bind-all addresses name no host a browser could use. */
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** A host or address in one form: lower case, no port, no IPv6 brackets, no IPv4-mapped prefix. */
function normalize(host: string): string {
  const lower = host.trim().toLowerCase();
  const bare = lower.startsWith('[') ? lower.slice(1, lower.indexOf(']')) : lower;
  return bare.startsWith('::ffff:') && bare.includes('.') ? bare.slice('::ffff:'.length) : bare;
}

/**
 * The host part of a `Host` header value (`127.0.0.1:9090`, `[::1]:9090`, `localhost`).
 *
 * @param header - the header value
 */
export function hostOfHeader(header: string): string {
  const value = header.trim();
  if (value.startsWith('[')) return normalize(value.slice(0, value.indexOf(']') + 1));
  const colon = value.indexOf(':');
  return normalize(colon < 0 ? value : value.slice(0, colon));
}

/**
 * Builds the `Host` check of `/micro/*` and the UI. It stops DNS rebinding: a hostile page whose
 * own name is made to resolve to 127.0.0.1 reaches the collector with that name in `Host`, and
 * would otherwise read every stored event as a same-origin page. Allowed: `localhost`,
 * `127.0.0.1`, `[::1]`, the configured host, and the address the connection arrived on (so a
 * collector bound to a LAN address answers to that address). A request without `Host` (HTTP/1.0
 * tools) passes: no browser sends one.
 *
 * @param configuredHost - the `host` option, when the collector was given one
 */
export function createHostCheck(configuredHost?: string): (req: IncomingMessage) => boolean {
  const allowed = new Set(LOOPBACK_NAMES);
  if (configuredHost !== undefined && !WILDCARDS.has(normalize(configuredHost))) {
    allowed.add(normalize(configuredHost));
  }
  return (req) => {
    const header = req.headers.host;
    if (header === undefined) return true;
    const host = hostOfHeader(header);
    if (allowed.has(host)) return true;
    const local = req.socket.localAddress;
    return local !== undefined && normalize(local) === host;
  };
}
