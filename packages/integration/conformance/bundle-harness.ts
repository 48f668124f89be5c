// Bundles a conformance harness and everything it imports (the built @floe packages, as users get
// them) into one ESM file, so every runtime loads byte-identical code however it resolves modules.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from '../src/repo-paths';

/** Where bundles and per-runtime results go (ignored by git). */
export const conformanceDir = join(repoRoot, '.floe', 'conformance');

/**
 * How a runtime loads the harness: `node` for Node, Bun and Deno (an ES module; CommonJS
 * dependencies get a `require` shim); `module` for workerd and the browser (an ES module of web
 * APIs only); `script` for edge-runtime (a classic script).
 */
export type HarnessFormat = 'node' | 'module' | 'script';

/** Bundles `conformance/<entry>.ts` in `format` and returns the output path. */
export async function bundleHarness(entry: string, format: HarnessFormat): Promise<string> {
  mkdirSync(conformanceDir, { recursive: true });
  const outfile = join(conformanceDir, `${entry}.${format === 'script' ? 'js' : 'mjs'}`);
  await build({
    entryPoints: [join(__dirname, `${entry}.ts`)],
    outfile,
    bundle: true,
    format: format === 'script' ? 'iife' : 'esm',
    platform: format === 'node' ? 'node' : 'browser',
    target: 'es2022',
    logLevel: 'error',
    ...(format === 'node'
      ? {
          banner: {
            js: "import { createRequire as floeCreateRequire } from 'node:module'; const require = floeCreateRequire(import.meta.url);",
          },
        }
      : { conditions: ['worker', 'browser'] }),
  });
  return outfile;
}
