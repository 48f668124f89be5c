import { checkCompiledSpec, type SelfDescribingLike, type SpecViolation } from '@floe/iglu';
import type { GoodEvent } from '../events/good-event';
import type { CollectorSpecs } from './collector-specs';

function unwrap(envelope: unknown): unknown {
  return typeof envelope === 'object' && envelope !== null
    ? (envelope as { data?: unknown }).data
    : undefined;
}

/**
 * Checks a good event against the specs that name its event schema. An event with no such spec
 * gets `undefined` (nothing to say); one that fits any of its specs gets `[]`; one that fits none
 * gets the violations of each. Incomplete events failed their schemas already and get `undefined`.
 *
 * @param specs - the collector's specs
 * @param good - a processed event
 */
export function findSpecViolations(
  specs: CollectorSpecs,
  good: GoodEvent,
): SpecViolation[] | undefined {
  if (good.incomplete || good.schema === null) return undefined;
  const candidates = specs.byEvent.get(good.schema);
  if (!candidates || candidates.length === 0) return undefined;
  const event = unwrap(good.event['unstruct_event']) as SelfDescribingLike | undefined;
  const entities = unwrap(good.event['contexts']);
  const list = Array.isArray(entities) ? (entities as SelfDescribingLike[]) : [];
  const violations: SpecViolation[] = [];
  for (const spec of candidates) {
    const issues = checkCompiledSpec(spec, event, list);
    if (issues.length === 0) return [];
    violations.push(...issues.map((issue) => ({ spec: spec.name, ...issue })));
  }
  return violations;
}

/**
 * A good event as `/micro/good` lists it: unchanged, plus `specViolations` when a spec names its
 * event schema (additive; Micro clients that do not know the field ignore it).
 *
 * @param specs - the collector's specs
 * @param good - a processed event
 */
export function withSpecViolations(
  specs: CollectorSpecs,
  good: GoodEvent,
): GoodEvent & { specViolations?: SpecViolation[] } {
  const violations = findSpecViolations(specs, good);
  return violations === undefined ? good : { ...good, specViolations: violations };
}
