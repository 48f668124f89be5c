/** One event as a request carried it (stm included, when sent). */
export interface LoggedEvent {
  readonly eid: string;
  readonly stm: string | undefined;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** What the client got for a request. */
export type SentStatus = number | 'reset' | 'none' | 'client_aborted';

/** One request as the fault server or a scripted transport saw it (local-collector.md §10.2). */
export interface RequestLogEntry {
  readonly seq: number;
  /** Arrival time on the server's clock (ms). */
  readonly arrivedAt: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Body bytes read. */
  bytes: number;
  readonly contentType: string | undefined;
  /** The fault action applied, or `normal`. */
  action: string;
  status: SentStatus;
  /** Events parsed from the request, whether or not they were committed. */
  events: LoggedEvent[];
  /** Whether the events were stored (committed). */
  committed: boolean;
  /** Committed, but the client did not get a 2xx: a resend will duplicate these events. */
  ambiguous: boolean;
  /** Why the body was rejected as a bad row, if it was (content type, UTF-8, JSON, schema, size). */
  badRow?: string;
  /** Response body bytes the server managed to write. */
  responseBytes: number;
}

/** Anything with a request log the invariant checker can read. */
export interface DeliveryLog {
  readonly requests: readonly RequestLogEntry[];
}

/** Eids of every committed event, one entry per copy. */
export function committedEids(log: DeliveryLog): string[] {
  const eids: string[] = [];
  for (const entry of log.requests) {
    if (entry.committed) for (const event of entry.events) eids.push(event.eid);
  }
  return eids;
}
