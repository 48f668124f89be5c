import type { FloeError } from '../errors/floe-error';
import { guarded } from '../errors/guarded';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import { SchemaValidationError } from './schema-validation-error';
import type { SchemaViolation, ValidationOptions } from './validation-options';

/** The self-describing JSON of one track call that opt-in validation checks. */
export interface ValidationTargets {
  readonly events: SelfDescribingJson<unknown>[];
  readonly entities: SelfDescribingJson<unknown>[];
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
  { validators, onViolation = 'warn' }: ValidationOptions,
  { events, entities }: ValidationTargets,
  report: (error: FloeError) => void,
): void {
  const violations: SchemaViolation[] = [];
  const check = (role: SchemaViolation['role']) => {
    return ({ schema, data }: SelfDescribingJson<unknown>) => {
      const validate = () => (Object.hasOwn(validators, schema) && validators[schema]!(data)) || [];
      const issues = guarded(validate, report, 'validation', `validator of ${schema} threw`);
      if (issues?.length) violations.push({ schema, role, issues });
    };
  };
  events.forEach(check('event'));
  entities.forEach(check('entity'));
  if (violations.length > 0 && onViolation === 'throw') throw new SchemaValidationError(violations);
  for (const violation of violations) {
    guarded(
      () =>
        onViolation === 'warn'
          ? console.warn(`[floe] ${new SchemaValidationError([violation]).message}`)
          : (onViolation as (violation: SchemaViolation) => void)(violation),
      report,
      'callback',
      'validate.onViolation threw',
    );
  }
}
