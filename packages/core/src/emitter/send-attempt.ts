import type { TransportError } from '../errors/transport-error';
import type { Clock } from '../platform/clock';
import type { QueuedPayload } from '../store/event-store';
import { type AbortControllerLike, runtimeGlobals } from '../transport/fetch-types';
import { toTransportError } from '../transport/to-transport-error';
import type { Transport, TransportRequest, TransportResponse } from '../transport/transport';
import { buildRequest, type RequestSettings } from './build-request';
import { followRedirect } from './follow-redirect';

/** What one attempt produced: a status, or the error that stopped it before any status. */
export type AttemptOutcome = TransportResponse | { readonly error: TransportError };

/** What an attempt needs beyond the request settings. */
export interface AttemptSettings extends RequestSettings {
  readonly transport: Transport;
  readonly clock: Clock;
  /** The deadline of one attempt, redirect hop included. */
  readonly timeoutMs: number;
}

/**
 * Makes one attempt: a request and at most one redirect hop, under one deadline. Never rejects.
 *
 * The deadline runs on the emitter's clock, not only in the transport, so a transport that
 * ignores its signal cannot stall the emitter and fake clocks control it in tests. It aborts with
 * a reason named `TimeoutError`, which transports read as a timeout. A 307/308 is followed once,
 * rebuilt with a fresh `stm` (see follow-redirect.ts).
 *
 * @param events - the batch, oldest first.
 * @param controllers - the attempts in flight; this one's controller is in it while it runs, so
 *   shutdown can cut it.
 */
export async function sendAttempt(
  events: readonly QueuedPayload[],
  settings: AttemptSettings,
  controllers: Set<AbortControllerLike>,
): Promise<AttemptOutcome> {
  const { clock } = settings;
  const controller = new runtimeGlobals.AbortController();
  const { signal } = controller;
  const timer = clock.setTimeout(() => {
    controller.abort(new runtimeGlobals.DOMException('request timed out', 'TimeoutError'));
  }, settings.timeoutMs);
  controllers.add(controller);
  // Settles on the signal too, whether or not the transport listens to it.
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', reject, { once: true });
  });
  const send = (request: TransportRequest) =>
    Promise.race([settings.transport.send(request), aborted]);
  try {
    const request = buildRequest(events, signal, settings, String(clock.now()));
    const response = await send(request);
    const hop = followRedirect(request, response);
    return hop
      ? await send(buildRequest(events, signal, settings, String(clock.now()), hop))
      : response;
  } catch (error) {
    return { error: toTransportError(error, signal) };
  } finally {
    clock.clearTimeout(timer);
    controllers.delete(controller);
  }
}
