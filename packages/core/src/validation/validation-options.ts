/** One problem a schema validator found, located by JSON pointer. */
export interface SchemaIssue {
  /** JSON pointer into the data, `''` for the root. */
  readonly path: string;
  /**
   * What is wrong. It may start with the path, as `@floe/events` validators write it
   * (`/targetUrl: must be string`); otherwise the path is put in front when it is printed.
   */
  readonly message: string;
}

/** Checks data against one schema; an empty result means valid. Generated ahead of time, no eval. */
export type SchemaValidator = (data: unknown) => readonly SchemaIssue[];

/** What `onViolation` receives when a self-describing event or entity fails its schema. */
export interface SchemaViolation {
  readonly schema: string;
  /** Whether the failing value is the event itself or one of its entities. */
  readonly role: 'event' | 'entity';
  readonly issues: readonly SchemaIssue[];
}

/**
 * Opt-in runtime validation (decision 11): validators come from a separate import
 * (`@floe/events/validators`), so production bundles carry none unless asked for.
 */
export interface ValidationOptions {
  /** Validators by Iglu URI. A URI without a validator is not checked. */
  readonly validators: Readonly<Record<string, SchemaValidator>>;
  /**
   * `'throw'` (for tests) makes the track call throw a `SchemaValidationError` (code
   * `validation`); `'warn'` (the default) logs and sends the event anyway; a function receives
   * each violation.
   */
  readonly onViolation?: 'throw' | 'warn' | ((violation: SchemaViolation) => void);
  /** Fraction of events to validate, 0..1 (default 1), to keep a sample on in production. */
  readonly sampleRate?: number;
}
