/** The network-user-id cookie settings (tracker-protocol §6.8); the defaults are the pipeline's. */
export interface CookieOptions {
  /** Cookie name. Default `sp`. */
  readonly name?: string;
  /** Sliding expiry, refreshed on every response. Default 365 days. */
  readonly expirationDays?: number;
  /** Domains to set the cookie on: the first one matching the request `Origin` is used. */
  readonly domains?: readonly string[];
  /** Domain used when no configured domain matches. Default: none (host-only cookie). */
  readonly fallbackDomain?: string;
  /** Default `true`. */
  readonly secure?: boolean;
  /** Default `true`. */
  readonly httpOnly?: boolean;
  /** Default `None`. */
  readonly sameSite?: 'None' | 'Lax' | 'Strict';
}

/** Cookie settings with every default applied. */
export type ResolvedCookieOptions = Required<Omit<CookieOptions, 'fallbackDomain'>> & {
  readonly fallbackDomain: string | undefined;
};

/**
 * Applies the defaults.
 *
 * @param options - user settings
 */
export function resolveCookieOptions(options: CookieOptions = {}): ResolvedCookieOptions {
  return {
    name: options.name ?? 'sp',
    expirationDays: options.expirationDays ?? 365,
    domains: options.domains ?? [],
    fallbackDomain: options.fallbackDomain,
    secure: options.secure ?? true,
    httpOnly: options.httpOnly ?? true,
    sameSite: options.sameSite ?? 'None',
  };
}

const COOKIE_OCTETS = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;

function cookieDomain(
  options: ResolvedCookieOptions,
  origin: string | undefined,
): string | undefined {
  let host: string | undefined;
  try {
    host = origin ? new URL(origin).hostname : undefined;
  } catch {
    host = undefined;
  }
  const match = host
    ? options.domains.find((d) => host === d || host.endsWith(`.${d}`))
    : undefined;
  return match ?? options.fallbackDomain;
}

/**
 * The `Set-Cookie` value carrying the network user id, or expiring the cookie
 * (`SP-Anonymous` requests that sent one).
 *
 * @param options - cookie settings
 * @param value - the id, or `null` to expire the cookie
 * @param now - epoch ms, from the collector clock
 * @param origin - the request's `Origin`, for domain selection
 */
export function buildSetCookie(
  options: ResolvedCookieOptions,
  value: string | null,
  now: number,
  origin: string | undefined,
): string {
  const maxAge = value === null ? 0 : Math.round(options.expirationDays * 86_400);
  // A `nuid` parameter can hold anything; keep the header well-formed.
  const safe = value === null ? '' : COOKIE_OCTETS.test(value) ? value : encodeURIComponent(value);
  const parts = [
    `${options.name}=${safe}`,
    `Expires=${new Date(value === null ? 0 : now + maxAge * 1000).toUTCString()}`,
    `Max-Age=${maxAge}`,
  ];
  const domain = cookieDomain(options, origin);
  if (domain) parts.push(`Domain=${domain}`);
  parts.push('Path=/');
  if (options.secure) parts.push('Secure');
  if (options.httpOnly) parts.push('HttpOnly');
  parts.push(`SameSite=${options.sameSite}`);
  return parts.join('; ');
}
