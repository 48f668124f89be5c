// Folds the runs of one scenario into median and min–max per measured field.

/** Numeric fields a scenario run reports, in table order. */
export const FIELDS = [
  'delivered',
  'unique',
  'reportedDrops',
  'unaccounted',
  'duplicates',
  'requests',
  'eventsPerRequest',
  'maxBodyBytes',
  'bodyBytes',
  'withoutStm',
  'loopMs',
  'loopEvPerSec',
  'perCallUs',
  'flushMs',
  'totalMs',
  'deliveredEvPerSec',
  'peakRssMb',
];

/** The median of a list of numbers (mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Summarises the successful runs of a scenario.
 *
 * @param {Array<Record<string, number>>} runs
 * @returns {Record<string, { median: number, min: number, max: number, values: number[] }>}
 */
export function summarize(runs) {
  const summary = {};
  for (const field of FIELDS) {
    const values = runs.map((run) => run[field]).filter((value) => typeof value === 'number');
    if (values.length === 0) continue;
    summary[field] = {
      median: median(values),
      min: Math.min(...values),
      max: Math.max(...values),
      values,
    };
  }
  return summary;
}
