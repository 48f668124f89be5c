import { join } from 'node:path';
import { type RegistryIssue, readRegistry, readRegistrySync } from '../src';

const root = join(__dirname, 'fixtures/registry');

const byCode = (issues: readonly RegistryIssue[], code: string) =>
  issues.filter((issue) => issue.code === code);

describe('readRegistry over synthetic fixtures', () => {
  it('reads only jsonschema files, sorted by key with numeric versions', async () => {
    const { schemas } = await readRegistry(root);
    expect(schemas.map((entry) => entry.uri)).toEqual([
      'iglu:com.acme/event/jsonschema/1-0-0',
      'iglu:com.acme/event/jsonschema/1-0-1',
      'iglu:com.acme/event/jsonschema/1-0-2',
      'iglu:com.acme/event/jsonschema/1-0-10',
      'iglu:com.acme/https_schema/jsonschema/1-0-0',
      'iglu:com.acme/no_schema_uri/jsonschema/1-0-0',
    ]);
    const first = schemas[0]!;
    expect(first.file).toBe(join(root, 'com.acme/event/jsonschema/1-0-0'));
    expect(first.relativePath).toBe('com.acme/event/jsonschema/1-0-0');
    expect(first.key.version).toEqual({ model: 1, revision: 0, addition: 0 });
    expect(JSON.parse(first.text)).toEqual(first.schema);
    expect(first.schema['description']).toBe('event test schema');
  });

  it('reports a self block that differs from the path as PathMismatch', async () => {
    const { issues } = await readRegistry(root);
    const mismatches = byCode(issues, 'PathMismatch');
    expect(mismatches.map((issue) => issue.uri).sort()).toEqual([
      'iglu:com.acme/mismatch/jsonschema/1-0-0',
      'iglu:com.acme/other_vendor/jsonschema/1-0-0',
    ]);
    const mismatch = mismatches.find((issue) => issue.uri?.includes('/mismatch/'))!;
    expect(mismatch.level).toBe('error');
    expect(mismatch.file).toBe(join(root, 'com.acme/mismatch/jsonschema/1-0-0'));
    expect(mismatch.message).toContain('iglu:com.acme/mismatch/jsonschema/1-0-1');
  });

  it('reports a wrong or missing $schema as schemaUri but keeps the schema', async () => {
    const { schemas, issues } = await readRegistry(root);
    const wrong = byCode(issues, 'schemaUri');
    expect(wrong.map((issue) => issue.uri)).toEqual([
      'iglu:com.acme/https_schema/jsonschema/1-0-0',
      'iglu:com.acme/no_schema_uri/jsonschema/1-0-0',
    ]);
    expect(wrong[0]!.message).toContain('https://iglucentral.com');
    expect(wrong.every((issue) => issue.level === 'error' && issue.pointer === '')).toBe(true);
    expect(schemas.some((entry) => entry.uri.includes('https_schema'))).toBe(true);
  });

  it('reports unparsable files, non-object roots and missing self blocks', async () => {
    const { issues } = await readRegistry(root);
    expect(byCode(issues, 'InvalidJson').map((issue) => issue.uri)).toEqual([
      'iglu:com.acme/broken/jsonschema/1-0-0',
    ]);
    expect(byCode(issues, 'InvalidSchema').map((issue) => issue.uri)).toEqual([
      'iglu:com.acme/array_root/jsonschema/1-0-0',
    ]);
    expect(byCode(issues, 'InvalidSelf').map((issue) => issue.uri)).toEqual([
      'iglu:com.acme/no_self/jsonschema/1-0-0',
    ]);
  });

  it('reports files outside the layout and bad version names, and skips dot folders', async () => {
    const { issues } = await readRegistry(root);
    const paths = byCode(issues, 'InvalidPath').map((issue) => [issue.level, issue.file]);
    expect(paths).toEqual([
      ['warning', join(root, 'README.md')],
      ['error', join(root, 'com.acme/bad_version/jsonschema/1-0')],
      ['error', join(root, 'com.acme/with_ext/jsonschema/1-0-0.json')],
    ]);
    expect(issues.some((issue) => issue.file?.includes('.hidden'))).toBe(false);
    expect(issues.some((issue) => issue.file?.includes('avro'))).toBe(false);
  });

  it('gives the same result synchronously', async () => {
    expect(readRegistrySync(root)).toEqual(await readRegistry(root));
  });

  it('reports a missing root as NotFound instead of throwing', async () => {
    const missing = join(__dirname, 'fixtures/does-not-exist');
    for (const result of [await readRegistry(missing), readRegistrySync(missing)]) {
      expect(result.schemas).toEqual([]);
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ level: 'error', code: 'NotFound', file: missing });
    }
  });
});
