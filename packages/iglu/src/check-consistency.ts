import { compareSchemaKeys } from './compare-schema-keys';
import type { RegistryIssue } from './registry-issue';
import { formatIgluUri, type SchemaKey } from './schema-key';
import { formatSchemaVer, type SchemaVer } from './schema-ver';

/** Options of {@link checkConsistency}. */
export interface ConsistencyOptions {
  /** The keys are one schema given on its own (igluctl's single-file mode): it must be 1-0-0. */
  readonly single?: boolean;
}

const isInit = (v: SchemaVer): boolean => v.model === 1 && v.revision === 0 && v.addition === 0;

/** The SchemaVer successor rule: ADDITION+1, or REVISION+1 with 0, or MODEL+1 with 0-0. */
function followsDirectly(prev: SchemaVer, next: SchemaVer): boolean {
  if (next.model === prev.model && next.revision === prev.revision) {
    return next.addition === prev.addition + 1;
  }
  if (next.model === prev.model) return next.revision === prev.revision + 1 && next.addition === 0;
  return next.model === prev.model + 1 && next.revision === 0 && next.addition === 0;
}

/**
 * Checks the versions of each vendor/name/format family as igluctl 0.13 does: `InitMissing`
 * (no 1-0-0), `Gaps` (sorted versions must each follow the previous one directly) and, with
 * `single`, `NotInitSingle` (a lone schema that is not 1-0-0). All findings are errors; callers
 * that lint an external corpus may downgrade them (decision 17). Duplicate keys count once.
 *
 * @param keys - every key of the folder (any order)
 * @param options - `single` for a lone schema
 * @example
 * checkConsistency(schemas.map((s) => s.key)); // [] when clean
 */
export function checkConsistency(
  keys: readonly SchemaKey[],
  options: ConsistencyOptions = {},
): RegistryIssue[] {
  const issues: RegistryIssue[] = [];
  const sorted = [...keys].sort(compareSchemaKeys);
  if (options.single && sorted.length === 1 && !isInit(sorted[0]!.version)) {
    const uri = formatIgluUri(sorted[0]!);
    const message = `${uri}: a single schema must be 1-0-0`;
    issues.push({ level: 'error', code: 'NotInitSingle', message, uri });
  }
  // igluctl's single-file mode checks only the version of that one file.
  if (options.single && sorted.length === 1) return issues;
  const families = new Map<string, SchemaKey[]>();
  for (const key of sorted) {
    const family = `${key.vendor}/${key.name}/${key.format}`;
    const members = families.get(family) ?? [];
    const last = members[members.length - 1];
    if (!last || compareSchemaKeys(last, key) !== 0) members.push(key);
    families.set(family, members);
  }
  for (const [family, members] of families) {
    const first = members[0]!;
    if (!isInit(first.version)) {
      const message = `${family}: no 1-0-0 (the first version is ${formatSchemaVer(first.version)})`;
      issues.push({ level: 'error', code: 'InitMissing', message, uri: formatIgluUri(first) });
    }
    for (let index = 1; index < members.length; index += 1) {
      const prev = members[index - 1]!;
      const next = members[index]!;
      if (followsDirectly(prev.version, next.version)) continue;
      const message = `${family}: gap between ${formatSchemaVer(prev.version)} and ${formatSchemaVer(next.version)}`;
      issues.push({ level: 'error', code: 'Gaps', message, uri: formatIgluUri(next) });
    }
  }
  return issues;
}
