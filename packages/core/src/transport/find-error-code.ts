// undici (Node's fetch) wraps system errors as `TypeError('fetch failed', { cause })` and names some
// socket failures with its own codes; these map them to the system codes users know.
const UNDICI_CODES: Readonly<Record<string, string>> = {
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
  UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
};

/**
 * Finds the system error code of a failed request by walking the `cause` chain (and the errors of
 * an `AggregateError`, which Node uses when every address of a host refused).
 *
 * @param error - whatever the request rejected with.
 * @returns a code such as `ECONNREFUSED`, or `undefined`.
 */
export function findErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, errors, cause } = current as {
      code?: unknown;
      errors?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && code !== 'ABORT_ERR') return UNDICI_CODES[code] ?? code;
    if (Array.isArray(errors) && errors.length > 0) {
      const inner = findErrorCode(errors[0]);
      if (inner) return inner;
    }
    current = cause;
  }
  return undefined;
}
