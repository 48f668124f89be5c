// Markdown tables for the node-tracker benchmark: one table per event kind with both trackers side
// by side, then the targets. The same text goes to the console and into docs/benchmarks.md.

import { KIND_LABELS, KINDS } from './events.mjs';
import { CONFIG_NOTES } from './matrix.mjs';
import { median } from './summarize.mjs';
import { findScenario } from './targets.mjs';

const int = (v) => Math.round(v).toLocaleString('en-US');
const fixed = (digits) => (v) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function spread(summary, field, format) {
  const s = summary[field];
  if (!s) return '–';
  if (s.values.length === 1 || s.min === s.max) return format(s.median);
  return `${format(s.median)} [${format(s.min)}–${format(s.max)}]`;
}

function counts(summary, field) {
  const s = summary[field];
  if (!s) return '–';
  if (s.min === s.max)
    return s.values.length > 1 ? `${int(s.min)} ×${s.values.length}` : int(s.min);
  return s.values.map(int).join(' / ');
}

const COLUMNS = [
  ['Tracker', (r) => r.scenario.tracker],
  ['Config', (r) => configLabel(r.scenario)],
  ['base64', (r) => base64Label(r.scenario)],
  ['Delivered', (r) => counts(r.summary, 'delivered')],
  ['Drops reported', (r) => counts(r.summary, 'reportedDrops')],
  ['Unaccounted', (r) => counts(r.summary, 'unaccounted')],
  ['Dups', (r) => counts(r.summary, 'duplicates')],
  ['Requests', (r) => spread(r.summary, 'requests', int)],
  ['Ev/req', (r) => spread(r.summary, 'eventsPerRequest', fixed(1))],
  ['Max body B', (r) => spread(r.summary, 'maxBodyBytes', int)],
  ['No stm', (r) => counts(r.summary, 'withoutStm')],
  ['Loop ms', (r) => spread(r.summary, 'loopMs', int)],
  ['track() ev/s', (r) => spread(r.summary, 'loopEvPerSec', int)],
  ['µs/call (median)', (r) => spread(r.summary, 'perCallUs', fixed(2))],
  ['Flush ms', (r) => spread(r.summary, 'flushMs', int)],
  ['Total ms', (r) => spread(r.summary, 'totalMs', int)],
  ['Delivered ev/s', (r) => spread(r.summary, 'deliveredEvPerSec', int)],
  ['Peak RSS MB', (r) => spread(r.summary, 'peakRssMb', fixed(1))],
];

function configLabel({ tracker, config }) {
  if (tracker === 'floe' && config === 'default') return 'default (= lossless)';
  return config;
}

function base64Label({ tracker, base64 }) {
  if (base64 === 'default') return tracker === 'snowplow' ? 'on (default)' : 'off (default)';
  return base64;
}

function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function scenarioRow(result) {
  if (result.runs.length === 0) {
    const cells = COLUMNS.map(() => '–');
    cells[0] = result.scenario.tracker;
    cells[1] = configLabel(result.scenario);
    cells[2] = base64Label(result.scenario);
    cells[3] = `CRASHED: ${result.errors[0] ?? 'no result'}`.replace(/\|/g, '/').slice(0, 120);
    return cells;
  }
  return COLUMNS.map(([, cell]) => cell(result));
}

/** One markdown table per event kind, Snowplow rows first, then Floe's. */
export function kindTables(results) {
  const parts = [];
  for (const kind of KINDS) {
    const rows = results.filter(
      (r) => r.scenario.kind === kind && r.scenario.tracker !== 'baseline',
    );
    if (rows.length === 0) continue;
    parts.push(
      `### ${KIND_LABELS[kind]}`,
      '',
      table(
        COLUMNS.map(([name]) => name),
        rows.map(scenarioRow),
      ),
      '',
    );
  }
  return parts.join('\n');
}

/**
 * The bare uuid + stringify loop (the machine's yardstick) and the payload loop (the floor of a
 * design that builds and serialises one payload object per event), each with Snowplow's default
 * per-call cost divided by its own: the best per-call ratio such a loop could reach.
 */
export function baselineTable(results) {
  const snowplowPerCall = (kind) =>
    results.find(
      (r) =>
        r.scenario.tracker === 'snowplow' &&
        r.scenario.config === 'default' &&
        r.scenario.kind === kind &&
        r.runs.length > 0,
    )?.summary.perCallUs?.median;
  const rows = results
    .filter((r) => r.scenario.tracker === 'baseline' && r.runs.length > 0)
    .map((r) => {
      const own = r.summary.perCallUs?.median;
      const snowplow = snowplowPerCall(r.scenario.kind);
      return [
        r.scenario.kind,
        r.scenario.config,
        spread(r.summary, 'loopMs', int),
        spread(r.summary, 'perCallUs', fixed(2)),
        own && snowplow ? `${(snowplow / own).toFixed(1)}×` : '–',
        spread(r.summary, 'peakRssMb', fixed(1)),
      ];
    });
  if (rows.length === 0) return '';
  return table(
    [
      'Loop without a tracker',
      'What',
      'Loop ms',
      'µs/event',
      'Snowplow default ÷ this',
      'Peak RSS MB',
    ],
    rows,
  );
}

