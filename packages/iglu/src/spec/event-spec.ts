/**
 * One property rule of an event specification: the value at `path` in the target's data must
 * be present and equal `const`, be one of `enum`, or lie within `minimum`..`maximum`.
 */
export interface SpecRule {
  /** `'event'`, or the exact `iglu:` URI of one of the spec's entities. */
  readonly target: string;
  /** JSON pointer into the target's data (`/currency`). */
  readonly path: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
}

/** An entity a spec's event must or may carry. */
export interface SpecEntity {
  /** The exact `iglu:` URI. */
  readonly schema: string;
  /** `"1"`, `"0..1"`, `"1..*"`, `"0..*"`, `"N"`, `"N..M"` or `"N..*"`. */
  readonly cardinality: string;
}

/**
 * A tracking-plan spec as written in `specs/*.json` (format: `@floe/iglu/spec-schema.json`,
 * described in docs/specs.md).
 */
export interface EventSpec {
  readonly $schema?: string;
  /** PascalCase; the generated function is `track<Name>`. */
  readonly name: string;
  readonly description?: string;
  readonly event: { readonly schema: string };
  readonly entities?: readonly SpecEntity[];
  readonly rules?: readonly SpecRule[];
}

/** The `$schema` value specs use, naming this format's JSON Schema. */
export const EVENT_SPEC_SCHEMA_URI = 'https://floe.dev/schemas/event-spec/1-0-0.json';
