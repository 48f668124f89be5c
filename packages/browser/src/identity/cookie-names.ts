import { sha1Hex } from './sha1-hex';

/** The names of the id and session values, `<prefix>id.<hash>` and `<prefix>ses.<hash>`. */
export interface CookieNames {
  readonly id: string;
  readonly session: string;
}

/**
 * Snowplow's cookie names, so a site that switches trackers keeps its users' ids (decision 33):
 * the hash is the first 4 hex digits of SHA-1(cookie domain + cookie path), where the domain is
 * the configured one (a leading `*` and a trailing `.` removed) or else the page's host name.
 *
 * @param prefix - default `_sp_`.
 */
export function cookieNames(domain: string | undefined, path = '/', prefix = '_sp_'): CookieNames {
  const host = (domain ?? location.hostname).replace(/^\*\./, '.').replace(/\.$/, '');
  const hash = sha1Hex(host + path).slice(0, 4);
  return { id: `${prefix}id.${hash}`, session: `${prefix}ses.${hash}` };
}
