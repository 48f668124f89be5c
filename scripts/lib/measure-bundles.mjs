// Runs size-limit over .size-limit.cjs and returns its JSON results:
// [{ name, size, sizeLimit?, passed? }], sizes in bytes (min+gz).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sizeLimitBin = join(
  dirname(createRequire(import.meta.url).resolve('size-limit/package.json')),
  'bin.js',
);

/**
 * Measures every bundle of .size-limit.cjs.
 *
 * @param {Record<string, string>} [env] - extra environment, e.g. `{ FLOE_SIZE_COMPARE: '1' }`.
 */
export async function measureBundles(env = {}) {
  const run = spawnSync(process.execPath, [sizeLimitBin, '--json'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const start = run.stdout.indexOf('[');
  if (start === -1) {
    throw new Error(`size-limit failed (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
  return JSON.parse(run.stdout.slice(start));
}
