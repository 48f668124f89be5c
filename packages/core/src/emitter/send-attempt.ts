import type { Clock } from '../platform/clock';
import { type AbortControllerLike, runtimeGlobals } from '../transport/runtime-globals';
import type { Transport, TransportRequest } from '../transport/transport';
import { TransportError } from '../transport/transport-error';
import { findErrorCode } from '../transport/transport-error-code';

/** What one attempt produced: a status, or the error that stopped it before any status. */
export type AttemptOutcome =
  | { readonly status: number; readonly headers: Readonly<Record<string, string>> }
  | { readonly error: TransportError };

/** What {@link sendAttempt} needs from its emitter. */
export interface AttemptContext {
  readonly transport: Transport;
  readonly clock: Clock;
  /** Abort controllers of requests in flight, so shutdown can cut them. */
  readonly inFlight: Set<{ abort(reason?: unknown): void }>;
}

/**
 * Makes one attempt and never rejects. The timeout is enforced here on the emitter's clock, not
 * only by the transport, so a transport that ignores its deadline cannot stall the emitter and
 * fake clocks control it in tests. A 307/308 is followed once with the same method and events
 * (tracker protocol §6.1), rebuilt so the second request carries its own fresh `stm`; any other
 * 3xx is returned as is and counts as a retryable failure.
 *
 * @param controller - aborts the attempt (its timeout, or shutdown); `request` carries its signal.
 * @param request - the request, built with `controller.signal`.
 * @param rebuild - builds the request again, to the given URL, when a redirect is followed.
 */
export async function sendAttempt(
  context: AttemptContext,
  controller: AbortControllerLike,
  request: TransportRequest,
  rebuild: (url: string) => TransportRequest,
): Promise<AttemptOutcome> {
  const outcome = await sendOnce(context, controller, request);
  if (!('status' in outcome) || (outcome.status !== 307 && outcome.status !== 308)) return outcome;
  const location = outcome.headers['location'];
  if (!location) return outcome;
  let url: string;
  try {
    url = new runtimeGlobals.URL(location, request.url).href;
  } catch {
    return outcome;
  }
  return sendOnce(context, controller, rebuild(url));
}

function sendOnce(
  context: AttemptContext,
  controller: AbortControllerLike,
  request: TransportRequest,
): Promise<AttemptOutcome> {
  return new Promise<AttemptOutcome>((resolve) => {
    context.inFlight.add(controller);
    let settled = false;
    const done = (outcome: AttemptOutcome): void => {
      if (settled) return;
      settled = true;
      context.clock.clearTimeout(timer);
      context.inFlight.delete(controller);
      resolve(outcome);
    };
    const timer = context.clock.setTimeout(() => {
      const message = `request timed out after ${request.timeoutMs} ms`;
      done({ error: new TransportError(message, { timeout: true, causeCode: 'ETIMEDOUT' }) });
      controller.abort();
    }, request.timeoutMs);
    // Shutdown aborts through the controller; settle even if the transport ignores its signal.
    controller.signal.addEventListener('abort', () =>
      done({ error: new TransportError('request aborted', { causeCode: 'ABORTED' }) }),
    );
    try {
      context.transport.makeRequest(request).then(
        (response) => done({ status: response.status, headers: response.headers ?? {} }),
        (error: unknown) => done({ error: toTransportError(error) }),
      );
    } catch (error) {
      done({ error: toTransportError(error) });
    }
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
