// The runtimes the conformance run covers, and where their binaries are. `npm test` installs Bun,
// Deno and Node 22/24 from the npm registry into .floe/runtimes (scripts/ensure-runtimes.mjs);
// FLOE_<NAME> points at another binary. In CI a runtime that cannot be found fails the run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/repo-paths';

/** A server runtime that runs the bundled harness as a script. */
export interface ServerRuntime {
  readonly name: string;
  /** The binary, or undefined when it is not installed. */
  readonly path: string | undefined;
  /** Arguments before the script. */
  readonly args: readonly string[];
}

function installed(name: string, binary: string): string | undefined {
  const fromEnv = process.env[`FLOE_${name.toUpperCase()}`];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const local = join(repoRoot, '.floe', 'runtimes', name, 'node_modules', '.bin', binary);
  return existsSync(local) ? local : undefined;
}

/** Node 20 is the Node running the tests; the others come from .floe/runtimes or the environment. */
export function serverRuntimes(): ServerRuntime[] {
  return [
    {
      name: 'node20',
      path: process.version.startsWith('v20.') ? process.execPath : installed('node20', 'node'),
      args: [],
    },
    { name: 'node22', path: installed('node22', 'node'), args: [] },
    { name: 'node24', path: installed('node24', 'node'), args: [] },
    { name: 'bun', path: installed('bun', 'bun'), args: [] },
    { name: 'deno', path: installed('deno', 'deno'), args: ['run', '--allow-all'] },
  ];
}

/** The message for a runtime that is missing: an error in CI, a printed warning elsewhere. */
export function missingRuntime(name: string): string {
  return (
    `${name} is not installed: run \`node scripts/ensure-runtimes.mjs\` (npm test does) or set ` +
    `FLOE_${name.toUpperCase()} to its binary.`
  );
}
