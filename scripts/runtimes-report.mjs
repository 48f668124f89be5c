#!/usr/bin/env node
// `npm run runtimes:report`: runs the conformance scenario on every runtime (the integration
// package's conformance test) and writes docs/runtimes.md from the results that run leaves in
// .floe/conformance, so the table is produced by the run, never typed by hand.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, '.floe', 'conformance');
const ORDER = ['node20', 'node22', 'node24', 'bun', 'deno', 'chromium', 'workerd', 'edge-runtime'];

for (const file of safeList(resultsDir)) {
  if (file.endsWith('.json')) rmSync(join(resultsDir, file));
}
spawnSync(process.execPath, [join(root, 'scripts', 'ensure-runtimes.mjs')], { stdio: 'inherit' });
const run = spawnSync('npx', ['jest', 'test/conformance.test.ts'], {
  cwd: join(root, 'packages', 'integration'),
  stdio: 'inherit',
});

const results = new Map(
  safeList(resultsDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(resultsDir, file), 'utf8')))
    .map((result) => [result.runtime, result]),
);

const rows = ORDER.map((runtime) => {
  const result = results.get(runtime);
  if (!result) return `| ${runtime} | not run | — | — | fail |`;
  return `| ${runtime} | ${result.version} | ${result.good} | ${result.bad} | pass |`;
});

const doc = `# Runtimes

Floe runs one conformance scenario (\`packages/integration/conformance/scenario.ts\`) on every
runtime it supports: it tracks each first-class event, a self-describing event with entities, one
with a true timestamp and a deliberately invalid one, then flushes to the embedded collector. The
run checks the good and bad counts, each event's key set, and that every runtime's payloads equal
Node 20's apart from ids, timestamps, \`tv\` and the subject.

This table is written by \`npm run runtimes:report\` from the last run; do not edit it by hand.

| runtime | version | good | bad | result |
|---|---|---|---|---|
${rows.join('\n')}

Last run: ${new Date().toISOString().slice(0, 10)}, conformance test ${run.status === 0 ? 'passed' : 'FAILED'}.
`;
writeFileSync(join(root, 'docs', 'runtimes.md'), doc);
console.log(`runtimes:report: wrote docs/runtimes.md (${results.size} runtimes)`);
process.exitCode = run.status ?? 1;

function safeList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
