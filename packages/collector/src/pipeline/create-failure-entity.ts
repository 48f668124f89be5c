import type { FailureMessage } from '../badrows/failure-message';
import type { EventFailure } from './event-failure';

/** The schema of the failure entities attached to incomplete events. */
export const FAILURE_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/failure/jsonschema/1-0-0';

const NOT_IGLU_TEXT: Readonly<Record<string, string>> = {
  INVALID_SCHEMAVER: 'Invalid schema version',
  INVALID_IGLUURI: 'Invalid Iglu URI',
  INVALID_DATA_PAYLOAD: 'Invalid data payload',
  INVALID_SCHEMA: 'Invalid schema',
};

function failureDetails(
  message: FailureMessage,
  source: string,
): [string, Record<string, unknown>[]] {
  if ('field' in message) {
    const text = 'expectation' in message ? message.expectation : message.error;
    return ['NotJSON', [{ message: text, source }]];
  }
  if ('json' in message) return ['NotIglu', [{ message: NOT_IGLU_TEXT[message.error], source }]];
  if ('schemaCriterion' in message) {
    const text = `Unexpected schema: ${message.schemaKey} does not match the criterion`;
    return ['CriterionMismatch', [{ message: text, source, criterion: message.schemaCriterion }]];
  }
  const { error } = message;
  if (error.error === 'ResolutionError') {
    const text = `Resolution error: schema ${message.schemaKey} not found`;
    return ['ResolutionError', [{ message: text, source, lookupHistory: error.lookupHistory }]];
  }
  if ('dataReports' in error) {
    return ['ValidationError', error.dataReports.map((report) => ({ ...report, source }))];
  }
  return [
    'ValidationError',
    error.schemaIssues.map((issue) => ({
      message: `Invalid schema: ${message.schemaKey} - ${issue.message}`,
      source,
      path: issue.path,
    })),
  ];
}

/**
 * The `failure/1-0-0` entity describing one failure, added to the incomplete event's
 * `derived_contexts` (local-collector.md §5.2), in the shape enrich gives it.
 *
 * @param failure - the event failure
 * @param timestamp - processing time, ISO-8601
 * @param processor - component name and version
 */
export function createFailureEntity(
  failure: EventFailure,
  timestamp: string,
  processor: { readonly artifact: string; readonly version: string },
): { schema: string; data: Record<string, unknown> } {
  const [failureType, errors] = failureDetails(failure.message, failure.source);
  const data = failure.data;
  return {
    schema: FAILURE_SCHEMA,
    data: {
      failureType,
      errors,
      schema: failure.schema,
      data: typeof data === 'object' && data !== null && !Array.isArray(data) ? data : null,
      timestamp,
      componentName: processor.artifact,
      componentVersion: processor.version,
    },
  };
}
