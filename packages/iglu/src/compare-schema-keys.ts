import type { SchemaKey } from './schema-key';
import { compareSchemaVer } from './schema-ver';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders keys by vendor, name and format (code-unit order, never locale-dependent), then by
 * SchemaVer numerically. The one ordering used wherever output must be deterministic.
 *
 * @returns negative when `a` comes first, 0 when equal, positive otherwise
 */
export function compareSchemaKeys(a: SchemaKey, b: SchemaKey): number {
  return (
    compareText(a.vendor, b.vendor) ||
    compareText(a.name, b.name) ||
    compareText(a.format, b.format) ||
    compareSchemaVer(a.version, b.version)
  );
}
