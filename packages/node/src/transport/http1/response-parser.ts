/** The status line and headers of a final (non-1xx) response. */
export interface ResponseHead {
  readonly status: number;
  /** Lower-case names; a repeated header's values joined with `, `. */
  readonly headers: Record<string, string>;
  /** Whether the connection may carry another request once this response's body is read. */
  readonly keepAlive: boolean;
}

/** A response that does not follow HTTP/1.1's syntax; the connection cannot be reused. */
export class ResponseParseError extends Error {
  readonly code = 'HPE_INVALID_RESPONSE';
}

/** What the parser reports as it reads a response. */
export interface ResponseParserEvents {
  /** The head of the final response (interim 1xx responses are skipped). */
  onHead(head: ResponseHead): void;
  /** `bytes` more bytes of the body were read (and dropped: the body is never kept). */
  onBody(bytes: number): void;
  /**
   * The whole response was read. `reusable` is false when the connection must be closed: the
   * server asked for it, the body ran to the end of the connection, or bytes followed the
   * response that no request asked for.
   */
  onComplete(reusable: boolean): void;
}

/** Bytes of a response head at most, as Node's own parser allows (16 KiB is its default). */
export const MAX_HEAD_BYTES = 64 * 1024;

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: .*)?$/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const SPACE_OR_TAB_AROUND = /^[ \t]+|[ \t]+$/g;
const CHUNK_SIZE = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/;

type State =
  | 'head'
  | 'length-body'
  | 'chunk-size'
  | 'chunk-data'
  | 'chunk-data-end'
  | 'trailers'
  | 'until-close'
  | 'done';

/**
 * An incremental parser of one HTTP/1.1 response to a request that is not `HEAD`: status line
 * and headers, then a body framed by `Content-Length`, by chunked transfer coding, or by the end
 * of the connection (RFC 9112 §6.3). It reads bytes as they arrive, in pieces of any size, and
 * keeps nothing of the body.
 */
export class ResponseParser {
  private state: State = 'head';
  private pending: Buffer | undefined;
  private remaining = 0;
  private keepAlive = false;
  private reusable = false;

  constructor(private readonly events: ResponseParserEvents) {}

  /** Whether the whole response has been read. */
  get finished(): boolean {
    return this.state === 'done';
  }

  /**
   * Reads the next bytes of the connection.
   *
   * @throws ResponseParseError for bytes that are not an HTTP/1.x response.
   */
  push(chunk: Buffer): void {
    if (this.state === 'done') return;
    let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    while (data.length > 0 && !this.finished) {
      const used = this.step(data);
      if (used < 0) {
        // The current line or head is incomplete: keep a copy for the next chunk (the chunk's
        // memory is the connection pool's read buffer, reused by the next read).
        this.pending = data === chunk ? Buffer.from(data) : data;
        if (this.state === 'head' && data.length > MAX_HEAD_BYTES) {
          throw new ResponseParseError(`response head larger than ${MAX_HEAD_BYTES} bytes`);
        }
        return;
      }
      data = data.subarray(used);
    }
    // Bytes after the response that no request asked for: its framing can't be trusted further.
    if (this.finished) this.events.onComplete(this.reusable && data.length === 0);
  }

  /**
   * The connection ended. A body that runs until the end is complete now; anything else still
   * being read is not, which the caller sees as `complete` staying false.
   */
  end(): void {
    if (this.state !== 'until-close') return;
    this.complete(false);
    this.events.onComplete(false);
  }

