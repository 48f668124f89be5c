// Hand-built tracker-protocol requests for the tests (no tracker involved).
import { randomUUID } from 'node:crypto';

export const PAYLOAD_DATA = 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4';
export const UNSTRUCT = 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0';
export const CONTEXTS = 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1';
export const LINK_CLICK = 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1';
export const WEB_PAGE = 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0';
export const JSON_TYPE = 'application/json; charset=UTF-8';

export type Params = Record<string, string>;

/** base64url of the UTF-8 JSON text, padded or not. */
export function encode(value: unknown, padded = false): string {
  const text = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return padded ? text.padEnd(Math.ceil(text.length / 4) * 4, '=') : text;
}

/** The keys every event carries. */
export function base(e: string, extra: Params = {}): Params {
  return {
    e,
    eid: randomUUID(),
    tv: 'floe-core-0.1.0',
    tna: 'test',
    aid: 'app',
    p: 'web',
    dtm: '1714557600000',
    stm: '1714557600100',
    ...extra,
  };
}

export function unstruct(schema: string, data: unknown): unknown {
  return { schema: UNSTRUCT, data: { schema, data } };
}

export function contexts(...entities: { schema: string; data: unknown }[]): unknown {
  return { schema: CONTEXTS, data: entities };
}

export function body(...events: Params[]): string {
  return JSON.stringify({ schema: PAYLOAD_DATA, data: events });
}

export async function post(
  url: string,
  payload: string | Uint8Array,
  headers: Record<string, string> = { 'Content-Type': JSON_TYPE },
  path = '/com.snowplowanalytics.snowplow/tp2',
): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', headers, body: payload });
}

export function query(params: Params): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

export async function pixel(
  url: string,
  params: Params,
  path = '/i',
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}${path}?${query(params)}`, { headers });
}
