import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createResolver } from '../../src/create-resolver';
import { lintSpec } from '../../src/spec/lint-spec';
import { readSpecs } from '../../src/spec/read-specs';
import { CHECKOUT, checkoutSpec, PRODUCT, REPO_ROOT, writeSpecs } from './helpers';

const resolver = createResolver({ roots: [join(REPO_ROOT, 'schemas')] });
const lookup = (uri: string) => resolver.tryResolve(uri)?.schema;

async function lint(spec: Record<string, unknown>) {
  const folder = writeSpecs({ 'spec.json': spec });
  try {
    const { specs, issues } = await readSpecs(folder.dir);
    expect(issues).toEqual([]);
    const found = lintSpec(specs[0]!, lookup);
    const text = readFileSync(join(folder.dir, 'spec.json'), 'utf8');
    return { found, text };
  } finally {
    folder.remove();
  }
}

describe('lintSpec', () => {
  it("passes the repository's own specs", async () => {
    const { specs } = await readSpecs(join(REPO_ROOT, 'specs'));
    for (const loaded of specs) expect(lintSpec(loaded, lookup)).toEqual([]);
  });

  it('reports unknown URIs at their line and column', async () => {
    const { found, text } = await lint(
      checkoutSpec({
        event: { schema: 'iglu:com.example_company/checkout/jsonschema/9-0-0' },
        entities: [
          { schema: 'iglu:com.example_company/basket/jsonschema/1-0-0', cardinality: '1' },
        ],
        rules: [],
      }),
    );
    expect(found.map((issue) => [issue.code, issue.level, issue.pointer])).toEqual([
      ['specUnknownUri', 'error', '/event/schema'],
      ['specUnknownUri', 'error', '/entities/0/schema'],
    ]);
    const lines = text.split('\n');
    for (const issue of found) {
      expect(lines[issue.line! - 1]!.slice(issue.column! - 1)).toMatch(/^"iglu:/);
    }
  });

  it('reports impossible rules: enum and const values the schema refuses, wrong types, paths not in the schema, disjoint ranges', async () => {
    const { found } = await lint(
      checkoutSpec({
        rules: [
          { target: 'event', path: '/currency', enum: ['EUR', 'CHF'] },
          { target: 'event', path: '/channel', const: 'kiosk' },
          { target: 'event', path: '/order_id', const: 42 },
          { target: 'event', path: '/colour', const: 'red' },
          { target: PRODUCT, path: '/quantity', minimum: 20_000 },
          { target: PRODUCT, path: '/sku', maximum: 3 },
          { target: PRODUCT, path: '/quantity', minimum: 1.2, maximum: 1.8 },
          { target: PRODUCT, path: '/price', minimum: 0 },
        ],
      }),
    );
    expect(found.map((issue) => [issue.code, issue.level, issue.pointer])).toEqual([
      ['specRuleImpossible', 'error', '/rules/0/enum/1'],
      ['specRuleImpossible', 'error', '/rules/1/const'],
      ['specRuleImpossible', 'error', '/rules/2/const'],
      ['specRulePath', 'error', '/rules/3/path'],
      ['specRuleImpossible', 'error', '/rules/4/minimum'],
      ['specRuleImpossible', 'error', '/rules/5/path'],
      ['specRuleImpossible', 'error', '/rules/6/minimum'],
      ['specRuleRedundant', 'warning', '/rules/7/minimum'],
    ]);
    expect(found[0]!.message).toBe(
      '/currency: "CHF" is not allowed by the schema (must be equal to one of the allowed values)',
    );
    expect(found[3]!.message).toBe(`/colour: /colour is not declared in the schema of ${CHECKOUT}`);
    expect(found[4]!.message).toContain("lies outside the schema's 0..10000");
    expect(found.every((issue) => issue.line && issue.column && issue.file)).toBe(true);
  });
});
