// An organisation's own SDK package, end to end, as docs/sdk-publishing.md tells it: in a folder
// outside the repository, from `npm pack` tarballs of Floe installed offline, `floe init`
// scaffolds @acme/tracking in a workspace; `floe generate`, `npm run build`, the scaffolded test
// (every builder, ESM and CommonJS), publint and attw pass; `npm pack` makes 1.0.0. A new schema
// version then makes `floe release-plan` write a minor changeset, `changeset version` turns it
// into 1.1.0 with the reason in the changelog, and a separate fresh app installs the 1.1.0
// tarball, type-checks its calls and tracks through @floe/node into the embedded collector,
// where the event lands good.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { startCollector } from '@floe/collector';
import { microBad, microGood, repoRoot } from '../src';
import { type PackedPackage, packPublicPackages } from './pack-public-packages';
import { addTarballToLockfile, createWorkspaceLockfile } from './sdk-lockfile';
import { SDK_PUBLISHING, sdkDocBlock } from './sdk-publishing-doc';
import { docBlock, runInApp, writeAppFile } from './user-app';
import { userEnv } from './user-env';
import { createUserLockfile } from './user-lockfile';

jest.setTimeout(600_000);

const SCHEMA_1_0_0 = 'schemas/com.acme/checkout_started/jsonschema/1-0-0';
const SCHEMA_1_0_1 = 'schemas/com.acme/checkout_started/jsonschema/1-0-1';
const URI_1_0_1 = 'iglu:com.acme/checkout_started/jsonschema/1-0-1';
const INIT =
  'npx -p @floe/cli floe init packages/acme-tracking --name @acme/tracking --schemas ../schemas --repository https://github.com/acme/acme.git';
const W = '-w @acme/tracking';
const INSTALL_OFFLINE = 'npm install --offline --ignore-scripts --no-audit --no-fund';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Acme',
  GIT_AUTHOR_EMAIL: 'data@acme.invalid',
  GIT_COMMITTER_NAME: 'Acme',
  GIT_COMMITTER_EMAIL: 'data@acme.invalid',
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** The version the repository's lockfile resolved, as npm would write it: `^x.y.z`. */
function repoRange(name: string): string {
  const lock = readJson(join(repoRoot, 'package-lock.json'));
  return `^${lock.packages[`node_modules/${name}`].version}`;
}

const work = mkdtempSync(join(tmpdir(), 'floe-sdk-package-'));
const acme = join(work, 'acme');
const sdk = join(acme, 'sdk');
const pkg = join(sdk, 'packages', 'acme-tracking');
const shop = join(work, 'shop');
let packed: Map<string, PackedPackage>;
const tarball = (from: string, name: string) => `file:${relative(from, packed.get(name)!.tarball)}`;

/** Runs a command of the walk-through, checked to be on the page first. */
function step(dir: string, command: string, env?: Record<string, string>): string {
  expect(SDK_PUBLISHING).toContain(`\n${command}\n`);
  return runInApp(dir, command, { ...GIT_ENV, ...env });
}

