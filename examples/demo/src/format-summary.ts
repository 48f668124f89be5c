import { formatTable } from './format-table';
import type { DemoResult } from './run-demo';

/**
 * Renders the demo's outcome for a terminal: what was sent, good and bad counts per schema, the
 * validation error of the deliberately invalid event, and where the UI is.
 *
 * @param result - what {@link runDemo} returned.
 */
export function formatSummary(result: DemoResult): string {
  const { tracked, flush, report, collectorUrl, invalidEventId } = result;
  const sent = tracked.reduce((sum, event) => sum + event.eids.length, 0);
  const lines = [
    `Tracked ${sent} events (${tracked.length} track calls) and flushed: ` +
      `${flush.delivered} delivered, ${flush.dropped} dropped, ${flush.pending} pending.`,
    `The collector at ${collectorUrl} holds ${report.counts.total} events: ` +
      `${report.counts.good} good, ${report.counts.bad} bad.`,
    '',
    ...formatTable(
      ['schema', 'good', 'bad'],
      [
        ...report.schemas.map((row) => [row.schema, row.good, row.bad] as const),
        ['total', report.counts.good, report.counts.bad] as const,
      ],
    ),
    '',
  ];
  const invalid = report.bad.find((bad) => bad.eventId === invalidEventId);
  if (invalid === undefined) {
    lines.push(`The deliberately invalid event (${invalidEventId}) is NOT among the bad events.`);
  } else {
    lines.push(`The deliberately invalid event landed in bad, as it should:`);
    lines.push(`  event id  ${invalidEventId}`);
    lines.push(`  schema    ${invalid.schema}`);
    for (const error of invalid.errors) {
      const where = error.path === undefined ? '' : ` at ${error.path}`;
      const keyword = error.keyword === undefined ? '' : ` (${error.keyword})`;
      lines.push(`  error     ${error.type}${where}${keyword}: ${error.message}`);
    }
  }
  const unexpected = report.bad.filter((bad) => bad.eventId !== invalidEventId);
  for (const bad of unexpected) {
    const first = bad.errors[0];
    lines.push(`Unexpected bad event ${bad.eventId ?? '(request)'} for ${bad.schema}:`);
    lines.push(`  ${first?.path ?? ''} ${first?.message ?? ''}`.trimEnd());
  }
  lines.push('', `See every event in the UI: ${collectorUrl}/micro/ui`);
  return lines.join('\n');
}
