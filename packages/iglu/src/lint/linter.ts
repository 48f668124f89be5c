import type { JsonSchema } from '../json-schema';
import type { IssueLevel } from '../registry-issue';

/** One igluctl lint check, run on every sub-schema igluctl visits. */
export interface Linter {
  /** igluctl's name for the check (the issue code). */
  readonly name: string;
  readonly level: IssueLevel;
  /**
   * Returns a message when the sub-schema fails the check, otherwise `undefined`.
   * @param schema - the sub-schema
   * @param pointer - its JSON pointer; `''` is the root
   */
  check(schema: JsonSchema, pointer: string): string | undefined;
}
