import type { EnrichedEvent } from '../enriched/enriched-fields';
import type { RawEvent } from './raw-event';

/**
 * A processed event, in Snowplow Micro's JSON shape (local-collector.md §7.1). `incomplete`
 * events (stored when validation failed, with a failure entity in `derived_contexts`) never
 * appear in `/micro/good`.
 */
export interface GoodEvent {
  readonly rawEvent: RawEvent;
  /** The enriched `event` value: `page_view`, `struct`, `unstruct`… */
  readonly eventType: string | null;
  /** The event's schema URI (synthetic for built-in event types). */
  readonly schema: string | null;
  /** The entity schema URIs, in event order. */
  readonly contexts: readonly string[];
  /** All 131 enriched fields. */
  readonly event: EnrichedEvent;
  readonly incomplete: boolean;
}
