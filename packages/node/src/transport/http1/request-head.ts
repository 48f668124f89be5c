/** A header name or value Node's HTTP client would refuse too (RFC 9110 §5.1, §5.5). */
export class InvalidHeaderError extends Error {
  readonly code = 'ERR_INVALID_CHAR';
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Field values: visible characters, spaces, tabs and obs-text; never CR, LF or NUL, which would
// let a value end the header and start another.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
// Set by the transport from the request itself; a caller's copy would contradict it.
const OWN_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

/** What one request's head says besides the caller's headers. */
export interface RequestLine {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  /** The `Host` header: host name (IPv6 in brackets) and the port unless it is the default. */
  readonly host: string;
  /** Body bytes, or undefined for a request without a body. */
  readonly contentLength: number | undefined;
  readonly keepAlive: boolean;
}

/**
 * Writes an HTTP/1.1 request head: request line, `Host`, the caller's headers, `Content-Length`
 * and `Connection`, then the blank line. The caller's `Host`, `Content-Length`, `Connection` and
 * `Transfer-Encoding` are ignored: the transport frames the request itself.
 *
 * @returns the head as Latin-1 text (every character one byte).
 * @throws InvalidHeaderError for a header name that is not a token or a value with CR, LF, NUL
 *   or characters above U+00FF.
 */
export function requestHead(line: RequestLine, headers: Readonly<Record<string, string>>): string {
  let head = `${line.method} ${line.path} HTTP/1.1\r\nHost: ${line.host}\r\n`;
  for (const name in headers) {
    if (OWN_HEADERS.has(name.toLowerCase())) continue;
    const value = headers[name] as string;
    if (!TOKEN.test(name))
      throw new InvalidHeaderError(`invalid header name ${JSON.stringify(name)}`);
    if (!FIELD_VALUE.test(value)) {
      throw new InvalidHeaderError(`invalid character in header ${JSON.stringify(name)}`);
    }
    head += `${name}: ${value}\r\n`;
  }
  if (line.contentLength !== undefined) head += `Content-Length: ${line.contentLength}\r\n`;
  head += line.keepAlive ? 'Connection: keep-alive\r\n\r\n' : 'Connection: close\r\n\r\n';
  return head;
}
