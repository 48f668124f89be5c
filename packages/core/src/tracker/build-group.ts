import type { EncodedEvent } from '../payload/encoded-event';
import { joinKeys, KeysFragment } from '../payload/keys-fragment';
import { keysFragment } from '../payload/payload-text';
import type { EntityText } from '../payload/self-describing-text';
import { formatSubject } from '../subject/format-subject';
import type { TrackOptions } from '../track-options';
import type { ValidationTargets } from '../validation/check-schemas';
import { entityTexts } from './attach-entities';
import { buildEvent, type GroupShared } from './build-event';
import type { BuildState } from './build-state';
import { formatTimestamp } from './format-timestamp';
import type { CoreEvent } from './tracker';

/** The call entities of a call without any. */
export const NO_TEXTS: readonly EntityText[] = [];

/**
 * Builds every event of one track call. They share one `dtm`, the true timestamp, the merged
 * subject and the call's entities (tracker protocol §2.5). All or nothing: the first invalid
 * event throws and nothing of the call is kept.
 *
 * @param state - the tracker.
 * @param events - the call's events.
 * @param eids - their ids, in the same order.
 * @param options - the call's options.
 * @param hooks - whether plugins and context generators run.
 * @param targets - when validating, receives the call's self-describing event and entities.
 * @returns one encoded event per event, `null` where a plugin filtered the event out.
 * @throws InvalidEventError or EventTooLargeError.
 */
export function buildGroup(
  state: BuildState,
  events: readonly CoreEvent[],
  eids: readonly string[],
  options: TrackOptions | undefined,
  hooks: boolean,
  targets: ValidationTargets | undefined,
): (EncodedEvent | null)[] {
  if (state.subjectError !== undefined) throw state.subjectError;
  const shared =
    (options === undefined || options === null) && hooks && targets === undefined
      ? state.plainGroup()
      : groupFor(state, options, hooks, targets);
  const built = new Array<EncodedEvent | null>(events.length);
  for (let i = 0; i < events.length; i++) {
    built[i] = buildEvent(state, events[i]!, eids[i]!, shared);
  }
  return built;
}

// A call with options (a true timestamp, a subject, entities), or one built for a report or for
// validation: what its events share is worked out for this call alone.
function groupFor(
  state: BuildState,
  options: TrackOptions | undefined,
  hooks: boolean,
  targets: ValidationTargets | undefined,
): GroupShared {
  let times: KeysFragment | undefined;
  let base: KeysFragment | undefined;
  let callTexts = NO_TEXTS;
  if (options !== undefined && options !== null) {
    const { trueTimestamp, subject, context } = options;
    if (trueTimestamp !== undefined && trueTimestamp !== null) {
      const dtm = state.deviceTimeKeys();
      const ttm = ',"ttm":"' + formatTimestamp(trueTimestamp, 'ttm') + '"';
      times = new KeysFragment(dtm.text + ttm, dtm.bytes + ttm.length);
    }
    // Field by field, the event's subject wins; neither object is touched.
    if (subject !== undefined && subject !== null) {
      base = keysFragment({ ...state.base, ...formatSubject(subject) });
    }
    if (context !== undefined && context !== null) {
      callTexts = entityTexts(context, [], targets?.entities);
    }
  }
  // A call that keeps this millisecond's keys (entities only, say) shares the ones joined for it.
  const keys =
    times === undefined && base === undefined
      ? state.plainGroup().keys
      : joinKeys(times ?? state.deviceTimeKeys(), base ?? state.baseKeys);
  return { keys, callTexts, hooks, targets };
}
