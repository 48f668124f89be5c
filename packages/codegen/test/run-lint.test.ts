import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLint } from '../src/run-lint';
import { REPO_SCHEMAS, tempDir, writeRegistry } from './helpers';

describe('runLint', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  let count = 0;
  const registry = (schemas: Parameters<typeof writeRegistry>[1]): string => {
    count += 1;
    const dir = join(temp.dir, `case-${count}`);
    writeRegistry(dir, schemas);
    return dir;
  };
  const tidy = {
    type: 'object',
    properties: { name: { type: 'string', maxLength: 10, description: 'A name' } },
    required: ['name'],
    additionalProperties: false,
  };

  it('passes a clean registry, strict or not', async () => {
    const dir = registry({ 'iglu:com.acme/clean/jsonschema/1-0-0': tidy });
    await expect(runLint({ schemasDir: dir })).resolves.toMatchObject({ exitCode: 0, issues: [] });
    await expect(runLint({ schemasDir: dir, strict: true })).resolves.toMatchObject({
      exitCode: 0,
    });
  });

  it('exits 0 on warnings and info, and 1 with --strict', async () => {
    const dir = registry({
      'iglu:com.acme/loose/jsonschema/1-0-0': {
        type: 'object',
        properties: { note: { type: 'string' } },
      },
    });
    const report = await runLint({ schemasDir: dir });
    expect(report.exitCode).toBe(0);
    expect(report.counts.error).toBe(0);
    expect(report.issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['stringLength', 'description']),
    );
    expect(report.issues[0]).toMatchObject({ uri: 'iglu:com.acme/loose/jsonschema/1-0-0' });
    await expect(runLint({ schemasDir: dir, strict: true })).resolves.toMatchObject({
      exitCode: 1,
    });
    const skipped = await runLint({
      schemasDir: dir,
      strict: true,
      skipChecks: ['stringLength', 'optionalNull', 'description', 'rootObject'],
    });
    expect(skipped).toMatchObject({ exitCode: 0, issues: [] });
  });

  it('exits 1 on an Error-level finding', async () => {
    const dir = registry({
      'iglu:com.acme/bad/jsonschema/1-0-0': {
        ...tidy,
        properties: { n: { type: 'string', minLength: 5, maxLength: 2 } },
      },
    });
    const report = await runLint({ schemasDir: dir });
    expect(report.exitCode).toBe(1);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'error', code: 'stringMinMaxLength' }),
      ]),
    );
  });

  it('makes consistency findings errors, or warnings for an external corpus', async () => {
    const dir = registry({ 'iglu:com.acme/late/jsonschema/1-0-1': tidy });
    const own = await runLint({ schemasDir: dir });
    expect(own.exitCode).toBe(1);
    expect(own.issues).toEqual([expect.objectContaining({ level: 'error', code: 'InitMissing' })]);
    const external = await runLint({ schemasDir: dir, consistency: 'warning' });
    expect(external.exitCode).toBe(0);
    expect(external.issues).toEqual([
      expect.objectContaining({ level: 'warning', code: 'InitMissing' }),
    ]);
  });

  it('refuses to skip an Error-level check', async () => {
    const dir = registry({ 'iglu:com.acme/clean/jsonschema/1-0-0': tidy });
    await expect(runLint({ schemasDir: dir, skipChecks: ['schemaUri'] })).rejects.toThrow(
      'cannot be skipped',
    );
  });

  it('finds no errors in the repository schemas, and takes schemas/NOTICE for what it is', async () => {
    const report = await runLint({ schemasDir: REPO_SCHEMAS });
    expect(report.counts.error).toBe(0);
    expect(report.schemas).toBe(20);
    expect(report.specs).toBe(2);
    expect(report.issues.filter((issue) => issue.code === 'InvalidPath')).toEqual([]);
  });

  it('still reports other stray files in the registry folder', async () => {
    const dir = registry({ 'iglu:com.acme/clean/jsonschema/1-0-0': tidy });
    writeFileSync(join(dir, 'NOTICE'), 'about these schemas\n');
    writeFileSync(join(dir, 'notes.txt'), 'stray\n');
    const report = await runLint({ schemasDir: dir });
    expect(report.issues.map((issue) => [issue.code, issue.file])).toEqual([
      ['InvalidPath', join(dir, 'notes.txt')],
    ]);
  });
});
