/** The part of a platform `AbortSignal` a transport may use; a real `AbortSignal` fits it. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** One HTTP request an emitter wants made. */
export interface TransportRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** Request headers; the emitter has already applied its redirect and credential rules. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body text (POST only). */
  readonly body?: string;
  /**
   * Aborts the request when signalled (the emitter's timeout, or shutdown). It is the signal of a
   * platform `AbortController`, typed structurally because core compiles without DOM or Node types.
   */
  readonly signal: AbortSignalLike;
  /** Ask the runtime to finish the request even if the page goes away (browsers). */
  readonly keepalive?: boolean;
}

/** What the emitter needs from an answer. The body is never buffered whole. */
export interface TransportResponse {
  readonly status: number;
  /** Response headers with lower-case names (`retry-after`, `location`…). */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Makes HTTP requests for an emitter: one `send` per attempt. A transport reports the status it
 * got, 3xx included: it never follows a redirect itself, because the emitter owns the redirect
 * policy (decision 29). It rejects only when no status arrived (network error, timeout, abort),
 * with a `TransportError`.
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Releases sockets and agents. */
  close?(): void | Promise<void>;
}
