import { TransportError } from '@floe/core';

/**
 * The {@link TransportError} for a request its signal cut. A signal aborted with a reason named
 * `TimeoutError` (what `AbortSignal.timeout()` gives, and what the emitter uses for its request
 * deadline) is a timeout; any other abort (shutdown) is not.
 *
 * @param signal - the request's signal, already aborted.
 * @param target - `METHOD origin`, for the message.
 */
export function abortError(signal: object, target: string): TransportError {
  const reason = (signal as { reason?: unknown }).reason;
  const timeout = (reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
  return timeout
    ? new TransportError(`${target}: no answer before the request's deadline`, {
        timeout: true,
        causeCode: 'ETIMEDOUT',
        cause: reason,
      })
    : new TransportError(`${target}: request aborted`, { causeCode: 'ABORT_ERR', cause: reason });
}
