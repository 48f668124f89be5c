import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  checkConsistency,
  createResolver,
  createValidatorCompiler,
  lintSchema,
  readRegistry,
  type SchemaEntry,
} from '@floe/iglu';
import ts from 'typescript';
import { type GeneratedFiles, generateFiles } from '../src/generate-files';
import { CORPUS, REPO_ROOT, tempDir } from './helpers';

// The whole Iglu Central corpus (660 schemas, repo copy) through lint, validator compilation,
// generation and `tsc --strict`, in one process.
const META = 'iglu:com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0';
jest.setTimeout(180_000);

let entries: SchemaEntry[];
let generated: GeneratedFiles;
const resolver = createResolver({ roots: [CORPUS] });

beforeAll(async () => {
  const registry = await readRegistry(CORPUS);
  entries = registry.schemas;
  expect(registry.issues.filter((issue) => issue.level === 'error')).toEqual([]);
  generated = await generateFiles({
    entries,
    resolver,
    config: { validators: false },
    rootDir: REPO_ROOT,
    schemasLabel: 'fixtures/iglu-central/schemas',
  });
});

const exportedNames = (files: ReadonlyMap<string, string>): string[] =>
  [...files.entries()]
    .filter(([path]) => /\/\d+-\d+-\d+\.ts$/.test(path))
    .flatMap(([, code]) => [...code.matchAll(/^export (?:interface|type|const|function) (\w+)/gm)])
    .map((match) => match[1]!);

describe('the Iglu Central corpus', () => {
  it('reads all 660 schemas and passes the consistency checks', () => {
    expect(entries).toHaveLength(660);
    expect(checkConsistency(entries.map((entry) => entry.key))).toEqual([]);
  });

  it('lints every schema without an exception', () => {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const entry of entries)
      for (const issue of lintSchema(entry.schema)) counts[issue.level] += 1;
    expect(counts.warning).toBeGreaterThan(0);
    expect(counts.info).toBeGreaterThan(0);
  });

  it('compiles a validator for every schema (ajv knows the draft-04 meta-schema itself)', () => {
    const compiler = createValidatorCompiler({ resolver, onWarning: () => undefined });
    const failed: string[] = [];
    for (const entry of entries) {
      try {
        compiler.compile(entry.uri);
      } catch {
        failed.push(entry.uri);
      }
    }
    expect(failed).toEqual([]);
  });

  it('generates a module for every schema except the meta-schema, which is named with its ref', () => {
    expect(generated.failures).toEqual([
      {
        uri: META,
        file: 'fixtures/iglu-central/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0',
        code: 'unresolved_ref',
        message: expect.stringContaining(
          '$ref "http://json-schema.org/draft-04/schema#" at /allOf/1',
        ),
      },
    ]);
    expect(generated.modules.size).toBe(659);
    // Snowtype dropped these silently; each one gets a module here.
    for (const path of [
      'com.snowplowanalytics.snowplow/recoveries/2-0-0.ts',
      'com.snowplowanalytics.snowplow/recoveries/4-0-0.ts',
      'com.snowplowanalytics.iglu/anything-a/1-0-0.ts',
      'com.mandrill/message_opened/1-0-3.ts',
      'com.snowplowanalytics.snowplow/contexts/1-0-0.ts',
      'com.snowplowanalytics.sauna.commands/command/1-0-0.ts',
    ]) {
      expect(generated.files.get(path)).toContain('export function track');
    }
  });

  it('exports no name twice (37 collide with naive name + version naming)', () => {
    const names = exportedNames(generated.files);
    const seen = new Set<string>();
    const duplicates = names.filter((name) => seen.has(name) || !seen.add(name));
    expect(duplicates).toEqual([]);
    expect(names.length).toBeGreaterThan(4 * 659);
  });

  it('marks every superseded version @deprecated, naming the newest', () => {
    const v1 = generated.files.get('com.snowplowanalytics.snowplow/link_click/1-0-0.ts')!;
    expect(v1).toContain(
      '@deprecated Superseded by `iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1`: use `createComSnowplowanalyticsSnowplowLinkClick_1_0_1`.',
    );
    expect(generated.files.get('com.snowplowanalytics.snowplow/link_click/1-0-1.ts')).not.toContain(
      '@deprecated',
    );
    const deprecatedModules = [...generated.files.values()].filter((code) =>
      code.includes('@deprecated Superseded'),
    );
    // 660 schemas in 519 vendor/name families: every version but the newest of each.
    expect(deprecatedModules).toHaveLength(660 - 519);
  });

  it('gives the same files in any input order', async () => {
    // A second, reversed run over the Snowplow vendors (298 schemas, 47 multi-version families)
    // keeps the suite fast; its files are compared byte for byte with the full run's.
    const reversed = await generateFiles({
      entries: entries
        .filter((entry) => entry.key.vendor.startsWith('com.snowplowanalytics.'))
        .reverse(),
      resolver,
      config: { validators: false },
      rootDir: REPO_ROOT,
      schemasLabel: 'fixtures/iglu-central/schemas',
    });
    const modules = [...reversed.files.keys()].filter((path) => /\d+-\d+-\d+\.ts$/.test(path));
    expect(modules.length).toBeGreaterThan(150);
    for (const path of modules) expect(reversed.files.get(path)).toBe(generated.files.get(path));
    for (const vendor of new Set(modules.map((path) => path.split('/')[0]))) {
      expect(reversed.files.get(`${vendor}/index.ts`)).toBe(
        generated.files.get(`${vendor}/index.ts`),
      );
    }
  });

  it('type-checks under tsc --strict', () => {
    const temp = tempDir();
    try {
      for (const [path, code] of generated.files) {
        mkdirSync(dirname(join(temp.dir, path)), { recursive: true });
        writeFileSync(join(temp.dir, path), code);
      }
      const program = ts.createProgram([join(temp.dir, 'index.ts')], {
        strict: true,
        noEmit: true,
        noUncheckedIndexedAccess: true,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts'],
        types: [],
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        isolatedModules: true,
        skipLibCheck: true,
        paths: { '@floe/core': [join(REPO_ROOT, 'packages', 'core', 'src', 'index.ts')] },
      });
      const ours = ts
        .getPreEmitDiagnostics(program)
        .filter((diagnostic) => !diagnostic.file || diagnostic.file.fileName.startsWith(temp.dir))
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      expect(ours).toEqual([]);
      expect(
        program.getSourceFiles().filter((file) => file.fileName.startsWith(temp.dir)).length,
      ).toBe(generated.files.size);
    } finally {
      temp.remove();
    }
  });
});
