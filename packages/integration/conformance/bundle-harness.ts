// Bundles a conformance harness and everything it imports (the built @floe packages, as users get
// them) into one ESM file, so every runtime loads byte-identical code however it resolves modules.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from '../src/repo-paths';

/** Where bundles and per-runtime results go (ignored by git). */
export const conformanceDir = join(repoRoot, '.floe', 'conformance');

/**
 * Bundles `conformance/<entry>.ts` for `platform` and returns the output path.
 *
 * @param platform - `node` for Node, Bun and Deno (CommonJS dependencies get a `require` shim);
 *   `browser` for Chromium, workerd and edge-runtime.
 */
export async function bundleHarness(entry: string, platform: 'node' | 'browser'): Promise<string> {
  mkdirSync(conformanceDir, { recursive: true });
  const outfile = join(conformanceDir, `${entry}.mjs`);
  await build({
    entryPoints: [join(__dirname, `${entry}.ts`)],
    outfile,
    bundle: true,
    format: 'esm',
    platform,
    target: 'es2022',
    logLevel: 'error',
    ...(platform === 'node'
      ? {
          banner: {
            js: "import { createRequire as floeCreateRequire } from 'node:module'; const require = floeCreateRequire(import.meta.url);",
          },
        }
      : { conditions: ['worker', 'browser'] }),
  });
  return outfile;
}
