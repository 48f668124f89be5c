#!/usr/bin/env node
// Installs the other runtimes @floe/node is tested on (Node 22 and 24, Bun, Deno) into
// .floe/runtimes/<name>, from the npm registry, where the packages ship their binaries. The tests
// look there (and at FLOE_<NAME> or PATH). A runtime that cannot be installed is reported here,
// and its tests are skipped with that reason rather than failing the run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Pinned so every run tests the same runtimes; bump deliberately. */
const runtimes = [
  { name: 'node22', spec: 'node@22.23.3', binary: 'node' },
  { name: 'node24', spec: 'node@24.21.0', binary: 'node' },
  { name: 'bun', spec: 'bun@1.4.5', binary: 'bun' },
  { name: 'deno', spec: 'deno@2.9.6', binary: 'deno' },
];

for (const { name, spec, binary } of runtimes) {
  const prefix = join(root, '.floe', 'runtimes', name);
  const bin = join(prefix, 'node_modules', '.bin', binary);
  if (existsSync(bin)) continue;
  mkdirSync(prefix, { recursive: true });
  process.stdout.write(`ensure-runtimes: installing ${spec} into .floe/runtimes/${name}… `);
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
    console.error(
      `ensure-runtimes: could not install ${spec} (${String(error.stderr ?? error.message).trim()}).\n` +
        `  Its tests will be skipped. Set FLOE_${name.toUpperCase()} to a ${binary} binary to run them.`,
    );
  }
}
