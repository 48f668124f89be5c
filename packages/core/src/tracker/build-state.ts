import type { InvalidEventError } from '../payload/invalid-event-error';
import type { KeysFragment } from '../payload/keys-fragment';
import type { ClockReading } from '../platform/clock';
import type { PluginError } from '../plugins/plugin-error';
import type { GroupShared } from './build-event';
import type { TrackerConfig } from './resolve-tracker-config';

/** What building an event reads from the tracker. */
export interface BuildState {
  readonly config: TrackerConfig;
  /** The header keys merged with the tracker's formatted subject; copied onto every event. */
  readonly base: Readonly<Record<string, string>>;
  /** {@link base} written once as JSON text. */
  readonly baseKeys: KeysFragment;
  /** Set when the tracker's subject is invalid: every event is then rejected with it. */
  readonly subjectError: InvalidEventError | undefined;
  /** `,"dtm":"…"` for an event tracked now: the clock as integer-ms digits. */
  deviceTimeKeys(): KeysFragment;
  /** The clock reading behind the last {@link deviceTimeKeys}, handed to emitters. */
  readonly clockReading: ClockReading | undefined;
  /**
   * What the events of a call without options share (most calls): one object, reused until the
   * clock's millisecond or the subject changes.
   */
  plainGroup(): GroupShared;
  /** Reports a plugin, generator or filter that threw. */
  readonly reportPluginError: (error: PluginError) => void;
}
