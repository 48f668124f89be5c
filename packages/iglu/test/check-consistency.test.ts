import { checkConsistency, parseIgluUri, type SchemaKey } from '../src';

const keys = (...versions: string[]): SchemaKey[] =>
  versions.map((version) => parseIgluUri(`iglu:com.acme/event/jsonschema/${version}`));
const codes = (versions: string[], single = false) =>
  checkConsistency(keys(...versions), { single }).map((issue) => [issue.code, issue.uri]);

describe('checkConsistency', () => {
  it.each([
    [['1-0-0']],
    [['1-0-0', '1-0-1', '1-0-2']],
    [['1-0-0', '1-1-0', '1-1-1', '1-2-0']],
    [['1-0-0', '2-0-0', '3-0-0', '3-0-1']],
    [['1-0-0', '1-0-1', '1-1-0', '2-0-0', '2-0-1', '2-1-0']],
    [['2-0-0', '1-0-1', '1-0-0']],
    [['1-0-0', '1-0-0', '1-0-1']],
  ])('accepts the lineage %j', (versions) => {
    expect(codes(versions)).toEqual([]);
  });

  it('reports a family without 1-0-0 as InitMissing', () => {
    expect(codes(['1-0-1', '1-0-2'])).toEqual([
      ['InitMissing', 'iglu:com.acme/event/jsonschema/1-0-1'],
    ]);
    expect(codes(['2-0-0'])).toEqual([['InitMissing', 'iglu:com.acme/event/jsonschema/2-0-0']]);
  });

  it.each([
    [['1-0-0', '1-0-2'], '1-0-2'],
    [['1-0-0', '1-2-0'], '1-2-0'],
    [['1-0-0', '1-1-1'], '1-1-1'],
    [['1-0-0', '3-0-0'], '3-0-0'],
    [['1-0-0', '2-0-1'], '2-0-1'],
    [['1-0-0', '2-1-0'], '2-1-0'],
    [['1-0-0', '1-0-1', '1-0-3'], '1-0-3'],
  ])('reports the gap in %j at %s', (versions, at) => {
    const issues = checkConsistency(keys(...versions));
    expect(issues.map((issue) => issue.code)).toEqual(['Gaps']);
    expect(issues[0]!.uri).toBe(`iglu:com.acme/event/jsonschema/${at}`);
    expect(issues[0]!.level).toBe('error');
  });

  it('checks each vendor/name/format family separately', () => {
    const mixed = [
      'iglu:com.acme/a/jsonschema/1-0-0',
      'iglu:com.acme/a/jsonschema/1-0-1',
      'iglu:com.acme/b/jsonschema/1-0-1',
      'iglu:com.other/a/jsonschema/1-0-0',
      'iglu:com.other/a/jsonschema/1-0-2',
    ].map(parseIgluUri);
    const issues = checkConsistency(mixed).map((issue) => [issue.code, issue.uri]);
    expect(issues).toEqual([
      ['InitMissing', 'iglu:com.acme/b/jsonschema/1-0-1'],
      ['Gaps', 'iglu:com.other/a/jsonschema/1-0-2'],
    ]);
  });

  it('reports both a missing 1-0-0 and a gap in one family', () => {
    expect(codes(['1-0-1', '1-0-3']).map(([code]) => code)).toEqual(['InitMissing', 'Gaps']);
  });

  it('in single mode, requires the lone schema to be 1-0-0 (NotInitSingle)', () => {
    expect(codes(['1-0-1'], true)).toEqual([
      ['NotInitSingle', 'iglu:com.acme/event/jsonschema/1-0-1'],
    ]);
    expect(codes(['1-0-0'], true)).toEqual([]);
    // Without single mode, a lone 1-0-1 is a missing 1-0-0.
    expect(codes(['1-0-1']).map(([code]) => code)).toEqual(['InitMissing']);
  });

  it('returns nothing for no keys', () => {
    expect(checkConsistency([])).toEqual([]);
  });
});
