import type { GlobalContext } from '../contexts/global-context';
import type { FlushResult } from '../protocol/drop-report';
import type { FlushOptions } from '../emitter/emitter';
import { FloeError } from '../errors/floe-error';
import type { Payload } from '../protocol/payload';
import type { EncodedEvent } from '../payload/encoded-event';
import { flatten } from '../payload/flatten';
import { InvalidEventError } from '../payload/invalid-event-error';
import { joinKeys, KeysFragment } from '../payload/keys-fragment';
import { keysFragment } from '../payload/payload-text';
import type { ClockReading } from '../platform/clock';
import type { PluginError } from '../plugins/plugin-error';
import { formatSubject } from '../subject/format-subject';
import type { TrackOptions } from '../track-options';
import {
  checkSchemas,
  inValidationSample,
  type ValidationTargets,
} from '../validation/check-schemas';
import type { GroupShared } from './build-event';
import { buildGroup, NO_TEXTS } from './build-group';
import type { BuildState } from './build-state';
import type { Tracker } from './tracker';
import { flushEmitters } from './flush-emitters';
import { formatTimestamp } from './format-timestamp';
import type { TrackerConfig } from './resolve-tracker-config';
import { runAfterTrack } from './run-plugins';
import type { SubjectFields } from './subject-fields';
import type { CoreEvent, TrackerStats } from './tracker';
import { TrackerCallbackError } from './tracker-callback-error';
import { TrackerClosedError } from './tracker-closed-error';

/** The stateful tracker behind `createTracker`. Methods live on the prototype: no per-event closures. */
export class TrackerRuntime implements Tracker, BuildState {
  readonly namespace: string;
  readonly trackerVersion: string;
  base: Readonly<Record<string, string>>;
  baseKeys: KeysFragment;
  subjectError: InvalidEventError | undefined;
  readonly reportPluginError: (error: PluginError) => void;
  private closed = false;
  private shutdownResult: Promise<FlushResult> | undefined;
  private readonly hasAfterTrack: boolean;
  private lastNow = Number.NaN;
  private lastDtmKeys = new KeysFragment('', 0);
  /** The reading behind {@link lastDtmKeys}: one object per millisecond, handed to emitters. */
  clockReading: ClockReading | undefined;
  /** What calls without options share; dropped when the subject changes. */
  private plain: GroupShared | undefined;
  /** The `dtm` keys {@link plain} was made with. */
  private plainTimes: KeysFragment | undefined;

  /** @param config - checked options from `resolveTrackerConfig`. */
  constructor(readonly config: TrackerConfig) {
    this.namespace = config.namespace;
    this.trackerVersion = config.trackerVersion;
    this.base = { ...config.header, ...config.subject };
    this.baseKeys = keysFragment(this.base);
    this.reportPluginError = (error) => config.reporter.error(error);
    this.hasAfterTrack = config.plugins.some((plugin) => plugin.afterTrack !== undefined);
  }

  track(events: readonly CoreEvent[], options?: TrackOptions): string[] {
    const { reporter, generateEventId, validation } = this.config;
    if (!Array.isArray(events)) {
      reporter.drop('invalid', [], [], new InvalidEventError('track() needs an array of events'));
      return [];
    }
    const eids = new Array<string>(events.length);
    for (let i = 0; i < events.length; i++) eids[i] = generateEventId();
    if (this.closed) {
      this.rejectClosed(events, eids, options);
      return eids;
    }
    const targets: ValidationTargets | undefined =
      validation !== undefined && inValidationSample(validation)
        ? { events: [], entities: [] }
        : undefined;
    let built: (EncodedEvent | null)[];
    try {
      built = buildGroup(this, events, eids, options, true, targets);
    } catch (error) {
      this.rejectInvalid(error, events, eids);
      return eids;
    }
    // The one opt-in path that may throw, before anything of the call is queued.
    if (targets !== undefined) checkSchemas(validation!, targets, reporter);
    for (const event of built) {
      if (event === null) reporter.filtered++;
      else this.emit(event);
    }
    return eids;
  }

