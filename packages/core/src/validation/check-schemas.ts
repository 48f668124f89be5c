import { FloeError } from '../errors/floe-error';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import { SchemaValidationError } from './schema-validation-error';
import type { SchemaViolation, ValidationOptions } from './validation-options';

/** The self-describing JSON of one track call that opt-in validation checks. */
export interface ValidationTargets {
  readonly events: SelfDescribingJson<unknown>[];
  readonly entities: SelfDescribingJson<unknown>[];
}

/**
 * Whether this track call is in the validation sample.
 *
 * @param options - the tracker's validation options.
 */
export function inValidationSample(options: ValidationOptions): boolean {
  const rate = options.sampleRate ?? 1;
  return rate >= 1 || Math.random() < rate;
}

/**
 * Runs the validators on a call's self-describing event and entities and applies `onViolation`.
 * URIs without a validator are not checked. A validator that throws is reported, not fatal.
 *
 * @param options - the tracker's validation options.
 * @param targets - what the call would send.
 * @param report - receives validator and `onViolation` faults (code `validation`, `callback`).
 * @throws SchemaValidationError when `onViolation` is `'throw'` and something failed.
 */
export function checkSchemas(
  options: ValidationOptions,
  targets: ValidationTargets,
  report: (error: FloeError) => void,
): void {
  const { validators, onViolation = 'warn' } = options;
  const violations: SchemaViolation[] = [];
  const inspect = (role: SchemaViolation['role']) => (sdj: SelfDescribingJson<unknown>) => {
    const validator = Object.hasOwn(validators, sdj.schema) ? validators[sdj.schema] : undefined;
    try {
      const issues = validator?.(sdj.data) ?? [];
      if (issues.length > 0) violations.push({ schema: sdj.schema, role, issues });
    } catch (error) {
      report(new SchemaValidationError([], error));
    }
  };
  targets.events.forEach(inspect('event'));
  targets.entities.forEach(inspect('entity'));
  if (violations.length === 0) return;
  if (onViolation === 'throw') throw new SchemaValidationError(violations);
  for (const violation of violations) {
    if (onViolation === 'warn') {
      console.warn(`[floe] ${new SchemaValidationError([violation]).message}`);
      continue;
    }
    try {
      onViolation(violation);
    } catch (error) {
      report(new FloeError('callback', 'validate.onViolation threw', { cause: error }));
    }
  }
}