/** What each configuration means. */
export function configNotes() {
  const rows = [];
  for (const [tracker, notes] of Object.entries(CONFIG_NOTES)) {
    for (const [config, note] of Object.entries(notes)) rows.push([tracker, config, note]);
  }
  return table(['Tracker', 'Config', 'Meaning'], rows);
}

const num = (v, format) => (typeof v === 'number' ? format(v) : '–');

function groupBy(targets) {
  const groups = new Map();
  for (const t of targets) {
    const key = `${t.kind}|${t.pairing}`;
    if (!groups.has(key)) groups.set(key, { kind: t.kind, pairing: t.pairing, items: [] });
    groups.get(key).items.push(t);
  }
  return [...groups.values()];
}

function ratioCell(t) {
  if (!t) return '–';
  const values = `Floe ${num(t.floe, fixed(2))}, Snowplow ${num(t.snowplow, fixed(2))}`;
  return `**${t.verdict}** ${num(t.ratio, (v) => `${fixed(1)(v)}×`)} (${values})`;
}

/**
 * The targets, one row per event kind and base64 pairing: the no-loss checks of Floe's rows (a
 * target for the default configuration, INFO for the others), then the three ratio targets, each
 * cell with its verdict (PASS / MISS / n/a), factor and both values.
 */
export function targetTables(targets) {
  const groups = groupBy(targets);
  const lossNames = ['default', 'default-yield', 'disk'].map((c) => `no loss, Floe ${c}`);
  const lossTable = table(
    ['Kind', 'base64', ...lossNames.map((n) => n.replace('no loss, ', 'No loss: '))],
    groups.map((g) => [
      g.kind,
      g.pairing,
      ...lossNames.map((name) => {
        const t = g.items.find((item) => item.name === name);
        return t ? `**${t.verdict}** (${t.detail})` : '–';
      }),
    ]),
  );
  const ratioNames = [...new Set(targets.filter((t) => t.detail === undefined).map((t) => t.name))];
  const ratioTable = table(
    ['Kind', 'base64', ...ratioNames.map((n) => n.replace(/: /, ' (') + ')')],
    groups.map((g) => [
      g.kind,
      g.pairing,
      ...ratioNames.map((name) => ratioCell(g.items.find((item) => item.name === name))),
    ]),
  );
  return `${lossTable}\n\n${ratioTable}`;
}

const deliveredMedian = (results, tracker, config, kind, base64) =>
  findScenario(results, tracker, config, kind, base64)?.summary?.deliveredEvPerSec?.median;

/**
 * The delivery ceiling (wire-ceiling.mjs): prebuilt bodies of Floe's events sent back to back,
 * next to Snowplow's lossless rate and Floe's default rate of the same kind, so the report says
 * whether a 10× target is reachable at all under the request rules on this machine.
 */
export function ceilingTable(ceilings, results) {
  if (ceilings.length === 0) return '';
  const rows = ceilings.map((c) => {
    const ms = c.runs.map((run) => run.ms);
    const evPerSec = c.runs.map((run) => (run.delivered / run.ms) * 1000);
    const summary = {
      ms: { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), values: ms },
      ev: {
        median: median(evPerSec),
        min: Math.min(...evPerSec),
        max: Math.max(...evPerSec),
        values: evPerSec,
      },
    };
    const snowplow = deliveredMedian(results, 'snowplow', 'lossless', c.kind, 'default');
    const floe = deliveredMedian(
      results,
      'floe',
      'default',
      c.kind,
      c.base64 === 'on' ? 'on' : 'default',
    );
    const ceiling = summary.ev.median;
    return [
      KIND_LABELS[c.kind] ?? c.kind,
      c.base64 === 'on' ? 'on' : 'off (Floe default)',
      int(c.requests),
      spread(summary, 'ms', int),
      spread(summary, 'ev', int),
      snowplow ? `${fixed(1)(ceiling / snowplow)}×` : '–',
      floe ? `${int(floe)} (${Math.round((floe / ceiling) * 100)} %)` : '–',
    ];
  });
  return table(
    [
      'Kind',
      'base64',
      'Requests',
      'Ceiling ms',
      'Ceiling ev/s',
      'Ceiling ÷ Snowplow lossless',
      'Floe default ev/s (% of ceiling)',
    ],
    rows,
  );
}
