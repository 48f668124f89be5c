import { parseIgluUri } from '@floe/iglu';
import { aliasNames, schemaNames } from '../naming';
import type { ReleaseChange } from './release-change';
import { sameJson, stripDescriptions } from './strip-descriptions';
import type { TrackingPlanSnapshot } from './tracking-plan-snapshot';

const family = (uri: string): string => {
  const key = parseIgluUri(uri);
  return `${key.vendor}/${key.name}`;
};
const versionOf = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);
const trackOf = (uri: string): string => `\`${schemaNames(parseIgluUri(uri)).trackName}\``;

function schemaChanges(
  previous: TrackingPlanSnapshot,
  current: TrackingPlanSnapshot,
): ReleaseChange[] {
  const changes: ReleaseChange[] = [];
  const before = Object.keys(previous.schemas).sort();
  const now = Object.keys(current.schemas).sort();
  const familiesBefore = new Map<string, string[]>();
  for (const uri of before)
    familiesBefore.set(family(uri), [...(familiesBefore.get(family(uri)) ?? []), versionOf(uri)]);
  for (const uri of now) {
    const old = previous.schemas[uri];
    if (old === undefined) {
      const siblings = familiesBefore.get(family(uri));
      changes.push({
        bump: 'minor',
        reason: siblings
          ? `New version ${versionOf(uri)} of ${family(uri)}, side by side with ${siblings.join(', ')} (${trackOf(uri)}).`
          : `New schema ${family(uri)} ${versionOf(uri)} (${trackOf(uri)}).`,
      });
    } else if (!sameJson(old, current.schemas[uri])) {
      changes.push(
        sameJson(stripDescriptions(old), stripDescriptions(current.schemas[uri]))
          ? { bump: 'patch', reason: `Descriptions of ${family(uri)} ${versionOf(uri)} changed.` }
          : {
              bump: 'major',
              reason: `${family(uri)} ${versionOf(uri)} was changed in place; a published schema version must not change, and its types may now differ.`,
            },
      );
    }
  }
  for (const uri of before) {
    if (current.schemas[uri] === undefined) {
      changes.push({
        bump: 'major',
        reason: `Removed ${family(uri)} ${versionOf(uri)}: ${trackOf(uri)} and its other exports are gone.`,
      });
    }
  }
  return changes;
}

/** Whether moving an alias from `from` to `to` keeps code that used it compiling. */
function aliasMove(name: string, from: string, to: string): ReleaseChange {
  const label = `\`${aliasNames(name).typeName}\``;
  const a = parseIgluUri(from).version;
  const b = parseIgluUri(to).version;
  const sameFamily = family(from) === family(to);
  if (sameFamily && a.model !== b.model) {
    return {
      bump: 'major',
      reason: `Alias ${label} moved to a new MODEL, from ${versionOf(from)} to ${versionOf(to)} of ${family(to)}: code written for ${versionOf(from)} may not compile.`,
    };
  }
  const forward =
    sameFamily &&
    (b.revision > a.revision || (b.revision === a.revision && b.addition > a.addition));
  return forward
    ? {
        bump: 'minor',
        reason: `Alias ${label} moved from ${versionOf(from)} to ${versionOf(to)} of ${family(to)}, within MODEL ${b.model}.`,
      }
    : {
        bump: 'major',
        reason: `Alias ${label} now points at ${to} instead of ${from}.`,
      };
}

function aliasChanges(
  previous: TrackingPlanSnapshot,
  current: TrackingPlanSnapshot,
): ReleaseChange[] {
  const changes: ReleaseChange[] = [];
  for (const name of Object.keys(current.aliases).sort()) {
    const from = previous.aliases[name];
    const to = current.aliases[name]!;
    if (from === undefined) {
      changes.push({
        bump: 'minor',
        reason: `New alias \`${name}\` for ${family(to)} ${versionOf(to)}.`,
      });
    } else if (from !== to) {
      changes.push(aliasMove(name, from, to));
    }
  }
  for (const name of Object.keys(previous.aliases).sort()) {
    if (current.aliases[name] === undefined) {
      changes.push({ bump: 'major', reason: `Removed alias \`${name}\` and its exports.` });
    }
  }
  return changes;
}

function specChanges(
  previous: TrackingPlanSnapshot,
  current: TrackingPlanSnapshot,
): ReleaseChange[] {
  const changes: ReleaseChange[] = [];
  for (const name of Object.keys(current.specs).sort()) {
    const old = previous.specs[name];
    const spec = current.specs[name]!;
    if (old === undefined) {
      changes.push({
        bump: 'minor',
        reason: `New event specification ${name} (\`track${name}\`).`,
      });
    } else if (!sameJson(old, spec)) {
      const { description: _a, ...oldRest } = old;
      const { description: _b, ...rest } = spec;
      changes.push(
        sameJson(oldRest, rest)
          ? { bump: 'patch', reason: `Description of event specification ${name} changed.` }
          : {
              bump: 'major',
              reason: `Event specification ${name} changed (event, entities or rules): \`track${name}\` takes different data.`,
            },
      );
    }
  }
  for (const name of Object.keys(previous.specs).sort()) {
    if (current.specs[name] === undefined) {
      changes.push({
        bump: 'major',
        reason: `Removed event specification ${name}: \`track${name}\` is gone.`,
      });
    }
  }
  return changes;
}

/**
 * What changed between the tracking plan of the last release and the current one, each change
 * with the semver bump the SDK needs and the reason:
 *
 * - minor: a new schema, a new version beside the old ones (names carry the version, so
 *   nothing existing changes), a new alias, an alias moved forward within its MODEL, a new spec;
 * - major: a removed version, alias or spec; an alias moved to a new MODEL (or backwards, or
 *   to another schema); a published version or a spec changed beyond its descriptions;
 * - patch: a change to descriptions only.
 *
 * @param previous - the plan as last released
 * @param current - the plan now
 * @returns the changes: schemas (by URI), then aliases, then specs (by name)
 */
export function compareTrackingPlans(
  previous: TrackingPlanSnapshot,
  current: TrackingPlanSnapshot,
): ReleaseChange[] {
  return [
    ...schemaChanges(previous, current),
    ...aliasChanges(previous, current),
    ...specChanges(previous, current),
  ];
}
