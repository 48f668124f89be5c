import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../src/generate';
import { parseCodegenConfig } from '../src/load-codegen-config';
import { GENERATED_MARKER } from '../src/render-header';
import { REPO_ROOT, REPO_SCHEMAS, tempDir, writeRegistry } from './helpers';

jest.setTimeout(60_000);

const repoConfig = parseCodegenConfig(
  JSON.parse(readFileSync(join(REPO_ROOT, 'floe.config.json'), 'utf8')).codegen,
);
const EVENTS_GENERATED = join(REPO_ROOT, 'packages', 'events', 'src', 'generated');

describe('generate over the repository schemas', () => {
  const temp = tempDir();
  const outDir = join(temp.dir, 'generated');
  const run = (check = false) =>
    generate({
      schemasDir: REPO_SCHEMAS,
      outDir,
      config: repoConfig,
      rootDir: REPO_ROOT,
      configLabel: 'floe.config.json',
      check,
    });
  afterAll(() => temp.remove());

  it('writes one module per schema, indexes, aliases and validators', async () => {
    const result = await run();
    expect(result.ok).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.summary).toMatchObject({ schemas: 20, modules: 20, written: 29, failed: 0 });
    expect([...result.files.keys()].sort()).toEqual(
      expect.arrayContaining([
        'aliases.ts',
        'index.ts',
        'validators.ts',
        'compiled-validators.ts',
        'com.example_company/index.ts',
        'com.example_company/save-game/1-0-0.ts',
        'com.example_company/save-game/1-0-1.ts',
        'com.example_company/save-game/1-0-2.ts',
        'com.snowplowanalytics.mobile/screen_view/1-0-0.ts',
        'com.snowplowanalytics.snowplow/screen_view/1-0-0.ts',
      ]),
    );
  });

  it('produces exactly the committed @floe/events files (compiled validators aside, see below)', async () => {
    const result = await run(true);
    for (const [path, code] of result.files) {
      // The validators embed @floe/iglu helper source text, which differs between ts-jest's
      // transpilation and the built dist that `npm run check-generated` uses.
      if (path === 'compiled-validators.ts' || path === 'compiled-spec-validators.ts') continue;
      expect({ path, code }).toEqual({
        path,
        code: readFileSync(join(EVENTS_GENERATED, path), 'utf8'),
      });
    }
  });

  it('writes headers with relative paths and no timestamps', async () => {
    const result = await run(true);
    for (const code of result.files.values()) {
      expect(code.startsWith(`${GENERATED_MARKER}\n// source: `)).toBe(true);
      expect(code).toContain('// command: npm run generate\n');
      expect(code).not.toContain(REPO_ROOT);
      expect(code).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
    expect(result.files.get('com.snowplowanalytics.snowplow/link_click/1-0-1.ts')).toContain(
      '// source: schemas/com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1\n',
    );
  });

  it('keeps two versions side by side and deprecates the older ones', async () => {
    const result = await run(true);
    const index = result.files.get('com.example_company/index.ts')!;
    expect(index).toContain(
      "export * from './save-game/1-0-0';\nexport * from './save-game/1-0-1';\nexport * from './save-game/1-0-2';",
    );
    const v1 = result.files.get('com.example_company/save-game/1-0-1.ts')!;
    expect(v1).toContain('difficultyLevel?: ("EASY" | "MEDIUM" | "HARD");');
    expect(v1).toContain(
      '@deprecated Superseded by `iglu:com.example_company/save-game/jsonschema/1-0-2`: use `ComExampleCompanySaveGame_1_0_2`.',
    );
    expect(result.files.get('com.example_company/save-game/1-0-2.ts')).not.toContain('@deprecated');
  });

  it('check mode passes when up to date and lists changed, missing and orphaned files', async () => {
    await run();
    expect((await run(true)).ok).toBe(true);
    const edited = join(outDir, 'com.snowplowanalytics.snowplow/link_click/1-0-1.ts');
    writeFileSync(
      edited,
      readFileSync(edited, 'utf8').replace('targetUrl: string;', 'targetUrl: any;'),
    );
    rmSync(join(outDir, 'com.snowplowanalytics.snowplow/timing/1-0-0.ts'));
    writeFileSync(join(outDir, 'com.snowplowanalytics.snowplow/stale.ts'), `${GENERATED_MARKER}\n`);
    writeFileSync(join(outDir, 'notes.md'), 'hand-written\n');
    const checked = await run(true);
    expect(checked.ok).toBe(false);
    expect(checked.diff.changed).toEqual(['com.snowplowanalytics.snowplow/link_click/1-0-1.ts']);
    expect(checked.diff.missing).toEqual(['com.snowplowanalytics.snowplow/timing/1-0-0.ts']);
    expect(checked.diff.orphaned).toEqual(['com.snowplowanalytics.snowplow/stale.ts', 'notes.md']);
    expect(checked.summary.written).toBe(0);
    expect(readFileSync(edited, 'utf8')).toContain('targetUrl: any;'); // nothing written

    const fixed = await run();
    expect(fixed.summary).toMatchObject({ written: 2, removed: 1 });
    expect(fixed.kept).toEqual(['notes.md']); // not a generated file: never deleted
    rmSync(join(outDir, 'notes.md'));
    expect((await run(true)).ok).toBe(true);
  });

  it('leaves unchanged files alone', async () => {
    await run();
    const file = join(outDir, 'com.snowplowanalytics.snowplow/link_click/1-0-1.ts');
    utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const result = await run();
    expect(result.summary.written).toBe(0);
    expect(statSync(file).mtime.getFullYear()).toBe(2000);
  });
});

