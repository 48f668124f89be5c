import fc from 'fast-check';
import {
  MAX_HEAD_BYTES,
  type ResponseHead,
  ResponseParseError,
  ResponseParser,
} from '../../src/transport/http1/response-parser';

interface Seen {
  heads: ResponseHead[];
  body: number;
  completions: boolean[];
}

function parserFor(): { parser: ResponseParser; seen: Seen } {
  const seen: Seen = { heads: [], body: 0, completions: [] };
  const parser = new ResponseParser({
    onHead: (head) => seen.heads.push(head),
    onBody: (bytes) => (seen.body += bytes),
    onComplete: (reusable) => seen.completions.push(reusable),
  });
  return { parser, seen };
}

/** Feeds `text` cut at the given offsets. */
function feed(parser: ResponseParser, text: string, cuts: number[] = []): void {
  const bytes = Buffer.from(text, 'latin1');
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(bytes.subarray(from, cut));
    from = cut;
  }
  parser.push(bytes.subarray(from));
}

const CHUNKED =
  'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\nx-a: 2\r\n\r\n' +
  '5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: t\r\n\r\n';

describe('ResponseParser', () => {
  it('reads a Content-Length body and keeps an HTTP/1.1 connection', () => {
    const { parser, seen } = parserFor();
    feed(parser, 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nRetry-After: 5\r\n\r\nok');
    expect(seen.heads).toEqual([
      { status: 200, headers: { 'content-length': '2', 'retry-after': '5' }, keepAlive: true },
    ]);
    expect(seen.body).toBe(2);
    expect(seen.completions).toEqual([true]);
  });

  it('reads chunked bodies cut anywhere, joins repeated headers and skips trailers', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: CHUNKED.length - 1 })), (cuts) => {
        const { parser, seen } = parserFor();
        feed(parser, CHUNKED, cuts);
        expect(seen.heads[0]?.headers['x-a']).toBe('1, 2');
        expect(seen.body).toBe(12);
        expect(seen.completions).toEqual([true]);
      }),
    );
  });

  it('trims spaces and tabs around header values, and keeps empty values', () => {
    const { parser, seen } = parserFor();
    feed(parser, 'HTTP/1.1 204 No Content\r\nX-A:\t v w \t\r\nX-Empty:\r\nX-B:x\r\n\r\n');
    expect(seen.heads[0]?.headers).toEqual({ 'x-a': 'v w', 'x-empty': '', 'x-b': 'x' });
  });

  it('skips interim 1xx responses', () => {
    const { parser, seen } = parserFor();
    feed(parser, 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n');
    expect(seen.heads.map((head) => head.status)).toEqual([204]);
    expect(seen.completions).toEqual([true]);
  });

  it('completes bodies without a length at the end of the connection, not reusable', () => {
    const { parser, seen } = parserFor();
    feed(parser, 'HTTP/1.1 200 OK\r\n\r\nabc');
    expect(seen.completions).toEqual([]);
    parser.end();
    expect(seen.body).toBe(3);
    expect(seen.completions).toEqual([false]);
  });

  it.each([
    [
      'Connection: close on HTTP/1.1',
      'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
    ],
    ['HTTP/1.0 without keep-alive', 'HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n'],
    ['bytes after the response', 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200'],
  ])('does not reuse the connection after %s', (_name, text) => {
    const { parser, seen } = parserFor();
    feed(parser, text);
    expect(seen.completions).toEqual([false]);
  });

  it('keeps an HTTP/1.0 connection that says keep-alive', () => {
    const { parser, seen } = parserFor();
    feed(parser, 'HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n');
    expect(seen.completions).toEqual([true]);
  });

  it('does not complete a body cut short by the end of the connection', () => {
    const { parser, seen } = parserFor();
    feed(parser, 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc');
    parser.end();
    expect(seen.body).toBe(3);
    expect(seen.completions).toEqual([]);
    expect(parser.finished).toBe(false);
  });

  it.each([
    ['a status line that is not HTTP', 'SSH-2.0-OpenSSH\r\n\r\n'],
    ['a header without a colon', 'HTTP/1.1 200 OK\r\nbroken\r\n\r\n'],
    ['conflicting Content-Length values', 'HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n'],
    ['a negative Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n'],
    ['a chunk size that is not hex', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['a chunk without its CRLF', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\naXY'],
    ['a protocol switch', 'HTTP/1.1 101 Switching Protocols\r\n\r\n'],
  ])('rejects %s', (_name, text) => {
    const { parser } = parserFor();
    expect(() => feed(parser, text)).toThrow(ResponseParseError);
  });

  it('rejects a head larger than the cap instead of buffering it forever', () => {
    const { parser } = parserFor();
    parser.push(Buffer.from('HTTP/1.1 200 OK\r\n'));
    expect(() => parser.push(Buffer.alloc(MAX_HEAD_BYTES, 0x61))).toThrow(ResponseParseError);
  });
});
