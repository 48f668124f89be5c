import { randomUUID } from 'node:crypto';

/** The tp2 POST path every Floe emitter uses. */
export const TP2_PATH = '/com.snowplowanalytics.snowplow/tp2';

/** The one Content-Type Floe emitters send (tracker-protocol §6.3). */
export const TP2_CONTENT_TYPE = 'application/json; charset=UTF-8';

/** A minimal valid tp2 event: a server-side page view with a fresh `eid`, merged with `fields`. */
export function tp2Event(fields: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    e: 'pv',
    url: 'https://integration.example.com/',
    tv: 'floe-integration-0.1.0',
    tna: 'integration',
    p: 'srv',
    eid: randomUUID(),
    dtm: String(Date.now()),
    stm: String(Date.now()),
    ...fields,
  };
}

/** The JSON text of a `payload_data` 1-0-4 POST body carrying `events`. */
export function tp2Body(events: readonly Readonly<Record<string, string>>[]): string {
  return JSON.stringify({
    schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
    data: events,
  });
}
