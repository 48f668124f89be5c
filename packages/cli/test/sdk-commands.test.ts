// floe init, floe release-plan and floe docs in process: what init scaffolds (package.json
// fields, config, LICENSE, README with the catalogue, changesets at the workspace root), the
// errors it refuses with, and the release plan and catalogue of the scaffolded package.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../src/cli-io';
import { runCli } from '../src/run-cli';
import { SDK_DEV_TOOLS } from '../src/sdk-package-manifest';

const REPO = join(__dirname, '..', '..', '..');
const SAVE_GAME = 'com.example_company/save-game/jsonschema';
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Floe test',
  GIT_AUTHOR_EMAIL: 'test@floe.invalid',
  GIT_COMMITTER_NAME: 'Floe test',
  GIT_COMMITTER_EMAIL: 'test@floe.invalid',
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const read = (path: string) => readFileSync(path, 'utf8');
const readJson = (path: string) => JSON.parse(read(path));

function capture(cwd: string): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    cwd,
    out: () => out,
    err: () => err,
  };
}

const work = mkdtempSync(join(tmpdir(), 'floe-sdk-commands-'));
const acme = join(work, 'acme');
const sdk = join(acme, 'sdk');
const pkg = join(sdk, 'packages', 'acme-tracking');
const copyVersion = (version: string) => {
  mkdirSync(join(acme, 'schemas', SAVE_GAME), { recursive: true });
  cpSync(join(REPO, 'schemas', SAVE_GAME, version), join(acme, 'schemas', SAVE_GAME, version));
};

beforeAll(() => {
  copyVersion('1-0-0');
  mkdirSync(sdk, { recursive: true });
  writeFileSync(
    join(sdk, 'package.json'),
    JSON.stringify({ name: 'sdk', private: true, workspaces: ['packages/*'] }),
  );
  git(acme, 'init', '-q', '-b', 'main');
  git(acme, 'remote', 'add', 'origin', 'git@github.com:acme/acme.git');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('floe init', () => {
  it('scaffolds the SDK package', async () => {
    const io = capture(sdk);
    const code = await runCli(
      ['init', 'packages/acme-tracking', '--name', '@acme/tracking', '--schemas', '../schemas'],
      io,
    );
    expect({ code, err: io.err() }).toEqual({ code: 0, err: '' });
    expect(io.out()).toContain('created   packages/acme-tracking/package.json\n');
    expect(io.out()).toContain('created   .changeset/config.json\n');
    expect(io.out()).toMatch(
      /floe init: @acme\/tracking in packages\/acme-tracking; next: npm install/,
    );

    const manifest = readJson(join(pkg, 'package.json'));
    expect(manifest).toMatchObject({
      name: '@acme/tracking',
      version: '1.0.0',
      license: 'MIT',
      type: 'module',
      sideEffects: false,
      repository: {
        type: 'git',
        url: 'git+https://github.com/acme/acme.git',
        directory: 'sdk/packages/acme-tracking',
      },
      homepage: 'https://github.com/acme/acme/tree/main/sdk/packages/acme-tracking#readme',
      main: './dist/index.cjs',
      module: './dist/index.js',
      types: './dist/index.d.cts',
      files: ['dist', 'validators'],
      peerDependencies: { '@floe/core': '^0.1.0' },
    });
    expect(manifest.exports['.']).toEqual({
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    });
    expect(manifest.exports['./validators'].require.types).toBe('./dist/validators.d.cts');
    expect(manifest.dependencies).toBeUndefined();
    expect(Object.keys(manifest.devDependencies)).toEqual(
      expect.arrayContaining([
        '@floe/cli',
        '@floe/core',
        'tsup',
        'typescript',
        '@changesets/cli',
        'publint',
        '@arethetypeswrong/cli',
      ]),
    );
    expect(readJson(join(pkg, 'floe.config.json'))).toEqual({
      codegen: { schemas: '../../../schemas', out: 'src/generated', command: 'npm run generate' },
    });
    expect(read(join(pkg, 'LICENSE'))).toContain(
      `Copyright (c) ${new Date().getFullYear()} The @acme/tracking authors`,
    );
    expect(read(join(pkg, '.gitignore'))).toContain('dist/');
    expect(read(join(pkg, 'tsup.config.ts'))).toContain(
      "entry: ['src/index.ts', 'src/validators.ts']",
    );
    expect(readJson(join(pkg, 'validators', 'package.json')).types).toBe(
      '../dist/validators.d.cts',
    );
    expect(read(join(pkg, 'test', 'builders.test.mjs'))).toContain(
      "await import('../dist/index.js')",
    );
    // The README embeds the catalogue and links the page written beside it.
    const readme = read(join(pkg, 'README.md'));
    expect(readme).toContain('# @acme/tracking');
    expect(readme).toContain("import { validators } from '@acme/tracking/validators';");
    expect(readme).toContain(
      '| `com.example_company/save-game` | 1-0-0 | `trackComExampleCompanySaveGame_1_0_0`',
    );
    expect(readme).toContain('[catalogue/index.html](catalogue/index.html)');
    expect(existsSync(join(pkg, 'catalogue', 'index.html'))).toBe(true);
    // Changesets at the workspace root, where `changeset version` looks; none in the package.
    expect(readJson(join(sdk, '.changeset', 'config.json')).baseBranch).toBe('main');
    expect(existsSync(join(pkg, '.changeset'))).toBe(false);
    expect(existsSync(join(pkg, 'LICENSE-MIT'))).toBe(false);
  });

  it('refuses a folder with files, a missing name, a bad licence and a second folder', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['init', 'packages/acme-tracking', '--name', '@acme/tracking', '--schemas', '../schemas'],
        /packages\/acme-tracking is not empty/,
      ],
      [['init', 'packages/other', '--schemas', '../schemas'], /--name is required/],
      [
        ['init', 'packages/other', '--name', 'Not A Name', '--schemas', '../schemas'],
        /not a valid npm package name/,
      ],
      [
        [
          'init',
          'packages/other',
          '--name',
          '@acme/x',
          '--license',
          'MTI',
          '--schemas',
          '../schemas',
        ],
        /--license must be MIT or Apache-2.0, got "MTI"; did you mean MIT\?/,
      ],
      [
        ['init', 'packages/other', 'packages/more', '--name', '@acme/x'],
        /unexpected argument "packages\/more"/,
      ],
      [
        ['init', 'packages/other', '--name', '@acme/x', '--schemas', 'nope'],
        /schema folder nope does not exist/,
      ],
      [['init', '--name', '@acme/x'], /name the folder of the new package/],
    ];
    for (const [argv, message] of cases) {
      const io = capture(sdk);
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err()).toMatch(message);
      expect(io.err()).toContain('Usage: floe init <dir> --name <package>');
    }
    expect(existsSync(join(sdk, 'packages', 'other'))).toBe(false);
  });

  it('pins the build tools to the ranges this repository is tested with', () => {
    const root = readJson(join(REPO, 'package.json')).devDependencies;
    for (const [name, range] of Object.entries(SDK_DEV_TOOLS))
      expect([name, range]).toEqual([name, root[name]]);
  });

  it('is listed in the help', async () => {
    const io = capture(sdk);
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/init .*\n\s+release-plan .*\n\s+docs /);
  });
});