describe('generate over small registries', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  let count = 0;
  const registry = (schemas: Parameters<typeof writeRegistry>[1]) => {
    count += 1;
    const schemasDir = join(temp.dir, `case-${count}`, 'schemas');
    writeRegistry(schemasDir, schemas);
    return {
      schemasDir,
      outDir: join(temp.dir, `case-${count}`, 'out'),
      rootDir: join(temp.dir, `case-${count}`),
    };
  };

  it('gives property-less schemas a builder too', async () => {
    const dirs = registry({
      'iglu:com.acme/ping/jsonschema/1-0-0': {
        type: 'object',
        properties: {},
        additionalProperties: false,
      },
      'iglu:com.acme/bag/jsonschema/1-0-0': { type: 'object' },
    });
    const result = await generate({ ...dirs, config: { validators: false } });
    expect(result.ok).toBe(true);
    const ping = result.files.get('com.acme/ping/1-0-0.ts')!;
    expect(ping).toContain('export type ComAcmePing_1_0_0 = Record<string, never>;');
    expect(ping).toContain('export function trackComAcmePing_1_0_0(');
    expect(result.files.get('com.acme/bag/1-0-0.ts')).toContain('[k: string]: unknown;');
  });

  it('refuses names that would collide instead of numbering them', async () => {
    const dirs = registry({
      'iglu:com.acme.foo/bar/jsonschema/1-0-0': { type: 'object', properties: {} },
      'iglu:com.acme/foo_bar/jsonschema/1-0-0': { type: 'object', properties: {} },
      'iglu:com.acme/other/jsonschema/1-0-0': { type: 'object', properties: {} },
    });
    const result = await generate({ ...dirs, config: { validators: false } });
    expect(result.ok).toBe(false);
    expect(result.failures.map((failure) => [failure.uri, failure.code])).toEqual([
      ['iglu:com.acme/foo_bar/jsonschema/1-0-0', 'name_collision'],
      ['iglu:com.acme.foo/bar/jsonschema/1-0-0', 'name_collision'],
    ]);
    expect(result.failures[0]!.message).toContain('iglu:com.acme.foo/bar/jsonschema/1-0-0');
    expect(result.files.has('com.acme/other/1-0-0.ts')).toBe(true);
  });

  it('names a schema whose remote $ref has no local copy, and generates the rest', async () => {
    const dirs = registry({
      'iglu:com.acme/broken/jsonschema/1-0-0': {
        type: 'object',
        properties: { inner: { $ref: 'iglu:com.acme/missing/jsonschema/1-0-0' } },
      },
      'iglu:com.acme/fine/jsonschema/1-0-0': {
        type: 'object',
        properties: { a: { type: 'string' } },
      },
    });
    const started = Date.now();
    const result = await generate({ ...dirs, config: { validators: 'validators.ts' } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      expect.objectContaining({
        uri: 'iglu:com.acme/broken/jsonschema/1-0-0',
        file: 'schemas/com.acme/broken/jsonschema/1-0-0',
        code: 'unresolved_ref',
        message: expect.stringMatching(
          /^\$ref "iglu:com.acme\/missing\/jsonschema\/1-0-0" at \/properties\/inner: no local copy/,
        ),
      }),
    ]);
    expect(result.files.has('com.acme/fine/1-0-0.ts')).toBe(true);
    expect(result.files.get('com.acme/index.ts')).not.toContain('broken');
    expect(result.files.get('compiled-validators.ts')).not.toContain('iglu:com.acme/broken/');
  });

  it('treats consistency errors as fatal by default and as warnings for an external corpus', async () => {
    const dirs = registry({
      'iglu:com.acme/gap/jsonschema/1-0-0': { type: 'object', properties: {} },
      'iglu:com.acme/gap/jsonschema/1-0-2': { type: 'object', properties: {} },
    });
    const strict = await generate({ ...dirs, config: { validators: false } });
    expect(strict.ok).toBe(false);
    expect(strict.issues).toEqual([expect.objectContaining({ level: 'error', code: 'Gaps' })]);
    expect(strict.summary.written).toBe(0);
    const external = await generate({
      ...dirs,
      config: { validators: false },
      consistency: 'warning',
    });
    expect(external.ok).toBe(true);
    expect(external.summary).toMatchObject({ warnings: 1, written: 5 }); // 2 modules, vendor and root index, aliases
  });

  it('generates a schema identically whether or not other schemas are in the run', async () => {
    const alone = registry({
      'iglu:com.acme/solo/jsonschema/1-0-0': {
        type: 'object',
        properties: { a: { type: 'string' } },
      },
    });
    const crowd = registry({
      'iglu:com.acme/solo/jsonschema/1-0-0': {
        type: 'object',
        properties: { a: { type: 'string' } },
      },
      'iglu:com.acme/aaa/jsonschema/1-0-0': { type: 'object', properties: {} },
      'iglu:com.zzz/solo/jsonschema/1-0-0': { type: 'object', properties: {} },
    });
    const a = await generate({
      ...alone,
      rootDir: alone.rootDir,
      check: true,
      config: { validators: false },
    });
    const b = await generate({
      ...crowd,
      rootDir: crowd.rootDir,
      check: true,
      config: { validators: false },
    });
    expect(a.files.get('com.acme/solo/1-0-0.ts')).toBe(b.files.get('com.acme/solo/1-0-0.ts'));
  });

  it('reports aliases that point nowhere or name unknown properties', async () => {
    const dirs = registry({
      'iglu:com.acme/view/jsonschema/1-0-0': {
        type: 'object',
        properties: { id: { type: 'string' } },
      },
    });
    const result = await generate({
      ...dirs,
      config: {
        validators: false,
        aliases: {
          Gone: { uri: 'iglu:com.acme/gone/jsonschema/1-0-0' },
          View: { uri: 'iglu:com.acme/view/jsonschema/1-0-0', generateUuid: ['uuid'] },
        },
      },
    });
    expect(result.failures.map((failure) => failure.message)).toEqual([
      'alias Gone: iglu:com.acme/gone/jsonschema/1-0-0 is not among the generated schemas',
      "alias View: uuid not among the schema's top-level properties",
    ]);
  });
});
