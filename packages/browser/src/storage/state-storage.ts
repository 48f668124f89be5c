import { tryStorage } from './try-storage';

/** Where the tracker keeps the id and session values: first-party cookies, `localStorage`, or nowhere (this page only). */
export type StateStorageKind = 'cookie' | 'localStorage' | 'none';

/** Where the id and session values live, and the attributes of the cookies the tracker writes. */
export interface CookieOptions {
  /** Where the id and session values live. Default `cookie`. */
  readonly storage?: StateStorageKind;
  /**
   * Cookie `Domain`, e.g. `.example.com` to share ids across subdomains; host-only when absent.
   * Also part of the cookie names' hash.
   */
  readonly cookieDomain?: string;
  /** Cookie `Path`. Default `/`. Also part of the cookie names' hash. */
  readonly cookiePath?: string;
  /** Cookie `SameSite`. Default `Lax`. */
  readonly cookieSameSite?: 'Strict' | 'Lax' | 'None';
  /** Cookie `Secure`. Default: on for pages served over https. */
  readonly cookieSecure?: boolean;
}

/** A small key-value place with expiry, behind each {@link StateStorageKind}. */
export interface StateStorage {
  get(name: string): string | undefined;
  /**
   * Writes `value`, expiring after `maxAgeSeconds`; `0` deletes it, and is written at once even
   * while `durable()` is false, since a deletion must never wait for consent.
   */
  set(name: string, value: string, maxAgeSeconds: number): void;
  /** Writes the values kept in memory while `durable()` was false, once it is true (consent arrived). */
  persist(): void;
}

/**
 * Builds the storage for the id and session values. Cookie and `localStorage` layouts are
 * Snowplow's: a cookie with `Max-Age`, or a `localStorage` key plus `<key>.expires` in epoch ms,
 * so either tracker reads what the other wrote.
 *
 * Every value is also kept in memory, for two reasons: storage that throws or is blocked (a
 * sandboxed frame, cookies off) keeps one user for the page instead of breaking `track`; and
 * while `durable()` is false (consent pending) values live only there, so no cookie is written
 * until the user agrees, and then {@link StateStorage.persist} keeps the ids the held events carry.
 */
export function createStateStorage(options: CookieOptions, durable: () => boolean): StateStorage {
  const { storage: kind = 'cookie', cookieDomain, cookieSecure } = options;
  const memory = new Map<string, [value: string, expiresAt: number]>();
  const attributes = `; Path=${options.cookiePath ?? '/'}${cookieDomain ? `; Domain=${cookieDomain}` : ''}; SameSite=${options.cookieSameSite ?? 'Lax'}${(cookieSecure ?? location.protocol === 'https:') ? '; Secure' : ''}`;
  const read = (name: string) =>
    tryStorage(() =>
      kind === 'cookie'
        ? document.cookie
            .split('; ')
            .find((pair) => pair.startsWith(`${name}=`))
            ?.slice(name.length + 1)
        : kind === 'localStorage' && Number(localStorage.getItem(`${name}.expires`)) > Date.now()
          ? (localStorage.getItem(name) ?? undefined)
          : undefined,
    );
  const write = (name: string, value: string, maxAge: number) =>
    tryStorage(() => {
      if (kind === 'cookie') {
        // biome-ignore lint/suspicious/noDocumentCookie: the async Cookie Store API is missing in Firefox and Safari, and `track` is synchronous.
        document.cookie = `${name}=${value}; Max-Age=${maxAge}${attributes}`;
      } else if (kind === 'localStorage') {
        const expiresName = `${name}.expires`;
        if (maxAge > 0) {
          localStorage.setItem(name, value);
          localStorage.setItem(expiresName, String(Date.now() + maxAge * 1000));
        } else {
          localStorage.removeItem(name);
          localStorage.removeItem(expiresName);
        }
      }
    });
  const remembered = (name: string) => {
    const entry = memory.get(name);
    return entry && entry[1] > Date.now() ? entry[0] : undefined;
  };
  return {
    // Durable values first: another tab, or Snowplow's tracker on another page, may have moved on.
    get: (name) =>
      durable() ? (read(name) ?? remembered(name)) : (remembered(name) ?? read(name)),
    set(name, value, maxAge) {
      memory.set(name, [value, Date.now() + maxAge * 1000]);
      if (durable() || !maxAge) write(name, value, maxAge);
    },
    persist() {
      for (const [name, [value, expiresAt]] of memory) {
        const maxAge = Math.round((expiresAt - Date.now()) / 1000);
        if (maxAge > 0) write(name, value, maxAge);
      }
    },
  };
}
