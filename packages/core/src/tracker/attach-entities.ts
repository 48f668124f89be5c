import { deferredContexts } from '../payload/deferred-envelopes';
import { InvalidEventError } from '../payload/invalid-event-error';
import type { PayloadText } from '../payload/payload-text';
import { type EntityText, selfDescribingParts } from '../payload/self-describing-text';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import type { GroupShared } from './build-event';
import type { BuildState } from './build-state';
import type { TrackedEvent } from './tracked-event';

/**
 * Serialises a list of entities given by a caller, each into its URI and data text.
 *
 * @param entities - the `context` of a call or of one event; checked to be an array at run time.
 * @param texts - receives the serialised entities.
 * @param sources - receives the entities themselves when validating.
 * @throws InvalidEventError for a non-array or an invalid entity.
 */
export function entityTexts(
  entities: readonly SelfDescribingJson<unknown>[] | undefined | null,
  texts: EntityText[] = [],
  sources?: SelfDescribingJson<unknown>[],
): EntityText[] {
  if (entities === undefined || entities === null) return texts;
  if (!Array.isArray(entities)) throw new InvalidEventError('context must be an array of entities');
  for (const entity of entities) {
    texts.push(selfDescribingParts(entity, 'entity'));
    sources?.push(entity);
  }
  return texts;
}

/**
 * Writes the event's entities as `co` (or `cx` when base64 is on): the call's `context`, then
 * the event's own, then the global contexts (tracker protocol §3). No entities, no key: an empty
 * envelope is never sent.
 */
export function attachEntities(
  state: BuildState,
  text: PayloadText,
  own: readonly SelfDescribingJson<unknown>[] | undefined,
  shared: GroupShared,
  tracked: TrackedEvent | undefined,
): void {
  const { contexts, encodeBase64 } = state.config;
  const noOwn = own === undefined || own === null || (Array.isArray(own) && own.length === 0);
  // The common case: fixed global contexts only, whose whole `co`/`cx` pair is cached.
  if (shared.callTexts.length === 0 && noOwn && contexts.isStatic && !shared.targets) {
    const keys = contexts.staticKeys(encodeBase64);
    if (keys !== undefined) text.append(keys);
    return;
  }
  const texts = [...shared.callTexts];
  if (!noOwn) entityTexts(own, texts, shared.targets?.entities);
  if (shared.hooks || contexts.isStatic) {
    contexts.collect(tracked, texts, shared.targets?.entities, state.reportPluginError);
  }
  if (texts.length === 0) return;
  text.putDeferred(encodeBase64 ? 'cx' : 'co', deferredContexts(texts, encodeBase64));
}
