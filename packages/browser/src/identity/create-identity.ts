import { type CookieOptions, createStateStorage } from '../storage/state-storage';
import { advanceIdCookie, type ClientSession } from './id-cookie';
import { sha1Hex } from './sha1-hex';

/** The identity's options, as `createBrowserTracker` takes them. */
export interface IdentityOptions extends CookieOptions {
  /** Cookie name prefix. Default `_sp_`, Snowplow's, so ids carry over between the trackers. */
  readonly cookiePrefix?: string;
  /** A session ends after this long without an event. Default 30 minutes. */
  readonly sessionTimeoutMs?: number;
}

/** The user's and session's ids, kept in the id and session values. */
export interface Identity {
  /**
   * Counts one event: starts a new session when the last one timed out, stamps the session's
   * first event, and writes both values back (which slides the session timeout).
   */
  touch(eid: string, dtm: number): ClientSession;
  /** Forgets the ids and deletes what was stored; the next event starts a new user. */
  clear(): void;
  /** Writes the values kept in memory while `durable()` was false, once it is true (consent arrived). */
  persist(): void;
}

/** Two years, as Snowplow keeps its id cookie. */
const ID_MAX_AGE_S = 63_072_000;

/**
 * Creates the identity keeper, with its values where `options.storage` says. It re-reads the
 * stored values on every event, so tabs sharing the cookie, and Snowplow's tracker on other pages,
 * see one session. While `durable()` is false (consent pending) it writes nothing durable.
 *
 * The values are named as Snowplow names them, so a site that switches trackers keeps its users'
 * ids (decision 33): `<prefix>id.<hash>` and `<prefix>ses.<hash>`, where the hash is the first 4
 * hex digits of SHA-1(cookie domain + cookie path), the domain being the configured one (a
 * leading `*` and a trailing `.` removed) or else the page's host name.
 */
export function createIdentity(options: IdentityOptions, durable: () => boolean): Identity {
  const { cookiePrefix = '_sp_', sessionTimeoutMs = 1_800_000 } = options;
  const domain = (options.cookieDomain ?? location.hostname)
    .replace(/^\*\./, '.')
    .replace(/\.$/, '');
  const hash = sha1Hex(domain + (options.cookiePath ?? '/')).slice(0, 4);
  const idName = `${cookiePrefix}id.${hash}`;
  const sessionName = `${cookiePrefix}ses.${hash}`;
  const mechanism = options.storage === 'localStorage' ? 'LOCAL_STORAGE' : 'COOKIE_1';
  const storage = createStateStorage(options, durable);
  return {
    touch(eid, dtm) {
      const alive = !!storage.get(sessionName);
      const [value, session] = advanceIdCookie(storage.get(idName), alive, eid, dtm, mechanism);
      storage.set(idName, value, ID_MAX_AGE_S);
      storage.set(sessionName, '*', Math.round(sessionTimeoutMs / 1000));
      return session;
    },
    clear() {
      storage.set(idName, '', 0);
      storage.set(sessionName, '', 0);
    },
    persist: storage.persist,
  };
}
