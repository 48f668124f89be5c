import { randomUuid } from './random-uuid';

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

/**
 * Counts one event in the id value Snowplow's JavaScript tracker keeps in `_sp_id.<hash>`, a plain
 * dotted list:
 * `domainUserId.createTs.visitCount.nowTs.lastVisitTs.sessionId.previousSessionId.firstEventId.firstEventTs.eventIndex`
 * (times in seconds, `firstEventTs` in ms). Older Snowplow values stop after a few fields; the
 * missing ones start empty. A new user starts when there is no value; a new session when
 * `sessionAlive` is false: a new id, the visit count grows, the old id becomes the previous one and
 * this event becomes the session's first.
 *
 * @param value - the stored value, if any.
 * @param sessionAlive - whether the session value (`_sp_ses.<hash>`) is still there.
 * @param eid - the event's id.
 * @param dtm - the event's device time, ms.
 * @returns the value to store, and the `client_session` data of the event.
 */
export function advanceIdCookie(
  value: string | undefined,
  sessionAlive: boolean,
  eid: string,
  dtm: number,
  storageMechanism: ClientSession['storageMechanism'],
): [value: string, session: ClientSession] {
  const now = String(Math.round(dtm / 1000));
  let [
    userId,
    createTs = now,
    visitCount = '0',
    nowTs = now,
    lastVisitTs = '',
    sessionId = '',
    previousSessionId = '',
    firstEventId = '',
    firstEventTs = '',
    eventIndex = '0',
  ] = value?.split('.') ?? [];
  if (!userId) {
    userId = randomUuid();
    createTs = now;
  }
  let visits = Number(visitCount) || 0;
  let events = Number(eventIndex) || 0;
  if (!sessionId || !sessionAlive) {
    if (sessionId) {
      previousSessionId = sessionId;
      lastVisitTs = nowTs;
    }
    visits++;
    sessionId = randomUuid();
    events = 0;
  }
  if (!events) {
    firstEventId = eid;
    firstEventTs = String(dtm);
  }
  events++;
  const firstTime = Number(firstEventTs); // NaN for a damaged value: no time rather than a throw
  const fields = [userId, createTs, visits, now, lastVisitTs, sessionId, previousSessionId];
  return [
    [...fields, firstEventId, firstEventTs, events].join('.'),
    {
      userId,
      sessionId,
      sessionIndex: visits,
      eventIndex: events,
      previousSessionId: previousSessionId || null,
      storageMechanism,
      firstEventId: firstEventId || null,
      firstEventTimestamp: firstTime ? new Date(firstTime).toISOString() : null,
    },
  ];
}
