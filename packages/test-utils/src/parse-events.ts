import type { IncomingHttpHeaders } from 'node:http';
import { validatePayloadData } from './payload-data-validator';
import type { LoggedEvent } from './request-log';

/** Content types the tp2 adapter of Snowplow enrich accepts, after lowercasing. */
export const ACCEPTED_CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
] as const;

/** Events found in a request, and why the pipeline would reject the body, if it would. */
export interface ParsedRequest {
  readonly events: LoggedEvent[];
  readonly badRow?: string;
}

function toLogged(payload: Record<string, unknown>): LoggedEvent {
  const stm = payload['stm'];
  return { eid: String(payload['eid']), stm: typeof stm === 'string' ? stm : undefined, payload };
}

/**
 * Parses a tp2 POST body as the pipeline would: exact Content-Type, valid UTF-8, JSON, and
 * `payload_data` 1-0-4. Events are returned even when the body is rejected, so the request log can
 * show what was sent; a `badRow` reason means nothing would be stored.
 */
export function parsePost(headers: IncomingHttpHeaders, body: Buffer): ParsedRequest {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { events: [], badRow: 'invalid UTF-8' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { events: [], badRow: 'body is not JSON' };
  }
  const data = (json as { data?: unknown }).data;
  const events = Array.isArray(data)
    ? data.filter((item) => item && typeof item === 'object').map((item) => toLogged(item))
    : [];
  const type = (headers['content-type'] ?? '').toLowerCase();
  if (!(ACCEPTED_CONTENT_TYPES as readonly string[]).includes(type)) {
    return { events, badRow: `content type ${headers['content-type'] ?? '(none)'}` };
  }
  const schema = (json as { schema?: unknown }).schema;
  if (schema !== 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4') {
    return { events, badRow: `unexpected schema ${String(schema)}` };
  }
  const check = validatePayloadData(data);
  if (!check.valid) return { events, badRow: `payload_data: ${check.errors.join('; ')}` };
  return { events };
}

/** Parses a GET `/i` query (`+` read as a space, as collectors do) into one event. */
export function parseGet(query: string): ParsedRequest {
  const payload: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) payload[key] = value;
  if (Object.keys(payload).length === 0) return { events: [] };
  const events = [toLogged(payload)];
  const check = validatePayloadData([payload]);
  return check.valid ? { events } : { events, badRow: `payload_data: ${check.errors.join('; ')}` };
}
