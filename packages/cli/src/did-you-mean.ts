/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate nearest to a mistyped word, if one is close enough to be what was meant: at most
 * two edits away, and fewer edits than the word has letters (so `-x` does not become `--db`).
 *
 * @param input - what was typed, e.g. `generat` or `--schema`
 * @param candidates - the valid spellings, e.g. `['generate', 'lint', 'collector']`
 * @returns the nearest candidate, or `undefined`
 * @example
 * didYouMean('--prot', ['--port', '--host']); // '--port'
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const bare = (word: string) => word.replace(/^-+/, '').toLowerCase();
  const typed = bare(input);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = levenshtein(typed, bare(candidate));
    if (distance <= 2 && distance < typed.length && (!best || distance < best.distance))
      best = { candidate, distance };
  }
  return best?.candidate;
}

/** `; did you mean X?` for a message, or nothing when no candidate is close. */
export function suggestion(input: string, candidates: readonly string[]): string {
  const nearest = didYouMean(input, candidates);
  return nearest ? `; did you mean ${nearest}?` : '';
}
