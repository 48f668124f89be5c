import { checkCompiledSpec } from './check-compiled-spec';
import { compileSpec } from './compile-spec';
import type { CompiledSpec, SelfDescribingLike, SpecCheckIssue } from './compiled-spec';
import type { EventSpec } from './event-spec';

/** One way an event breaks a spec, naming the spec. */
export interface SpecViolation extends SpecCheckIssue {
  /** The spec's name (`Checkout`). */
  readonly spec: string;
}

/**
 * Checks an event against a spec, as the collector and the generated validators do: the event
 * URI, the count of every listed entity, and every property rule. Entities the spec does not
 * list (global contexts) are allowed. Never throws for bad data.
 *
 * @param spec - the spec as read from its file, or compiled with `compileSpec`
 * @param event - the self-describing event (`undefined` when the event is not self-describing)
 * @param entities - every entity the event carries
 * @returns the violations, `[]` when the event fits
 * @example
 * checkEventAgainstSpec(spec, { schema: CHECKOUT_URI, data }, [cart, product]);
 * // [{ spec: 'Checkout', target: 'event', path: '/currency', message: 'event: /currency must be one of "EUR", "USD", found "GBP"' }]
 */
export function checkEventAgainstSpec(
  spec: EventSpec | CompiledSpec,
  event: SelfDescribingLike | undefined,
  entities: readonly SelfDescribingLike[],
): SpecViolation[] {
  const compiled =
    typeof spec.event === 'string' ? (spec as CompiledSpec) : compileSpec(spec as EventSpec);
  return checkCompiledSpec(compiled, event, entities).map((issue) => ({
    spec: compiled.name,
    ...issue,
  }));
}
