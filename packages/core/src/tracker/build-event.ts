import type { EventType } from '../payload';
import { base64UrlEncode } from '../payload/base64url';
import { checkEventSize } from '../payload/check-event-size';
import { EVENT_FIELD_RULES, REQUIRED_FIELDS } from '../payload/field-rules';
import { formatField } from '../payload/format-field';
import { InvalidEventError } from '../payload/invalid-event-error';
import { selfDescribingText, unstructEventText } from '../payload/self-describing-text';
import type { ValidationTargets } from '../validation/check-schemas';
import { attachEntities } from './attach-entities';
import type { BuildState } from './build-state';
import { runBeforeTrack } from './run-plugins';
import type { TrackedEvent } from './tracked-event';
import type { CoreEvent } from './tracker';

/** What every event of one track call shares. */
export interface GroupShared {
  readonly dtm: string;
  readonly ttm: string | undefined;
  /** Header and subject keys, the per-call subject already merged in. */
  readonly base: Readonly<Record<string, string>>;
  /** The call's `context`, serialised once for the whole group. */
  readonly callTexts: readonly string[];
  /** Whether plugins and context generators run (not for events built only to report them). */
  readonly hooks: boolean;
  readonly targets: ValidationTargets | undefined;
}

/**
 * Builds one event's payload: the shared keys, the event's own formatted fields, the
 * self-describing event, then (after `beforeTrack`) its entities.
 *
 * @param state - the tracker.
 * @param event - the event as the track function gave it (checked at run time too).
 * @param eid - its id.
 * @param shared - what the call's events share.
 * @returns the payload, or `null` when a plugin filtered the event out.
 * @throws InvalidEventError or EventTooLargeError; the tracker turns them into drops.
 */
export function buildEvent(
  state: BuildState,
  event: CoreEvent,
  eid: string,
  shared: GroupShared,
): Record<string, string> | null {
  const e = typeof event === 'object' && event !== null ? event.e : undefined;
  if (typeof e !== 'string' || !Object.hasOwn(EVENT_FIELD_RULES, e)) {
    throw new InvalidEventError(`${String(e)} is not an event type (pv pp se ue tr ti)`);
  }
  if (event.inputError !== undefined) throw new InvalidEventError(event.inputError);
  const payload: Record<string, string> = { e, eid, dtm: shared.dtm };
  if (shared.ttm !== undefined) payload['ttm'] = shared.ttm;
  const base = shared.base;
  for (const key in base) payload[key] = base[key]!;
  writeFields(payload, e, event.fields);
  let jsonChars = 0;
  let eventSchema: string | undefined;
  const sdj = event.selfDescribing;
  if (e === 'ue') {
    if (sdj === undefined || sdj === null)
      throw new InvalidEventError('ue: the self-describing event is missing');
    const text = unstructEventText(selfDescribingText(sdj, 'event'));
    jsonChars = text.length;
    if (state.config.encodeBase64) payload['ue_px'] = base64UrlEncode(text);
    else payload['ue_pr'] = text;
    eventSchema = sdj.schema;
    shared.targets?.events.push(sdj);
  } else if (sdj !== undefined) {
    throw new InvalidEventError(`${e}: only ue events carry a self-describing event`);
  }
  let tracked: TrackedEvent | undefined;
  const { plugins, contexts } = state.config;
  if (shared.hooks && (plugins.length > 0 || !contexts.isStatic)) {
    tracked = { eventType: e, eid, eventSchema, event, payload };
    if (!runBeforeTrack(state, tracked)) return null;
  }
  jsonChars += attachEntities(state, payload, event.context, shared, tracked);
  checkEventSize(payload, jsonChars);
  return payload;
}

function writeFields(
  payload: Record<string, string>,
  e: EventType,
  fields: CoreEvent['fields'],
): void {
  if (fields !== undefined && fields !== null) {
    const rules = EVENT_FIELD_RULES[e];
    for (const key in fields) {
      const rule = rules.get(key);
      if (rule === undefined) throw new InvalidEventError(`${key} is not a key of ${e} events`);
      const value = formatField(key, fields[key], rule);
      if (value !== undefined) payload[key] = value;
    }
  }
  for (const key of REQUIRED_FIELDS[e]) {
    if (payload[key] === undefined) throw new InvalidEventError(`${e}: ${key} is required`);
  }
}
