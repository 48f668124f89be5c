import { TransportError } from '../errors/transport-error';
import type { AbortSignalLike } from './transport';

/**
 * Turns what a failed request threw into a {@link TransportError}. A request cut by its signal is
 * a timeout when the abort reason is named `TimeoutError` (what `AbortSignal.timeout()` gives,
 * and what the emitter's deadline uses), else an abort. Anything else keeps the first system
 * `code` found on the error, its `cause` chain or an `AggregateError`'s first error
 * (`ECONNREFUSED`, `ENOTFOUND`, a TLS code…) as `causeCode`. Runtime-specific codes (undici's
 * `UND_ERR_…`) are left as they are; the Node adapter maps its own.
 *
 * @param error - what the request rejected with.
 * @param signal - the request's signal, to tell a timeout or an abort from a network failure.
 */
export function toTransportError(error: unknown, signal?: AbortSignalLike): TransportError {
  if (signal?.aborted) {
    const reason = (signal as { reason?: { name?: unknown } }).reason;
    const timeout = reason?.name === 'TimeoutError';
    return new TransportError(timeout ? 'timed out' : 'aborted', {
      timeout,
      causeCode: timeout ? 'ETIMEDOUT' : 'ABORTED',
      cause: reason,
    });
  }
  if (error instanceof TransportError) return error;
  let causeCode: string | undefined;
  let current = error as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined;
  // A few steps at most: a cause chain may be cyclic.
  for (let depth = 0; depth < 5 && !causeCode && current && typeof current === 'object'; depth++) {
    if (typeof current.code === 'string') causeCode = current.code;
    current = (current.cause ?? current.errors?.[0]) as typeof current;
  }
  return new TransportError(causeCode ?? String(error), { causeCode, cause: error });
}
