import { FloeError } from '../errors/floe-error';
import type { SchemaViolation } from './validation-options';

/**
 * A self-describing event or entity failed its schema under opt-in validation. With
 * `onViolation: 'throw'` the track call throws it; it is the only error a track call ever throws.
 * A subclass, not a plain `FloeError`, because it carries the {@link violations} a test asserts on.
 * Its message has one line per violation: `event iglu:…: /total: must be number; /id: …`.
 */
export class SchemaValidationError extends FloeError {
  /** Every failing event and entity of the call. */
  declare readonly violations: readonly SchemaViolation[];

  /** @param violations - every failing event and entity of the call. */
  constructor(violations: readonly SchemaViolation[]) {
    const lines = violations.map(({ role, schema, issues }) => {
      // The path once, whether or not the validator's message starts with it.
      const described = issues.map(({ path, message }) => {
        const where = `${path || '/'}:`;
        return message.startsWith(where) ? message : `${where} ${message}`;
      });
      return `${role} ${schema}: ${described.join('; ')}`;
    });
    super('validation', lines.join('\n'));
    this.name = 'SchemaValidationError';
    this.violations = violations;
  }
}
