import { compareSchemaKeys } from './compare-schema-keys';
import type { SchemaEntry } from './schema-entry';

/**
 * Sorts entries by vendor, name and format (code-unit order, independent of locale) and then by
 * SchemaVer numerically, so `1-0-10` follows `1-0-9`. Returns a new array.
 *
 * @param entries - entries in any order
 */
export function sortSchemaEntries(entries: readonly SchemaEntry[]): SchemaEntry[] {
  return [...entries].sort((a, b) => compareSchemaKeys(a.key, b.key));
}
