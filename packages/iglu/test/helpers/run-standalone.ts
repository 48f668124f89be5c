import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one standalone validator returned for one sample, as seen by a real Node ESM import. */
export type StandaloneResults = Record<
  string,
  { path: string; keyword: string; message: string }[][]
>;

/**
 * Writes a generated module to a temporary .mjs file, imports it in a child Node process (real
 * ESM, no jest transform) and runs every exported validator over every sample.
 *
 * @param source - the module text from compileStandaloneValidators
 * @param samples - data to validate with each validator
 */
export function runStandalone(source: string, samples: readonly unknown[]): StandaloneResults {
  const dir = mkdtempSync(join(tmpdir(), 'floe-iglu-standalone-'));
  try {
    const file = join(dir, 'validators.mjs');
    writeFileSync(file, source);
    const script = `
      const { validators } = await import(${JSON.stringify(`file://${file}`)});
      const samples = JSON.parse(process.argv[1]);
      const out = {};
      for (const [uri, validate] of Object.entries(validators)) out[uri] = samples.map((s) => validate(s));
      process.stdout.write(JSON.stringify(out));
    `;
    const output = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '--disallow-code-generation-from-strings',
        '-e',
        script,
        JSON.stringify(samples),
      ],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    return JSON.parse(output) as StandaloneResults;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
