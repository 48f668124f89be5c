import { existsSync } from 'node:fs';
import { CodegenError } from '../codegen-error';
import { compareTrackingPlans } from './compare-tracking-plans';
import { readTrackingPlan, type TrackingPlanSource } from './read-tracking-plan';
import { readTrackingPlanAtRef } from './read-tracking-plan-at-ref';
import { type ReleaseBump, type ReleaseChange, releaseBump } from './release-change';
import { renderChangeset } from './render-changeset';
import { readSnapshotFile } from './snapshot-file';
import type { TrackingPlanSnapshot } from './tracking-plan-snapshot';

/** What a release is compared with. */
export interface ReleaseBaseline {
  readonly kind: 'git' | 'snapshot';
  /** For messages and the changeset: `git ref v1.0.0` or `snapshot floe-release.json`. */
  readonly label: string;
  readonly snapshot: TrackingPlanSnapshot;
}

/** How to find the last release; the first that applies wins, in this order. */
export interface BaselineOptions {
  /** A git ref given by the user (`--since`). */
  readonly since?: string;
  /** A snapshot file given by the user (`--snapshot`). */
  readonly snapshotFile?: string;
  /** The snapshot file a previous release recorded, used when it exists. */
  readonly defaultSnapshotFile: string;
  /** The git tag of the current version (`@acme/tracking@1.0.0`), used when it exists. */
  readonly defaultTag?: string;
  /** Its label relative to where the user is, for messages. */
  readonly snapshotLabel?: (file: string) => string;
}

/** Where the plan is now: folders, config, and the config file for aliases at a git ref. */
export interface ReleasePlanSource extends TrackingPlanSource {
  readonly configFile?: string;
}

/**
 * Finds the tracking plan of the last release: `since` (a git ref), else `snapshotFile`, else the
 * recorded snapshot file when it exists, else the git tag of the package's current version when
 * git knows it.
 *
 * @param options - where to look
 * @param source - the plan's folders
 * @throws CodegenError `no_baseline` when nothing applies, `unknown_ref` for a `since` git does
 *   not know, `invalid_snapshot` for a broken snapshot file
 */
export function resolveReleaseBaseline(
  options: BaselineOptions,
  source: ReleasePlanSource,
): ReleaseBaseline {
  const label = options.snapshotLabel ?? ((file: string) => file);
  const atRef = (ref: string): ReleaseBaseline => ({
    kind: 'git',
    label: `git ref ${ref}`,
    snapshot: readTrackingPlanAtRef(ref, source),
  });
  const fromFile = (file: string): ReleaseBaseline => ({
    kind: 'snapshot',
    label: `snapshot ${label(file)}`,
    snapshot: readSnapshotFile(file),
  });
  if (options.since !== undefined) return atRef(options.since);
  if (options.snapshotFile !== undefined) return fromFile(options.snapshotFile);
  if (existsSync(options.defaultSnapshotFile)) return fromFile(options.defaultSnapshotFile);
  if (options.defaultTag !== undefined) {
    try {
      return atRef(options.defaultTag);
    } catch (error) {
      if (!(error instanceof CodegenError) || error.code !== 'unknown_ref') throw error;
    }
  }
  throw new CodegenError(
    'no_baseline',
    `no previous release to compare with: no ${label(options.defaultSnapshotFile)}${options.defaultTag ? ` and no git tag ${options.defaultTag}` : ''}; pass --since <git ref> or --snapshot <file>`,
  );
}

/** What a release needs, compared with the last one. */
export interface ReleasePlan {
  readonly baseline: ReleaseBaseline;
  readonly current: TrackingPlanSnapshot;
  readonly changes: readonly ReleaseChange[];
  /** `undefined` when nothing changed: no release is needed. */
  readonly bump?: ReleaseBump;
  /** The changeset to write, when a release is needed. */
  readonly changeset?: string;
}

/**
 * Compares the tracking plan on disk with the last release and works out the SDK's next
 * release: every change with its reason, the bump, and the changeset that states them.
 *
 * @param source - the plan on disk
 * @param baseline - the last release (see {@link resolveReleaseBaseline})
 * @param packageName - the SDK package the changeset names
 * @example
 * const plan = planRelease(source, resolveReleaseBaseline({ since: 'v1.0.0', defaultSnapshotFile }, source), '@acme/tracking');
 * plan.bump; // 'minor'
 */
export function planRelease(
  source: ReleasePlanSource,
  baseline: ReleaseBaseline,
  packageName: string,
): ReleasePlan {
  const current = readTrackingPlan(source);
  const changes = compareTrackingPlans(baseline.snapshot, current);
  const bump = releaseBump(changes);
  if (!bump) return { baseline, current, changes };
  return {
    baseline,
    current,
    changes,
    bump,
    changeset: renderChangeset(packageName, bump, changes, baseline.label),
  };
}
