const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The nil UUID the collector records for `SP-Anonymous` requests. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Whether `value` is a UUID in the 8-4-4-4-12 hex form (any version, either case), the form
 * JSON Schema's `format: uuid` accepts.
 *
 * @param value - anything
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
