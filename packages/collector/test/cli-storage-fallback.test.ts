import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCollectorCliArgs, runCollectorCli, startCollector } from '../src/index';
import { base, body, post } from './helpers/tp2';

// better-sqlite3 as a user has it after `--ignore-scripts` or pnpm's default: present, unbuilt.
jest.mock('better-sqlite3', () => {
  throw new Error(
    'Could not locate the bindings file. Tried:\n → /a/build/better_sqlite3.node\n → /a/build/Debug/better_sqlite3.node',
  );
});

function capture() {
  let text = '';
  return {
    write: (chunk: string) => (text += chunk),
    get text() {
      return text;
    },
  };
}

describe('when better-sqlite3 cannot load', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'floe-fallback-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('the CLI default falls back to memory with one warning line, and works', async () => {
    const stdout = capture();
    const stderr = capture();
    const stop = new AbortController();
    const run = runCollectorCli(parseCollectorCliArgs({ port: '0' }), {
      stdout,
      stderr,
      cwd: dir,
      signal: stop.signal,
    });
    while (!stdout.text.includes('Press Ctrl+C')) await new Promise((r) => setTimeout(r, 20));
    expect(stderr.text).toBe(
      'floe collector: warning: better-sqlite3 cannot load: its native module was not built ' +
        '(install scripts skipped, or no compiler); keeping events in memory (pass --memory to say so)\n',
    );
    expect(stdout.text).toContain('Storage:  memory (lost on exit)');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout.text)![1]!;
    expect((await post(url, body(base('pv', { url: 'https://a.example/' })))).status).toBe(200);
    expect(await (await fetch(`${url}/micro/all`)).json()).toEqual({ total: 1, good: 1, bad: 0 });
    stop.abort();
    expect(await run).toBe(0);
    expect(existsSync(join(dir, '.floe'))).toBe(false);
  });

  test('an explicit --db is an error, not a silent fallback', async () => {
    await expect(
      runCollectorCli(parseCollectorCliArgs({ port: '0', db: 'x.db' }), {
        stdout: capture(),
        stderr: capture(),
        cwd: dir,
      }),
    ).rejects.toMatchObject({
      code: 'storage_unavailable',
      message: expect.stringMatching(/^--db x\.db: better-sqlite3 cannot load: .*or use --memory$/),
    });
  });

  test('startCollector with a file says storage_unavailable; memory storage never loads it', async () => {
    await expect(
      startCollector({ port: 0, storage: { file: join(dir, 'e.db') } }),
    ).rejects.toMatchObject({ code: 'storage_unavailable' });
    const collector = await startCollector({ port: 0 });
    await collector.close();
  });
});
