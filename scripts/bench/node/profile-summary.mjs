// Reads a V8 .cpuprofile (from `node --cpu-prof`) and lists where the self time went, grouped by
// function and source location, plus the share spent in GC. Used by `--profile` of the
// node-tracker bench to say which file and function a missed target comes from.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

function location(frame, root) {
  const { url, lineNumber } = frame;
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const shown = path.startsWith(root) ? relative(root, path) : path;
  return `${shown}:${lineNumber + 1}`;
}

/**
 * Summarises a profile's self time.
 *
 * @param {string} file the .cpuprofile path
 * @param {{ root: string, top?: number, window?: [number, number] }} options root shortens
 *   paths; top limits the rows; window keeps only samples between two monotonic-clock µs values
 * @returns {{ totalMs: number, rows: Array<{ fn: string, where: string, ms: number, share: number }> }}
 */
export function summarizeProfile(file, { root, top = 25, window }) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  let totalUs = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window[0] || at > window[1])) return;
    totalUs += delta;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const grouped = new Map();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id).callFrame;
    const fn = frame.functionName || '(anonymous)';
    const where = location(frame, root);
    const key = `${fn}@${where}`;
    const row = grouped.get(key) ?? { fn, where, us: 0 };
    row.us += us;
    grouped.set(key, row);
  }
  const rows = [...grouped.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map(({ fn, where, us }) => ({ fn, where, ms: us / 1000, share: us / totalUs }));
  return { totalMs: totalUs / 1000, rows };
}

/** Formats a summary as a markdown table. */
export function formatProfile({ totalMs, rows }) {
  const lines = [
    `Sampled ${Math.round(totalMs).toLocaleString('en-US')} ms.`,
    '',
    '| Self ms | Share | Function | Where |',
    '|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.ms.toFixed(1)} | ${(row.share * 100).toFixed(1)} % | ${row.fn} | ${row.where} |`,
    );
  }
  return lines.join('\n');
}
