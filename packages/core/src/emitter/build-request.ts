import type { FloeError } from '../errors/floe-error';
import type { QueuedEvent } from '../store/event-store';
import type { AbortSignalLike } from '../transport/runtime-globals';
import type { TransportRequest } from '../transport/transport';
import type { Batch } from './batch';
import { buildGetPath, MAX_GET_PATH_BYTES } from './get-path';
import { buildPostBody, countFitting } from './post-body';
import { getTooLarge } from './prepare-event';
import { stampBody } from './prepared-body';
import type { ResolvedOptions } from './resolve-options';

/** The request for one attempt, and the events that did not fit, if any. */
export interface BuiltRequest {
  readonly request: TransportRequest;
  /** Events cut off the batch because this attempt's `stm` made the body too large. */
  readonly overflow: readonly QueuedEvent[];
}

/** What an attempt adds to its request: the abort signal and the "sent" callback. */
export interface AttemptExtras {
  readonly signal?: AbortSignalLike;
  readonly onSent?: () => void;
}

const NO_EVENTS: readonly QueuedEvent[] = Object.freeze([]);

/**
 * Builds one attempt's request with `stm` stamped now. GET sends the batch's single event to `/i`
 * unless its path and query would pass 20,000 B, in which case it goes by POST (or, when POST is
 * not allowed, the result is the error that drops it). `url` replaces the target when a redirect
 * is followed. POST bodies are cut to `maxPostBytes` exactly; the cut can only bite when
 * `stm` grew a digit since the batch was formed (fake clocks), and the overflow is sent next.
 *
 * @param extras - the attempt's signal and sent callback, set on the request as it is made:
 *   this runs between an answer and the next request, so it copies no object to add them.
 */
export function buildRequest(
  options: ResolvedOptions,
  batch: Batch,
  stm: string,
  url?: string,
  extras: AttemptExtras = {},
): BuiltRequest | FloeError {
  const first = batch.events[0] as QueuedEvent;
  if (options.method === 'GET' && batch.events.length === 1) {
    const path = buildGetPath(options.pathPrefix, first.payload, stm);
    if (path.length <= MAX_GET_PATH_BYTES) {
      const request: TransportRequest = {
        method: 'GET',
        url: url ?? options.origin + path,
        headers: { ...options.headers },
        timeoutMs: options.timeoutMs,
        keepalive: options.keepalive,
        signal: extras.signal,
        onSent: extras.onSent,
      };
      return { request, overflow: NO_EVENTS };
    }
    if (!options.postFallback) {
      return getTooLarge(path.length);
    }
  }
  const fitting = countFitting(batch.events, options.maxPostBytes, stm.length);
  const whole = fitting === batch.events.length;
  const prepared =
    batch.body !== undefined && batch.body.events === fitting && whole
      ? stampBody(batch.body, stm)
      : undefined;
  const request: TransportRequest = {
    method: 'POST',
    url: url ?? options.postUrl,
    // A copy each time: a transport may treat the object as its own.
    headers: { ...options.postHeaders },
    body:
      prepared === undefined
        ? buildPostBody(whole ? batch.events : batch.events.slice(0, fitting), stm, batch.texts)
        : undefined,
    bodyBytes: prepared,
    timeoutMs: options.timeoutMs,
    keepalive: options.keepalive,
    signal: extras.signal,
    onSent: extras.onSent,
  };
  return { request, overflow: whole ? NO_EVENTS : batch.events.slice(fitting) };
}
