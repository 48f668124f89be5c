import { compareSchemaKeys, compareSchemaVer, type SchemaEntry } from '@floe/iglu';
import { type SchemaNames, schemaNames } from './naming';

/** One schema with its names and the newest version of its family when it is superseded. */
export interface PlannedSchema {
  readonly entry: SchemaEntry;
  readonly names: SchemaNames;
  readonly version: string;
  readonly supersededBy?: { readonly uri: string; readonly names: SchemaNames };
  /** Why the schema cannot get a module, decided before compiling (a name collision). */
  readonly conflict?: string;
}

/**
 * Sorts schemas by vendor, name and SchemaVer (so input order never matters), derives their
 * names, marks superseded versions and refuses name collisions: two schemas whose exported
 * names or module paths would be equal (even only in letter case, which breaks on
 * case-insensitive file systems) both get a `conflict` naming the other, instead of an
 * order-dependent suffix.
 *
 * @param entries - schemas in any order; duplicates by URI are kept once
 */
export function planSchemas(entries: readonly SchemaEntry[]): PlannedSchema[] {
  const unique = new Map<string, SchemaEntry>();
  for (const entry of entries) if (!unique.has(entry.uri)) unique.set(entry.uri, entry);
  const sorted = [...unique.values()].sort((a, b) => compareSchemaKeys(a.key, b.key));
  const latest = new Map<string, SchemaEntry>();
  for (const entry of sorted) {
    const family = `${entry.key.vendor}/${entry.key.name}/${entry.key.format}`;
    const current = latest.get(family);
    if (!current || compareSchemaVer(entry.key.version, current.key.version) > 0) {
      latest.set(family, entry);
    }
  }
  const owners = new Map<string, string[]>();
  const named = sorted.map((entry) => {
    const names = schemaNames(entry.key);
    const claims = [
      ...Object.entries(names)
        .filter(([kind]) => kind !== 'modulePath')
        .map(([, name]) => name),
      `module:${names.modulePath.toLowerCase()}`,
    ];
    for (const claim of claims) owners.set(claim, [...(owners.get(claim) ?? []), entry.uri]);
    return { entry, names, claims };
  });
  return named.map(({ entry, names, claims }) => {
    const family = `${entry.key.vendor}/${entry.key.name}/${entry.key.format}`;
    const newest = latest.get(family)!;
    const { model, revision, addition } = entry.key.version;
    const others = new Set(
      claims.flatMap((claim) => owners.get(claim)!).filter((uri) => uri !== entry.uri),
    );
    const conflict = others.size
      ? `its generated names or module path collide with ${[...others].sort().join(', ')}; rename one schema's vendor or name`
      : undefined;
    return {
      entry,
      names,
      version: `${model}-${revision}-${addition}`,
      ...(newest === entry
        ? {}
        : { supersededBy: { uri: newest.uri, names: schemaNames(newest.key) } }),
      ...(conflict ? { conflict } : {}),
    };
  });
}
