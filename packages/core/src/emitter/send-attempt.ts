import { TransportError } from '../errors/transport-error';
import type { QueuedPayload } from '../store/event-store';
import { type AbortControllerLike, runtimeGlobals } from '../transport/fetch-types';
import { findErrorCode } from '../transport/find-error-code';
import type { TransportRequest, TransportResponse } from '../transport/transport';
import { buildRequest } from './build-request';
import { followRedirect } from './follow-redirect';
import type { ResolvedOptions } from './resolve-options';

/** What one attempt produced: a status, or the error that stopped it before any status. */
export type AttemptOutcome = TransportResponse | { readonly error: TransportError };

/**
 * Makes one attempt and never rejects. The timeout runs on the emitter's clock, not only in the
 * transport, so a transport that ignores its signal cannot stall the emitter, and fake clocks
 * control it in tests; it covers the whole attempt, redirect hop included. A 307/308 is followed
 * once, rebuilt with a fresh `stm` (see {@link followRedirect}).
 *
 * @param controllers - the abort controllers of attempts in flight, so shutdown can cut them.
 */
export async function sendAttempt(
  options: ResolvedOptions,
  events: readonly QueuedPayload[],
  controllers: Set<AbortControllerLike>,
): Promise<AttemptOutcome> {
  const { clock, timeoutMs } = options;
  const controller = new runtimeGlobals.AbortController();
  let timedOut = false;
  const timer = clock.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  controllers.add(controller);
  try {
    const request = buildRequest(options, events, controller.signal);
    const response = await sendOnce(options, request);
    const hop = followRedirect(request, response);
    if (hop instanceof TransportError) return { error: hop };
    if (!hop) return response;
    return await sendOnce(options, buildRequest(options, events, controller.signal, hop));
  } catch (error) {
    if (!timedOut) return { error: toTransportError(error) };
    const message = `request timed out after ${timeoutMs} ms`;
    return { error: new TransportError(message, { timeout: true, causeCode: 'ETIMEDOUT' }) };
  } finally {
    clock.clearTimeout(timer);
    controllers.delete(controller);
  }
}

// Settles on the signal too, whether or not the transport listens to it.
function sendOnce(options: ResolvedOptions, request: TransportRequest) {
  return new Promise<TransportResponse>((resolve, reject) => {
    const { signal } = request;
    signal.addEventListener(
      'abort',
      () => reject(new TransportError('request aborted', { causeCode: 'ABORTED' })),
      {
        once: true,
      },
    );
    options.transport
      .send(request)
      .then(
        (response) => resolve({ status: response.status, headers: response.headers ?? {} }),
        reject,
      );
  });
}

/** Wraps anything a transport threw in a {@link TransportError}. */
export function toTransportError(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError(`transport failed: ${message}`, {
    causeCode: findErrorCode(error),
    cause: error,
  });
}
