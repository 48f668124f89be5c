import { TransportError } from '@floe/core';

// undici names socket failures with its own codes; these map the ones that mean a lost or cut
// connection to the system codes users (and reliability.md) know.
const UNDICI_CODES: Readonly<Record<string, string>> = {
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
  UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
};

/**
 * Finds the system error code of a failed request: on the error, its `cause`, or the first error
 * of an `AggregateError` (Node tries every address of a host and reports all their failures).
 * A socket error undici wraps keeps its own code in `cause` (`ECONNRESET` behind
 * `UND_ERR_SOCKET`), which wins over undici's.
 */
export function systemCodeOf(error: unknown): string | undefined {
  let found: string | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code, errors, cause } = current as {
      code?: unknown;
      errors?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string') {
      if (!code.startsWith('UND_ERR_')) return code;
      found ??= UNDICI_CODES[code] ?? code;
    } else if (Array.isArray(errors) && errors.length > 0) {
      return systemCodeOf(errors[0]) ?? found;
    }
    current = cause;
  }
  return found;
}

/**
 * Turns what a request rejected with into core's {@link TransportError}, keeping the system code
 * (`ECONNRESET`, `ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`, `EPIPE`, TLS codes such as
 * `DEPTH_ZERO_SELF_SIGNED_CERT`…, or undici's own `UND_ERR_…` code when there is no system one)
 * as `causeCode` and the original error as `cause`.
 *
 * @param error - what the request rejected with.
 * @param target - `METHOD origin`, for the message.
 */
export function toTransportError(error: unknown, target: string): TransportError {
  if (error instanceof TransportError) return error;
  const causeCode = systemCodeOf(error);
  const text = error instanceof Error && error.message ? error.message : String(error);
  const prefix = causeCode && !text.includes(causeCode) ? `${causeCode} ` : '';
  return new TransportError(`${target}: ${prefix}${text}`, { causeCode, cause: error });
}
