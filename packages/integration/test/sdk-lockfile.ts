import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { PackedPackage } from './pack-public-packages';
import { createUserLockfile } from './user-lockfile';

type Lockfile = { packages: Record<string, Record<string, unknown>> } & Record<string, unknown>;

/** `sha512-…` of a tarball, as npm records it. */
export function tarballIntegrity(file: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/**
 * The lockfile of an npm workspace root whose packages need `devDependencies` (all hoisted to the
 * root, as npm does): the user-app lockfile of those dependencies, plus the root's `workspaces`
 * and each workspace package with its link. npm then installs offline from the cache.
 *
 * @param rootDir - the workspace root
 * @param root - its package.json
 * @param workspaces - each workspace's folder (relative to the root) and package.json
 * @param devDependencies - every dependency to install, Floe packages as `file:` tarballs
 * @param packed - the packed Floe packages
 */
export function createWorkspaceLockfile(
  rootDir: string,
  root: { name: string; devDependencies?: Record<string, string> },
  workspaces: readonly { dir: string; manifest: Record<string, unknown> }[],
  devDependencies: Record<string, string>,
  packed: ReadonlyMap<string, PackedPackage>,
): Lockfile {
  const lock = createUserLockfile(
    rootDir,
    root.name,
    { dependencies: {}, devDependencies },
    packed,
  ) as Lockfile;
  lock.packages[''] = {
    name: root.name,
    workspaces: ['packages/*'],
    ...(root.devDependencies ? { devDependencies: root.devDependencies } : {}),
  };
  for (const { dir, manifest } of workspaces) {
    const {
      name,
      version,
      license,
      dependencies,
      devDependencies: dev,
      peerDependencies,
    } = manifest;
    lock.packages[dir] = {
      name,
      version,
      license,
      ...(dependencies ? { dependencies } : {}),
      ...(dev ? { devDependencies: dev } : {}),
      ...(peerDependencies ? { peerDependencies } : {}),
    };
    lock.packages[`node_modules/${name}`] = { resolved: dir, link: true };
  }
  return lock;
}

/**
 * Adds a package installed from a local tarball (not a Floe package) to an app's lockfile.
 *
 * @param lock - the app's lockfile
 * @param appDir - the app's folder
 * @param tarball - the tarball's path
 * @param manifest - the package's package.json
 */
export function addTarballToLockfile(
  lock: Lockfile,
  appDir: string,
  tarball: string,
  manifest: Record<string, unknown>,
): void {
  const { name, version, license, peerDependencies, engines } = manifest;
  lock.packages[`node_modules/${name}`] = {
    version,
    resolved: `file:${relative(appDir, tarball)}`,
    integrity: tarballIntegrity(tarball),
    license,
    ...(peerDependencies ? { peerDependencies } : {}),
    ...(engines ? { engines } : {}),
  };
}
