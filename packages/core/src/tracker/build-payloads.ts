import type { CoreEvent } from '../protocol/core-event';
import { formatTimestamp } from '../protocol/format-timestamp';
import type { Payload } from '../protocol/payload';
import { formatSubject } from '../subject/format-subject';
import type { ValidationTargets } from '../validation/check-schemas';
import { addEntities, buildPayload } from './build-payload';
import type { TrackerConfig } from './resolve-tracker-config';
import type { TrackOptions } from './track-options';

/**
 * Builds every event of one track call. They share one `dtm`, the true timestamp, the merged
 * subject and the call's entities (tracker protocol §2.5). All or nothing: the first invalid
 * event throws and nothing of the call is kept.
 *
 * @param config - the tracker's options.
 * @param base - the header keys and the tracker's formatted subject.
 * @param events - the call's events.
 * @param eids - their ids, in the same order.
 * @param options - the call's options.
 * @param hooks - whether plugins and context generators run.
 * @param targets - when validating, receives the call's self-describing event and entities.
 * @returns one payload per event, `null` where a plugin filtered the event out.
 * @throws FloeError (`invalid_event` or `too_large`).
 */
export function buildPayloads(
  config: TrackerConfig,
  base: Payload,
  events: readonly CoreEvent[],
  eids: readonly string[],
  options: TrackOptions | undefined,
  hooks: boolean,
  targets: ValidationTargets | undefined,
): (Payload | null)[] {
  const { trueTimestamp, subject, context } = options ?? {};
  const keys: Record<string, string> = { dtm: formatTimestamp(config.clock.now(), 'dtm') };
  if (trueTimestamp !== undefined && trueTimestamp !== null) {
    keys['ttm'] = formatTimestamp(trueTimestamp, 'ttm');
  }
  // Field by field, the event's subject wins; neither object is touched.
  Object.assign(
    keys,
    base,
    subject === undefined || subject === null ? {} : formatSubject(subject),
  );
  const shared = {
    keys,
    entityTexts: addEntities(context, [], targets?.entities),
    hooks,
    targets,
  };
  return events.map((event, i) => buildPayload(config, event, eids[i]!, shared));
}