  // Consumes a prefix of `data` and returns its length, or -1 when more bytes are needed.
  private step(data: Buffer): number {
    switch (this.state) {
      case 'head':
        return this.readHead(data);
      case 'length-body':
      case 'chunk-data':
      case 'until-close': {
        const used =
          this.state === 'until-close' ? data.length : Math.min(this.remaining, data.length);
        this.remaining -= used;
        if (used > 0) this.events.onBody(used);
        if (this.remaining === 0 && this.state === 'length-body') this.complete(this.keepAlive);
        else if (this.remaining === 0 && this.state === 'chunk-data') this.state = 'chunk-data-end';
        return used;
      }
      case 'chunk-data-end': {
        if (data.length < 2) return -1;
        if (data[0] !== 13 || data[1] !== 10) throw new ResponseParseError('chunk without CRLF');
        this.state = 'chunk-size';
        return 2;
      }
      case 'chunk-size': {
        const line = readLine(data);
        if (line === undefined) return -1;
        const match = CHUNK_SIZE.exec(line.text);
        if (!match) throw new ResponseParseError('invalid chunk size');
        this.remaining = Number.parseInt(match[1] as string, 16);
        this.state = this.remaining === 0 ? 'trailers' : 'chunk-data';
        return line.used;
      }
      case 'trailers': {
        const line = readLine(data);
        if (line === undefined) return -1;
        if (line.text === '') this.complete(this.keepAlive);
        return line.used;
      }
      case 'done':
        return data.length;
    }
  }

  private readHead(data: Buffer): number {
    const end = data.indexOf(HEAD_END);
    if (end < 0) return -1;
    const lines = data.toString('latin1', 0, end).split('\r\n');
    const status = STATUS_LINE.exec(lines[0] as string);
    if (!status) throw new ResponseParseError('invalid status line');
    const minor = status[1];
    const code = Number(status[2]);
    const headers: Record<string, string> = {};
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).toLowerCase();
      if (colon <= 0 || !HEADER_NAME.test(name))
        throw new ResponseParseError('invalid header line');
      let value = line.slice(colon + 1);
      // Optional whitespace around the value is spaces and tabs only (RFC 9110 §5.6.3).
      const first = value.charCodeAt(0);
      const last = value.charCodeAt(value.length - 1);
      if (first === 32 || first === 9 || last === 32 || last === 9) {
        value = value.replace(SPACE_OR_TAB_AROUND, '');
      }
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const used = end + HEAD_END.length;
    // Interim responses (100 Continue, 103 Early Hints) precede the real one.
    if (code >= 100 && code < 200 && code !== 101) return used;
    const connection = (headers['connection'] ?? '').toLowerCase();
    this.keepAlive =
      minor === '1' ? !/(?:^|,)\s*close\s*(?:,|$)/.test(connection) : /keep-alive/.test(connection);
    if (code === 101) throw new ResponseParseError('the server switched protocols');
    this.events.onHead({ status: code, headers, keepAlive: this.keepAlive });
    this.frameBody(code, headers);
    return used;
  }

  private frameBody(code: number, headers: Record<string, string>): void {
    if (code === 204 || code === 304) {
      this.complete(this.keepAlive);
      return;
    }
    const coding = headers['transfer-encoding'];
    if (coding !== undefined) {
      const last = coding.split(',').pop()?.trim().toLowerCase();
      // Any other final coding leaves the body to run until the connection closes.
      this.state = last === 'chunked' ? 'chunk-size' : 'until-close';
      return;
    }
    const length = headers['content-length'];
    if (length === undefined) {
      this.state = 'until-close';
      return;
    }
    const values = new Set(length.split(',').map((value) => value.trim()));
    const only = values.size === 1 ? [...values][0] : undefined;
    if (only === undefined || !/^\d{1,15}$/.test(only)) {
      throw new ResponseParseError('invalid Content-Length');
    }
    this.remaining = Number(only);
    if (this.remaining === 0) this.complete(this.keepAlive);
    else this.state = 'length-body';
  }

  // Reported by push() once the chunk is read, when it knows whether bytes followed.
  private complete(reusable: boolean): void {
    this.state = 'done';
    this.reusable = reusable;
  }
}

function readLine(data: Buffer): { text: string; used: number } | undefined {
  const end = data.indexOf(CRLF);
  if (end < 0) {
    if (data.length > MAX_HEAD_BYTES) throw new ResponseParseError('line too long');
    return undefined;
  }
  return { text: data.toString('latin1', 0, end), used: end + CRLF.length };
}