beforeAll(() => {
  expect(relative(repoRoot, work).startsWith('..')).toBe(true); // outside the repository
  mkdirSync(join(work, 'tarballs'));
  packed = packPublicPackages(join(work, 'tarballs'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('scaffolds @acme/tracking with floe init, then generates, builds, tests, checks and packs 1.0.0', () => {
  mkdirSync(acme);
  expect(SDK_PUBLISHING).toContain('\ngit init -b main\n');
  git(acme, 'init', '-q', '-b', 'main');
  writeAppFile(acme, SCHEMA_1_0_0, sdkDocBlock(SCHEMA_1_0_0));
  writeAppFile(acme, 'sdk/package.json', sdkDocBlock('sdk/package.json'));

  // `npm install --save-dev @floe/cli`, offline: the tarball instead of the registry.
  expect(SDK_PUBLISHING).toContain('\nnpm install --save-dev @floe/cli\n');
  const root = {
    ...readJson(join(sdk, 'package.json')),
    devDependencies: { '@floe/cli': tarball(sdk, '@floe/cli') },
  };
  writeFileSync(join(sdk, 'package.json'), `${JSON.stringify(root, null, 2)}\n`);
  const rootLock = createWorkspaceLockfile(sdk, root, [], root.devDependencies, packed);
  writeFileSync(join(sdk, 'package-lock.json'), JSON.stringify(rootLock, null, 2));
  runInApp(sdk, INSTALL_OFFLINE);

  const printed = step(sdk, INIT);
  expect(printed).toContain('floe init: @acme/tracking in packages/acme-tracking');
  const manifest = readJson(join(pkg, 'package.json'));
  expect(manifest).toMatchObject({
    name: '@acme/tracking',
    version: '1.0.0',
    sideEffects: false,
    peerDependencies: { '@floe/core': `^${packed.get('@floe/core')!.version}` },
    repository: {
      url: 'git+https://github.com/acme/acme.git',
      directory: 'sdk/packages/acme-tracking',
    },
  });
  expect(existsSync(join(sdk, '.changeset', 'config.json'))).toBe(true);

  // `npm install`: the package's own devDependencies, hoisted to the workspace root.
  expect(SDK_PUBLISHING).toContain('\nnpm install\n');
  const needed = {
    ...manifest.devDependencies,
    '@floe/cli': tarball(sdk, '@floe/cli'),
    '@floe/core': tarball(sdk, '@floe/core'),
  };
  const lock = createWorkspaceLockfile(
    sdk,
    root,
    [{ dir: 'packages/acme-tracking', manifest }],
    needed,
    packed,
  );
  writeFileSync(join(sdk, 'package-lock.json'), JSON.stringify(lock, null, 2));
  runInApp(sdk, INSTALL_OFFLINE);

  expect(step(sdk, `npm run generate ${W}`)).toMatch(
    /1 schema\b.*0 failed[\s\S]*floe docs: 1 schema version/,
  );
  expect(readFileSync(join(pkg, 'README.md'), 'utf8')).toContain(
    '`trackComAcmeCheckoutStarted_1_0_0`',
  );
  step(sdk, `npm run build ${W}`);
  for (const file of [
    'index.js',
    'index.cjs',
    'index.d.ts',
    'index.d.cts',
    'validators.js',
    'validators.d.cts',
  ])
    expect(existsSync(join(pkg, 'dist', file))).toBe(true);
  expect(step(sdk, `npm test ${W}`)).toMatch(/# pass 3\n# fail 0/);
  const checks = step(sdk, `npm run check-package ${W}`);
  expect(checks).toMatch(/All good!/); // publint
  expect(checks).toMatch(/No problems found/); // attw

  expect(SDK_PUBLISHING).toContain('\ngit add -A\ngit commit -m "@acme/tracking 1.0.0"\n');
  git(acme, 'add', '-A');
  git(acme, 'commit', '-q', '-m', '@acme/tracking 1.0.0');
  step(sdk, `npm pack ${W}`);
  expect(existsSync(join(sdk, 'acme-tracking-1.0.0.tgz'))).toBe(true);
  // What `changeset publish` does besides uploading: tag the released commit.
  expect(SDK_PUBLISHING).toContain('`@acme/tracking@1.0.0`');
  git(acme, 'tag', '@acme/tracking@1.0.0');
});

it('a new schema version makes release-plan write a minor changeset, and changeset version makes 1.1.0', () => {
  writeAppFile(acme, SCHEMA_1_0_1, sdkDocBlock(SCHEMA_1_0_1));
  step(sdk, `npm run generate ${W}`);
  const plan = step(sdk, `npm run release-plan ${W}`);
  const expected = [
    'floe release-plan: minor release of @acme/tracking since git ref @acme/tracking@1.0.0',
    '  minor: New version 1-0-1 of com.acme/checkout_started, side by side with 1-0-0 (`trackComAcmeCheckoutStarted_1_0_1`).',
    'wrote ../../.changeset/floe-acme-tracking.md',
  ].join('\n');
  expect(plan).toContain(expected);
  expect(SDK_PUBLISHING).toContain(`\n${expected}\n`); // the page shows the same output

  step(sdk, 'npx changeset version');
  expect(readJson(join(pkg, 'package.json')).version).toBe('1.1.0');
  const changelog = readFileSync(join(pkg, 'CHANGELOG.md'), 'utf8');
  expect(changelog).toContain('## 1.1.0');
  expect(changelog).toContain(
    'New version 1-0-1 of com.acme/checkout_started, side by side with 1-0-0',
  );
  expect(existsSync(join(sdk, '.changeset', 'floe-acme-tracking.md'))).toBe(false);

  step(sdk, `npm run build ${W}`);
  step(sdk, `npm pack ${W}`);
  expect(existsSync(join(sdk, 'acme-tracking-1.1.0.tgz'))).toBe(true);
});

it('a fresh app installs the 1.1.0 tarball, type-checks its calls and tracks into the collector', async () => {
  mkdirSync(shop);
  runInApp(shop, 'npm init -y');
  runInApp(shop, 'npm pkg set type=module');
  const acmeTarball = join(sdk, 'acme-tracking-1.1.0.tgz');
  const dependencies = {
    '@acme/tracking': `file:${relative(shop, acmeTarball)}`,
    '@floe/core': tarball(shop, '@floe/core'),
    '@floe/node': tarball(shop, '@floe/node'),
    '@floe/browser': tarball(shop, '@floe/browser'),
  };
  const devDependencies = {
    typescript: repoRange('typescript'),
    '@types/node': repoRange('@types/node'),
    esbuild: repoRange('esbuild'),
  };
  const app = readJson(join(shop, 'package.json'));
  writeFileSync(
    join(shop, 'package.json'),
    `${JSON.stringify({ ...app, dependencies, devDependencies }, null, 2)}\n`,
  );
  const { '@acme/tracking': _, ...floe } = dependencies;
  const lock = createUserLockfile(
    shop,
    app.name,
    { dependencies: floe, devDependencies },
    packed,
  ) as Parameters<typeof addTarballToLockfile>[0];
  addTarballToLockfile(lock, shop, acmeTarball, readJson(join(pkg, 'package.json')));
  (lock.packages[''] as { dependencies: Record<string, string> }).dependencies = dependencies;
  writeFileSync(join(shop, 'package-lock.json'), JSON.stringify(lock, null, 2));
  runInApp(shop, INSTALL_OFFLINE);

  writeAppFile(shop, 'tsconfig.json', docBlock('tsconfig.json'));
  writeAppFile(shop, 'src/app.ts', sdkDocBlock('src/app.ts'));
  // Mistakes the page says do not compile; each line must be an error, or tsc fails here.
  writeAppFile(
    shop,
    'src/mistakes.ts',
    [
      "import type { Tracker } from '@floe/core';",
      "import { trackComAcmeCheckoutStarted_1_0_1 } from '@acme/tracking';",
      'export function mistakes(tracker: Tracker): void {',
      '  // @ts-expect-error a currency outside the enum',
      "  trackComAcmeCheckoutStarted_1_0_1(tracker, { cartId: 'c', items: 1, currency: 'GBP' });",
      '  // @ts-expect-error a misspelt key',
      "  trackComAcmeCheckoutStarted_1_0_1(tracker, { cartId: 'c', itemz: 1 });",
      '  // @ts-expect-error cartId is required',
      '  trackComAcmeCheckoutStarted_1_0_1(tracker, { items: 1 });',
      '}',
      '',
    ].join('\n'),
  );
  runInApp(shop, 'npx tsc');

  // The same package in a web page: @floe/browser and the generated builders bundle for browsers.
  const bundle =
    'npx esbuild web/entry.ts --bundle --format=esm --platform=browser --outfile=dist/web.js';
  expect(SDK_PUBLISHING).toContain(bundle);
  writeAppFile(shop, 'web/entry.ts', sdkDocBlock('web/entry.ts'));
  runInApp(shop, bundle);
  const web = readFileSync(join(shop, 'dist', 'web.js'), 'utf8');
  expect(web).toContain('iglu:com.acme/checkout_started/jsonschema/1-0-1');
  expect(web).toContain('_sp_');
  expect(web).not.toMatch(/from\s*["']node:|require\(["']node:/);

  const collector = await startCollector({
    port: 0,
    host: '127.0.0.1',
    schemaDirs: [join(acme, 'schemas')],
    storage: 'memory',
  });
  try {
    // Asynchronously: the collector runs in this process and must keep answering meanwhile.
    const { stdout: printed } = await promisify(execFile)('node', ['dist/app.js'], {
      cwd: shop,
      env: userEnv({ COLLECTOR_URL: collector.url }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    const eventId = printed.match(/^event (\S+): 1 delivered, 0 dropped$/m)?.[1];
    expect({ printed, eventId }).toEqual({ printed, eventId: expect.any(String) });
    const good = await microGood(collector.url, { schema: URI_1_0_1 });
    expect(good.map((event) => event.event.event_id)).toEqual([eventId]);
    expect(good[0]!.event.unstruct_event).toMatchObject({
      data: { schema: URI_1_0_1, data: { cartId: 'cart-42', items: 3, currency: 'EUR' } },
    });
    expect(await microBad(collector.url)).toEqual([]);
  } finally {
    await collector.close();
  }
});
