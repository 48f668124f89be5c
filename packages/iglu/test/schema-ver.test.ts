import { compareSchemaVer, formatSchemaVer, IgluError, parseSchemaVer } from '../src';

describe('SchemaVer', () => {
  it.each([
    ['1-0-0', { model: 1, revision: 0, addition: 0 }],
    ['1-0-2', { model: 1, revision: 0, addition: 2 }],
    ['12-34-567', { model: 12, revision: 34, addition: 567 }],
  ])('parses %s', (text, expected) => {
    expect(parseSchemaVer(text)).toEqual(expected);
    expect(formatSchemaVer(parseSchemaVer(text))).toBe(text);
  });

  it.each([
    '',
    '1-0',
    '1-0-0-0',
    '1.0.0',
    'a-b-c',
    '-1-0-0',
    '1-0-+1',
    ' 1-0-0',
    '1-0-0 ',
    '99999999999999999999-0-0',
  ])('rejects %j with invalid_schemaver', (text) => {
    expect(() => parseSchemaVer(text)).toThrow(IgluError);
    try {
      parseSchemaVer(text);
    } catch (error) {
      expect((error as IgluError).code).toBe('invalid_schemaver');
      expect((error as IgluError).message).toContain(JSON.stringify(text));
    }
  });

  it('rejects non-strings without crashing', () => {
    expect(() => parseSchemaVer(undefined as unknown as string)).toThrow(IgluError);
  });

  it('orders by model, then revision, then addition, numerically', () => {
    const sorted = ['2-0-0', '1-0-10', '1-1-0', '1-0-2', '1-0-0']
      .map(parseSchemaVer)
      .sort(compareSchemaVer)
      .map(formatSchemaVer);
    expect(sorted).toEqual(['1-0-0', '1-0-2', '1-0-10', '1-1-0', '2-0-0']);
    expect(compareSchemaVer(parseSchemaVer('1-0-1'), parseSchemaVer('1-0-1'))).toBe(0);
    expect(compareSchemaVer(parseSchemaVer('1-0-1'), parseSchemaVer('1-0-0'))).toBeGreaterThan(0);
    expect(compareSchemaVer(parseSchemaVer('1-9-9'), parseSchemaVer('2-0-0'))).toBeLessThan(0);
  });
});
