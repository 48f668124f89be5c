// Floe in a user's own project, end to end, as docs/getting-started.md tells it: in a folder
// outside the repository, from `npm pack` tarballs installed offline, a fresh ES module app and a
// fresh CommonJS app each generate their builders into src/tracking with the `floe` command,
// compile with tsc (strict; NodeNext and CommonJS/node10), and track one event into
// `floe collector --memory`, where it lands good. Files and commands come from the page itself.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { microBad, microGood, repoRoot } from '../src';
import { type PackedPackage, packPublicPackages } from './pack-public-packages';
import {
  docBlock,
  GETTING_STARTED,
  runInApp,
  startCollectorProcess,
  writeAppFile,
} from './user-app';
import { createUserLockfile } from './user-lockfile';

jest.setTimeout(240_000);

const SCHEMA_PATH = 'schemas/com.acme/checkout_started/jsonschema/1-0-0';
const SCHEMA_URI = 'iglu:com.acme/checkout_started/jsonschema/1-0-0';

// The commands of the walk-through, each checked to be on the page before it runs.
const GENERATE = 'npx -p @floe/cli floe generate --schemas schemas --out src/tracking';
const CHECK = `${GENERATE} --check`;
const LINT = 'npx -p @floe/cli floe lint --schemas schemas';
const COLLECTOR = 'npx -p @floe/cli floe collector --memory --schemas schemas';
const COMPILE = 'npx tsc';
const RUN = 'node dist/app.js';

// What step 1's two `npm install` lines add; the test names tarballs instead of registry versions.
const RUNTIME_PACKAGES = ['@floe/core', '@floe/node'];
const DEV_PACKAGES = ['@floe/cli'];
const DEV_TOOLS = ['typescript', '@types/node'];

interface AppKind {
  readonly kind: string;
  readonly esm: boolean;
  readonly tsconfig: string;
  readonly app: string;
}

const APPS: AppKind[] = [
  { kind: 'ES module', esm: true, tsconfig: 'tsconfig.json', app: 'src/app.ts' },
  {
    kind: 'CommonJS',
    esm: false,
    tsconfig: 'tsconfig.json (CommonJS)',
    app: 'src/app.ts (CommonJS)',
  },
];

/** The version the repository's lockfile resolved, as npm would write it: `^x.y.z`. */
function repoRange(name: string): string {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
  return `^${lock.packages[`node_modules/${name}`].version}`;
}

const work = mkdtempSync(join(tmpdir(), 'floe-user-project-'));
let packed: Map<string, PackedPackage>;

beforeAll(() => {
  expect(relative(repoRoot, work).startsWith('..')).toBe(true); // outside the repository
  packed = packPublicPackages(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('the walk-through names the commands this test runs', () => {
  for (const command of [CHECK, LINT]) expect(GETTING_STARTED).toContain(`\`${command}\``);
  for (const command of [
    'npm init -y',
    'npm pkg set type=module',
    'npm install @floe/core @floe/node',
    'npm install --save-dev @floe/cli typescript @types/node',
    GENERATE,
    COLLECTOR,
    COMPILE,
    RUN,
  ]) {
    expect(GETTING_STARTED).toContain(`\n${command}\n`);
  }
});

describe.each(APPS)('a fresh $kind app', ({ kind, esm, tsconfig, app }) => {
  const appDir = join(work, esm ? 'shop-esm' : 'shop-cjs');

  it('installs offline from the tarballs, with the floe command linked', () => {
    mkdirSync(appDir);
    runInApp(appDir, 'npm init -y');
    if (esm) runInApp(appDir, 'npm pkg set type=module');
    const manifest = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
    const tarball = (name: string) => `file:${relative(appDir, packed.get(name)!.tarball)}`;
    const dependencies = Object.fromEntries(RUNTIME_PACKAGES.map((name) => [name, tarball(name)]));
    const devDependencies = Object.fromEntries([
      ...DEV_PACKAGES.map((name) => [name, tarball(name)]),
      ...DEV_TOOLS.map((name) => [name, repoRange(name)]),
    ]);
    writeFileSync(
      join(appDir, 'package.json'),
      `${JSON.stringify({ ...manifest, dependencies, devDependencies }, null, 2)}\n`,
    );
    const lockfile = createUserLockfile(
      appDir,
      manifest.name,
      { dependencies, devDependencies },
      packed,
    );
    writeFileSync(join(appDir, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`);
    // --ignore-scripts: nothing the walk-through uses needs an install script. The only one is
    // the collector's SQLite driver, an optional dependency `--memory` does without; skipping it
    // keeps the test from compiling it (as pnpm 10 skips it by default).
    runInApp(appDir, 'npm install --offline --ignore-scripts --no-audit --no-fund');
    expect(existsSync(join(appDir, 'node_modules', '.bin', 'floe'))).toBe(true);
    expect(readFileSync(join(appDir, 'package.json'), 'utf8')).toContain(
      esm ? '"type": "module"' : '"name"',
    );
  });

  it('lints its schema and generates its builders into src/tracking, which --check then accepts', () => {
    writeAppFile(appDir, SCHEMA_PATH, docBlock(SCHEMA_PATH));
    runInApp(appDir, LINT); // exits 0: the page's schema has no error-level finding
    const output = runInApp(appDir, GENERATE);
    expect(output).toMatch(/1 schema\b.*0 failed/);
    const tracking = join(appDir, 'src', 'tracking');
    expect(readFileSync(join(tracking, 'index.ts'), 'utf8')).toContain(
      "export * from './com.acme/index.js';",
    );
    expect(existsSync(join(tracking, 'com.acme', 'checkout_started', '1-0-0.ts'))).toBe(true);
    expect(readFileSync(join(tracking, 'validators.ts'), 'utf8')).not.toContain('@ts-nocheck');
    expect(existsSync(join(appDir, 'src', 'generated'))).toBe(false);
    expect(existsSync(join(appDir, 'packages'))).toBe(false);
    runInApp(appDir, CHECK); // exits 0: what was just written is up to date
  });

  it(`compiles with tsc (${kind})`, () => {
    writeAppFile(appDir, 'tsconfig.json', docBlock(tsconfig));
    writeAppFile(appDir, 'src/app.ts', docBlock(app));
    runInApp(appDir, COMPILE);
    const compiled = readFileSync(join(appDir, 'dist', 'app.js'), 'utf8');
    if (esm) expect(compiled).toContain("from './tracking/index.js'");
    else expect(compiled).toContain('require("./tracking/index.js")');
  });

  it('tracks into floe collector --memory, where the event lands good', async () => {
    const collector = await startCollectorProcess(appDir, `${COLLECTOR} --port 0`);
    try {
      expect(collector.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const printed = runInApp(appDir, RUN, { COLLECTOR_URL: collector.url });
      const eventId = printed.match(/^event (\S+): 1 delivered, 0 dropped$/m)?.[1];
      expect({ printed, eventId }).toEqual({ printed, eventId: expect.any(String) });
      const good = await microGood(collector.url, { schema: SCHEMA_URI });
      expect(good.map((event) => event.event.event_id)).toEqual([eventId]);
      expect(good[0]!.event.unstruct_event).toMatchObject({
        data: { schema: SCHEMA_URI, data: { cartId: 'cart-42', items: 3 } },
      });
      expect(await microBad(collector.url)).toEqual([]);
    } finally {
      await collector.stop();
    }
  });
});
