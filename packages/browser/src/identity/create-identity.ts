import type { CookieNames } from './cookie-names';
import { type IdCookie, parseIdCookie, serializeIdCookie } from './id-cookie';
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
      const nowS = Math.round(dtm / 1000);
      // Every storage kind falls back to memory, so a page with blocked storage keeps one user.
      const id: IdCookie = parseIdCookie(storage.get(names.id)) ?? {
        domainUserId: randomUuid(),
        createTs: nowS,
        visitCount: 0,
        nowTs: nowS,
        lastVisitTs: '',
        sessionId: '',
        previousSessionId: '',
        firstEventId: '',
        firstEventTs: '',
        eventIndex: 0,
      };
      if (!id.sessionId || storage.get(names.session) === undefined) {
        // A new session: the session value is missing or expired.
        if (id.sessionId) {
          id.previousSessionId = id.sessionId;
          id.lastVisitTs = String(id.nowTs);
        }
        id.visitCount++;
        id.sessionId = randomUuid();
        id.eventIndex = 0;
      }
      if (id.eventIndex === 0) {
        id.firstEventId = eid;
        id.firstEventTs = String(dtm);
      }
      id.eventIndex++;
      id.nowTs = nowS;
      storage.set(names.id, serializeIdCookie(id), ID_MAX_AGE_S);
      storage.set(names.session, '*', Math.round(sessionTimeoutMs / 1000));
      return {
        userId: id.domainUserId,
        sessionId: id.sessionId,
        sessionIndex: id.visitCount,
        eventIndex: id.eventIndex,
        previousSessionId: id.previousSessionId || null,
        storageMechanism: mechanism,
        firstEventId: id.firstEventId || null,
        firstEventTimestamp: id.firstEventTs
          ? new Date(Number(id.firstEventTs)).toISOString()
          : null,
      };
    },
    clear() {
      storage.remove(names.id);
      storage.remove(names.session);
    },
  };
}
