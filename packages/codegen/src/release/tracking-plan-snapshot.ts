import type { JsonSchema } from '@floe/iglu';
import type { PlanSpec } from './plan-spec';

/**
 * The parts of a tracking plan an SDK's public API is generated from, at one point in time: every
 * schema by Iglu URI, every spec by name, and every alias by name with the URI it pins. A release
 * compares two of these. `floe release-plan --record` writes one as JSON (the snapshot file), and
 * a git ref is read into one.
 */
export interface TrackingPlanSnapshot {
  /** The snapshot format; bumped only if the shape changes. */
  readonly floeTrackingPlan: 1;
  readonly schemas: Readonly<Record<string, JsonSchema>>;
  readonly specs: Readonly<Record<string, PlanSpec>>;
  readonly aliases: Readonly<Record<string, string>>;
}

/** A snapshot that holds nothing: the baseline of a first release. */
export const EMPTY_SNAPSHOT: TrackingPlanSnapshot = {
  floeTrackingPlan: 1,
  schemas: {},
  specs: {},
  aliases: {},
};
