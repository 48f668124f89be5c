/** The semver bump an SDK release needs. */
export type ReleaseBump = 'major' | 'minor' | 'patch';

/** One difference between two tracking plans, with the bump it calls for and why. */
export interface ReleaseChange {
  readonly bump: ReleaseBump;
  /** One sentence a changelog reader understands, naming the schema, alias or spec. */
  readonly reason: string;
}

const RANK: Readonly<Record<ReleaseBump, number>> = { patch: 0, minor: 1, major: 2 };

/**
 * The bump a set of changes needs: the largest of them, or `undefined` when there are none.
 *
 * @param changes - the changes of one release
 */
export function releaseBump(changes: readonly ReleaseChange[]): ReleaseBump | undefined {
  let bump: ReleaseBump | undefined;
  for (const change of changes) if (!bump || RANK[change.bump] > RANK[bump]) bump = change.bump;
  return bump;
}

/** Sorts changes largest bump first, keeping their order within a bump. */
export function byBump(changes: readonly ReleaseChange[]): ReleaseChange[] {
  return [...changes].sort((a, b) => RANK[b.bump] - RANK[a.bump]);
}
