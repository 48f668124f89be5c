/**
 * The id value Snowplow's JavaScript tracker keeps in `_sp_id.<hash>`, as its dotted fields:
 * `domainUserId.createTs.visitCount.nowTs.lastVisitTs.sessionId.previousSessionId.firstEventId.firstEventTs.eventIndex`.
 * A tuple rather than an object because the names would survive minification in every bundle;
 * {@link ID} names the positions. Times are seconds since the epoch, `firstEventTs` is in ms.
 */
export type IdCookie = [
  domainUserId: string,
  createTs: string,
  visitCount: number,
  nowTs: string,
  lastVisitTs: string,
  sessionId: string,
  previousSessionId: string,
  firstEventId: string,
  firstEventTs: string,
  eventIndex: number,
];

/** Positions in an {@link IdCookie}. */
export const ID = {
  visitCount: 2,
  nowTs: 3,
  lastVisitTs: 4,
  sessionId: 5,
  previousSessionId: 6,
  firstEventId: 7,
  firstEventTs: 8,
  eventIndex: 9,
} as const;

/**
 * Reads the dotted value. Older Snowplow values stop after a few fields; the missing ones start
 * empty (counts at 0).
 *
 * @returns the fields, or `undefined` when there is no domain user id.
 */
export function parseIdCookie(value: string | undefined): IdCookie | undefined {
  const fields = (value ?? '').split('.');
  if (!fields[0]) return undefined;
  const id = Array.from({ length: 10 }, (_, i) => fields[i] ?? '') as unknown as IdCookie;
  id[ID.visitCount] = Number(id[ID.visitCount]) || 0;
  id[ID.eventIndex] = Number(id[ID.eventIndex]) || 0;
  return id;
}
