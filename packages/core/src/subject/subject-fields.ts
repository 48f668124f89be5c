import type { Platform } from '../protocol/platform-code';

/** A width × height pair in pixels. */
export type Dimensions = readonly [width: number, height: number];

/**
 * Who and where: the subject keys of tracker protocol §1.3, with typed inputs. Every field is
 * optional; a per-event subject is merged over the tracker's field by field and the event wins.
 */
export interface SubjectFields {
  /** Business user id (`uid`). */
  readonly userId?: string;
  /** Overrides the tracker's platform for these events (`p`). */
  readonly platform?: Platform;
  /** Screen resolution (`res`). */
  readonly screenResolution?: Dimensions;
  /** Browser viewport (`vp`). */
  readonly viewport?: Dimensions;
  /** Document size (`ds`). */
  readonly documentSize?: Dimensions;
  /** Colour depth in bits (`cd`). */
  readonly colorDepth?: number;
  /** IANA time zone, e.g. `Europe/London` (`tz`). */
  readonly timezone?: string;
  /** BCP 47 language tag, e.g. `en-GB` (`lang`). */
  readonly language?: string;
  /** Document charset (`cs`). */
  readonly charset?: string;
  /** First-party device id (`duid`). */
  readonly domainUserId?: string;
  /** Network user id chosen by the tracker; sent as `tnuid`, which enrich treats as final. */
  readonly networkUserId?: string;
  /** Session id, a UUID (`sid`). */
  readonly sessionId?: string;
  /** Session index, a positive integer (`vid`). */
  readonly sessionIndex?: number;
  /** End-user IP address (`ip`). */
  readonly ipAddress?: string;
  /** End-user user agent (`ua`). */
  readonly useragent?: string;
  /** Whether the browser accepts cookies (`cookie`, sent as `1` or `0`). */
  readonly cookiesEnabled?: boolean;
}
