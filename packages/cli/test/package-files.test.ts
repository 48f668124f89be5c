import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, PACKAGES } from './ensure-built';

jest.setTimeout(120_000);

const REPO = join(PACKAGES, '..');
const PUBLIC = ['cli', 'codegen', 'collector', 'core', 'events', 'iglu', 'node'];
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('the floe bin exists at install time', () => {
  beforeAll(() => ensureBuilt(['cli']));

  it('is a committed file, not a build output, so npm links it during npm ci', () => {
    const { bin } = read(join(PACKAGES, 'cli', 'package.json'));
    expect(bin).toEqual({ floe: './bin/floe.js' });
    const tracked = spawnSync('git', ['ls-files', '--error-unmatch', 'packages/cli/bin/floe.js'], {
      cwd: REPO,
    });
    if (tracked.error === undefined) expect(tracked.status).toBe(0);
  });

  it('node_modules/.bin/floe runs it', () => {
    const link = join(REPO, 'node_modules', '.bin', 'floe');
    expect(realpathSync(link)).toBe(realpathSync(join(PACKAGES, 'cli', 'bin', 'floe.js')));
    const { version } = read(join(PACKAGES, 'cli', 'package.json'));
    expect(execFileSync(link, ['--version'], { encoding: 'utf8' })).toBe(`${version}\n`);
  });

  it('says in one line to build when dist is missing', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'floe-fresh-'));
    try {
      mkdirSync(join(fresh, 'bin'));
      copyFileSync(join(PACKAGES, 'cli', 'bin', 'floe.js'), join(fresh, 'bin', 'floe.js'));
      const result = spawnSync(process.execPath, [join(fresh, 'bin', 'floe.js'), '--help'], {
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('floe: @floe/cli is not built yet; run `npm run build` first\n');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe.each(PUBLIC)('@floe/%s as published', (name) => {
  const dir = join(PACKAGES, name);

  it('carries the licence and where it comes from', () => {
    const pkg = read(join(dir, 'package.json'));
    expect(pkg).toMatchObject({
      license: 'Apache-2.0',
      repository: {
        type: 'git',
        url: 'git+https://github.com/floe-dev/floe.git',
        directory: `packages/${name}`,
      },
      homepage: 'https://github.com/floe-dev/floe#readme',
      bugs: { url: 'https://github.com/floe-dev/floe/issues' },
    });
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toBe(
      readFileSync(join(REPO, 'LICENSE'), 'utf8'),
    );
    expect(readFileSync(join(REPO, 'LICENSE'), 'utf8')).toContain(
      'Apache License\n                           Version 2.0, January 2004',
    );
  });

  it('has LICENSE in its tarball', () => {
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: dir,
        encoding: 'utf8',
      }),
    );
    const files = (pack.files as { path: string }[]).map((file) => file.path);
    expect(files).toContain('LICENSE');
    if (name === 'cli') expect(files).toContain('bin/floe.js');
    expect(existsSync(join(dir, 'LICENSE'))).toBe(true);
  });
});
