import type { FetchBodyReader, FetchResponseLike } from './fetch-types';

/** Response bytes read at most before the rest is cancelled (reliability.md §1, H12/H13). */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Reads up to `limit` bytes of a response body and cancels the rest, so a huge or endless answer
 * (a captive portal, a 5 MiB error page) is never buffered. Read errors are ignored: the status has
 * already arrived and decides the outcome (a reset mid-body after a 200 is still a success).
 *
 * @param body - the response body stream, if any.
 * @param limit - bytes to read at most.
 * @returns the number of bytes read.
 */
export async function readCappedBody(
  body: FetchResponseLike['body'],
  limit: number = MAX_RESPONSE_BYTES,
): Promise<number> {
  if (!body) return 0;
  let reader: FetchBodyReader;
  try {
    reader = body.getReader();
  } catch {
    return 0;
  }
  let read = 0;
  try {
    while (read < limit) {
      const chunk = await reader.read();
      if (chunk.done) return read;
      read += chunk.value?.byteLength ?? 0;
    }
    await reader.cancel().catch(() => undefined);
  } catch {
    await reader.cancel().catch(() => undefined);
  }
  return read;
}
