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
 * so either tracker reads what the other wrote. Storage that throws (blocked cookies, a sandboxed
 * frame) falls back to memory for this page instead of breaking `track`.
 */
export function createStateStorage(
  kind: StateStorageKind,
  cookie: CookieOptions = {},
): StateStorage {
  const memory = new Map<string, [string, number]>();
  const inMemory: StateStorage = {
    get: (name) => {
      const entry = memory.get(name);
      return entry && entry[1] > Date.now() ? entry[0] : undefined;
    },
    set: (name, value, maxAge) => void memory.set(name, [value, Date.now() + maxAge * 1000]),
    remove: (name) => void memory.delete(name),
  };
  const attempt = <T>(write: () => T, fallback: () => T): T => {
    try {
      return write();
    } catch {
      return fallback();
    }
  };
  if (kind === 'cookie') {
    const path = cookie.path ?? '/';
    const attributes = `; Path=${path}${cookie.domain ? `; Domain=${cookie.domain}` : ''}; SameSite=${cookie.sameSite ?? 'Lax'}${(cookie.secure ?? location.protocol === 'https:') ? '; Secure' : ''}`;
    const write = (name: string, value: string, maxAge: number): void => {
      // biome-ignore lint/suspicious/noDocumentCookie: the async Cookie Store API is missing in Firefox and Safari, and `track` is synchronous.
      document.cookie = `${name}=${value}; Max-Age=${maxAge}${attributes}`;
    };
    return {
      get: (name) =>
        attempt(
          () => {
            for (const pair of document.cookie.split('; ')) {
              if (pair.startsWith(`${name}=`))
                return decodeURIComponent(pair.slice(name.length + 1));
            }
            return inMemory.get(name);
          },
          () => inMemory.get(name),
        ),
      set: (name, value, maxAge) => {
        inMemory.set(name, value, maxAge);
        attempt(
          () => write(name, value, maxAge),
          () => undefined,
        );
      },
      remove: (name) => {
        inMemory.remove(name);
        attempt(
          () => write(name, '', 0),
          () => undefined,
        );
      },
    };
  }
  if (kind === 'localStorage') {
    return {
      get: (name) =>
        attempt(
          () => {
            const expires = Number(localStorage.getItem(`${name}.expires`));
            return expires > Date.now() ? (localStorage.getItem(name) ?? undefined) : undefined;
          },
          () => inMemory.get(name),
        ),
      set: (name, value, maxAge) => {
        inMemory.set(name, value, maxAge);
        attempt(
          () => {
            localStorage.setItem(name, value);
            localStorage.setItem(`${name}.expires`, String(Date.now() + maxAge * 1000));
          },
          () => undefined,
        );
      },
      remove: (name) => {
        inMemory.remove(name);
        attempt(
          () => {
            localStorage.removeItem(name);
            localStorage.removeItem(`${name}.expires`);
          },
          () => undefined,
        );
      },
    };
  }
  return inMemory;
}
