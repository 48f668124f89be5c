import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, PACKAGES } from './ensure-built';
import { floe } from './run-floe';

jest.setTimeout(120_000);

// One voice: every subcommand's flags go through the same parser and fail the same way.
describe('the floe command speaks one way', () => {
  const work = mkdtempSync(join(tmpdir(), 'floe-voice-'));
  beforeAll(() => {
    ensureBuilt(['iglu', 'codegen', 'collector', 'cli']);
    mkdirSync(join(work, 'schemas'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each([
    ['generate', '--schema', '--schemas'],
    ['lint', '--strcit', '--strict'],
    ['collector', '--prot', '--port'],
  ])('floe %s %s: exit 2, "did you mean %s", then the usage', (command, typo, meant) => {
    const result = floe([command, typo, '1'], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `floe ${command}: unknown option ${typo}; did you mean ${meant}?\n\n${floe([command, '--help'], work).stdout}`,
    );
    expect(result.stdout).toBe('');
  });

  it('suggests the command meant, and prints the main usage', () => {
    const result = floe(['generat'], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^floe: unknown command "generat"; did you mean generate\?\n\nUsage: floe <command>/,
    );
    expect(floe(['--hlep'], work).stderr).toContain(
      'unknown option "--hlep"; did you mean --help?',
    );
    expect(floe(['zzzzzz'], work).stderr).not.toContain('did you mean');
  });

  it.each([
    [['generate', '--out'], '--out needs a value'],
    [['generate', '--out', '--check'], '--out needs a value'],
    [['generate', '--check=yes'], '--check takes no value'],
    [['generate', 'schemas'], 'unexpected argument "schemas"; did you mean --schemas?'],
    [['generate', '--check', '--watch'], '--check and --watch cannot be combined'],
    [['collector', '--port', 'nope'], '--port must be an integer from 0 to 65535, got nope'],
    [['collector', '--memory', '--db', 'x.db'], '--memory and --db cannot be combined'],
    [
      ['lint', '--level', 'wrn'],
      '--level must be info, warn or error, got "wrn"; did you mean warn?',
    ],
  ])('%j: exit 2 with "%s" and the usage', (args, message) => {
    const result = floe(args, work);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`^floe ${args[0]}: ${escapeRegExp(message)}\n\nUsage: floe ${args[0]} `),
    );
  });

  it.each([['generate'], ['lint'], ['collector']])(
    'floe %s --schemas nope: a missing schema folder is an error',
    (command) => {
      const result = floe(
        [
          command,
          '--schemas',
          'nope',
          ...(command === 'collector' ? ['--memory', '--port', '0'] : []),
        ],
        work,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(`^floe ${command}: schema folder nope does not exist\n\nUsage:`),
      );
    },
  );

  it('without --schemas, a missing default folder is an error that says how to name one', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const result = floe(['generate', '--out', 'out'], empty);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('schema folder schemas does not exist (pass --schemas <dir>');
  });

  it('a broken schema: file:line:column, "1 failed" in the summary, and exit 1', () => {
    const dir = join(work, 'broken', 'com.acme', 'x', 'jsonschema');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '1-0-0'), '{\n  "self": {\n    "vendor": "com.acme",\n  }\n}\n');
    const result = floe(['generate', '--schemas', 'broken', '--out', 'out'], work);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'broken/com.acme/x/jsonschema/1-0-0:4:3: error [InvalidJson] com.acme/x/jsonschema/1-0-0: not JSON (',
    );
    expect(result.stderr).toContain('at line 4, column 3)');
    expect(result.stderr).not.toMatch(/position \d+/);
    expect(result.stderr).toMatch(/floe generate: 0 schemas, .*, 1 failed, /);
    const lint = floe(['lint', '--schemas', 'broken'], work);
    expect(lint.code).toBe(1);
    expect(lint.stderr).toContain('1-0-0:4:3: error [InvalidJson]');
    expect(lint.stderr).toContain('floe lint: 0 schemas, 1 error,');
  });

  it('a broken floe.config.json is pointed at by line and column', () => {
    const project = join(work, 'bad-config');
    mkdirSync(join(project, 'schemas'), { recursive: true });
    writeFileSync(
      join(project, 'floe.config.json'),
      '{\n  "codegen": {\n    "out": "x",\n  }\n}\n',
    );
    const result = floe(['generate'], project);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(project, 'floe.config.json')}:4:3: `);
    expect(result.stderr).toContain('at line 4, column 3');
    expect(result.stderr).not.toMatch(/position \d+/);
  });

  it('floe lint --level hides lower findings from the list, never from the summary or exit code', () => {
    const schemas = join(PACKAGES, '..', 'schemas');
    const byLevel = (text: string) => ({
      info: (text.match(/: info \[/g) ?? []).length,
      warning: (text.match(/: warning \[/g) ?? []).length,
    });
    const all = floe(['lint', '--schemas', schemas, '--level', 'info'], work);
    expect(all.code).toBe(0);
    const counts = byLevel(all.stdout);
    expect(counts.info).toBeGreaterThan(0);
    expect(counts.warning).toBeGreaterThan(0);
    const summary = all.stdout.trim().split('\n').at(-1)!;
    expect(summary).toBe(
      `floe lint: 20 schemas, 0 errors, ${counts.warning} warnings, ${counts.info} info`,
    );

    const warn = floe(['lint', '--schemas', schemas], work);
    expect(warn.code).toBe(0);
    expect(byLevel(warn.stdout)).toEqual({ info: 0, warning: counts.warning });
    expect(warn.stdout).toContain(`${summary} (${counts.info} below --level warn not shown)`);

    const errors = floe(['lint', '--schemas', schemas, '--level', 'error'], work);
    expect(errors.stdout).toBe(
      `${summary} (${counts.info + counts.warning} below --level error not shown)\n`,
    );

    // --strict shows every finding by default, since every one of them fails the run.
    const strict = floe(['lint', '--schemas', schemas, '--strict'], work);
    expect(strict.code).toBe(1);
    expect(byLevel(strict.stderr)).toEqual(counts);
    expect(strict.stderr).toContain(`--strict fails on ${counts.info + counts.warning} findings`);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
