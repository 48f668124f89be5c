import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, PACKAGES } from './ensure-built';
import { floe, startFloe } from './run-floe';

jest.setTimeout(120_000);

const hasGit = spawnSync('git', ['--version']).status === 0;

async function pageView(url: string): Promise<unknown> {
  const response = await fetch(
    `${url}/i?e=pv&p=web&tv=js-3.0.0&eid=${crypto.randomUUID()}&url=https%3A%2F%2Fa.example%2F`,
  );
  expect(response.status).toBe(200);
  return (await fetch(`${url}/micro/all`)).json();
}

// `floe collector` as a user starts it: from the real bin, in a folder of their own.
describe('floe collector starts anywhere', () => {
  let work: string;
  beforeAll(() => ensureBuilt(['iglu', 'codegen', 'collector', 'cli']));
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'floe-start-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it.each([
    ['missing', 'it is not installed'],
    ['unbuilt', 'its native module was not built'],
  ] as const)(
    'better-sqlite3 %s: one warning line, then memory storage that works',
    async (sqlite, why) => {
      const running = await startFloe(['collector', '--port', '0'], work, sqlite);
      try {
        const warnings = running
          .stderr()
          .split('\n')
          .filter((line) => line.startsWith('floe collector'));
        expect(warnings).toEqual([
          `floe collector: warning: better-sqlite3 cannot load: ${why}${warnings[0]!.slice(`floe collector: warning: better-sqlite3 cannot load: ${why}`.length)}`,
        ]);
        expect(warnings[0]).toContain('keeping events in memory (pass --memory to say so)');
        expect(running.stderr()).not.toContain('Tried');
        expect(running.stdout()).toContain('Storage:  memory (lost on exit)');
        expect(await pageView(running.url)).toEqual({ total: 1, good: 1, bad: 0 });
        expect(existsSync(join(work, '.floe'))).toBe(false);
      } finally {
        expect(await running.stop()).toBe(0);
      }
    },
  );

  it('--memory never asks for better-sqlite3; an explicit --db without it fails in one line', async () => {
    const running = await startFloe(['collector', '--port', '0', '--memory'], work, 'missing');
    expect(running.stderr()).toBe('');
    expect(await running.stop()).toBe(0);
    const failed = floe(['collector', '--port', '0', '--db', 'events.db'], work, 'unbuilt');
    expect(failed.code).toBe(1);
    expect(failed.stderr.split('\n').filter((line) => line.startsWith('floe'))).toEqual([
      expect.stringMatching(
        /^floe collector: --db events\.db: better-sqlite3 cannot load: its native module was not built .*or use --memory$/,
      ),
    ]);
  });

  it('floe generate never loads the native module', () => {
    cpSync(join(PACKAGES, '..', 'schemas'), join(work, 'schemas'), { recursive: true });
    const result = floe(['generate', '--out', 'out'], work, 'missing');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('better-sqlite3');
    expect(floe(['lint'], work, 'missing').stderr).not.toContain('better-sqlite3');
  });

  it('a busy port: "port N is in use; try --port 0" and exit 1', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const result = floe(['collector', '--port', String(port), '--memory'], work);
      expect(result).toMatchObject({
        code: 1,
        stderr: `floe collector: port ${port} is in use; try --port 0\n`,
      });
    } finally {
      server.close();
    }
  });

  (hasGit ? it : it.skip)(
    'hints once that .floe/ is not git-ignored; --gitignore adds it',
    async () => {
      spawnSync('git', ['init', '-q', '.'], { cwd: work });
      const first = await startFloe(['collector', '--port', '0'], work);
      await first.stop();
      expect(first.stderr()).toBe(
        'floe collector: hint: .floe/ holds the event database and is not in .gitignore; add it, or run once with --gitignore\n',
      );
      expect(existsSync(join(work, '.floe', 'collector.db'))).toBe(true);
      // The folder exists now: no second hint, however often it starts.
      const again = await startFloe(['collector', '--port', '0'], work);
      await again.stop();
      expect(again.stderr()).toBe('');

      const added = await startFloe(['collector', '--port', '0', '--gitignore'], work);
      await added.stop();
      expect(added.stderr()).toBe('floe collector: added .floe/ to .gitignore\n');
      expect(readFileSync(join(work, '.gitignore'), 'utf8')).toBe('.floe/\n');
      expect(
        spawnSync('git', ['check-ignore', '-q', '.floe/collector.db'], { cwd: work }).status,
      ).toBe(0);
      const twice = await startFloe(['collector', '--port', '0', '--gitignore'], work);
      await twice.stop();
      expect(twice.stderr()).toBe('floe collector: .floe/ is already ignored by git\n');
      expect(readFileSync(join(work, '.gitignore'), 'utf8')).toBe('.floe/\n');
    },
  );

  (hasGit ? it : it.skip)('no hint when .floe/ is already ignored', async () => {
    spawnSync('git', ['init', '-q', '.'], { cwd: work });
    mkdirSync(join(work, 'sub'));
    writeFileSync(join(work, '.gitignore'), '.floe/\n');
    const running = await startFloe(['collector', '--port', '0'], join(work, 'sub'));
    await running.stop();
    expect(running.stderr()).toBe('');
  });
});
