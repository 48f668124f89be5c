import type { ServerResponse } from 'node:http';

/** The 43-byte transparent 1×1 GIF every pixel route answers with. */
export const TRANSPARENT_GIF = Buffer.from(
  '47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b',
  'hex',
);

/** Headers a collector response carries, in Node's `setHeader` form. */
export type ResponseHeaders = Record<string, string | string[]>;

/**
 * The CORS headers of every event-route response: the request's `Origin` echoed (or `*`) with
 * credentials allowed, so browser trackers can send the cookie.
 *
 * @param origin - the request's `Origin` header
 */
export function corsHeaders(origin: string | undefined): ResponseHeaders {
  return {
    'Access-Control-Allow-Origin': origin || '*',
    'Access-Control-Allow-Credentials': 'true',
  };
}

/**
 * Writes a complete response.
 *
 * @param res - the response
 * @param status - HTTP status
 * @param headers - headers (Content-Length is added)
 * @param body - text or bytes
 */
export function send(
  res: ServerResponse,
  status: number,
  headers: ResponseHeaders,
  body: string | Uint8Array,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...headers, 'Content-Length': String(bytes.byteLength) });
  res.end(bytes);
}

/**
 * Writes plain text.
 *
 * @param res - the response
 * @param status - HTTP status
 * @param text - the body
 * @param headers - extra headers
 */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: ResponseHeaders = {},
): void {
  send(res, status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, text);
}

/**
 * Writes JSON.
 *
 * @param res - the response
 * @param status - HTTP status
 * @param value - serialized with `JSON.stringify`
 */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(
    res,
    status,
    { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    JSON.stringify(value),
  );
}
