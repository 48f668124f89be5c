import type { EventSpec, SpecRule } from '@floe/iglu';

/** One event specification, as `@floe/iglu` reads it from `specs/*.json`. */
export type PlanSpec = EventSpec;

/** A property rule narrower than the schema: `const`, `enum`, or a range. */
export type PlanSpecRule = SpecRule;

/** A spec and the file it came from (its name inside the specs folder). */
export interface PlanSpecFile {
  readonly file: string;
  readonly spec: PlanSpec;
}
