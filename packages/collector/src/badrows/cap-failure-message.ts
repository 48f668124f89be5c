import { truncateCodePoints } from '../util/code-points';
import { capDataReports, MAX_DATA_REPORTS } from './failure-limits';
import type { FailureMessage, IgluClientError } from './failure-message';

function capClientError(error: IgluClientError): IgluClientError {
  // A list the registry capped already ends with its count note: one more than the cap.
  if ('dataReports' in error && error.dataReports.length > MAX_DATA_REPORTS + 1) {
    return { ...error, dataReports: capDataReports(error.dataReports, (report) => report) };
  }
  if (error.error !== 'ResolutionError') return error;
  return {
    ...error,
    lookupHistory: error.lookupHistory.map((entry) => ({
      ...entry,
      errors: entry.errors.map((e) =>
        e.message === undefined ? e : { ...e, message: truncateCodePoints(e.message, 256) },
      ),
    })),
  };
}

/**
 * Applies the bad-row schemas' length caps to a message (`field` ≤ 64, `expectation` ≤ 256,
 * lookup messages ≤ 256), so the emitted bad row validates against its own schema, and keeps
 * at most `MAX_DATA_REPORTS` data reports, so one message cannot grow without bound.
 *
 * @param message - the message as built
 */
export function capFailureMessage(message: FailureMessage): FailureMessage {
  if ('expectation' in message) {
    return {
      ...message,
      field: truncateCodePoints(message.field, 64),
      expectation: truncateCodePoints(message.expectation, 256),
    };
  }
  if ('field' in message) return { ...message, field: truncateCodePoints(message.field, 64) };
  if ('schemaKey' in message && 'error' in message) {
    return { ...message, error: capClientError(message.error) };
  }
  return message;
}
