import type { DataReport } from '../badrows/failure-message';
import type { EnrichedEvent, EnrichedField } from '../enriched/enriched-fields';
import type { AtomicLimits } from '../schemas/schema-registry';
import { codePointLength, exceedsCodePoints } from '../util/code-points';

/**
 * Step 11: every string field must stay within the `maxLength` of
 * `atomic/jsonschema/1-0-0`. A field that is too long is reported and set to `null`, so the
 * incomplete event stays loadable.
 *
 * @param event - the enriched event, mutated in place
 * @param limits - fields and their maxLength, from the atomic schema
 * @returns one report per field that is too long, and the removed values by field
 */
export function checkAtomicLengths(
  event: EnrichedEvent,
  limits: AtomicLimits,
): { reports: DataReport[]; values: Record<string, string> } {
  const reports: DataReport[] = [];
  const values: Record<string, string> = {};
  const { fields, maxLengths } = limits;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const max = maxLengths[i]!;
    const value = event[field as EnrichedField];
    if (typeof value !== 'string' || !exceedsCodePoints(value, max)) continue;
    reports.push({
      message: `${field}: expected at most ${max} characters, found ${codePointLength(value)}`,
      path: `/${field}`,
      keyword: 'maxLength',
      targets: [field],
    });
    values[field] = value;
    event[field as EnrichedField] = null;
  }
  return { reports, values };
}
