import type { StateStorage } from '../storage/state-storage';
import type { CookieNames } from './cookie-names';
import { advanceIdCookie, type ClientSession } from './id-cookie';

/** The user's and session's ids, kept in the id and session values. */
export interface Identity {
  /**
   * Counts one event: starts a new session when the last one timed out, stamps the session's
   * first event, and writes both values back (which slides the session timeout).
   */
  touch(eid: string, dtm: number): ClientSession;
  /** Forgets the ids and deletes what was stored; the next event starts a new user. */
  clear(): void;
}

/** Two years, as Snowplow keeps its id cookie. */
const ID_MAX_AGE_S = 63_072_000;

/**
 * Creates the identity keeper. It re-reads the stored values on every event, so tabs sharing the
 * cookie, and Snowplow's tracker on other pages, see one session.
 */
export function createIdentity(
  storage: StateStorage,
  names: CookieNames,
  sessionTimeoutMs: number,
  mechanism: ClientSession['storageMechanism'],
): Identity {
  return {
    touch(eid, dtm) {
      const alive = !!storage.get(names.session);
      const [value, session] = advanceIdCookie(storage.get(names.id), alive, eid, dtm, mechanism);
      storage.set(names.id, value, ID_MAX_AGE_S);
      storage.set(names.session, '*', Math.round(sessionTimeoutMs / 1000));
      return session;
    },
    clear() {
      storage.remove(names.id);
      storage.remove(names.session);
    },
  };
}
