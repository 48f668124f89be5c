/**
 * One tracker-protocol event as it goes on the wire: a flat map of payload_data 1-0-4 keys to
 * strings. `stm` is absent here; the emitter adds it on every send attempt.
 */
export type Payload = Readonly<Record<string, string>>;

/** Event type codes Floe emits (`e`). */
export type EventType = 'pv' | 'pp' | 'se' | 'ue' | 'tr' | 'ti';