  deviceTimeKeys(): KeysFragment {
    const now = this.config.clock.now();
    // Many events share a millisecond; format each clock reading once.
    if (now !== this.lastNow) {
      // Flat, as it is copied into every event of this millisecond.
      const text = flatten(',"dtm":"' + formatTimestamp(now, 'dtm') + '"');
      this.lastDtmKeys = new KeysFragment(text, text.length);
      this.clockReading = { clock: this.config.clock, now };
      this.lastNow = now;
    }
    return this.lastDtmKeys;
  }

  plainGroup(): GroupShared {
    const times = this.deviceTimeKeys();
    let shared = this.plain;
    if (shared === undefined || times !== this.plainTimes) {
      const keys = joinKeys(times, this.baseKeys);
      shared = { keys, callTexts: NO_TEXTS, hooks: true, targets: undefined };
      this.plain = shared;
      this.plainTimes = times;
    }
    return shared;
  }

  setSubject(subject: SubjectFields | undefined): void {
    let formatted = {};
    this.subjectError = undefined;
    if (subject !== undefined && subject !== null) {
      try {
        formatted = formatSubject(subject);
      } catch (error) {
        // Reported with every event it rejects, until a valid subject is set.
        this.subjectError =
          error instanceof InvalidEventError
            ? error
            : new InvalidEventError(`subject: ${String(error)}`, { cause: error });
      }
    }
    this.base = { ...this.config.header, ...formatted };
    this.baseKeys = keysFragment(this.base);
    this.plain = undefined;
  }

  stats(): TrackerStats {
    return this.config.reporter.stats();
  }

  flush(options?: FlushOptions): Promise<FlushResult> {
    return flushEmitters(this.config, 'flush', options);
  }

  shutdown(options?: FlushOptions): Promise<FlushResult> {
    this.closed = true;
    this.shutdownResult ??= flushEmitters(this.config, 'shutdown', options);
    return this.shutdownResult;
  }

  addGlobalContexts(
    contexts: readonly GlobalContext[] | Readonly<Record<string, GlobalContext>>,
  ): void {
    this.config.contexts.add(contexts);
  }

  removeGlobalContexts(contexts: readonly (GlobalContext | string)[]): void {
    this.config.contexts.remove(contexts);
  }

  clearGlobalContexts(): void {
    this.config.contexts.clear();
  }

  private emit(event: EncodedEvent): void {
    const { emitters, reporter } = this.config;
    // Parsed from the text at most once, and only for an emitter or plugin that needs the object.
    let payload: Payload | undefined;
    for (const emitter of emitters) {
      try {
        if (emitter.addEncoded !== undefined) {
          emitter.addEncoded(event);
        } else {
          payload ??= event.payload;
          emitter.add(payload);
        }
      } catch (error) {
        reporter.error(new TrackerCallbackError('an emitter threw from add()', error));
      }
    }
    reporter.tracked++;
    if (this.hasAfterTrack) runAfterTrack(this, payload ?? event.payload);
  }

  private rejectInvalid(error: unknown, events: readonly CoreEvent[], eids: string[]): void {
    const floeError =
      error instanceof FloeError
        ? error
        : new InvalidEventError(`the event could not be built: ${String(error)}`, { cause: error });
    const reason = floeError.code === 'too_large' ? 'too_large' : 'invalid';
    this.config.reporter.drop(reason, eids, this.skeletons(events, eids), floeError);
  }

  private rejectClosed(events: readonly CoreEvent[], eids: string[], options?: TrackOptions): void {
    let payloads: Payload[];
    try {
      // Built without plugins or generators, so the report carries what would have been sent.
      payloads = buildGroup(this, events, eids, options, false, undefined).flatMap((event) =>
        event === null ? [] : [event.payload],
      );
    } catch {
      payloads = this.skeletons(events, eids);
    }
    this.config.reporter.drop('closed', eids, payloads, new TrackerClosedError());
  }

  // What a drop report can show of events that could not be built: their ids and the tracker keys.
  private skeletons(events: readonly CoreEvent[], eids: readonly string[]): Payload[] {
    return eids.map((eid, i) => {
      const e = (events[i] as Partial<CoreEvent> | null)?.e;
      return typeof e === 'string'
        ? { e, eid, ...this.config.header }
        : { eid, ...this.config.header };
    });
  }
}
