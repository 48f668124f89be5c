import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src';
import { userEnv } from './user-env';

/** One `npm pack` tarball of a workspace package, with what a lockfile needs to name it. */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  /** Absolute path of the tarball. */
  readonly tarball: string;
  /** `sha512-…` of the tarball, as npm records it. */
  readonly integrity: string;
  /** The workspace folder it was packed from, relative to the repository (`packages/core`). */
  readonly workspace: string;
  /** The packed package.json. */
  readonly manifest: Record<string, unknown>;
}

/** The packages a user installs; their workspace dependencies must be among them. */
export const PUBLIC_PACKAGES = [
  'core',
  'events',
  'iglu',
  'codegen',
  'collector',
  'cli',
  'node',
  'browser',
  'edge',
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Builds the public packages with turbo (cached, so quick when nothing changed), then packs each
 * with `npm pack`, exactly what `npm publish` would upload.
 *
 * @param destination - folder for the tarballs
 */
export function packPublicPackages(destination: string): Map<string, PackedPackage> {
  const filters = PUBLIC_PACKAGES.map((dir) => `--filter=@floe/${dir}`);
  execFileSync('npx', ['turbo', 'run', 'build', ...filters, '--output-logs=errors-only'], {
    cwd: repoRoot,
    env: userEnv(),
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  const workspaces = PUBLIC_PACKAGES.flatMap((dir) => ['-w', `packages/${dir}`]);
  const report = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', destination, ...workspaces], {
      cwd: repoRoot,
      env: userEnv(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      shell: process.platform === 'win32',
    }),
  ) as { name: string; version: string; filename: string; integrity: string }[];
  const packed = new Map<string, PackedPackage>();
  for (const entry of report) {
    // Every public package lives in packages/<name without scope>.
    const workspace = `packages/${entry.name.replace(/^@floe\//, '')}`;
    const manifest = JSON.parse(readFileSync(join(repoRoot, workspace, 'package.json'), 'utf8'));
    packed.set(entry.name, {
      name: entry.name,
      version: entry.version,
      tarball: join(destination, entry.filename),
      integrity: entry.integrity,
      workspace,
      manifest,
    });
  }
  return packed;
}
