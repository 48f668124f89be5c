// Release planning: what the next SDK release needs, from the tracking plan's history.
export { compareTrackingPlans } from './compare-tracking-plans';
export { findChangesetRoot } from './find-changeset-root';
export {
  type BaselineOptions,
  planRelease,
  type ReleaseBaseline,
  type ReleasePlan,
  type ReleasePlanSource,
  resolveReleaseBaseline,
} from './plan-release';
export type { PlanSpec, PlanSpecFile, PlanSpecRule } from './plan-spec';
export { parsePlanSpec, readPlanSpecs } from './read-plan-specs';
export { aliasUris, readTrackingPlan, type TrackingPlanSource } from './read-tracking-plan';
export { readTrackingPlanAtRef, type TrackingPlanAtRefSource } from './read-tracking-plan-at-ref';
export { type ReleaseBump, type ReleaseChange, releaseBump } from './release-change';
export { changesetFileName, renderChangeset } from './render-changeset';
export { readSnapshotFile, SNAPSHOT_FILE, writeSnapshotFile } from './snapshot-file';
export { EMPTY_SNAPSHOT, type TrackingPlanSnapshot } from './tracking-plan-snapshot';
