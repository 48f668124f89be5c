import type { FailureMessage } from '../badrows/failure-message';

/**
 * One failure of one event (steps 8–11): the bad-row message, plus what the failure entity of
 * the incomplete event needs (which parameter it came from, the schema and the data at fault).
 */
export interface EventFailure {
  readonly message: FailureMessage;
  /** `unstruct`, `contexts`, or the atomic field / parameter at fault. */
  readonly source: string;
  readonly schema: string | null;
  readonly data: unknown;
}
