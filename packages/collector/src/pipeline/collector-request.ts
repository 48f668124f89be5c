/**
 * One HTTP request to an event route, as the pipeline sees it. The HTTP server builds it after
 * reading the body; `ingest` accepts it directly, so other servers (fault injection) and tests
 * can feed requests without a socket.
 */
export interface CollectorRequest {
  /** `GET`, `POST`, `HEAD`… */
  readonly method: string;
  /** Path and query exactly as received, e.g. `/i?e=pv&url=…`. */
  readonly target: string;
  /** Header name/value pairs in arrival order (names in their original case). */
  readonly headers: readonly (readonly [string, string])[];
  /** The request body bytes, if any. */
  readonly body?: Uint8Array | null;
  /** The peer address of the socket. */
  readonly remoteAddress?: string | null;
}
