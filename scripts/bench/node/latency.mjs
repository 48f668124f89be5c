// The latency scenarios of the node-tracker benchmark (issue 14): the sink answers every event
// request after 5, 20 or 100 ms, as a collector in another region would, and Floe's default
// tracker delivers N structured events against Snowplow's lossless configuration. A tracker with
// one request in flight is paced by the round trip; these rows show how far concurrency gets.

/** Sink delays of the latency scenarios, in ms. */
export const LATENCY_DELAYS_MS = [5, 20, 100];

/** Floe over Snowplow in delivered events/s required at this delay (issue 14: ≥ 6× at 20 ms). */
const REQUIRED = { 20: 6 };

/**
 * The latency scenarios: structured events, Floe default against Snowplow lossless, one per delay.
 * They keep the configs the adapters know (`default`, `lossless`) and carry `sinkDelayMs`; they
 * run once per benchmark (not once per round), which keeps the slow Snowplow rows bounded.
 *
 * @param {{ only?: string }} [options] keep only scenarios whose id contains `only`
 */
export function latencyScenarios({ only } = {}) {
  const scenarios = [];
  for (const delay of LATENCY_DELAYS_MS) {
    for (const [tracker, config] of [
      ['floe', 'default'],
      ['snowplow', 'lossless'],
    ]) {
      scenarios.push({
        id: `${tracker}/latency-${delay}ms/structured/base64-default`,
        tracker,
        config,
        kind: 'structured',
        base64: 'default',
        yieldEvery: 0,
        sinkDelayMs: delay,
      });
    }
  }
  return only
    ? scenarios.filter((s) => only.split(',').some((part) => s.id.includes(part)))
    : scenarios;
}

/** Whether a result belongs to the latency scenarios. */
export const isLatency = (result) => (result.scenario.sinkDelayMs ?? 0) > 0;

const evs = (run) => (run ? Math.round(run.deliveredEvPerSec) : undefined);
const fmt = (value) => (value === undefined ? '–' : value.toLocaleString('en-US'));

/**
 * The latency table: delivered events/s of each tracker per delay, the ratio, and the verdict
 * where a target is set.
 *
 * @param {object[]} results - every result of the run (non-latency ones are ignored).
 * @returns {{ text: string, targets: object[] }}
 */
export function latencyReport(results) {
  const lines = [
    '| sink delay | Floe default ev/s | Floe requests | Snowplow lossless ev/s | Snowplow requests | Floe / Snowplow | target | verdict |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const targets = [];
  for (const delay of LATENCY_DELAYS_MS) {
    const find = (tracker) =>
      results.find((r) => r.scenario.tracker === tracker && r.scenario.sinkDelayMs === delay)
        ?.runs[0];
    const floe = find('floe');
    const snowplow = find('snowplow');
    if (!floe && !snowplow) continue;
    const ratio =
      floe && snowplow ? floe.deliveredEvPerSec / snowplow.deliveredEvPerSec : undefined;
    const required = REQUIRED[delay];
    const verdict =
      ratio === undefined || required === undefined ? 'INFO' : ratio >= required ? 'PASS' : 'MISS';
    const lossless = (run) => run && run.unaccounted === 0 && run.duplicates === 0;
    lines.push(
      `| ${delay} ms | ${fmt(evs(floe))} | ${fmt(floe?.requests)} | ${fmt(evs(snowplow))} | ${fmt(snowplow?.requests)} | ${ratio === undefined ? '–' : `${ratio.toFixed(1)}×`} | ${required ? `≥ ${required}×` : '–'} | ${verdict}${floe && !lossless(floe) ? ' (Floe lost or duplicated events!)' : ''} |`,
    );
    targets.push({ name: `latency ${delay} ms: delivered ev/s`, ratio, required, verdict });
  }
  return { text: lines.join('\n'), targets };
}
