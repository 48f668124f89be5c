import { EventTooLargeError } from './event-too-large-error';

/** The single-event cap of tracker protocol §6.5, in UTF-8 bytes of the payload's JSON text. */
export const MAX_EVENT_BYTES = 1_000_000;

/** Above this many bytes an event is logged: SQS-backed pipelines turn it into a size violation. */
export const LARGE_EVENT_BYTES = 192_000;

// Every key but ue_*/co/cx has a length cap (§1.3, §2), together under 40,000 characters, and a
// character costs at most 7 bytes once JSON-escaped. Below this many characters of
// self-describing JSON an event stays under LARGE_EVENT_BYTES in all but pathological cases and
// cannot reach MAX_EVENT_BYTES at all, so the exact count is skipped.
const CERTAINLY_SMALL = 27_000; // ≈ LARGE_EVENT_BYTES / 7

/**
 * Rejects an event too large to ever be sent and logs one large enough to be lost by some
 * pipelines (§6.5). Costs one comparison for ordinary events; only events carrying large
 * self-describing JSON are serialised and measured.
 *
 * @param payload - the finished payload.
 * @param jsonChars - length of its `ue_*` and `co`/`cx` values.
 * @throws EventTooLargeError above {@link MAX_EVENT_BYTES}.
 */
export function checkEventSize(payload: Readonly<Record<string, string>>, jsonChars: number): void {
  if (jsonChars < CERTAINLY_SMALL) return;
  const bytes = utf8Length(JSON.stringify(payload));
  if (bytes > MAX_EVENT_BYTES) throw new EventTooLargeError(bytes, MAX_EVENT_BYTES);
  if (bytes > LARGE_EVENT_BYTES) {
    console.warn(
      `[floe] event ${payload['eid']} is ${bytes} bytes; collectors whose sink caps records at ${LARGE_EVENT_BYTES} bytes (SQS) will reject it`,
    );
  }
}

/**
 * UTF-8 byte length of a well-formed string, without encoding it.
 *
 * @param text - a string without lone surrogates.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    // A surrogate pair is 2 units and 4 bytes; other units below 0x800 take 2 bytes, the rest 3.
    bytes += unit < 0x800 ? 1 : unit >= 0xd800 && unit <= 0xdfff ? 1 : 2;
  }
  return bytes;
}
