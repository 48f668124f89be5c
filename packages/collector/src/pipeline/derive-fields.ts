import type { EnrichedEvent } from '../enriched/enriched-fields';
import { toIsoTimestamp } from '../util/timestamps';
import type { EventTimes } from './map-atomic-fields';
import { explodeUrl } from './url-parts';

/** Synthetic schema URIs of the built-in event types (local-collector.md §7.1). */
const BUILT_IN_SCHEMAS: Readonly<Record<string, string>> = {
  page_view: 'iglu:com.snowplowanalytics.snowplow/page_view/jsonschema/1-0-0',
  page_ping: 'iglu:com.snowplowanalytics.snowplow/page_ping/jsonschema/1-0-0',
  transaction: 'iglu:com.snowplowanalytics.snowplow/transaction/jsonschema/1-0-0',
  transaction_item: 'iglu:com.snowplowanalytics.snowplow/transaction_item/jsonschema/1-0-0',
  struct: 'iglu:com.google.analytics/event/jsonschema/1-0-0',
  ad_impression: 'iglu:com.snowplowanalytics.snowplow/ad_impression/jsonschema/1-0-0',
};

const URI_PARTS = /^iglu:([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/;

/**
 * The derived timestamp of local-collector.md §9, in integer milliseconds: the true timestamp if
 * sent; else collector time minus the on-device queue time when created < sent; else collector
 * time.
 *
 * @param times - the event's valid device and true timestamps (epoch ms)
 * @param collector - collector time (epoch ms)
 */
export function deriveTimestamp(times: EventTimes, collector: number): number {
  if (times.true !== undefined) return times.true;
  const { created, sent } = times;
  if (created !== undefined && sent !== undefined && created < sent) {
    return collector - (sent - created);
  }
  return collector;
}

/**
 * Step 12: `derived_tstamp`, `event_vendor/name/format/version` (from the self-describing
 * event's schema, or the synthetic URI of a built-in type) and the `page_*` / `refr_*` URL parts.
 *
 * @param event - the event, mutated in place
 * @param eventSchema - the inner schema URI of a self-describing event, if any
 * @param times - the event's valid device and true timestamps
 * @param collector - collector time (epoch ms)
 * @returns the event's schema URI (GoodEvent `schema`), or `null`
 */
export function deriveFields(
  event: EnrichedEvent,
  eventSchema: string | null,
  times: EventTimes,
  collector: number,
): string | null {
  const derived = deriveTimestamp(times, collector);
  // A true timestamp is already formatted; reuse its text.
  event['derived_tstamp'] = derived === times.true ? event['true_tstamp'] : toIsoTimestamp(derived);
  const type = typeof event['event'] === 'string' ? event['event'] : '';
  const schema = type === 'unstruct' ? eventSchema : (BUILT_IN_SCHEMAS[type] ?? null);
  const parts = schema ? URI_PARTS.exec(schema) : null;
  if (parts) {
    event['event_vendor'] = parts[1];
    event['event_name'] = parts[2];
    event['event_format'] = parts[3];
    event['event_version'] = parts[4];
  }
  for (const [source, prefix] of [
    ['page_url', 'page'],
    ['page_referrer', 'refr'],
  ] as const) {
    const url = event[source];
    const exploded = typeof url === 'string' ? explodeUrl(url) : undefined;
    if (!exploded) continue;
    event[`${prefix}_urlscheme`] = exploded.scheme;
    event[`${prefix}_urlhost`] = exploded.host;
    event[`${prefix}_urlport`] = exploded.port;
    event[`${prefix}_urlpath`] = exploded.path;
    event[`${prefix}_urlquery`] = exploded.query;
    event[`${prefix}_urlfragment`] = exploded.fragment;
  }
  return parts ? schema : null;
}
