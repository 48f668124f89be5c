import type { FailureMessage } from './failure-message';

/** The bad-row types the local collector produces (local-collector.md §5.3). */
export type BadRowType =
  | 'size_violation'
  | 'adapter_failures'
  | 'tracker_protocol_violations'
  | 'schema_violations'
  | 'collector_payload_format_violation';

/** The schema version of each bad-row type, as the pipeline emits them. */
export const BAD_ROW_VERSIONS: Readonly<Record<BadRowType, string>> = {
  size_violation: '1-0-0',
  adapter_failures: '1-0-0',
  tracker_protocol_violations: '1-0-1',
  schema_violations: '2-0-1',
  collector_payload_format_violation: '1-0-0',
};

/**
 * The Iglu URI of a bad-row type.
 *
 * @param type - the bad-row type
 */
export function badRowSchemaUri(type: BadRowType): string {
  return `iglu:com.snowplowanalytics.snowplow.badrows/${type}/jsonschema/${BAD_ROW_VERSIONS[type]}`;
}

/** The software that produced a bad row. */
export interface Processor {
  readonly artifact: string;
  readonly version: string;
}

/** A bad row: a self-describing JSON whose data validates against the bad-row type's schema. */
export interface BadRow {
  readonly schema: string;
  readonly data: {
    readonly processor: Processor;
    readonly failure: {
      readonly timestamp: string;
      readonly messages?: readonly FailureMessage[];
      readonly [key: string]: unknown;
    };
    readonly payload: unknown;
  };
}
