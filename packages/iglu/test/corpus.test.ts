import { join } from 'node:path';
import {
  checkConsistency,
  compileStandaloneValidators,
  createResolver,
  createValidatorCompiler,
  LINTER_NAMES,
  lintSchema,
  readRegistry,
  type SchemaEntry,
  SKIPPABLE_LINTERS,
  type ValidateFn,
} from '../src';
import { runStandalone } from './helpers/run-standalone';

// The repo's copy of Iglu Central (decision 5); never ../shared.
const corpus = join(__dirname, '../../../fixtures/iglu-central/schemas');

describe('the Iglu Central corpus', () => {
  let schemas: SchemaEntry[] = [];
  const resolver = createResolver({ roots: [corpus] });
  const warnings: string[] = [];
  const compiler = createValidatorCompiler({ resolver, onWarning: (w) => warnings.push(w) });
  const validators = new Map<string, ValidateFn>();
  const failures: string[] = [];

  beforeAll(async () => {
    const read = await readRegistry(corpus);
    expect(read.issues).toEqual([]);
    schemas = read.schemas;
  });

  it('reads all 660 schemas with zero layout issues', () => {
    expect(schemas).toHaveLength(660);
    expect(new Set(schemas.map((entry) => entry.key.vendor)).size).toBe(86);
    const families = new Set(schemas.map((e) => `${e.key.vendor}/${e.key.name}`));
    expect(families.size).toBe(519);
  });

  it('is consistent: no InitMissing, no Gaps', () => {
    expect(checkConsistency(schemas.map((entry) => entry.key))).toEqual([]);
  });

  it('lints every schema without crashing; Error-level checks find nothing', () => {
    const counts = Object.fromEntries(LINTER_NAMES.map((name) => [name, 0])) as Record<
      string,
      number
    >;
    for (const entry of schemas) {
      for (const issue of lintSchema(entry.schema)) counts[issue.code]! += 1;
    }
    // Printed so the report shows the corpus profile per check.
    console.log(`lint findings by check over ${schemas.length} schemas:`, counts);
    const errorLevel = LINTER_NAMES.filter((name) => !SKIPPABLE_LINTERS.includes(name));
    expect(errorLevel).toHaveLength(9);
    for (const name of errorLevel) expect([name, counts[name]]).toEqual([name, 0]);
    // codegen.md §2/§3: 9 real `ipv6` (the igluctl quirk) plus one `strict-uri`.
    expect(counts['unknownFormats']).toBe(10);
    // codegen.md §3: 13 roots are not objects (9 arrays, 4 untyped); object roots without
    // `properties` are flagged too.
    const notObjectRoots = schemas.filter((entry) => {
      const type = entry.schema['type'];
      const types = Array.isArray(type) ? type : [type];
      return !types.includes('object') || entry.schema['properties'] === undefined;
    });
    expect(notObjectRoots.length).toBeGreaterThanOrEqual(13);
    expect(counts['rootObject']).toBe(notObjectRoots.length);
  });

  it('compiles EVERY schema to a validator, with zero failures', () => {
    for (const entry of schemas) {
      try {
        validators.set(entry.uri, compiler.compile(entry.uri));
      } catch (error) {
        failures.push(`${entry.uri}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(validators.size).toBe(660);
    // The only unknown format in the corpus is strict-uri; it warns and passes (decision 19).
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('strict-uri');
  });

  it('precompiles every schema into one self-contained module that agrees with the runtime', () => {
    const uris = schemas.map((entry) => entry.uri);
    const source = compileStandaloneValidators({ resolver, uris });
    expect(/\brequire\(|\bimport\b|new Function|\beval\(/.test(source)).toBe(false);
    const samples: unknown[] = [{}, null, [], { unexpected_property: 1 }, 'text'];
    const standalone = runStandalone(source, samples);
    expect(Object.keys(standalone)).toHaveLength(660);
    let mismatches = 0;
    for (const uri of uris) {
      const runtime = validators.get(uri) ?? compiler.compile(uri);
      samples.forEach((sample, index) => {
        const expected = runtime(sample).map(({ path, keyword, message }) => ({
          path,
          keyword,
          message,
        }));
        if (JSON.stringify(standalone[uri]![index]) !== JSON.stringify(expected)) mismatches += 1;
      });
    }
    expect(mismatches).toBe(0);
  });
});
