import type { DemoResult } from './run-demo';

/**
 * Whether the demo came out as designed: every tracked event reached the collector, the one
 * deliberately invalid event is the only bad event and the only one the tracker's validation
 * flagged, and everything else, the browser demo's events included, is good.
 *
 * @param result - what {@link runDemo} returned.
 */
export function demoSucceeded(result: DemoResult): boolean {
  const { tracked, flush, report, invalidEventId, violations, browserEvents } = result;
  const sent = tracked.reduce((sum, event) => sum + event.eids.length, 0);
  const badIds = report.bad.map((bad) => bad.eventId);
  return (
    flush.dropped === 0 &&
    flush.pending === 0 &&
    report.counts.bad === 1 &&
    badIds[0] === invalidEventId &&
    report.counts.good === sent - 1 + browserEvents &&
    violations.length === 1 &&
    violations[0]?.schema === report.bad[0]?.schema
  );
}
