/** A collector URL, parsed once into what an undici request needs. */
export interface RequestTarget {
  /** The URL as the emitter gave it. */
  readonly url: string;
  /** `scheme://host:port`. */
  readonly origin: string;
  /** Path and query. */
  readonly path: string;
  /** Why the URL cannot be used (not http(s), unparseable), or undefined. */
  readonly invalid: Error | undefined;
  /** The request headers, plus `Authorization: Basic` for credentials in the URL. */
  headers(given: Readonly<Record<string, string>>): Record<string, string>;
}

function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  for (const key in headers) if (key.toLowerCase() === name) return true;
  return false;
}

/**
 * Parses a collector URL. Credentials in it (`https://user:pass@host/…`) become an
 * `Authorization: Basic` header unless the request has its own, as browsers and `node:http` do;
 * undici would otherwise drop them silently.
 *
 * @param url - the request URL.
 */
export function toRequestTarget(url: string): RequestTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`unsupported protocol ${parsed.protocol}`);
    }
  } catch (error) {
    const invalid = error instanceof Error ? error : new Error(String(error));
    return { url, origin: url, path: '', invalid, headers: (given) => ({ ...given }) };
  }
  const credentials =
    parsed.username || parsed.password
      ? `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`
      : undefined;
  const authorization = credentials && `Basic ${Buffer.from(credentials).toString('base64')}`;
  return {
    url,
    origin: parsed.origin,
    path: `${parsed.pathname}${parsed.search}`,
    invalid: undefined,
    headers: (given) =>
      authorization === undefined || hasHeader(given, 'authorization')
        ? { ...given }
        : { ...given, authorization },
  };
}
