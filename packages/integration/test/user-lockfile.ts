import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { repoRoot } from '../src';
import type { PackedPackage } from './pack-public-packages';

// `npm install --offline` can only use what `npm ci` put in the npm cache: tarballs, fetched by
// the exact URL and integrity of the repository's lockfile, but not the registry metadata npm
// would need to resolve a range. So a user app gets a lockfile too, cut from the repository's:
// the Floe packages point at their `npm pack` tarballs, everything else keeps the resolved URL and
// integrity npm ci used. npm then installs from the cache without a single registry request.

type LockEntry = Record<string, unknown> & {
  version?: string;
  resolved?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/** What the app's package.json declares. */
export interface AppDependencies {
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

/** The npm install flags a dependency tree carries; npm works them out again for the app. */
const TREE_FLAGS = ['dev', 'devOptional', 'peer', 'extraneous', 'inBundle'];

const readRepoLock = (): Record<string, LockEntry> =>
  JSON.parse(readFileSync(`${repoRoot}/package-lock.json`, 'utf8')).packages;

/** The location that holds `location`'s own node_modules' parent (`a/node_modules/b` → `a`). */
function parentLocation(location: string): string {
  const index = location.lastIndexOf('node_modules/');
  if (index < 0) return ''; // a workspace folder: its parent is the repository root
  return location.slice(0, index).replace(/\/$/, '');
}

/** Where Node's lookup from `location` finds `name` in the repository's tree. */
function findInRepo(lock: Record<string, LockEntry>, location: string, name: string): string {
  for (let base = location; ; base = parentLocation(base)) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lock[candidate]) return candidate;
    if (!base)
      throw new Error(`${name} (needed by ${location || 'the root'}) is not in the lockfile`);
  }
}

const hasInRepo = (lock: Record<string, LockEntry>, location: string, name: string): boolean => {
  try {
    findInRepo(lock, location, name);
    return true;
  } catch {
    return false;
  }
};

/** The edges npm installs: dependencies, optional ones, and peers that are not optional. */
function edges(entry: LockEntry): { name: string; optional: boolean }[] {
  const peers = Object.keys(entry.peerDependencies ?? {}).filter(
    (name) => !entry.peerDependenciesMeta?.[name]?.optional,
  );
  return [
    ...[...Object.keys(entry.dependencies ?? {}), ...peers].map((name) => ({
      name,
      optional: false,
    })),
    ...Object.keys(entry.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
  ];
}

/**
 * The lockfile of a user app that installs `app`'s dependencies: Floe packages from their
 * tarballs, everything else exactly as the repository's lockfile resolved it.
 *
 * @param appDir - the app's folder (tarball paths are written relative to it)
 * @param name - the app's package name
 * @param app - its dependencies; non-Floe ones must be in the repository's lockfile
 * @param packed - the packed Floe packages, by name
 */
export function createUserLockfile(
  appDir: string,
  name: string,
  app: AppDependencies,
  packed: ReadonlyMap<string, PackedPackage>,
): Record<string, unknown> {
  const lock = readRepoLock();
  const workspaceOf = new Map([...packed.values()].map((pkg) => [pkg.workspace, pkg]));
  const packages: Record<string, unknown> = {
    '': { name, version: '1.0.0', ...app },
  };
  // Repository locations become app locations: a workspace folder is where npm puts the package.
  const toApp = (location: string): string => {
    const workspace = location.match(/^packages\/[^/]+/)?.[0];
    if (!workspace) return location;
    const pkg = workspaceOf.get(workspace);
    if (!pkg) throw new Error(`${workspace} is needed but not packed`);
    return `node_modules/${pkg.name}${location.slice(workspace.length)}`;
  };
  const queue: string[] = [];
  const visit = (from: string, dependency: string): void => {
    let location = findInRepo(lock, from, dependency);
    const found = lock[location]!;
    if (found.link) location = String(found.resolved); // a workspace package: packages/<dir>
    const target = toApp(location);
    if (packages[target]) return;
    const pkg = workspaceOf.get(location);
    if (pkg) {
      const { manifest } = pkg;
      const bin = manifest.bin as Record<string, string> | undefined;
      packages[target] = {
        version: pkg.version,
        resolved: `file:${relative(appDir, pkg.tarball)}`,
        integrity: pkg.integrity,
        ...(manifest.license ? { license: manifest.license } : {}),
        ...(manifest.dependencies ? { dependencies: manifest.dependencies } : {}),
        ...(manifest.optionalDependencies
          ? { optionalDependencies: manifest.optionalDependencies }
          : {}),
        ...(manifest.peerDependencies ? { peerDependencies: manifest.peerDependencies } : {}),
        ...(manifest.peerDependenciesMeta
          ? { peerDependenciesMeta: manifest.peerDependenciesMeta }
          : {}),
        ...(bin
          ? {
              bin: Object.fromEntries(
                Object.entries(bin).map(([command, file]) => [command, file.replace(/^\.\//, '')]),
              ),
            }
          : {}),
        ...(manifest.engines ? { engines: manifest.engines } : {}),
      };
      lock[location] = { ...lock[location], ...(packages[target] as LockEntry) };
    } else {
      const copy = { ...found };
      for (const flag of TREE_FLAGS) delete copy[flag];
      packages[target] = copy;
    }
    queue.push(location);
  };
  for (const dependency of [
    ...Object.keys(app.dependencies),
    ...Object.keys(app.devDependencies),
  ]) {
    visit('', dependency);
  }
  while (queue.length > 0) {
    const location = queue.shift()!;
    for (const edge of edges(lock[location]!)) {
      // An optional dependency npm ci skipped on this platform is not in the lockfile: skip it too.
      if (edge.optional && !hasInRepo(lock, location, edge.name)) continue;
      visit(location, edge.name);
    }
  }
  return { name, version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}
