import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCollectorCliArgs, runCollectorCli } from '../src/index';
import { base, body, post } from './helpers/tp2';

function capture() {
  let text = '';
  return {
    write: (chunk: string) => (text += chunk),
    get text() {
      return text;
    },
  };
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('parseCollectorCliArgs', () => {
  test('defaults to the database file', () => {
    expect(parseCollectorCliArgs({})).toEqual({
      help: false,
      schemaDirs: [],
      db: '.floe/collector.db',
      dbExplicit: false,
      gitignore: false,
    });
  });

  test('reads every flag, repeatable --schemas', () => {
    expect(
      parseCollectorCliArgs({
        port: '0',
        host: '127.0.0.1',
        schemas: ['a', 'b'],
        db: 'x.db',
        gitignore: true,
      }),
    ).toEqual({
      help: false,
      port: 0,
      host: '127.0.0.1',
      schemaDirs: ['a', 'b'],
      db: 'x.db',
      dbExplicit: true,
      gitignore: true,
    });
    expect(parseCollectorCliArgs({ memory: true }).db).toBeNull();
    expect(parseCollectorCliArgs({ help: true }).help).toBe(true);
  });

  test.each([
    [{ port: 'abc' }],
    [{ port: '70000' }],
    [{ port: '-1' }],
    [{ memory: true, db: 'x' }],
    [{ schemas: [''] }],
    [{ db: '' }],
  ])('rejects %j', (flags) => {
    expect(() => parseCollectorCliArgs(flags)).toThrow(
      expect.objectContaining({ code: 'invalid_option' }),
    );
  });
});

describe('runCollectorCli', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'floe-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('runs on a database file by default, prints the URLs, stops on abort with 0', async () => {
    const stdout = capture();
    const stderr = capture();
    const controller = new AbortController();
    const run = runCollectorCli(parseCollectorCliArgs({ port: '0' }), {
      stdout,
      stderr,
      signal: controller.signal,
      cwd: dir,
    });
    await waitFor(() => stdout.text.includes('Press Ctrl+C'));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout.text)![1]!;
    expect(stdout.text).toContain(`Web UI:   ${url}/micro/ui`);
    expect(stdout.text).toContain(join(dir, '.floe', 'collector.db'));
    expect((await post(url, body(base('pv', { url: 'https://a.example/' })))).status).toBe(200);
    controller.abort();
    expect(await run).toBe(0);
    expect(stdout.text).toContain('Collector stopped (abort).');
    expect(existsSync(join(dir, '.floe', 'collector.db'))).toBe(true);
    expect(stderr.text).toBe('');
  });

  test('SIGTERM stops it too', async () => {
    const stdout = capture();
    const run = runCollectorCli(parseCollectorCliArgs({ port: '0', memory: true }), {
      stdout,
      stderr: capture(),
      cwd: dir,
    });
    await waitFor(() => stdout.text.includes('Press Ctrl+C'));
    expect(stdout.text).toContain('memory (lost on exit)');
    process.emit('SIGTERM');
    expect(await run).toBe(0);
    expect(stdout.text).toContain('(SIGTERM)');
  });

  test('--help prints the usage and returns 0', async () => {
    const stdout = capture();
    expect(await runCollectorCli(parseCollectorCliArgs({ help: true }), { stdout })).toBe(0);
    expect(stdout.text).toMatch(/^Usage: floe collector/);
  });

  test('a missing schema folder is an invalid_option error; nothing starts', async () => {
    const stdout = capture();
    await expect(
      runCollectorCli(parseCollectorCliArgs({ port: '0', memory: true, schemas: ['missing'] }), {
        stdout,
        stderr: capture(),
        cwd: dir,
      }),
    ).rejects.toMatchObject({
      code: 'invalid_option',
      message: 'schema folder missing does not exist',
    });
    expect(stdout.text).toBe('');
  });

  test('a port in use is a listen_failed error that suggests --port 0', async () => {
    const stdout = capture();
    const controller = new AbortController();
    const first = runCollectorCli(parseCollectorCliArgs({ port: '0', memory: true }), {
      stdout,
      stderr: capture(),
      signal: controller.signal,
      cwd: dir,
    });
    await waitFor(() => stdout.text.includes('Press Ctrl+C'));
    const port = /:(\d+)\n/.exec(stdout.text)![1]!;
    await expect(
      runCollectorCli(parseCollectorCliArgs({ port, memory: true }), {
        stdout: capture(),
        stderr: capture(),
        cwd: dir,
      }),
    ).rejects.toMatchObject({
      code: 'listen_failed',
      message: `port ${port} is in use; try --port 0`,
      cause: expect.objectContaining({
        message: `Cannot listen on 127.0.0.1:${port}: port ${port} is in use (port: 0 picks a free one)`,
      }),
    });
    controller.abort();
    expect(await first).toBe(0);
  });
});
