import type { CookieNames } from './cookie-names';
import { ID, type IdCookie, parseIdCookie } from './id-cookie';
import { randomUuid } from './random-uuid';
import type { StateStorage } from './state-storage';

/** The `client_session` 1-0-2 entity's data. */
export interface ClientSession {
  readonly userId: string;
  readonly sessionId: string;
  readonly sessionIndex: number;
  readonly eventIndex: number;
  readonly previousSessionId: string | null;
  readonly storageMechanism: 'COOKIE_1' | 'LOCAL_STORAGE';
  readonly firstEventId: string | null;
  readonly firstEventTimestamp: string | null;
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
}

/** Two years, as Snowplow keeps its id cookie. */
const ID_MAX_AGE_S = 63_072_000;

/**
 * Creates the identity keeper. It re-reads the stored values on every event, so tabs sharing the
 * cookie, and Snowplow's tracker on other pages, see one session. Every storage kind falls back to
 * memory, so a page with blocked storage keeps one user.
 */
export function createIdentity(
  storage: StateStorage,
  names: CookieNames,
  sessionTimeoutMs: number,
  mechanism: ClientSession['storageMechanism'],
): Identity {
  return {
    touch(eid, dtm) {
      const now = String(Math.round(dtm / 1000));
      const id: IdCookie = parseIdCookie(storage.get(names.id)) ?? [
        randomUuid(),
        now,
        0,
        now,
        '',
        '',
        '',
        '',
        '',
        0,
      ];
      if (!id[ID.sessionId] || !storage.get(names.session)) {
        // A new session: the session value is missing or expired.
        if (id[ID.sessionId]) {
          id[ID.previousSessionId] = id[ID.sessionId];
          id[ID.lastVisitTs] = id[ID.nowTs];
        }
        id[ID.visitCount]++;
        id[ID.sessionId] = randomUuid();
        id[ID.eventIndex] = 0;
      }
      if (!id[ID.eventIndex]) {
        id[ID.firstEventId] = eid;
        id[ID.firstEventTs] = String(dtm);
      }
      id[ID.eventIndex]++;
      id[ID.nowTs] = now;
      storage.set(names.id, id.join('.'), ID_MAX_AGE_S);
      storage.set(names.session, '*', Math.round(sessionTimeoutMs / 1000));
      return {
        userId: id[0],
        sessionId: id[ID.sessionId],
        sessionIndex: id[ID.visitCount],
        eventIndex: id[ID.eventIndex],
        previousSessionId: id[ID.previousSessionId] || null,
        storageMechanism: mechanism,
        firstEventId: id[ID.firstEventId] || null,
        firstEventTimestamp: id[ID.firstEventTs]
          ? new Date(Number(id[ID.firstEventTs])).toISOString()
          : null,
      };
    },
    clear() {
      storage.remove(names.id);
      storage.remove(names.session);
    },
  };
}
