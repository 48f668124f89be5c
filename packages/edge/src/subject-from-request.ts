import type { SubjectFields } from '@floe/core';
import type { RequestLike } from './request-like';

// The pipeline keeps 1,000 characters of `useragent` (tracker protocol §1.3).
const MAX_USERAGENT = 1000;

/** The first language tag of an `Accept-Language` header, without its quality: `de-CH`. */
function firstLanguage(header: string | null): string | undefined {
  const tag = header?.split(',')[0]?.split(';')[0]?.trim();
  return tag && tag !== '*' ? tag : undefined;
}

/**
 * Reads the end user's subject from an incoming request: the IP from `CF-Connecting-IP` (set by
 * Cloudflare), else the first `X-Forwarded-For` entry (set by Vercel and most proxies); the
 * `User-Agent`; the first language of `Accept-Language`. The page (URL and referrer) is not a
 * subject field: see {@link pageFromRequest}.
 *
 * @example
 * trackPageView(tracker, { pageUrl: request.url }, { subject: subjectFromRequest(request) });
 */
export function subjectFromRequest(request: RequestLike): SubjectFields {
  const { headers } = request;
  const ip =
    headers.get('cf-connecting-ip')?.trim() ||
    headers.get('x-forwarded-for')?.split(',')[0]?.trim() ||
    undefined;
  const subject: {
    -readonly [K in keyof SubjectFields]: SubjectFields[K];
  } = {};
  if (ip) subject.ipAddress = ip;
  const useragent = headers.get('user-agent');
  if (useragent) subject.useragent = useragent.slice(0, MAX_USERAGENT);
  const language = firstLanguage(headers.get('accept-language'));
  if (language) subject.language = language;
  return subject;
}

/** The page a request is about: the protocol's `url` and `refr` keys. */
export interface RequestPage {
  readonly url: string;
  readonly refr?: string;
}

/**
 * The page of a request, sent with each of its events as `url` (the request's URL) and `refr`
 * (its `Referer`), unless the track call gives its own (a page view's `pageUrl`).
 */
export function pageFromRequest(request: RequestLike): RequestPage {
  const referrer = request.headers.get('referer');
  return referrer ? { url: request.url, refr: referrer } : { url: request.url };
}
