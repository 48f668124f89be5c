// Our own edit distance rather than a dependency: it is a dozen lines, runs on a handful of
// config keys, and a new runtime dependency would cost every install more than it saves.

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The valid name closest to a misspelt one, for a "did you mean" hint: the smallest edit
 * distance (case-insensitive), ties to the earlier candidate. A name that merely contains or is
 * contained in a candidate (`outDir` → `out`) counts as close too, since the distance alone would
 * call it far.
 *
 * @param name - what was written
 * @param candidates - the valid names, in preference order
 * @returns the closest candidate, or `undefined` when none is plausibly meant
 * @example
 * nearestName('outDir', ['schemas', 'out']); // 'out'
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    const contains =
      Math.min(lower.length, other.length) >= 3 && (lower.includes(other) || other.includes(lower));
    const score = contains ? 0.5 : editDistance(lower, other);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  // Beyond about a third of the name, a suggestion is a guess, not a correction.
  return bestScore <= Math.max(2, Math.ceil(name.length / 3)) ? best : undefined;
}
