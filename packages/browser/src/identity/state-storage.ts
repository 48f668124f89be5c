/** Where the tracker keeps the id and session values: first-party cookies, `localStorage`, or nowhere (this page only). */
export type StateStorageKind = 'cookie' | 'localStorage' | 'none';

/** Attributes of the cookies the tracker writes. */
export interface CookieOptions {
  /** `Domain` attribute, e.g. `.example.com` to share ids across subdomains. Host-only when absent. */
  readonly domain?: string;
  /** `Path` attribute. Default `/`. */
  readonly path?: string;
  /** `SameSite` attribute. Default `Lax`. */
  readonly sameSite?: 'Strict' | 'Lax' | 'None';
  /** `Secure` attribute. Default: on for pages served over https. */
  readonly secure?: boolean;
}

/** A small key-value place with expiry, behind each {@link StateStorageKind}. */
export interface StateStorage {
  get(name: string): string | undefined;
  /** Writes `value`, expiring after `maxAgeSeconds`. */
  set(name: string, value: string, maxAgeSeconds: number): void;
  remove(name: string): void;
}

/**
 * Builds the storage for the id and session values. Cookie and `localStorage` layouts are
 * Snowplow's: a cookie with `Max-Age`, or a `localStorage` key plus `<key>.expires` in epoch ms,
 * so either tracker reads what the other wrote. Every kind also keeps the values in memory, so
 * storage that throws or is blocked (a sandboxed frame, cookies off) keeps one user for the page
 * instead of breaking `track`.
 */
export function createStateStorage(
  kind: StateStorageKind,
  cookie: CookieOptions = {},
): StateStorage {
  const memory = new Map<string, [value: string, expiresAt: number]>();
  const attributes = `; Path=${cookie.path ?? '/'}${cookie.domain ? `; Domain=${cookie.domain}` : ''}; SameSite=${cookie.sameSite ?? 'Lax'}${(cookie.secure ?? location.protocol === 'https:') ? '; Secure' : ''}`;
  const read = (name: string): string | null | undefined => {
    try {
      if (kind === 'cookie') {
        const pair = document.cookie.split('; ').find((pair) => pair.startsWith(`${name}=`));
        return pair && decodeURIComponent(pair.slice(name.length + 1));
      }
      if (kind === 'localStorage' && Number(localStorage.getItem(`${name}.expires`)) > Date.now()) {
        return localStorage.getItem(name);
      }
    } catch {
      // blocked storage: memory answers
    }
  };
  const write = (name: string, value: string, maxAge: number): void => {
    try {
      if (kind === 'cookie') {
        // biome-ignore lint/suspicious/noDocumentCookie: the async Cookie Store API is missing in Firefox and Safari, and `track` is synchronous.
        document.cookie = `${name}=${value}; Max-Age=${maxAge}${attributes}`;
      } else if (kind === 'localStorage') {
        for (const [key, text] of [
          [name, value],
          [`${name}.expires`, String(Date.now() + maxAge * 1000)],
        ] as const) {
          if (maxAge > 0) localStorage.setItem(key, text);
          else localStorage.removeItem(key);
        }
      }
    } catch {
      // blocked or full storage: memory keeps the value for this page
    }
  };
  return {
    get(name) {
      const entry = memory.get(name);
      return read(name) ?? (entry && entry[1] > Date.now() ? entry[0] : undefined);
    },
    set(name, value, maxAge) {
      memory.set(name, [value, Date.now() + maxAge * 1000]);
      write(name, value, maxAge);
    },
    remove(name) {
      memory.delete(name);
      write(name, '', 0);
    },
  };
}
