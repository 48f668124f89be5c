/**
 * The id value Snowplow's JavaScript tracker keeps in `_sp_id.<hash>`, field by field. Times
 * marked "s" are seconds since the epoch, as Snowplow writes them; `firstEventTs` is in ms.
 */
export interface IdCookie {
  domainUserId: string;
  /** When the id was created (s). */
  createTs: number;
  /** Sessions so far; the current session's index (`vid`). */
  visitCount: number;
  /** The last event's time (s). */
  nowTs: number;
  /** When the previous session was last active (s); empty before a second session. */
  lastVisitTs: string;
  sessionId: string;
  previousSessionId: string;
  firstEventId: string;
  firstEventTs: string;
  /** Events so far in this session. */
  eventIndex: number;
}

/**
 * Reads the dotted layout
 * `domainUserId.createTs.visitCount.nowTs.lastVisitTs.sessionId.previousSessionId.firstEventId.firstEventTs.eventIndex`.
 * Older Snowplow cookies stop after a few fields; the missing ones start empty.
 *
 * @returns the fields, or `undefined` when there is no usable domain user id.
 */
export function parseIdCookie(value: string | undefined): IdCookie | undefined {
  const [duid, created, visits, now, last, sid, prev, firstId, firstTs, index] = (
    value ?? ''
  ).split('.');
  if (!duid) return undefined;
  const int = (text: string | undefined) => Number.parseInt(text ?? '', 10) || 0;
  return {
    domainUserId: duid,
    createTs: int(created),
    visitCount: int(visits),
    nowTs: int(now),
    lastVisitTs: last ?? '',
    sessionId: sid ?? '',
    previousSessionId: prev ?? '',
    firstEventId: firstId ?? '',
    firstEventTs: firstTs ?? '',
    eventIndex: int(index),
  };
}

/** Writes the dotted layout {@link parseIdCookie} reads. */
export function serializeIdCookie(id: IdCookie): string {
  return [
    id.domainUserId,
    id.createTs,
    id.visitCount,
    id.nowTs,
    id.lastVisitTs,
    id.sessionId,
    id.previousSessionId,
    id.firstEventId,
    id.firstEventTs,
    id.eventIndex,
  ].join('.');
}
