import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateJsonValues } from '../../src/spec/json-locations';
import { parseCardinality } from '../../src/spec/parse-cardinality';
import { readSpecs, readSpecsSync } from '../../src/spec/read-specs';
import { CART, checkoutSpec, REPO_ROOT, writeSpecs } from './helpers';

describe('parseCardinality', () => {
  it.each([
    ['1', { min: 1, max: 1 }],
    ['0..1', { min: 0, max: 1 }],
    ['1..*', { min: 1, max: null }],
    ['0..*', { min: 0, max: null }],
    ['3', { min: 3, max: 3 }],
    ['2..5', { min: 2, max: 5 }],
  ])('reads %s', (text, bounds) => expect(parseCardinality(text)).toEqual(bounds));

  it.each(['', '*', '1..', '..2', '5..2', '-1', '1..2..3', 'one'])('refuses %p', (text) =>
    expect(parseCardinality(text)).toBeUndefined(),
  );
});

describe('locateJsonValues', () => {
  it('finds every value by JSON pointer, escaped keys and arrays included', () => {
    const text = '{\n  "a": [1, {"b/c": "x\\"y"}],\n  "d~": null\n}';
    const at = locateJsonValues(text);
    expect(at.get('')).toEqual({ offset: 0, line: 1, column: 1 });
    expect(at.get('/a')).toMatchObject({ line: 2, column: 8 });
    expect(at.get('/a/1/b~1c')).toMatchObject({ line: 2, column: 20 });
    expect(at.get('/d~0')).toMatchObject({ line: 3, column: 9 });
    for (const [, location] of at) expect(text[location.offset]).not.toMatch(/\s/);
  });
});

describe('readSpecs', () => {
  it("reads the repository's own specs without a finding", async () => {
    const { specs, issues } = await readSpecs(join(REPO_ROOT, 'specs'));
    expect(issues).toEqual([]);
    expect(specs.map((loaded) => loaded.spec.name)).toEqual(['Checkout', 'HardModeSave']);
    expect(readSpecsSync(join(REPO_ROOT, 'specs')).specs.length).toBe(2);
  });

  it('locates format errors at file:line:column and keeps the good files', async () => {
    const folder = writeSpecs({
      'a-good.json': checkoutSpec(),
      'b-bad.json': checkoutSpec({
        name: 'bad name',
        entities: [{ schema: CART, cardinality: '1..' }],
        rules: [{ target: 'event', path: '/currency', const: 'EUR', enum: ['EUR'] }],
        extra: true,
      }),
      'c-broken.json': '{\n  "name": "Broken",\n}',
      'notes.txt': 'ignored',
    });
    try {
      const { specs, issues } = await readSpecs(folder.dir);
      expect(specs.map((loaded) => loaded.spec.name)).toEqual(['Checkout']);
      const bad = issues.filter((issue) => issue.file?.endsWith('b-bad.json'));
      expect(bad.map((issue) => [issue.code, issue.pointer, issue.message])).toEqual(
        expect.arrayContaining([
          ['specFormat', '', '/: unknown key "extra"'],
          [
            'specFormat',
            '/name',
            '/name: the name must be PascalCase letters and digits (e.g. Checkout)',
          ],
          [
            'specFormat',
            '/entities/0/cardinality',
            '/entities/0/cardinality: cardinality must be "N", "N..M" or "N..*" (e.g. "1", "0..1", "1..*")',
          ],
          [
            'specFormat',
            '/rules/0',
            '/rules/0: a rule takes exactly one of "const", "enum", or "minimum"/"maximum"',
          ],
        ]),
      );
      const text = readFileSync(join(folder.dir, 'b-bad.json'), 'utf8');
      const cardinality = bad.find((issue) => issue.pointer === '/entities/0/cardinality')!;
      const line = text.split('\n')[cardinality.line! - 1]!;
      expect(line.slice(cardinality.column! - 1)).toMatch(/^"1\.\."/);
      const broken = issues.find((issue) => issue.file?.endsWith('c-broken.json'))!;
      expect(broken).toMatchObject({ code: 'InvalidJson', level: 'error', line: 3, column: 1 });
    } finally {
      folder.remove();
    }
  });

  it('refuses inverted cardinalities, entities listed twice, unknown rule targets and duplicate names', async () => {
    const folder = writeSpecs({
      'a.json': checkoutSpec({
        entities: [
          { schema: CART, cardinality: '3..2' },
          { schema: CART, cardinality: '1' },
        ],
        rules: [
          { target: 'iglu:com.acme/x/jsonschema/1-0-0', path: '/a', const: 1 },
          { target: 'event', path: '/total', minimum: 5, maximum: 1 },
        ],
      }),
      'b.json': checkoutSpec({ entities: [], rules: [] }),
      'c.json': checkoutSpec({ entities: [], rules: [] }),
    });
    try {
      const { specs, issues } = await readSpecs(folder.dir);
      expect(issues.map((issue) => [issue.code, issue.pointer])).toEqual([
        ['specCardinality', '/entities/0/cardinality'],
        ['specDuplicate', '/entities/1/schema'],
        ['specTarget', '/rules/0/target'],
        ['specRuleImpossible', '/rules/1'],
        ['specDuplicate', '/name'],
      ]);
      expect(issues[4]!.message).toContain('b.json');
      expect(specs.length).toBe(1);
    } finally {
      folder.remove();
    }
  });

  it('reports a missing folder as a finding, not an exception', async () => {
    const { specs, issues } = await readSpecs(join(REPO_ROOT, 'no-such-specs'));
    expect(specs).toEqual([]);
    expect(issues[0]).toMatchObject({ level: 'error', code: 'Unreadable' });
  });
});
