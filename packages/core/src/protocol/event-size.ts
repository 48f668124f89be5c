/** The single-event cap of tracker protocol §6.5, in UTF-8 bytes of the payload's JSON text. */
export const MAX_EVENT_BYTES = 1_000_000;

/** Above this many bytes an event is logged: SQS-backed pipelines turn it into a size violation. */
export const LARGE_EVENT_BYTES = 192_000;
