import {
  BOOLEAN_FIELDS,
  DECIMAL_FIELDS,
  ENRICHED_FIELDS,
  type EnrichedEvent,
  JSON_FIELDS,
  TIMESTAMP_FIELDS,
} from './enriched-fields';

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/**
 * Converts an enriched event to the typing of the `enriched` object inside a
 * `schema_violations` bad row: TSV timestamps, decimals as strings, booleans as 0/1, and the JSON
 * columns as JSON text (the bad-row schema types those columns that way).
 *
 * @param event - the (partially) enriched event
 */
export function toBadRowEnriched(event: EnrichedEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of ENRICHED_FIELDS) {
    const value = event[field];
    if (value === null || value === undefined) out[field] = null;
    else if (TIMESTAMP_FIELDS.has(field)) {
      out[field] = String(value).replace('T', ' ').replace('Z', '');
    } else if (DECIMAL_FIELDS.has(field)) out[field] = String(value);
    else if (BOOLEAN_FIELDS.has(field)) out[field] = value ? 1 : 0;
    else if (JSON_FIELDS.has(field))
      out[field] = isEmptyObject(value) ? null : JSON.stringify(value);
    else out[field] = value;
  }
  return out;
}
