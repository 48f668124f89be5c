/** The outcome of `parseJsonWithDepth`. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Whether a parsed JSON value nests objects and arrays deeper than `limit` (a flat object is
 * depth 1). The walk stops one level past the limit, so its own recursion stays shallow however
 * deep the value is.
 *
 * @param value - a parsed JSON value
 * @param limit - the deepest nesting allowed
 */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit <= 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (jsonDepthExceeds(item, limit - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (jsonDepthExceeds((value as Record<string, unknown>)[key], limit - 1)) return true;
  }
  return false;
}

/**
 * Parses JSON text whose nesting must stay within `maxDepth`. V8's `JSON.parse` is not
 * recursive, so hostile nesting cannot overflow the stack; the depth is checked on the result.
 *
 * @param text - the JSON text
 * @param maxDepth - the deepest nesting allowed
 */
export function parseJsonWithDepth(text: string, maxDepth: number): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${(error as Error).message}` };
  }
  if (jsonDepthExceeds(value, maxDepth)) {
    return { ok: false, error: `JSON nesting is deeper than the maximum of ${maxDepth} levels` };
  }
  return { ok: true, value };
}
