import { TransportError } from '@floe/core';

/** Finds a system error code on an error, its `cause`, or the first of an `AggregateError`. */
export function systemCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code, errors, cause } = current as {
      code?: unknown;
      errors?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string') return code;
    // Node tries every address of a host (happy eyeballs) and reports an AggregateError when all
    // of them fail; the first one's code is the useful one (ECONNREFUSED…).
    if (Array.isArray(errors) && errors.length > 0) return systemCodeOf(errors[0]);
    current = cause;
  }
  return undefined;
}

/**
 * Turns a `node:http` request error into core's {@link TransportError}, keeping the system code
 * (`ECONNRESET`, `ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`, `EPIPE`, TLS codes such as
 * `DEPTH_ZERO_SELF_SIGNED_CERT`…) as `causeCode` and the original error as `cause`.
 *
 * @param error - what the request emitted.
 * @param target - `METHOD origin`, for the message.
 */
export function toTransportError(error: unknown, target: string): TransportError {
  if (error instanceof TransportError) return error;
  const causeCode = systemCodeOf(error);
  const text = error instanceof Error && error.message ? error.message : String(error);
  return new TransportError(
    `${target}: ${causeCode && !text.includes(causeCode) ? `${causeCode} ` : ''}${text}`,
    {
      causeCode,
      cause: error,
    },
  );
}
