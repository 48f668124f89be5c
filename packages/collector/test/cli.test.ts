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
    expect(parseCollectorCliArgs([])).toEqual({
      help: false,
      port: undefined,
      host: undefined,
      schemaDirs: [],
      db: '.floe/collector.db',
    });
  });

  test('reads every option, both spellings, repeatable --schemas', () => {
    expect(
      parseCollectorCliArgs([
        '--port',
        '0',
        '--host=127.0.0.1',
        '--schemas',
        'a',
        '--schemas=b',
        '--db',
        'x.db',
      ]),
    ).toEqual({
      help: false,
      port: 0,
      host: '127.0.0.1',
      schemaDirs: ['a', 'b'],
      db: 'x.db',
    });
    expect(parseCollectorCliArgs(['--memory']).db).toBeNull();
    expect(parseCollectorCliArgs(['-h']).help).toBe(true);
  });

  test.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--port']],
    [['--wat']],
    [['--memory', '--db', 'x']],
    [['--schemas=']],
  ])('rejects %j', (argv) => {
    expect(() => parseCollectorCliArgs(argv)).toThrow(
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
    const run = runCollectorCli(['--port', '0'], {
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
    const run = runCollectorCli(['--port', '0', '--memory'], {
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

  test('bad arguments print the usage and return 2; --help returns 0', async () => {
    const stderr = capture();
    expect(await runCollectorCli(['--nope'], { stderr, stdout: capture() })).toBe(2);
    expect(stderr.text).toMatch(/unknown argument --nope[\s\S]*Usage: floe collector/);
    const stdout = capture();
    expect(await runCollectorCli(['--help'], { stdout })).toBe(0);
    expect(stdout.text).toMatch(/^Usage: floe collector/);
  });

  test('a port in use returns 1 with a message; a missing schema folder warns', async () => {
    const stdout = capture();
    const controller = new AbortController();
    const first = runCollectorCli(['--port', '0', '--memory'], {
      stdout,
      stderr: capture(),
      signal: controller.signal,
      cwd: dir,
    });
    await waitFor(() => stdout.text.includes('Press Ctrl+C'));
    const port = /:(\d+)\n/.exec(stdout.text)![1]!;
    const stderr = capture();
    expect(
      await runCollectorCli(['--port', port, '--memory', '--schemas', 'missing'], {
        stdout: capture(),
        stderr,
        cwd: dir,
      }),
    ).toBe(1);
    expect(stderr.text).toMatch(/schema folder .*missing does not exist/);
    expect(stderr.text).toMatch(/Cannot listen on 127\.0\.0\.1:\d+/);
    controller.abort();
    expect(await first).toBe(0);
  });
});
