import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the package's shipped folders are, and its name and version. */
export interface PackageInfo {
  /** The folder holding `package.json`, `schemas/` and `ui/`. */
  readonly root: string;
  /** The bundled standard schemas (an Iglu registry folder). */
  readonly schemasDir: string;
  /** The static web UI files. */
  readonly uiDir: string;
  /** The package version, written into bad rows and `v_collector` / `v_etl`. */
  readonly version: string;
}

let cached: PackageInfo | undefined;

/**
 * Finds the collector package folder by walking up from this file. The same code runs from
 * `dist/index.js` (one level below the root) and from `src/…` under jest (two or more levels),
 * so the location is discovered instead of hard-coded. `__dirname` is a tsup shim in ESM.
 */
export function getPackageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = __dirname;
  for (let depth = 0; depth < 6; depth++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@floe/collector') {
        cached = {
          root: dir,
          schemasDir: join(dir, 'schemas'),
          uiDir: join(dir, 'ui'),
          version: pkg.version ?? '0.0.0',
        };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`@floe/collector: cannot find the package folder above ${__dirname}`);
}
