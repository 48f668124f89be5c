/**
 * One event specification as release planning and the catalogue read it: the fields of the
 * spec format (`@floe/iglu`'s `spec-schema.json`) they use, nothing they would have to check.
 */
export interface PlanSpec {
  /** PascalCase; the generated function is `track<Name>`. */
  readonly name: string;
  readonly description?: string;
  readonly event: { readonly schema: string };
  readonly entities?: readonly { readonly schema: string; readonly cardinality: string }[];
  readonly rules?: readonly PlanSpecRule[];
}

/** A property rule narrower than the schema: `const`, `enum`, or a range. */
export interface PlanSpecRule {
  /** `event`, or an entity's exact Iglu URI. */
  readonly target: string;
  /** JSON pointer into the target's data. */
  readonly path: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
}

/** A spec and the file it came from (relative to the specs folder, forward slashes). */
export interface PlanSpecFile {
  readonly file: string;
  readonly spec: PlanSpec;
}
