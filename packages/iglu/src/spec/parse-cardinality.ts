/** A cardinality as bounds: `max` is `null` for `*` (no upper bound). */
export interface Cardinality {
  readonly min: number;
  readonly max: number | null;
}

const CARDINALITY = /^(\d+)(?:\.\.(\d+|\*))?$/;

/**
 * Reads a spec cardinality (`"1"`, `"0..1"`, `"1..*"`, `"2..5"`, `"3"`) into bounds.
 *
 * @param text - the cardinality as written
 * @returns the bounds, or `undefined` when the text is malformed or its maximum is below its minimum
 * @example
 * parseCardinality('1..*'); // { min: 1, max: null }
 */
export function parseCardinality(text: string): Cardinality | undefined {
  const match = CARDINALITY.exec(text);
  if (!match) return undefined;
  const min = Number(match[1]);
  const upper = match[2];
  const max = upper === undefined ? min : upper === '*' ? null : Number(upper);
  if (!Number.isSafeInteger(min) || (max !== null && (!Number.isSafeInteger(max) || max < min))) {
    return undefined;
  }
  return { min, max };
}
