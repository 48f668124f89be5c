import type { Readable } from 'node:stream';

/**
 * Reads a response body until its end or `limit` bytes, keeping none of it, then destroys the
 * stream: a huge or endless answer (a captive portal, a 5 MiB error page) is never buffered, and
 * undici drops a connection whose body was not read to the end instead of reusing it. Read errors
 * are ignored: the status has already arrived and decides the outcome (a reset mid-body after a
 * 200 is still a success).
 *
 * @param body - the response body.
 * @param limit - bytes to read at most.
 * @returns the number of bytes read.
 */
export async function readCappedBody(body: Readable, limit: number): Promise<number> {
  let read = 0;
  try {
    for await (const chunk of body) {
      read += (chunk as Buffer).byteLength;
      if (read >= limit) break;
    }
  } catch {
    // The answer's status is what counts; see above.
  } finally {
    body.destroy();
  }
  return read;
}
