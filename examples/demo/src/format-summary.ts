import type { BadRowError } from './bad-row-errors';
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
    ...(result.browserEvents > 0
      ? [`The browser demo sent ${result.browserEvents} events from headless Chromium.`]
      : []),
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
    lines.push('The deliberately invalid event landed in bad, as it should:');
    lines.push(`  event id  ${invalidEventId}`);
    lines.push(`  schema    ${invalid.schema}`);
    for (const error of invalid.errors) lines.push(`  error     ${describeError(error)}`);
  }
  for (const violation of result.violations) {
    for (const issue of violation.issues) {
      const where = issue.message.startsWith(issue.path) ? '' : `${issue.path || '/'}: `;
      lines.push(`  tracker   ${where}${issue.message} (flagged by validation before sending)`);
    }
  }
  const unexpected = report.bad.filter((bad) => bad.eventId !== invalidEventId);
  for (const bad of unexpected) {
    lines.push(`Unexpected bad event ${bad.eventId ?? '(request)'} for ${bad.schema}:`);
    for (const error of bad.errors) lines.push(`  error     ${describeError(error)}`);
  }
  lines.push('', `See every event in the UI: ${collectorUrl}/micro/ui`);
  return lines.join('\n');
}

/** `/level: must be integer, found string (type, schema_violations)`: where, what, which rule. */
function describeError(error: BadRowError): string {
  const where =
    error.path === undefined || error.message.startsWith(error.path) ? '' : `${error.path}: `;
  const rule = [error.keyword, error.type].filter((part) => part !== undefined).join(', ');
  return `${where}${error.message} (${rule})`;
}
