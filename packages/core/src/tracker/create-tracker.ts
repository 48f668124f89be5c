import { createGlobalContextRegistry } from '../contexts/global-context-registry';
import { FloeError } from '../errors/floe-error';
import { guarded } from '../errors/guarded';
import { runPlugins } from '../plugins/run-plugins';
import type { DropReason, FlushResult } from '../protocol/drop-report';
import { formatFields } from '../protocol/format-field';
import type { Payload } from '../protocol/payload';
import { formatSubject } from '../subject/format-subject';
import { checkSchemas, type ValidationTargets } from '../validation/check-schemas';
import { createPayloadBuilder } from './build-payload';
import { createEventIdGenerator } from './create-event-id-generator';
import { flushEmitters } from './flush-emitters';
import type { Tracker } from './tracker';
import type { TrackerOptions } from './tracker-options';
import { trackerVersion } from './tracker-version';

/**
 * Creates a tracker: it builds tracker-protocol events and hands each one to its emitters.
 * Creation is the only step that throws; track calls never do (bad events become reported drops).
 *
 * @param options - see {@link TrackerOptions}; `namespace`, `platform` and `emitters` are required.
 * @returns the tracker, to pass to `trackPageView(tracker, …)` and the other track functions.
 * @throws FloeError (code `invalid_config`) when the namespace, platform, app id, subject,
 *   emitters or global contexts cannot work. The other options are left to the type checker: a
 *   wrong one is reported when it is used, never lost silently.
 * @example
 * const tracker = createTracker({
 *   namespace: 'shop',
 *   platform: 'srv',
 *   appId: 'checkout',
 *   emitters: [createEmitter({ endpoint: 'https://collector.example.com' })],
 * });
 * trackPageView(tracker, { pageUrl: 'https://shop.example.com/' });
 */
export function createTracker(options: TrackerOptions): Tracker {
  const { emitters, plugins = [], validate, onDrop, onError } = options ?? {};
  const counts = { tracked: 0, filtered: 0, dropped: {} as Record<string, number> };
  // Every error the tracker catches ends here. An `onError` that throws goes to the console, so
  // reporting can never break `track`.
  const report = (error: FloeError): void => {
    try {
      if (onError) onError(error);
      else console.warn(`[floe] ${error.code}: ${error.message}`);
    } catch (thrown) {
      console.error('[floe] onError threw', thrown);
    }
  };
  const drop = (reason: DropReason, eids: string[], events: Payload[], error: FloeError) => {
    counts.dropped[reason] = (counts.dropped[reason] ?? 0) + eids.length;
    guarded(() => onDrop?.({ reason, eids, events, error }), report, 'callback', 'onDrop threw');
    report(error);
  };
  const contexts = createGlobalContextRegistry(report);
  let header: Payload;
  let base: Payload;
  try {
    // Each check is one that no later report could explain: without them events vanish.
    if (!Array.isArray(emitters) || !emitters.length || !emitters.every((e) => e?.add)) {
      throw new Error('emitters: expected a non-empty list');
    }
    header = formatFields(
      { tv: trackerVersion(options.adapter) },
      { tna: options.namespace, p: options.platform, aid: options.appId },
    );
    if (!header['tna'] || !header['p']) throw new Error('namespace and platform are required');
    base = { ...header, ...formatSubject(options.subject) };
    if (options.globalContexts) contexts.add(options.globalContexts);
  } catch (error) {
    // Whichever check refused it, an option that cannot work is a configuration error.
    throw new FloeError('invalid_config', (error as Error).message, { cause: error });
  }
  const nextEventId = options.generateEventId ?? createEventIdGenerator();
  const build = createPayloadBuilder({
    encodeBase64: options.encodeBase64 ?? emitters.some((emitter) => emitter.method === 'GET'),
    plugins,
    contexts,
    clock: options.clock ?? Date,
    report,
  });
  // Set while the subject given to setSubject is invalid: every event is rejected with it.
  let subjectError: unknown;
  let closed = false;
  let shutdownResult: Promise<FlushResult> | undefined;

  return {
    namespace: header['tna']!,
    trackerVersion: header['tv']!,
    track(events, trackOptions) {
      if (!Array.isArray(events)) {
        drop('invalid', [], [], new FloeError('invalid_event', 'track() needs a list of events'));
        return [];
      }
      const eids = events.map(() => nextEventId());
      const targets: ValidationTargets | undefined =
        validate && !closed && Math.random() < (validate.sampleRate ?? 1)
          ? { events: [], entities: [] }
          : undefined;
      let payloads: (Payload | null)[];
      let error: FloeError | undefined;
      try {
        if (subjectError !== undefined) throw subjectError;
        // After shutdown, built without hooks, so the report shows what would have been sent.
        payloads = build(base, events, eids, trackOptions, !closed, targets);
      } catch (thrown) {
        error = FloeError.isInstance(thrown)
          ? (thrown as FloeError)
          : new FloeError('invalid_event', String(thrown), { cause: thrown });
        payloads = eids.map((eid, i) => ({ e: String(events[i]?.e), eid }));
      }
      if (closed) error = new FloeError('closed', 'the tracker is shut down');
      if (error) {
        const { code } = error;
        drop(
          code === 'too_large' || code === 'closed' ? code : 'invalid',
          eids,
          payloads as Payload[],
          error,
        );
        return eids;
      }
      // The one opt-in path that may throw, before anything of the call is queued.
      if (targets) checkSchemas(validate!, targets, report);
      for (const payload of payloads) {
        if (payload === null) {
          counts.filtered++;
          continue;
        }
        for (const emitter of emitters) {
          guarded(() => emitter.add(payload), report, 'callback', 'emitter.add threw');
        }
        counts.tracked++;
        if (plugins.length > 0) runPlugins(plugins, 'afterTrack', payload, report);
      }
      return eids;
    },
    setSubject(subject) {
      subjectError = undefined;
      try {
        base = { ...header, ...formatSubject(subject) };
      } catch (thrown) {
        subjectError = thrown;
      }
    },
    stats: () => ({ ...counts, dropped: { ...counts.dropped } }),
    flush: (flushOptions) => flushEmitters(emitters, 'flush', flushOptions, report),
    shutdown(flushOptions) {
      closed = true;
      shutdownResult ??= flushEmitters(emitters, 'shutdown', flushOptions, report);
      return shutdownResult;
    },
    addGlobalContexts: contexts.add,
    removeGlobalContexts: contexts.remove,
    clearGlobalContexts: contexts.clear,
  };
}
