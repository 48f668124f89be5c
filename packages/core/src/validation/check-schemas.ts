import type { SelfDescribingJson } from '../protocol/self-describing-json';
import { TrackerCallbackError } from '../tracker/tracker-callback-error';
import type { TrackerReporter } from '../tracker/tracker-reporter';
import type { SchemaViolation, ValidationOptions } from '../validation-options';
import { SchemaValidationError } from './schema-validation-error';

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
  return rate >= 1 || (rate > 0 && Math.random() < rate);
}

/**
 * Runs the validators on a call's self-describing event and entities and applies `onViolation`.
 * URIs without a validator are not checked. A validator that throws is reported, not fatal.
 *
 * @param options - the tracker's validation options.
 * @param targets - what the call would send.
 * @param reporter - receives validator and `onViolation` faults.
 * @throws SchemaValidationError when `onViolation` is `'throw'` and something failed.
 */
export function checkSchemas(
  options: ValidationOptions,
  targets: ValidationTargets,
  reporter: TrackerReporter,
): void {
  const violations: SchemaViolation[] = [];
  for (const event of targets.events) inspect(options, event, 'event', violations, reporter);
  for (const entity of targets.entities) inspect(options, entity, 'entity', violations, reporter);
  if (violations.length === 0) return;
  const onViolation = options.onViolation ?? 'warn';
  if (onViolation === 'throw') throw new SchemaValidationError(violations);
  for (const violation of violations) {
    if (onViolation === 'warn') {
      console.warn(`[floe] ${new SchemaValidationError([violation]).message}`);
      continue;
    }
    try {
      onViolation(violation);
    } catch (error) {
      reporter.error(new TrackerCallbackError('validate.onViolation threw', error));
    }
  }
}

function inspect(
  options: ValidationOptions,
  sdj: SelfDescribingJson<unknown>,
  role: SchemaViolation['role'],
  violations: SchemaViolation[],
  reporter: TrackerReporter,
): void {
  const validator = Object.hasOwn(options.validators, sdj.schema)
    ? options.validators[sdj.schema]
    : undefined;
  if (validator === undefined) return;
  try {
    const issues = validator(sdj.data);
    if (issues.length > 0) violations.push({ schema: sdj.schema, role, issues });
  } catch (error) {
    reporter.error(new SchemaValidationError([], error));
  }
}
