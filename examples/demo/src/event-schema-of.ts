import type { MicroRawEvent } from './micro-types';

// The synthetic URIs the collector gives built-in events (local-collector.md §7.1), so good and
// bad rows can be counted under the same schema names.
const BUILT_IN_SCHEMAS: Readonly<Record<string, string>> = {
  pv: 'iglu:com.snowplowanalytics.snowplow/page_view/jsonschema/1-0-0',
  pp: 'iglu:com.snowplowanalytics.snowplow/page_ping/jsonschema/1-0-0',
  se: 'iglu:com.google.analytics/event/jsonschema/1-0-0',
  tr: 'iglu:com.snowplowanalytics.snowplow/transaction/jsonschema/1-0-0',
  ti: 'iglu:com.snowplowanalytics.snowplow/transaction_item/jsonschema/1-0-0',
};

/**
 * The event schema a raw tracker event belongs to: the inner URI of a self-describing event
 * (`ue_pr`, or base64url `ue_px`), or the synthetic URI of a built-in event.
 *
 * @param raw - the raw event of a bad row.
 * @returns the URI, or `'(unreadable event)'` when the event says too little to tell.
 */
export function eventSchemaOf(raw: MicroRawEvent): string {
  const { e, ue_pr: plain, ue_px: encoded } = raw.parameters;
  if (e !== 'ue') return (e !== undefined && BUILT_IN_SCHEMAS[e]) || '(unreadable event)';
  const text = plain ?? (encoded === undefined ? undefined : decodeBase64Url(encoded));
  try {
    const envelope = JSON.parse(text ?? '') as { data?: { schema?: unknown } };
    const schema = envelope.data?.schema;
    return typeof schema === 'string' ? schema : '(unreadable event)';
  } catch {
    return '(unreadable event)';
  }
}

function decodeBase64Url(value: string): string {
  // Buffer's base64url decoder accepts padded and unpadded input alike.
  return Buffer.from(value, 'base64url').toString('utf8');
}
