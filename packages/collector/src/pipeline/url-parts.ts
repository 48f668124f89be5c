/** The exploded parts of a URL, as the pipeline stores them for `page_url` and `page_referrer`. */
export interface UrlParts {
  readonly scheme: string;
  readonly host: string;
  readonly port: number | null;
  readonly path: string | null;
  readonly query: string | null;
  readonly fragment: string | null;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 };

/**
 * Explodes a URL into scheme, host, port (the scheme's default when absent), path, query and
 * fragment (without `?` / `#`; `null` when empty).
 *
 * @param url - an absolute URL
 * @returns the parts, or `undefined` when the URL does not parse (the fields stay `null`)
 */
export function explodeUrl(url: string): UrlParts | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  const port = parsed.port ? Number(parsed.port) : (DEFAULT_PORTS[scheme] ?? null);
  return {
    scheme,
    host: parsed.hostname,
    port,
    path: parsed.pathname || null,
    query: parsed.search ? parsed.search.slice(1) : null,
    fragment: parsed.hash ? parsed.hash.slice(1) : null,
  };
}
