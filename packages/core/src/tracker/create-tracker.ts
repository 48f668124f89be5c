import { FloeError } from '../errors/floe-error';
import { runAfterTrack } from '../plugins/run-plugins';
import type { CoreEvent } from '../protocol/core-event';
import type { FlushResult } from '../protocol/drop-report';
import type { Payload } from '../protocol/payload';
import { formatSubject } from '../subject/format-subject';
import {
  checkSchemas,
  inValidationSample,
  type ValidationTargets,
} from '../validation/check-schemas';
import { buildPayloads } from './build-payloads';
import { flushEmitters } from './flush-emitters';
import { resolveTrackerConfig } from './resolve-tracker-config';
import type { TrackOptions } from './track-options';
import type { Tracker } from './tracker';
import type { TrackerOptions } from './tracker-options';

/**
 * Creates a tracker: it builds tracker-protocol events and hands each one to its emitters.
 * Creation is the only step that throws; track calls never do (bad events become reported drops).
 *
 * @param options - see {@link TrackerOptions}; `namespace`, `platform` and `emitters` are required.
 * @returns the tracker, to pass to `trackPageView(tracker, …)` and the other track functions.
 * @throws FloeError (code `invalid_config`) when an option cannot work.
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
  const config = resolveTrackerConfig(options);
  const { header, emitters, plugins, contexts, validation, reporter, generateEventId } = config;
  const report = reporter.error;
  let base: Payload = { ...header, ...config.subject };
  // Set while the subject given to setSubject is invalid: every event is rejected with it.
  let subjectError: FloeError | undefined;
  let closed = false;
  let shutdownResult: Promise<FlushResult> | undefined;

  const build = (
    events: readonly CoreEvent[],
    eids: string[],
    options: TrackOptions | undefined,
    hooks: boolean,
    targets?: ValidationTargets,
  ) => {
    if (subjectError !== undefined) throw subjectError;
    return buildPayloads(config, base, events, eids, options, hooks, targets);
  };

  // What a drop report can show of events that could not be built: their ids and the tracker keys.
  const skeletons = (events: readonly CoreEvent[], eids: string[]): Payload[] =>
    eids.map((eid, i) => {
      const e = events[i]?.e;
      return typeof e === 'string' ? { e, eid, ...header } : { eid, ...header };
    });

  return {
    namespace: config.namespace,
    trackerVersion: config.trackerVersion,
    track(events, options) {
      if (!Array.isArray(events)) {
        const error = new FloeError('invalid_event', 'track() needs an array of events');
        reporter.drop('invalid', [], [], error);
        return [];
      }
      const eids = events.map(() => generateEventId());
      if (closed) {
        let payloads: Payload[];
        try {
          // Built without plugins or generators, so the report carries what would have been sent.
          payloads = build(events, eids, options, false) as Payload[];
        } catch {
          payloads = skeletons(events, eids);
        }
        const error = new FloeError(
          'closed',
          'the tracker was shut down; the event was not queued',
        );
        reporter.drop('closed', eids, payloads, error);
        return eids;
      }
      const targets =
        validation !== undefined && inValidationSample(validation)
          ? { events: [], entities: [] }
          : undefined;
      let payloads: (Payload | null)[];
      try {
        payloads = build(events, eids, options, true, targets);
      } catch (thrown) {
        const error = FloeError.isInstance(thrown)
          ? (thrown as FloeError)
          : new FloeError('invalid_event', `the event could not be built: ${thrown}`, {
              cause: thrown,
            });
        const reason = error.code === 'too_large' ? 'too_large' : 'invalid';
        reporter.drop(reason, eids, skeletons(events, eids), error);
        return eids;
      }
      // The one opt-in path that may throw, before anything of the call is queued.
      if (targets !== undefined) checkSchemas(validation!, targets, report);
      for (const payload of payloads) {
        if (payload === null) {
          reporter.filtered++;
          continue;
        }
        for (const emitter of emitters) {
          try {
            emitter.add(payload);
          } catch (error) {
            report(new FloeError('callback', 'an emitter threw from add()', { cause: error }));
          }
        }
        reporter.tracked++;
        runAfterTrack(plugins, payload, report);
      }
      return eids;
    },
    setSubject(subject) {
      subjectError = undefined;
      base = header;
      try {
        base = { ...header, ...formatSubject(subject ?? {}) };
      } catch (error) {
        subjectError = error as FloeError;
      }
    },
    stats: reporter.stats,
    flush: (options) => flushEmitters(emitters, 'flush', options, report),
    shutdown(options) {
      closed = true;
      shutdownResult ??= flushEmitters(emitters, 'shutdown', options, report);
      return shutdownResult;
    },
    addGlobalContexts: contexts.add,
    removeGlobalContexts: contexts.remove,
    clearGlobalContexts: contexts.clear,
  };
}
