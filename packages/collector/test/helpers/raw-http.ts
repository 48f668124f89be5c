// Raw HTTP over node:http / node:net, for status codes fetch cannot show (413 mid-upload, 414).
import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** Sends a request with node:http; `chunks` are written one by one (chunked when no length). */
export function send(
  url: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    chunks?: (string | Buffer)[];
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${options.path}`,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    // The server may answer and close before the upload ends; the response is what counts.
    req.on('error', (error) => reject(error));
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

/** Writes raw bytes to the port and returns the first line of the answer. */
export function rawStatusLine(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => resolve(received.split('\r\n')[0] ?? ''));
    socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''));
    socket.on('connect', () => socket.write(text));
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error('no answer'));
    });
  });
}
