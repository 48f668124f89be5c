#!/usr/bin/env node
// Regenerates @floe/events from schemas/ with the floe CLI (config: floe.config.json).
//   node scripts/generate.mjs            write packages/events/src/generated, then rebuild @floe/events
//   node scripts/generate.mjs --check    write nothing; exit 1 when the committed files are stale
//   node scripts/generate.mjs --watch    regenerate on every schema change (no rebuild; see below)
// Extra arguments go to `floe generate`. The CLI runs from its build: @floe/cli and the packages
// it depends on are (re)built first through turbo, in dependency order and cached, so this works
// on a fresh clone after `npm ci` and is quick afterwards. After writing, @floe/events is rebuilt
// too, so a new builder can be imported from its dist (examples, other packages' builds) at once.
// Progress goes to stderr, so nobody waits on a silent terminal while turbo builds.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// On Windows npx is a .cmd script, which Node only starts through a shell.
const windows = process.platform === 'win32';
const npx = windows ? 'npx.cmd' : 'npx';

const seconds = (started) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/** Builds a package and what it depends on through turbo (cached); exits on failure. */
function build(filter, what) {
  const started = performance.now();
  process.stderr.write(`scripts/generate: building ${what} (turbo, cached)… `);
  const run = spawnSync(
    npx,
    ['turbo', 'run', 'build', `--filter=${filter}`, '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: windows,
    },
  );
  if (run.status !== 0) {
    process.stderr.write(`\nscripts/generate: building ${what} failed\n`);
    process.exit(run.status ?? 1);
  }
  process.stderr.write(`done in ${seconds(started)}\n`);
}

build('@floe/cli...', '@floe/cli and its dependencies');

// The executable is whatever @floe/cli's package.json names as its `floe` bin.
const cliDir = join(root, 'packages', 'cli');
const bin = join(cliDir, JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')).bin.floe);
const started = performance.now();
process.stderr.write(`scripts/generate: ${['floe generate', ...args].join(' ')}\n`);
const run = spawnSync(process.execPath, [bin, 'generate', ...args], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) process.exit(run.status ?? 1);
process.stderr.write(`scripts/generate: floe generate finished in ${seconds(started)}\n`);

if (args.includes('--check') || args.includes('--help') || args.includes('-h')) process.exit(0);
build('@floe/events', '@floe/events so its dist has the new builders');
