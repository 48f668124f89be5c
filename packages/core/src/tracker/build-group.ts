import { formatSubject } from '../subject/format-subject';
import type { TrackOptions } from '../track-options';
import type { ValidationTargets } from '../validation/check-schemas';
import { entityTexts } from './attach-entities';
import { buildEvent, type GroupShared } from './build-event';
import type { BuildState } from './build-state';
import { formatTimestamp } from './format-timestamp';
import type { CoreEvent } from './tracker';

const NO_TEXTS: readonly string[] = [];

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
 * @returns one payload per event, `null` where a plugin filtered the event out.
 * @throws InvalidEventError or EventTooLargeError.
 */
export function buildGroup(
  state: BuildState,
  events: readonly CoreEvent[],
  eids: readonly string[],
  options: TrackOptions | undefined,
  hooks: boolean,
  targets: ValidationTargets | undefined,
): (Record<string, string> | null)[] {
  if (state.subjectError !== undefined) throw state.subjectError;
  const dtm = state.deviceTimestamp();
  let ttm: string | undefined;
  let base = state.base;
  let callTexts = NO_TEXTS;
  if (options !== undefined && options !== null) {
    const { trueTimestamp, subject, context } = options;
    if (trueTimestamp !== undefined && trueTimestamp !== null) {
      ttm = formatTimestamp(trueTimestamp, 'ttm');
    }
    // Field by field, the event's subject wins; neither object is touched.
    if (subject !== undefined && subject !== null) base = { ...base, ...formatSubject(subject) };
    if (context !== undefined && context !== null) {
      callTexts = entityTexts(context, [], targets?.entities);
    }
  }
  const shared: GroupShared = { dtm, ttm, base, callTexts, hooks, targets };
  const payloads = new Array<Record<string, string> | null>(events.length);
  for (let i = 0; i < events.length; i++) {
    payloads[i] = buildEvent(state, events[i]!, eids[i]!, shared);
  }
  return payloads;
}
