import type { SpecRule } from './event-spec';

/** A spec reduced to what checking an event needs: cardinalities as bounds, rules as written. */
export interface CompiledSpec {
  readonly name: string;
  /** The event's exact `iglu:` URI. */
  readonly event: string;
  /** Bounds per entity URI; `max` is `null` for no upper bound. */
  readonly entities: readonly {
    readonly schema: string;
    readonly min: number;
    readonly max: number | null;
  }[];
  readonly rules: readonly SpecRule[];
}

/** One way an event breaks a spec, shaped like core's `SchemaIssue` (plus the target). */
export interface SpecCheckIssue {
  /** `'event'` or the entity URI the issue is about. */
  readonly target: string;
  /** JSON pointer into the target's data; `''` for a missing or wrong event and for counts. */
  readonly path: string;
  readonly message: string;
}

/** What a spec check reads: self-describing JSON (`{ schema, data }`). */
export interface SelfDescribingLike {
  readonly schema: string;
  readonly data: unknown;
}
