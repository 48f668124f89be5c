import type { AbortSignalLike } from './runtime-globals';

/** One HTTP request an emitter wants made. */
export interface TransportRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body bytes' text (POST only). */
  readonly body?: string;
  /**
   * The body as UTF-8 bytes, set instead of {@link body} for transports that take bytes
   * ({@link Transport.acceptsBytes}): the emitter wrote them while the previous request was in
   * flight and only stamped this attempt's `stm` into them. The array belongs to the emitter and
   * may be stamped again for a later attempt once this one has settled.
   */
  readonly bodyBytes?: Uint8Array;
  /** Abort the request after this many milliseconds; the promise then rejects with a timeout. */
  readonly timeoutMs: number;
  /** Ask the runtime to finish the request even if the page goes away (browsers). */
  readonly keepalive?: boolean;
  /**
   * Aborts the request when signalled (the emitter's own timeout, or shutdown). A transport then
   * rejects with a `TransportError`. Optional for transports written before it existed. The
   * emitter's signal is an {@link AbortSignalLike}, not a platform `AbortSignal`: a transport that
   * passes it to `fetch` bridges it to an `AbortController` of its own (see `makeFetchTransport`).
   */
  readonly signal?: AbortSignalLike;
  /**
   * Called at most once, when the whole request (body included) has been handed to the network,
   * by transports that say so with {@link Transport.reportsSent}. The emitter keeps its books
   * then, so that work never holds up the bytes of the request.
   */
  readonly onSent?: () => void;
}

/** What the emitter needs from an answer. The body is never buffered whole. */
export interface TransportResponse {
  readonly status: number;
  /** Response headers with lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Makes HTTP requests for an emitter. A transport reports the status it got; it rejects only when
 * no status arrived (network error, timeout, abort), with a `TransportError`.
 */
export interface Transport {
  makeRequest(request: TransportRequest): Promise<TransportResponse>;
  /** Whether {@link makeRequest} calls `request.onSent` once the request is written. */
  readonly reportsSent?: boolean;
  /**
   * Whether {@link makeRequest} sends `request.bodyBytes` when it is set. The emitter then prepares
   * a POST body as bytes ahead of its turn, and the request leaves sooner after the answer before.
   */
  readonly acceptsBytes?: boolean;
  /** Releases sockets and agents. */
  close?(): void | Promise<void>;
}
