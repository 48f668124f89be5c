import { FloeError } from '../errors/floe-error';
import { runBeforeTrack } from '../plugins/run-plugins';
import { base64UrlEncode } from '../protocol/base64url';
import type { CoreEvent } from '../protocol/core-event';
import { LARGE_EVENT_BYTES, MAX_EVENT_BYTES } from '../protocol/event-size';
import { EVENT_FIELD_RULES, REQUIRED_FIELDS } from '../protocol/field-rules';
import { formatField } from '../protocol/format-field';
import type { Payload } from '../protocol/payload';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import {
  contextsJson,
  selfDescribingText,
  unstructEventJson,
} from '../protocol/self-describing-text';
import type { TrackedEvent } from '../protocol/tracked-event';
import type { ValidationTargets } from '../validation/check-schemas';
import type { TrackerConfig } from './resolve-tracker-config';

/** What every event of one track call shares. */
export interface CallShared {
  /** `dtm`, `ttm` when given, the header and the merged subject: every event starts with them. */
  readonly keys: Payload;
  /** The call's `context`, serialised once for all its events. */
  readonly entityTexts: readonly string[];
  /** Whether plugins and context generators run (not for events built only to report them). */
  readonly hooks: boolean;
  /** When validating, receives the call's self-describing event and entities. */
  readonly targets: ValidationTargets | undefined;
}

/**
 * Builds one event as a plain `Payload`: type and id, the shared keys, the event's own formatted
 * fields, the self-describing event, then (after `beforeTrack`) its entities as `co`/`cx`: the
 * call's `context`, the event's own, then the global contexts (tracker protocol §3).
 *
 * @param config - the tracker's options.
 * @param event - the event as the track function gave it (checked at run time too).
 * @param eid - its id.
 * @param shared - what the call's events share.
 * @returns the payload, or `null` when a plugin filtered the event out.
 * @throws FloeError (`invalid_event` or `too_large`); the tracker turns it into a drop.
 */
export function buildPayload(
  config: TrackerConfig,
  event: CoreEvent,
  eid: string,
  shared: CallShared,
): Payload | null {
  const e = event?.e;
  if (!Object.hasOwn(EVENT_FIELD_RULES, e))
    invalid(`${e} is not an event type (pv pp se ue tr ti)`);
  if (event.inputError !== undefined) invalid(event.inputError);
  const { encodeBase64, plugins, reporter } = config;
  const payload: Record<string, string> = { e, eid, ...shared.keys };
  const rules = EVENT_FIELD_RULES[e];
  const { fields = {}, selfDescribing: sdj } = event;
  for (const key in fields) {
    const rule = rules.get(key);
    if (rule === undefined) invalid(`${key} is not a key of ${e} events`);
    const value = formatField(key, fields[key], rule);
    if (value !== undefined) payload[key] = value;
  }
  for (const key of REQUIRED_FIELDS[e]) {
    if (payload[key] === undefined) invalid(`${e}: ${key} is required`);
  }
  if (e === 'ue') {
    if (sdj === undefined || sdj === null) invalid('ue: the self-describing event is missing');
    const json = unstructEventJson(selfDescribingText(sdj, 'event'));
    if (encodeBase64) payload['ue_px'] = base64UrlEncode(json);
    else payload['ue_pr'] = json;
    shared.targets?.events.push(sdj);
  } else if (sdj !== undefined) {
    invalid(`${e}: only ue events carry a self-describing event`);
  }
  // Plugins and context generators see a frozen copy of the keys so far, made only if one asks.
  let tracked: TrackedEvent | undefined;
  const view = (): TrackedEvent =>
    (tracked ??= {
      eventType: e,
      eid,
      eventSchema: sdj?.schema,
      event,
      payload: Object.freeze({ ...payload }),
    });
  if (shared.hooks && plugins.length > 0 && !runBeforeTrack(plugins, view(), reporter.error)) {
    return null;
  }
  const sources = shared.targets?.entities;
  const texts = addEntities(event.context, [...shared.entityTexts], sources);
  config.contexts.collect(shared.hooks ? view : undefined, texts, sources, reporter.error);
  if (texts.length > 0) {
    const json = contextsJson(texts);
    if (encodeBase64) payload['cx'] = encodeContexts(json);
    else payload['co'] = json;
  }
  checkSize(eid, payload);
  return payload;
}

/**
 * Serialises a list of entities given by a caller onto `texts`.
 *
 * @param entities - the `context` of a call or of one event; checked to be an array at run time.
 * @param texts - receives the serialised entities.
 * @param sources - receives the entities themselves when validating.
 * @returns `texts`.
 * @throws FloeError (`invalid_event`) for a non-array or an invalid entity.
 */
export function addEntities(
  entities: readonly SelfDescribingJson<unknown>[] | undefined | null,
  texts: string[],
  sources: SelfDescribingJson<unknown>[] | undefined,
): string[] {
  if (entities === undefined || entities === null) return texts;
  if (!Array.isArray(entities)) invalid('context must be an array of entities');
  for (const entity of entities) {
    texts.push(selfDescribingText(entity, 'entity'));
    sources?.push(entity);
  }
  return texts;
}

// With fixed global contexts only, every event carries the same envelope: encode it once.
let lastContexts = '';
let lastEncoded = '';
function encodeContexts(json: string): string {
  if (json !== lastContexts) {
    lastEncoded = base64UrlEncode(json);
    lastContexts = json;
  }
  return lastEncoded;
}

// Rejects an event over the single-event cap (§6.5) and logs one that SQS-backed pipelines lose.
// Each character takes at most 6 bytes in JSON text (a `\u001f` escape), so the length of keys
// and values clears most events; only a large one is serialised to be measured.
function checkSize(eid: string, payload: Payload): void {
  let length = 0;
  for (const key in payload) length += key.length + payload[key]!.length + 6;
  if (length * 6 <= LARGE_EVENT_BYTES) return;
  const bytes = new TextEncoder().encode(JSON.stringify(payload)).length;
  const size = `event ${eid} is ${bytes} bytes`;
  if (bytes > MAX_EVENT_BYTES) throw new FloeError('too_large', `${size}, over ${MAX_EVENT_BYTES}`);
  if (bytes > LARGE_EVENT_BYTES) console.warn(`[floe] ${size}, over ${LARGE_EVENT_BYTES} (SQS)`);
}

function invalid(message: string): never {
  throw new FloeError('invalid_event', message);
}
