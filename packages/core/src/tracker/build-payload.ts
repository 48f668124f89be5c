import type { GlobalContextRegistry } from '../contexts/global-context-registry';
import { FloeError } from '../errors/floe-error';
import { runPlugins } from '../plugins/run-plugins';
import type { TrackerPlugin } from '../plugins/tracker-plugin';
import { base64UrlEncode } from '../protocol/base64url';
import type { CoreEvent } from '../protocol/core-event';
import { LARGE_EVENT_BYTES, MAX_EVENT_BYTES } from '../protocol/event-size';
import { REQUIRED_FIELDS } from '../protocol/field-rules';
import { formatEventFields } from '../protocol/format-field';
import { formatTimestamp } from '../protocol/format-timestamp';
import type { Payload } from '../protocol/payload';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import {
  contextsJson,
  selfDescribingText,
  unstructEventJson,
} from '../protocol/self-describing-text';
import type { TrackedEvent } from '../protocol/tracked-event';
import { formatSubject } from '../subject/format-subject';
import type { ValidationTargets } from '../validation/check-schemas';
import type { TrackOptions } from './track-options';

/** What a tracker's payloads are built with, fixed when the tracker is created. */
export interface PayloadBuilderSettings {
  readonly encodeBase64: boolean;
  readonly plugins: readonly TrackerPlugin[];
  readonly contexts: GlobalContextRegistry;
  readonly clock: { now(): number };
  /** Receives plugin faults (code `plugin`). */
  readonly report: (error: FloeError) => void;
}

/**
 * Builds every event of one track call. They share one `dtm`, the true timestamp, the merged
 * subject and the call's entities (tracker protocol §2.5). All or nothing: the first invalid
 * event throws and nothing of the call is kept.
 *
 * @param base - the header keys (`tv`, `tna`, `p`, `aid`) and the tracker's formatted subject.
 * @param events - the call's events, checked at run time too.
 * @param eids - their ids, in the same order.
 * @param options - the call's options.
 * @param hooks - whether plugins and global contexts run: not for events built only to be
 *   reported, which show the caller's own keys and entities.
 * @param targets - when validating, receives the call's self-describing event and entities.
 * @returns one payload per event, `null` where a plugin filtered the event out.
 * @throws FloeError (`invalid_event` or `too_large`).
 */
export type BuildPayloads = (
  base: Payload,
  events: readonly CoreEvent[],
  eids: readonly string[],
  options: TrackOptions | undefined,
  hooks: boolean,
  targets: ValidationTargets | undefined,
) => (Payload | null)[];

/**
 * Creates the function that turns a track call's events into plain `Payload`s. Each payload gets
 * the type and id, the shared keys, the event's own formatted fields and self-describing event,
 * then (after `beforeTrack`) its entities as `co`/`cx`: the call's `context`, the event's own,
 * then the global contexts (tracker protocol §3).
 *
 * @param settings - the tracker's options that shape every payload.
 */
export function createPayloadBuilder({
  encodeBase64,
  plugins,
  contexts,
  clock,
  report,
}: PayloadBuilderSettings): BuildPayloads {
  // With fixed global contexts only, every event carries the same envelope: encode it once.
  let lastJson = '';
  let lastEncoded = '';

  return (base, events, eids, options, hooks, targets) => {
    const { trueTimestamp, subject, context } = options ?? {};
    const dtm = formatTimestamp(clock.now(), 'dtm');
    // Field by field, the call's subject wins; neither object is touched. Most calls have no
    // subject or true timestamp and share the tracker's own `base` as it is.
    let shared = base;
    if (subject || (trueTimestamp !== undefined && trueTimestamp !== null)) {
      shared = { ...base, ...formatSubject(subject) };
      if (trueTimestamp !== undefined && trueTimestamp !== null) {
        shared = { ...shared, ttm: formatTimestamp(trueTimestamp, 'ttm') };
      }
    }
    const callTexts = addEntities(context, [], targets?.entities);
    // Plugins and global contexts see each event; with neither, no view of it is built.
    const withHooks = hooks && (plugins.length > 0 || contexts.size > 0);

    return events.map((event, i) => {
      const eid = eids[i]!;
      const { e, fields, selfDescribing: sdj, inputError } = event ?? {};
      if (!Object.hasOwn(REQUIRED_FIELDS, e)) invalid(`${e} is not an event type`);
      if (inputError !== undefined) invalid(inputError);
      const payload: Record<string, string> = { e, eid, dtm, ...shared };
      if (fields) formatEventFields(payload, e, fields);
      for (const key of REQUIRED_FIELDS[e]) {
        if (payload[key] === undefined) invalid(`${e}: ${key} is required`);
      }
      if ((e === 'ue') !== (sdj !== undefined && sdj !== null)) {
        invalid(`${e}: ${e === 'ue' ? 'no' : 'unexpected'} self-describing event`);
      }
      if (sdj) {
        const json = unstructEventJson(selfDescribingText(sdj));
        if (encodeBase64) payload['ue_px'] = base64UrlEncode(json);
        else payload['ue_pr'] = json;
        targets?.events.push(sdj);
      }
      // Hooks see the payload as built so far: everything but the entities.
      const tracked: TrackedEvent | undefined = withHooks
        ? { eventType: e, eid, eventSchema: sdj?.schema, event, payload }
        : undefined;
      if (tracked && !runPlugins(plugins, 'beforeTrack', tracked, report)) return null;
      // The call's entities come first; only an event that adds its own needs a list of its own.
      let texts = callTexts;
      if (event.context || tracked) {
        texts = addEntities(event.context, [...callTexts], targets?.entities);
      }
      if (tracked) contexts.collect(tracked, texts, targets?.entities);
      if (texts.length > 0) {
        const json = contextsJson(texts);
        if (!encodeBase64) payload['co'] = json;
        else {
          if (json !== lastJson) lastEncoded = base64UrlEncode(json);
          lastJson = json;
          payload['cx'] = lastEncoded;
        }
      }
      checkSize(eid, payload);
      return payload;
    });
  };
}

// Serialises a caller's list of entities (the call's or one event's `context`) onto `texts`.
function addEntities(
  entities: readonly SelfDescribingJson<unknown>[] | undefined | null,
  texts: string[],
  sources: SelfDescribingJson<unknown>[] | undefined,
): string[] {
  if (entities !== undefined && entities !== null && !Array.isArray(entities)) {
    invalid('context: expected a list');
  }
  for (const entity of entities ?? []) {
    texts.push(selfDescribingText(entity));
    sources?.push(entity);
  }
  return texts;
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
