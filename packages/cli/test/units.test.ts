import { createProgress } from '../src/create-progress';
import { didYouMean } from '../src/did-you-mean';
import { jsonLineColumn, locateJsonError } from '../src/json-line-column';
import { parseCommandArgs } from '../src/parse-command-args';

describe('didYouMean', () => {
  it('finds the nearest spelling within two edits', () => {
    expect(didYouMean('--schema', ['--schemas', '--out'])).toBe('--schemas');
    expect(didYouMean('generat', ['generate', 'lint', 'collector'])).toBe('generate');
    expect(didYouMean('colector', ['generate', 'lint', 'collector'])).toBe('collector');
    expect(didYouMean('--STRICT', ['--strict'])).toBe('--strict');
  });

  it('stays quiet when nothing is close, or the word is too short to guess', () => {
    expect(didYouMean('--frobnicate', ['--schemas', '--out'])).toBeUndefined();
    expect(didYouMean('-x', ['--db', '--help'])).toBeUndefined();
  });
});

describe('parseCommandArgs', () => {
  const flags = {
    out: { type: 'string' },
    schemas: { type: 'string', multiple: true },
    check: { type: 'boolean' },
  } as const;

  it('reads both spellings, repeated flags and -h', () => {
    expect(
      parseCommandArgs(flags, ['--out', 'a', '--schemas=x', '--schemas', 'y', '--check', '-h']),
    ).toEqual({ out: 'a', schemas: ['x', 'y'], check: true, help: true });
    expect(parseCommandArgs(flags, ['--out=-dash'])).toEqual({ out: '-dash' });
  });

  it.each([
    [['--ot', 'a'], 'unknown option --ot; did you mean --out?'],
    [['-x'], 'unknown option -x'],
    [['--out'], '--out needs a value'],
    [['--out='], '--out needs a value'],
    [['--check=1'], '--check takes no value'],
    [['stray'], 'unexpected argument "stray"'],
  ])('%j fails with "%s"', (argv, message) => {
    expect(() => parseCommandArgs(flags, argv)).toThrow(
      expect.objectContaining({ name: 'CliUsageError', code: 'usage', message }),
    );
  });
});

describe('jsonLineColumn', () => {
  it('turns a JSON.parse position into line and column', () => {
    const text = '{\n  "a": 1,\n}';
    let message = '';
    try {
      JSON.parse(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(jsonLineColumn(message, text)).toMatchObject({ line: 3, column: 1 });
    expect(jsonLineColumn(message, text)!.message).toMatch(/at line 3, column 1$/);
    expect(jsonLineColumn('x at position 4 (line 2 column 2)', 'ab\ncd')).toEqual({
      line: 2,
      column: 2,
      message: 'x at line 2, column 2',
    });
    expect(jsonLineColumn('no position here', text)).toBeUndefined();
  });
});

describe('locateJsonError', () => {
  it('points a message about a JSON file at file:line:column', () => {
    const read = (file: string) => (file === '/p/floe.config.json' ? '{\n  "a": 1,\n}' : undefined);
    expect(locateJsonError('/p/floe.config.json: bad (x in JSON at position 12)', read)).toBe(
      '/p/floe.config.json:3:1: bad (x in JSON at line 3, column 1)',
    );
    expect(locateJsonError('/q/other.json: bad (at position 3)', read)).toBe(
      '/q/other.json: bad (at position 3)',
    );
    expect(locateJsonError('unrelated', read)).toBe('unrelated');
  });
});

describe('createProgress', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const sink = (isTTY: boolean) => {
    const lines: string[] = [];
    return { lines, stream: { isTTY, write: (text: string) => lines.push(text) } };
  };

  it('prints nothing for work under a second', () => {
    const { lines, stream } = sink(false);
    const progress = createProgress(stream);
    progress.update('1/2');
    jest.advanceTimersByTime(999);
    progress.update('2/2');
    progress.done();
    jest.advanceTimersByTime(5000);
    expect(lines).toEqual([]);
  });

  it('in a log: the latest state after a second, then at most one line a second', () => {
    const { lines, stream } = sink(false);
    const progress = createProgress(stream);
    progress.update('1/9');
    progress.update('2/9');
    jest.advanceTimersByTime(1000);
    expect(lines).toEqual(['2/9\n']);
    progress.update('3/9');
    jest.advanceTimersByTime(500);
    progress.update('4/9');
    expect(lines).toEqual(['2/9\n']);
    jest.advanceTimersByTime(500);
    progress.update('5/9');
    expect(lines).toEqual(['2/9\n', '5/9\n']);
    progress.done();
  });

  it('on a terminal: one line rewritten in place and cleared at the end', () => {
    const { lines, stream } = sink(true);
    const progress = createProgress(stream);
    progress.update('1/9');
    jest.advanceTimersByTime(1000);
    jest.advanceTimersByTime(100);
    progress.update('2/9');
    progress.done();
    expect(lines).toEqual(['\r\x1b[K1/9', '\r\x1b[K2/9', '\r\x1b[K']);
  });
});
