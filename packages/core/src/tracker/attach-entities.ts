import { base64UrlEncode } from '../payload/base64url';
import { InvalidEventError } from '../payload/invalid-event-error';
import { contextsText, selfDescribingText } from '../payload/self-describing-text';
import type { SelfDescribingJson } from '../self-describing-json';
import type { GroupShared } from './build-event';
import type { BuildState } from './build-state';
import type { TrackedEvent } from './tracked-event';

/**
 * Serialises a list of entities given by a caller.
 *
 * @param entities - the `context` of a call or of one event; checked to be an array at run time.
 * @param texts - receives the serialised entities.
 * @param sources - receives the entities themselves when validating.
 * @throws InvalidEventError for a non-array or an invalid entity.
 */
export function entityTexts(
  entities: readonly SelfDescribingJson<unknown>[] | undefined | null,
  texts: string[] = [],
  sources?: SelfDescribingJson<unknown>[],
): string[] {
  if (entities === undefined || entities === null) return texts;
  if (!Array.isArray(entities)) throw new InvalidEventError('context must be an array of entities');
  for (const entity of entities) {
    texts.push(selfDescribingText(entity, 'entity'));
    sources?.push(entity);
  }
  return texts;
}

/**
 * Puts the event's entities on the payload as `co` (or `cx` when base64 is on): the call's
 * `context`, then the event's own, then the global contexts (tracker protocol §3). No entities,
 * no key: an empty envelope is never sent.
 *
 * @returns the length of the envelope text, for the size check.
 */
export function attachEntities(
  state: BuildState,
  payload: Record<string, string>,
  own: readonly SelfDescribingJson<unknown>[] | undefined,
  shared: GroupShared,
  tracked: TrackedEvent | undefined,
): number {
  const { contexts, encodeBase64 } = state.config;
  const key = encodeBase64 ? 'cx' : 'co';
  const noOwn = own === undefined || own === null || (Array.isArray(own) && own.length === 0);
  // The common case: fixed global contexts only, whose whole envelope is cached.
  if (shared.callTexts.length === 0 && noOwn && contexts.isStatic && !shared.targets) {
    const envelope = contexts.staticEnvelope(encodeBase64);
    if (envelope !== undefined) payload[key] = envelope;
    return envelope?.length ?? 0;
  }
  const texts = [...shared.callTexts];
  if (!noOwn) entityTexts(own, texts, shared.targets?.entities);
  if (shared.hooks || contexts.isStatic) {
    contexts.collect(tracked, texts, shared.targets?.entities, state.reportPluginError);
  }
  if (texts.length === 0) return 0;
  const envelope = contextsText(texts);
  payload[key] = encodeBase64 ? base64UrlEncode(envelope) : envelope;
  return envelope.length;
}
