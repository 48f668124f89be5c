/**
 * One tracker-protocol event: a flat map of payload_data 1-0-4 keys to strings. It is the event's
 * one name from `track()` to the wire. The tracker builds it; the emitter queues it as compact JSON
 * text (a `QueuedPayload` (store/event-store.ts)) and adds `stm` to that text on every send attempt, so `stm` is
 * never in a `Payload`.
 */
export type Payload = Readonly<Record<string, string>>;

/** Event type codes Floe emits (`e`). */
export type EventType = 'pv' | 'pp' | 'se' | 'ue' | 'tr' | 'ti';
