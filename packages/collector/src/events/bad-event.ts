import type { BadRow } from '../badrows/bad-row';
import type { ApiRoute, PayloadContext, PayloadSource, RawEvent } from './raw-event';

/** The request a bad event came from (Micro's `collectorPayload`). */
export interface CollectorPayloadView {
  readonly api: ApiRoute;
  /** `name=value` strings, decoded. */
  readonly querystring: readonly string[];
  readonly contentType: string | null;
  /**
   * The body text; `null` for size violations and body-less requests, and for the later
   * per-event bad rows of a large batch, once repeating the body would pass a row's size budget.
   */
  readonly body: string | null;
  readonly source: PayloadSource;
  readonly context: PayloadContext;
}

/**
 * A failure, in Snowplow Micro's JSON shape (local-collector.md §7.2), plus the parsed bad row.
 * `errors` starts with a human line, then the bad row as compact JSON text.
 */
export interface BadEvent {
  readonly collectorPayload: CollectorPayloadView;
  /** The raw event for per-event failures; `null` for request-level ones. */
  readonly rawEvent: RawEvent | null;
  readonly errors: readonly string[];
  /** The bad row (Floe addition; Micro clients ignore it). */
  readonly badRow: BadRow;
}
