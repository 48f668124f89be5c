#!/usr/bin/env node
// Regenerates @floe/events from schemas/ with the floe CLI (config: floe.config.json).
//   node scripts/generate.mjs            write packages/events/src/generated
//   node scripts/generate.mjs --check    write nothing; exit 1 when the committed files are stale
// Extra arguments go to `floe generate`. The CLI runs from its built dist: @floe/cli and the
// packages it depends on are (re)built first through turbo, in dependency order and cached, so
// this works on a fresh clone after `npm ci` and is quick afterwards.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// On Windows npx is a .cmd script, which Node only starts through a shell.
const windows = process.platform === 'win32';
const npx = windows ? 'npx.cmd' : 'npx';

const build = spawnSync(
  npx,
  ['turbo', 'run', 'build', '--filter=@floe/cli...', '--output-logs=errors-only'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: windows },
);
if (build.status !== 0) {
  console.error('scripts/generate: building @floe/cli and its dependencies failed');
  process.exit(build.status ?? 1);
}

const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
const run = spawnSync(process.execPath, [bin, 'generate', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
