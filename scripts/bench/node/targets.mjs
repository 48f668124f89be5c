// The targets for the Node tracker, judged from the scenario summaries. Each verdict is
// PASS, MISS, n/a when a scenario it needs did not run (filtered out or crashed), or INFO for a
// no-loss row outside Floe's default configuration (see isDefaultConfiguration).
import { KINDS } from './events.mjs';

/** Base64 pairings: Snowplow always runs with its default (on); Floe with its default and with on. */
export const PAIRINGS = [
  { floeBase64: 'default', label: 'defaults (Floe off, Snowplow on)' },
  { floeBase64: 'on', label: 'both on' },
];

/** The result of one scenario that ran at least once, or undefined. */
export const findScenario = (results, tracker, config, kind, base64) =>
  results.find(
    (r) =>
      r.scenario.tracker === tracker &&
      r.scenario.config === config &&
      r.scenario.kind === kind &&
      r.scenario.base64 === base64 &&
      r.runs.length > 0,
  );

const med = (result, field) => result?.summary[field]?.median;

function ratioTarget({ kind, pairing, name, floe, snowplow, field, floeOverSnowplow, required }) {
  const f = med(floe, field);
  const s = med(snowplow, field);
  const known = typeof f === 'number' && typeof s === 'number' && f > 0 && s > 0;
  const ratio = known ? (floeOverSnowplow ? f / s : s / f) : null;
  return {
    kind,
    pairing: pairing.label,
    name,
    floe: f ?? null,
    snowplow: s ?? null,
    ratio,
    required,
    verdict: ratio === null ? 'n/a' : ratio >= required ? 'PASS' : 'MISS',
  };
}

/**
 * The configurations "no loss with the default configuration" is judged on: Floe as shipped (memory
 * queue, base64 off for POST), with and without a yielding producer. The durable queue and the
 * base64-on rows are reported for information (their drops, if any, counted and reported through
 * onDrop), with verdict INFO.
 */
const isDefaultConfiguration = (pairing, config) =>
  pairing.floeBase64 === 'default' && (config === 'default' || config === 'default-yield');

function noLossTarget({ kind, pairing, config, result, n }) {
  const runs = result?.runs ?? [];
  const lossless = runs.every(
    (r) => r.unique === n && r.reportedDrops === 0 && r.unaccounted === 0,
  );
  const lines = runs.map(
    (r) =>
      `${r.unique.toLocaleString('en-US')} delivered, ${r.reportedDrops} dropped, ${r.unaccounted} unaccounted`,
  );
  const detail =
    lines.length > 1 && lines.every((line) => line === lines[0])
      ? `${lines[0]} ×${lines.length}`
      : lines.join('; ');
  return {
    kind,
    pairing: pairing.label,
    name: `no loss, Floe ${config}`,
    detail: detail || 'did not run',
    verdict:
      runs.length === 0
        ? 'n/a'
        : !isDefaultConfiguration(pairing, config)
          ? 'INFO'
          : lossless
            ? 'PASS'
            : 'MISS',
  };
}

/**
 * Judges every target for every event kind and base64 pairing.
 *
 * @param {Array<{ scenario: object, runs: object[], summary: object }>} results
 * @param {number} n events per run
 */
export function judgeTargets(results, n) {
  const targets = [];
  for (const kind of KINDS) {
    const spDefault = findScenario(results, 'snowplow', 'default', kind, 'default');
    const spLossless = findScenario(results, 'snowplow', 'lossless', kind, 'default');
    for (const pairing of PAIRINGS) {
      const floe = findScenario(results, 'floe', 'default', kind, pairing.floeBase64);
      for (const config of ['default', 'default-yield', 'disk']) {
        const result = findScenario(results, 'floe', config, kind, pairing.floeBase64);
        targets.push(noLossTarget({ kind, pairing, config, result, n }));
      }
      const common = { kind, pairing, floe };
      targets.push(
        ratioTarget({
          ...common,
          name: 'delivered ev/s: Floe default ≥ 8× Snowplow lossless',
          snowplow: spLossless,
          field: 'deliveredEvPerSec',
          floeOverSnowplow: true,
          // Decision 27: 8× on loopback (it was 10× before the reshape put size first).
          required: 8,
        }),
        ratioTarget({
          ...common,
          name: 'peak RSS: Floe default ≤ 1/4 of Snowplow lossless',
          snowplow: spLossless,
          field: 'peakRssMb',
          floeOverSnowplow: false,
          required: 4,
        }),
        ratioTarget({
          ...common,
          name: 'per-call cost: Floe default ≤ 1/6 of Snowplow default',
          snowplow: spDefault,
          field: 'perCallUs',
          floeOverSnowplow: false,
          // Decision 27: 1/6 (it was 1/8).
          required: 6,
        }),
      );
    }
  }
  return targets;
}
