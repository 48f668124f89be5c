import type { GlobalContext } from '../contexts/global-context';
import type { Emitter } from '../emitter/emitter';
import type { FloeError } from '../errors/floe-error';
import type { TrackerPlugin } from '../plugins/tracker-plugin';
import type { DropReport } from '../protocol/drop-report';
import type { Platform } from '../protocol/platform-code';
import type { SubjectFields } from '../subject/subject-fields';
import type { ValidationOptions } from '../validation/validation-options';

/** Which Floe package drives the tracker; it becomes the middle of `tv`. */
export interface TrackerAdapter {
  readonly name: 'core' | 'node' | 'browser' | 'edge';
  /** The adapter package's own version. */
  readonly version: string;
}

/** Options of `createTracker`. */
export interface TrackerOptions {
  /** Tracker namespace (`tna`), 1–128 characters. */
  readonly namespace: string;
  /** Platform (`p`) of every event, unless a subject overrides it. */
  readonly platform: Platform;
  /** Application id (`aid`), up to 255 characters. */
  readonly appId?: string;
  /** Where events go. Every event is handed to each emitter. At least one. */
  readonly emitters: readonly Emitter[];
  /**
   * Base64url-encode self-describing JSON (`ue_px`, `cx` instead of `ue_pr`, `co`). Defaults to
   * on when an emitter sends with GET, else off.
   */
  readonly encodeBase64?: boolean;
  /** The tracker's subject; per-event subjects merge over it. */
  readonly subject?: SubjectFields;
  /** Hooks run on every event, in order. */
  readonly plugins?: readonly TrackerPlugin[];
  /** Entities attached to every (or, when conditional, some) event, after the call's own. */
  readonly globalContexts?: readonly GlobalContext[] | Readonly<Record<string, GlobalContext>>;
  /** Opt-in schema validation of self-describing events and entities (decision 11). */
  readonly validate?: ValidationOptions;
  /** Receives events rejected at track time (`invalid`, `too_large`, `closed`). */
  readonly onDrop?: (report: DropReport) => void;
  /** Receives every error the tracker caught; without it they are logged with `console.warn`. */
  readonly onError?: (error: FloeError) => void;
  /** Source of `dtm`; defaults to `Date.now`. */
  readonly clock?: { now(): number };
  /** Set by adapter packages: `tv` becomes `floe-<name>-<version>`. */
  readonly adapter?: TrackerAdapter;
  /** Source of event ids, for tests; must return unique UUID v4 strings. Defaults to Web Crypto. */
  readonly generateEventId?: () => string;
}
