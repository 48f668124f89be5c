/** The outcome of `parseJsonWithDepth`. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Measures the deepest nesting of objects and arrays in JSON text without parsing it, so a
 * hostile body of a million `[` never reaches the recursive parser. Brackets inside strings
 * are skipped.
 *
 * @param text - JSON text (possibly invalid)
 * @param limit - stop counting as soon as the depth exceeds this
 * @returns the first depth above `limit`, or `undefined` when the text stays within it
 */
export function jsonDepthExceeds(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > limit) return depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/**
 * Parses JSON text whose nesting must stay within `maxDepth` (objects and arrays count one level
 * each; a flat object is depth 1).
 *
 * @param text - the JSON text
 * @param maxDepth - the deepest nesting allowed
 */
export function parseJsonWithDepth(text: string, maxDepth: number): JsonParseResult {
  const tooDeep = jsonDepthExceeds(text, maxDepth);
  if (tooDeep !== undefined) {
    return {
      ok: false,
      error: `JSON nesting is deeper than the maximum of ${maxDepth} levels (found level ${tooDeep})`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${(error as Error).message}` };
  }
}
