/** Severity of a registry, consistency or lint finding, as igluctl grades them. */
export type IssueLevel = 'error' | 'warning' | 'info';

/**
 * One finding about a schema file, a family of schemas or a sub-schema.
 * `code` is an igluctl name: a layout or consistency error (`PathMismatch`, `InitMissing`,
 * `Gaps`, `NotInitSingle`, `InvalidJson`, `InvalidSelf`, `InvalidPath`) or a linter name
 * (`schemaUri`, `rootObject`, …).
 */
export interface RegistryIssue {
  readonly level: IssueLevel;
  readonly code: string;
  readonly message: string;
  /** The `iglu:` URI concerned, when known. */
  readonly uri?: string;
  /** The absolute file path concerned, when known. */
  readonly file?: string;
  /** JSON pointer of the sub-schema, for lint findings (`''` is the root). */
  readonly pointer?: string;
}