describe('floe release-plan and floe docs in the scaffolded package', () => {
  beforeAll(() => {
    git(acme, 'add', '-A');
    git(acme, 'commit', '-q', '-m', '1.0.0');
    git(acme, 'tag', '@acme/tracking@1.0.0');
  });

  const changeset = join(sdk, '.changeset', 'floe-acme-tracking.md');

  it('finds the tag of the current version and writes the minor changeset at the workspace root', async () => {
    copyVersion('1-0-1');
    const dry = capture(pkg);
    expect(await runCli(['release-plan', '--dry-run'], dry)).toBe(0);
    expect(existsSync(changeset)).toBe(false);
    const io = capture(pkg);
    expect(await runCli(['release-plan'], io)).toBe(0);
    expect(io.out()).toBe(
      [
        'floe release-plan: minor release of @acme/tracking since git ref @acme/tracking@1.0.0',
        '  minor: New version 1-0-1 of com.example_company/save-game, side by side with 1-0-0 (`trackComExampleCompanySaveGame_1_0_1`).',
        'wrote ../../.changeset/floe-acme-tracking.md',
        '',
      ].join('\n'),
    );
    expect(read(changeset)).toMatch(/^---\n"@acme\/tracking": minor\n---\n/);
  });

  it('says when nothing changed, and removes its stale changeset', async () => {
    rmSync(join(acme, 'schemas', SAVE_GAME, '1-0-1'));
    const io = capture(pkg);
    expect(await runCli(['release-plan'], io)).toBe(0);
    expect(io.out()).toContain(
      "no changes to @acme/tracking's tracking plan since git ref @acme/tracking@1.0.0",
    );
    expect(io.out()).toContain('removed ../../.changeset/floe-acme-tracking.md');
    expect(existsSync(changeset)).toBe(false);
  });

  it('--record writes the snapshot, which then wins over the tag', async () => {
    const io = capture(pkg);
    expect(await runCli(['release-plan', '--record'], io)).toBe(0);
    expect(io.out()).toBe('floe release-plan: recorded the tracking plan in floe-release.json\n');
    copyVersion('1-0-1');
    const plan = capture(pkg);
    expect(await runCli(['release-plan', '--dry-run'], plan)).toBe(0);
    expect(plan.out()).toContain(
      'minor release of @acme/tracking since snapshot floe-release.json',
    );
    const bad = capture(pkg);
    expect(await runCli(['release-plan', '--since', 'v9'], bad)).toBe(1);
    expect(bad.err()).toMatch(/^floe release-plan: git ref "v9" is not known/);
  });

  it('floe docs writes the catalogue titled and imported by the package name', async () => {
    const io = capture(pkg);
    expect(await runCli(['docs', '--out', 'site'], io)).toBe(0);
    expect(io.out()).toBe('floe docs: 2 schema versions, 0 specs → site/index.html\n');
    const html = read(join(pkg, 'site', 'index.html'));
    expect(html).toContain('<title>@acme/tracking: tracking plan</title>');
    expect(html).toContain('from &#39;@acme/tracking&#39;;');
    expect(existsSync(join(pkg, 'site', 'catalogue.js'))).toBe(true);
  });
});
