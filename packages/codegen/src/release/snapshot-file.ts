import { readFileSync, writeFileSync } from 'node:fs';
import { isJsonObject } from '@floe/iglu';
import { CodegenError } from '../codegen-error';
import type { TrackingPlanSnapshot } from './tracking-plan-snapshot';

/** The snapshot file's default name, beside `floe.config.json`. */
export const SNAPSHOT_FILE = 'floe-release.json';

// Keys sorted at every level, so the same plan always gives the same bytes (a clean git diff).
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted(value[key])]),
  );
}

/**
 * Writes a snapshot as JSON with sorted keys.
 *
 * @param file - where (usually `floe-release.json` beside the config)
 * @param snapshot - the plan as released
 */
export function writeSnapshotFile(file: string, snapshot: TrackingPlanSnapshot): void {
  writeFileSync(file, `${JSON.stringify(sorted(snapshot), null, 2)}\n`);
}

/**
 * Reads a snapshot written by {@link writeSnapshotFile}.
 *
 * @param file - the snapshot file
 * @throws CodegenError `invalid_snapshot` when it cannot be read or is not a snapshot
 */
export function readSnapshotFile(file: string): TrackingPlanSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CodegenError(
      'invalid_snapshot',
      `${file}: cannot be read (${(error as Error).message})`,
    );
  }
  if (
    !isJsonObject(value) ||
    value['floeTrackingPlan'] !== 1 ||
    !isJsonObject(value['schemas']) ||
    !isJsonObject(value['specs']) ||
    !isJsonObject(value['aliases'])
  ) {
    throw new CodegenError(
      'invalid_snapshot',
      `${file}: not a tracking plan snapshot (written by floe release-plan --record)`,
    );
  }
  return value as unknown as TrackingPlanSnapshot;
}
