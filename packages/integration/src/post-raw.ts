import { request } from 'node:http';

/** What {@link postRaw} got back. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/**
 * POSTs exact bytes with exact headers, which `fetch` does not allow (it adds a Content-Type to
 * string bodies and cannot send a request without one). Resolves with the first response even if
 * the server then drops the connection, as a collector answering 413 may do before the upload ends.
 *
 * @param url - the full URL.
 * @param body - the bytes to send (a string is sent as UTF-8).
 * @param headers - request headers; `Content-Type` is sent only if given here.
 */
export function postRaw(
  url: string,
  body: string | Uint8Array,
  headers: Readonly<Record<string, string>> = {},
): Promise<RawResponse> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  return new Promise((resolve, reject) => {
    let settled = false;
    const req = request(
      url,
      { method: 'POST', headers: { ...headers, 'Content-Length': String(bytes.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        const finish = () => {
          if (settled) return;
          settled = true;
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        };
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', finish);
        res.on('error', finish);
        res.on('close', finish);
      },
    );
    req.on('error', (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
    req.end(bytes);
  });
}
