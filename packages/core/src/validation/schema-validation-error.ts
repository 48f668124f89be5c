import { FloeError } from '../errors/floe-error';
import type { SchemaViolation } from './validation-options';

/**
 * A self-describing event or entity failed its schema under opt-in validation. With
 * `onViolation: 'throw'` the track call throws it; it is the only error a track call ever throws.
 * A subclass, not a plain `FloeError`, because it carries the {@link violations} a test asserts on.
 */
export class SchemaValidationError extends FloeError {
  override readonly name = 'SchemaValidationError';

  /**
   * @param violations - every failing event and entity of the call.
   * @param cause - what a validator threw, when one threw instead of answering.
   */
  constructor(
    readonly violations: readonly SchemaViolation[],
    cause?: unknown,
  ) {
    super('validation', describe(violations, cause), { cause });
  }
}

function describe(violations: readonly SchemaViolation[], cause: unknown): string {
  if (violations.length === 0) return `a schema validator threw: ${cause}`;
  return violations
    .map(({ role, schema, issues }) => `${role} ${schema}: ${issues.map(describeIssue).join('; ')}`)
    .join('\n');
}

// The path once: `/targetUrl: must be string`, whether or not the validator's message has it.
function describeIssue({ path, message }: SchemaViolation['issues'][number]): string {
  const where = `${path || '/'}:`;
  return message.startsWith(where) ? message : `${where} ${message}`;
}
