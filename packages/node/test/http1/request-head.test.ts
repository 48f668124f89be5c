import { InvalidHeaderError, requestHead } from '../../src/transport/http1/request-head';

const line = {
  method: 'POST',
  path: '/com.snowplowanalytics.snowplow/tp2',
  host: '[::1]:9090',
  contentLength: 12,
  keepAlive: true,
};

describe('requestHead', () => {
  it('writes the request line, Host, the headers, Content-Length and Connection', () => {
    expect(requestHead(line, { 'Content-Type': 'application/json; charset=UTF-8' })).toBe(
      'POST /com.snowplowanalytics.snowplow/tp2 HTTP/1.1\r\n' +
        'Host: [::1]:9090\r\n' +
        'Content-Type: application/json; charset=UTF-8\r\n' +
        'Content-Length: 12\r\n' +
        'Connection: keep-alive\r\n\r\n',
    );
  });

  it('frames the request itself: the caller cannot set Host, Content-Length or Connection', () => {
    const head = requestHead(
      { ...line, method: 'GET', contentLength: undefined, keepAlive: false },
      { host: 'evil', 'content-length': '1', Connection: 'upgrade', 'Transfer-Encoding': 'x' },
    );
    expect(head).toBe(
      'GET /com.snowplowanalytics.snowplow/tp2 HTTP/1.1\r\nHost: [::1]:9090\r\nConnection: close\r\n\r\n',
    );
  });

  it.each([
    ['a value with CR LF (header injection)', { 'x-a': 'ok\r\nX-Injected: 1' }],
    ['a value with NUL', { 'x-a': 'a\u0000b' }],
    ['a value above U+00FF', { 'x-a': '✓' }],
    ['a name with a space', { 'x a': '1' }],
  ])('refuses %s', (_name, headers) => {
    expect(() => requestHead(line, headers)).toThrow(InvalidHeaderError);
  });
});
