import { EventTooLargeError } from './event-too-large-error';

/** The single-event cap of tracker protocol §6.5, in UTF-8 bytes of the payload's JSON text. */
export const MAX_EVENT_BYTES = 1_000_000;

/** Above this many bytes an event is logged: SQS-backed pipelines turn it into a size violation. */
export const LARGE_EVENT_BYTES = 192_000;

/**
 * Rejects an event too large to ever be sent and logs one large enough to be lost by some
 * pipelines (§6.5). The size is exact: the tracker counts it while writing the event's text.
 *
 * @param eid - the event's id, for the log line.
 * @param bytes - UTF-8 bytes of the event's JSON text (without `stm`).
 * @throws EventTooLargeError above {@link MAX_EVENT_BYTES}.
 */
export function checkEventSize(eid: string, bytes: number): void {
  if (bytes <= LARGE_EVENT_BYTES) return;
  if (bytes > MAX_EVENT_BYTES) throw new EventTooLargeError(bytes, MAX_EVENT_BYTES);
  console.warn(
    `[floe] event ${eid} is ${bytes} bytes; collectors whose sink caps records at ${LARGE_EVENT_BYTES} bytes (SQS) will reject it`,
  );
}
