import type { EventType } from '../protocol/payload';
import { checkEventSize } from '../payload/check-event-size';
import { deferredUnstructEvent } from '../payload/deferred-envelopes';
import { EncodedEvent } from '../payload/encoded-event';
import { EVENT_FIELD_RULES, REQUIRED_FIELDS } from '../payload/field-rules';
import { formatField } from '../payload/format-field';
import { InvalidEventError } from '../payload/invalid-event-error';
import type { KeysFragment } from '../payload/keys-fragment';
import { isPlainText, PayloadText } from '../payload/payload-text';
import { type EntityText, selfDescribingParts } from '../payload/self-describing-text';
import type { ValidationTargets } from '../validation/check-schemas';
import { attachEntities } from './attach-entities';
import type { BuildState } from './build-state';
import { FIELD_PLANS } from './field-plans';
import { runBeforeTrack } from './run-plugins';
import { TrackedEventView } from './tracked-event-view';
import type { CoreEvent } from './tracker';

/** What every event of one track call shares. */
export interface GroupShared {
  /**
   * `,"dtm":…` (and, for a replay, `,"ttm":…`), then the header and subject keys with the
   * per-call subject merged in: joined once, copied into each event as one piece.
   */
  readonly keys: KeysFragment;
  /** The call's `context`, serialised once for the whole group. */
  readonly callTexts: readonly EntityText[];
  /** Whether plugins and context generators run (not for events built only to report them). */
  readonly hooks: boolean;
  readonly targets: ValidationTargets | undefined;
}

// `{"e":"xx"` for each event type, and `{"e":"xx","eid":"` that a plain id follows: one constant
// string each, not a concatenation per event.
const EVENT_OPENINGS = openings((e) => `{"e":"${e}"`);
const OPENINGS_BEFORE_EID = openings((e) => `{"e":"${e}","eid":"`);

function openings(opening: (e: string) => string): Record<EventType, string> {
  return Object.fromEntries(Object.keys(EVENT_FIELD_RULES).map((e) => [e, opening(e)])) as Record<
    EventType,
    string
  >;
}

/**
 * Builds one event as JSON text: the type and id, the shared keys, the event's own formatted
 * fields, the self-describing event, then (after `beforeTrack`) its entities. The order of keys
 * is fixed, so the same event always serialises the same way.
 *
 * @param state - the tracker.
 * @param event - the event as the track function gave it (checked at run time too).
 * @param eid - its id.
 * @param shared - what the call's events share.
 * @returns the encoded event, or `null` when a plugin filtered it out.
 * @throws InvalidEventError or EventTooLargeError; the tracker turns them into drops.
 */
export function buildEvent(
  state: BuildState,
  event: CoreEvent,
  eid: string,
  shared: GroupShared,
): EncodedEvent | null {
  const e = typeof event === 'object' && event !== null ? event.e : undefined;
  if (typeof e !== 'string' || !Object.hasOwn(EVENT_FIELD_RULES, e)) {
    throw new InvalidEventError(`${String(e)} is not an event type (pv pp se ue tr ti)`);
  }
  if (event.inputError !== undefined) throw new InvalidEventError(event.inputError);
  // The event type is one of six ASCII codes, so the opening needs no escaping.
  // A self-describing event's text is kept in pieces until its batch is taken; it points at the
  // shared `dtm` and header keys instead of copying them.
  let text: PayloadText;
  let eidPlain = true;
  if (state.config.plainEventIds) {
    // Floe's own ids are printable ASCII: written right after the opening, quote left open.
    text = new PayloadText(OPENINGS_BEFORE_EID[e] + eid, e === 'ue', true);
  } else {
    text = new PayloadText(EVENT_OPENINGS[e], e === 'ue');
    eidPlain = text.put('eid', eid);
  }
  text.append(shared.keys);
  writeFields(text, e, event.fields);
  let eventSchema: string | undefined;
  const sdj = event.selfDescribing;
  if (e === 'ue') {
    if (sdj === undefined || sdj === null)
      throw new InvalidEventError('ue: the self-describing event is missing');
    const parts = selfDescribingParts(sdj, 'event');
    const encodeBase64 = state.config.encodeBase64;
    text.putDeferred(encodeBase64 ? 'ue_px' : 'ue_pr', deferredUnstructEvent(parts, encodeBase64));
    eventSchema = sdj.schema;
    shared.targets?.events.push(sdj);
  } else if (sdj !== undefined) {
    throw new InvalidEventError(`${e}: only ue events carry a self-describing event`);
  }
  let tracked: TrackedEventView | undefined;
  const { plugins, contexts } = state.config;
  if (shared.hooks && (plugins.length > 0 || !contexts.isStatic)) {
    tracked = new TrackedEventView(e, eid, eventSchema, event, text);
    if (!runBeforeTrack(state, tracked)) return null;
  }
  attachEntities(state, text, event.context, shared, tracked);
  const bytes = text.bytes;
  checkEventSize(eid, bytes);
  // Every event type has two letters, so a plain id sits right after `{"e":"xx","eid":"`.
  return new EncodedEvent(eid, text.finish(), bytes, eidPlain, state.clockReading);
}

function writeFields(text: PayloadText, e: EventType, fields: CoreEvent['fields']): void {
  const required = REQUIRED_FIELDS[e];
  let found = 0;
  if (fields !== undefined && fields !== null) {
    const plans = FIELD_PLANS[e];
    for (const key in fields) {
      const plan = plans.get(key);
      if (plan === undefined) throw new InvalidEventError(`${key} is not a key of ${e} events`);
      const raw = fields[key];
      // Most string values are short plain text: one check finds them valid and needing nothing.
      if (
        typeof raw === 'string' &&
        raw.length > 0 &&
        raw.length <= plan.plainTextMax &&
        isPlainText(raw)
      ) {
        text.putOpenedPlain(plan.openings, raw);
      } else {
        const value = formatField(key, raw, plan.rule);
        if (value === undefined) continue;
        if (plan.plain) text.putOpenedPlain(plan.openings, value);
        else text.putOpened(plan.openings, value);
      }
      if (plan.required) found++;
    }
  }
  if (found === required.length) return;
  for (const key of required) {
    const value = fields?.[key];
    if (value === undefined || value === null || value === '') {
      throw new InvalidEventError(`${e}: ${key} is required`);
    }
  }
}
