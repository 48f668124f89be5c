/** One data report of an Iglu `ValidationError`: a violation at a JSON pointer. */
export interface DataReport {
  readonly message: string;
  /** JSON pointer into the validated value (`/elements/0/type`), `''` for the root. */
  readonly path: string | null;
  readonly keyword: string | null;
  readonly targets: readonly string[] | null;
}

/** One entry of a `ResolutionError`'s lookup history: a root that did not have the schema. */
export interface LookupAttempt {
  readonly repository: string;
  readonly errors: readonly {
    readonly error: 'NotFound' | 'RepoFailure';
    readonly message?: string;
  }[];
  readonly attempts: number;
  readonly lastAttempt: string;
}

/** The Iglu client error of a failed resolution or validation. */
export type IgluClientError =
  | { readonly error: 'ResolutionError'; readonly lookupHistory: readonly LookupAttempt[] }
  | { readonly error: 'ValidationError'; readonly dataReports: readonly DataReport[] }
  | {
      readonly error: 'ValidationError';
      readonly schemaIssues: readonly { readonly path: string; readonly message: string }[];
    };

/** Why a JSON value is not self-describing (the bad-row schemas' enum). */
export type NotIgluReason =
  | 'INVALID_SCHEMAVER'
  | 'INVALID_IGLUURI'
  | 'INVALID_DATA_PAYLOAD'
  | 'INVALID_SCHEMA';

/**
 * One failure message of a bad row. Each variant is one branch of the `messages[]` `anyOf` in
 * the pipeline's bad-row schemas.
 */
export type FailureMessage =
  | { readonly field: string; readonly value: string | null; readonly expectation: string }
  | { readonly field: string; readonly value: string | null; readonly error: string }
  | { readonly json: unknown; readonly error: NotIgluReason }
  | { readonly schemaKey: string; readonly schemaCriterion: string }
  | { readonly schemaKey: string; readonly error: IgluClientError };

/**
 * A readable one-line summary of a failure message, for UIs and logs.
 *
 * @param message - any failure message
 */
export function describeFailureMessage(message: FailureMessage): string[] {
  if ('expectation' in message) return [`${message.field}: ${message.expectation}`];
  if ('field' in message) return [`${message.field}: ${message.error}`];
  if ('json' in message) return [`not self-describing JSON (${message.error})`];
  if ('schemaCriterion' in message) {
    return [`${message.schemaKey} does not match ${message.schemaCriterion}`];
  }
  const { error } = message;
  if (error.error === 'ResolutionError') {
    return [
      `${message.schemaKey} not found in ${error.lookupHistory.map((l) => l.repository).join(', ')}`,
    ];
  }
  if ('dataReports' in error) {
    // Report messages already name their location (a JSON pointer or the parameter).
    return error.dataReports.map((r) => `${message.schemaKey}: ${r.message}`);
  }
  return error.schemaIssues.map((i) => `${message.schemaKey} is invalid: ${i.message}`);
}
