import type { RegistryIssue } from '../registry-issue';

/**
 * A finding about a spec file. Codes: `InvalidJson`, `specFormat` (the file breaks the spec
 * format), `specCardinality`, `specDuplicate` (a name or an entity listed twice), `specTarget`
 * (a rule aimed at an entity the spec does not list), `specUnknownUri`, `specRulePath`,
 * `specRuleImpossible` (errors), `specRuleRedundant` (warning).
 */
export interface SpecIssue extends RegistryIssue {
  /** The spec's name, when the file got far enough to have one. */
  readonly spec?: string;
  /** 1-based line of the value the finding is about, when known. */
  readonly line?: number;
  /** 1-based column of that value, when known. */
  readonly column?: number;
  /** 0-based offset of that value in the file's text, when known. */
  readonly offset?: number;
}
