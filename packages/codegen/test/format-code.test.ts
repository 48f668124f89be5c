import { indentCode } from '../src/format-code';

describe('indentCode', () => {
  it('indents by brace depth, ends members with semicolons and separates declarations', () => {
    const input = [
      '/**',
      ' * A {thing}',
      ' */',
      'export interface A {',
      'b?: {',
      'c: ("x{" | "}y")',
      '}[]',
      '[k: string]: unknown',
      '}',
      'export type D = (string | {',
      'e?: number',
      '} | null)',
    ].join('\n');
    expect(indentCode(input)).toBe(
      [
        '/**',
        ' * A {thing}',
        ' */',
        'export interface A {',
        '  b?: {',
        '    c: ("x{" | "}y");',
        '  }[];',
        '  [k: string]: unknown;',
        '}',
        '',
        'export type D = (string | {',
        '  e?: number;',
        '} | null);',
        '',
      ].join('\n'),
    );
  });
});
