#!/usr/bin/env node
// Installs the other runtimes Floe is tested on into .floe/runtimes/<name>, from the npm registry:
// Node 22 and 24, Bun and Deno (packages that ship their binaries), and the edge runtimes workerd
// (through miniflare 4; this version still runs on Node 20) and Vercel's edge-runtime (packages
// the tests load). The tests look there (and at FLOE_<NAME> or PATH for the binaries); a runtime
// found there is not installed again.
//
// A runtime that cannot be installed:
//   - in CI (CI set, and not "false" or "0") fails this script with exit 1, naming each one,
//     so an offline CI cannot pass with no runtime coverage (its tests would fail too);
//   - locally prints a warning; its tests are then skipped with the same warning.
//
// For the script's own test: FLOE_RUNTIMES_DIR replaces .floe/runtimes, and FLOE_RUNTIMES
// (comma-separated names) limits which runtimes are ensured.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.FLOE_RUNTIMES_DIR ?? join(root, '.floe', 'runtimes');
const inCi = !['', 'false', '0'].includes((process.env.CI ?? '').trim().toLowerCase());
const only = process.env.FLOE_RUNTIMES?.split(',').map((name) => name.trim());

/** Pinned so every run tests the same runtimes; bump deliberately. */
const runtimes = [
  { name: 'node22', spec: 'node@22.23.3', binary: 'node', onPath: false },
  { name: 'node24', spec: 'node@24.21.0', binary: 'node', onPath: false },
  { name: 'bun', spec: 'bun@1.4.5', binary: 'bun', onPath: true },
  { name: 'deno', spec: 'deno@2.9.6', binary: 'deno', onPath: true },
  { name: 'miniflare', spec: 'miniflare@4.20260424.0', module: 'miniflare' },
  { name: 'edge-runtime', spec: 'edge-runtime@4.0.1', module: 'edge-runtime' },
].filter(({ name }) => !only || only.includes(name));

/** What an install leaves behind: the binary, or the package the tests load. */
function installedPath({ binary, module }, prefix) {
  return module
    ? join(prefix, 'node_modules', module, 'package.json')
    : join(prefix, 'node_modules', '.bin', binary);
}

/** Whether the tests will find this runtime without an install (the same places they look). */
function provided({ name, binary, onPath }) {
  if (!binary) return false;
  const fromEnv = process.env[`FLOE_${name.toUpperCase()}`];
  if (fromEnv && existsSync(fromEnv)) return true;
  if (!onPath) return false;
  try {
    return execFileSync('which', [binary], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

const failed = [];
for (const runtime of runtimes) {
  const { name, spec } = runtime;
  const prefix = join(dir, name);
  if (existsSync(installedPath(runtime, prefix)) || provided(runtime)) continue;
  mkdirSync(prefix, { recursive: true });
  process.stdout.write(`ensure-runtimes: installing ${spec} into ${prefix}… `);
  try {
    execFileSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        '--prefix',
        prefix,
        spec,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    console.log('done');
  } catch (error) {
    console.log('failed');
    const why = String(error.stderr ?? error.message)
      .trim()
      .split('\n')[0];
    console.error(`ensure-runtimes: could not install ${spec} (${why})`);
    failed.push(runtime);
  }
}

if (failed.length > 0) {
  const names = failed.map(({ spec }) => spec).join(', ');
  const setEnv = failed.map(({ name }) => `FLOE_${name.toUpperCase()}`).join(', ');
  if (inCi) {
    console.error(
      `ensure-runtimes: FAILED: ${names} could not be installed, and CI is set, where every ` +
        `runtime must be tested. Give the job access to the npm registry, or point ${setEnv} ` +
        'at the binaries.',
    );
    process.exit(1);
  }
  console.warn(
    `ensure-runtimes: warning: ${names} could not be installed; their tests will be skipped ` +
      `locally (in CI they fail). Set ${setEnv} to run them.`,
  );
}
