import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { SubjectFields } from '@floe/core';

/** Options of {@link subjectFromRequest}. */
export interface SubjectFromRequestOptions {
  /**
   * Take the IP from the first `X-Forwarded-For` entry. Default true; turn it off when the app is
   * reachable without a proxy that sets the header, since clients can forge it.
   */
  readonly trustForwardedFor?: boolean;
}

// useragent's enriched column holds 1,000 characters (tracker protocol §1.3, §1.4).
const MAX_USERAGENT = 1000;

/** Normalises an address: strips a port or brackets and the IPv4-mapped IPv6 prefix. */
function cleanIp(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let ip = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  if (ip.toLowerCase().startsWith('::ffff:') && isIP(ip.slice(7)) === 4) ip = ip.slice(7);
  return isIP(ip) ? ip : undefined;
}

/**
 * Reads the end user's subject from an incoming request: the `User-Agent` header (cut to the
 * 1,000 characters the pipeline keeps) and the IP address, from the first `X-Forwarded-For` entry
 * when present and valid, else the socket's remote address.
 *
 * @param req - a Node `IncomingMessage` (Express, Fastify's `req.raw`, plain `http`).
 * @param options - whether to trust `X-Forwarded-For`.
 * @returns `{ useragent, ipAddress }`, each only when known.
 * @example
 * http.createServer((req, res) => withRequestSubject(subjectFromRequest(req), () => handle(req, res)));
 */
export function subjectFromRequest(
  req: Pick<IncomingMessage, 'headers' | 'socket'>,
  options: SubjectFromRequestOptions = {},
): SubjectFields {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0];
  const ip =
    (options.trustForwardedFor !== false ? cleanIp(first) : undefined) ??
    cleanIp(req.socket?.remoteAddress);
  const ua = req.headers['user-agent'];
  const subject: { ipAddress?: string; useragent?: string } = {};
  if (ip) subject.ipAddress = ip;
  if (ua) subject.useragent = ua.slice(0, MAX_USERAGENT);
  return subject;
}
