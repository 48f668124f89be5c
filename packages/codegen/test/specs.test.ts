import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { generate } from '../src/generate';
import { parseCodegenConfig } from '../src/load-codegen-config';
import { runLint } from '../src/run-lint';
import { REPO_ROOT, REPO_SCHEMAS, tempDir, writeRegistry } from './helpers';

jest.setTimeout(90_000);

const repoConfig = parseCodegenConfig(
  JSON.parse(readFileSync(join(REPO_ROOT, 'floe.config.json'), 'utf8')).codegen,
);
const REPO_SPECS = join(REPO_ROOT, 'specs');

function compile(files: readonly string[], root: string): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    paths: { '@floe/core': [join(REPO_ROOT, 'packages', 'core', 'src', 'index.ts')] },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName.startsWith(root))
    .map((diagnostic) => {
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return `${diagnostic.file!.fileName.slice(root.length)}:${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
}

// Every `@ts-expect-error` below must fail to compile, or tsc reports the directive as unused:
// so each line proves that one mistake is a compile error.
const USAGE = `import type { Tracker } from '@floe/core';
import { trackCheckout, trackHardModeSave, type CheckoutData } from './generated/index';

declare const tracker: Tracker;
const data: CheckoutData = { order_id: 'o-1', total: 20, currency: 'EUR', channel: 'web' };
const cart = { cart_id: 'c-1', item_count: 2 };
const product = { sku: 'sku-1', price: 10, quantity: 2 };

// Fits the spec: one cart, one or more products.
export const ids: string[] = [
  trackCheckout(tracker, data, { cart, product: [product] }),
  trackCheckout(tracker, data, { cart, product: [product, product, product] }),
  trackHardModeSave(tracker, { save_id: 's', level: 12, difficultyLevel: 'HARD' }),
  trackHardModeSave(tracker, { save_id: 's', level: 12, difficultyLevel: 'HARD' }, {
    clientSession: { userId: '0f8fad5b-d9cb-469f-a165-70867728950e', sessionId: '2b1c6f7e-4c0a-4b8e-9a53-0d6c5e1f2a3b', sessionIndex: 1, storageMechanism: 'COOKIE_1', previousSessionId: null },
  }),
];

// @ts-expect-error missing cart
trackCheckout(tracker, data, { product: [product] });
// @ts-expect-error two carts
trackCheckout(tracker, data, { cart: [cart, cart], product: [product] });
// @ts-expect-error zero products
trackCheckout(tracker, data, { cart, product: [] });
// @ts-expect-error a wrong entity type: a product where the cart goes
trackCheckout(tracker, data, { cart: product, product: [product] });
// @ts-expect-error an entity the spec does not name
trackCheckout(tracker, data, { cart, product: [product], session: cart });
// @ts-expect-error no entities at all
trackCheckout(tracker, data);
// @ts-expect-error enum rule → union: GBP is in the schema but not in the spec
trackCheckout(tracker, { ...data, currency: 'GBP' }, { cart, product: [product] });
// @ts-expect-error const rule → literal: only "web"
trackCheckout(tracker, { ...data, channel: 'app' }, { cart, product: [product] });
// @ts-expect-error a rule makes its property required
trackHardModeSave(tracker, { save_id: 's', level: 12 });
// @ts-expect-error const "HARD" on the event
trackHardModeSave(tracker, { save_id: 's', level: 12, difficultyLevel: 'EASY' });
// @ts-expect-error 0..1: never two sessions
trackHardModeSave(tracker, { save_id: 's', level: 12, difficultyLevel: 'HARD' }, { clientSession: [] });
`;

describe('event specifications in generated code', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  it('makes wrong entities, counts and ruled values compile errors (tsc over @ts-expect-error)', async () => {
    const outDir = join(temp.dir, 'app', 'generated');
    const result = await generate({
      schemasDir: REPO_SCHEMAS,
      outDir,
      config: repoConfig,
      rootDir: REPO_ROOT,
      configLabel: 'floe.config.json',
    });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    const usage = join(temp.dir, 'app', 'usage.ts');
    writeFileSync(usage, USAGE);
    expect(compile([usage], temp.dir)).toEqual([]);
    // The same file without its directives fails once per directive: the errors are real.
    const bare = join(temp.dir, 'app', 'bare.ts');
    writeFileSync(bare, USAGE.replace(/\/\/ @ts-expect-error .*\n/g, ''));
    const errors = compile([bare], temp.dir);
    expect(errors.length).toBeGreaterThanOrEqual(USAGE.match(/@ts-expect-error/g)!.length);
  });

  it('writes literal types, tuples and non-empty arrays from the spec', async () => {
    const result = await generate({
      schemasDir: REPO_SCHEMAS,
      outDir: join(temp.dir, 'literal'),
      config: repoConfig,
      rootDir: REPO_ROOT,
      check: true,
    });
    const specs = result.files.get('specs.ts')!;
    expect(specs).toContain('currency: ("EUR" | "USD");');
    expect(specs).toContain('channel: "web";');
    expect(specs).toContain('difficultyLevel: "HARD";');
    expect(specs).toContain('readonly cart: CheckoutCart;');
    expect(specs).toContain('readonly product: readonly [CheckoutProduct, ...CheckoutProduct[]];');
    expect(specs).toContain('readonly clientSession?: HardModeSaveClientSession;');
    expect(result.files.get('index.ts')).toContain("export * from './specs';");
  });

  it('turns N, N..M and N..* into tuples, unions of tuples and rest tuples', async () => {
    const dir = join(temp.dir, 'cardinality');
    writeRegistry(join(dir, 'schemas'), {
      'iglu:com.acme/ev/jsonschema/1-0-0': {
        type: 'object',
        properties: { a: { type: 'string' } },
      },
      'iglu:com.acme/thing/jsonschema/1-0-0': {
        type: 'object',
        properties: { n: { type: 'integer' } },
      },
      'iglu:com.acme/other/jsonschema/1-0-0': { type: 'object', properties: {} },
      'iglu:com.acme.two/thing/jsonschema/1-0-0': { type: 'object', properties: {} },
    });
    mkdirSync(join(dir, 'specs'));
    const spec = (name: string, cardinality: string) => ({
      name,
      event: { schema: 'iglu:com.acme/ev/jsonschema/1-0-0' },
      entities: [{ schema: 'iglu:com.acme/thing/jsonschema/1-0-0', cardinality }],
    });
    const cases = {
      Two: '2',
      TwoToThree: '2..3',
      Many: '3..12',
      AtLeastTwo: '2..*',
      Any: '0..*',
      None: '0',
    };
    for (const [name, cardinality] of Object.entries(cases)) {
      writeFileSync(join(dir, 'specs', `${name}.json`), JSON.stringify(spec(name, cardinality)));
    }
    writeFileSync(
      join(dir, 'specs', 'Clash.json'),
      JSON.stringify({
        name: 'Clash',
        event: { schema: 'iglu:com.acme/ev/jsonschema/1-0-0' },
        entities: [
          { schema: 'iglu:com.acme/thing/jsonschema/1-0-0', cardinality: '1' },
          { schema: 'iglu:com.acme.two/thing/jsonschema/1-0-0', cardinality: '1' },
        ],
      }),
    );
    const result = await generate({
      schemasDir: join(dir, 'schemas'),
      outDir: join(dir, 'out'),
      rootDir: dir,
      config: { validators: false },
    });
    expect(result.failures).toEqual([]);
    const specs = result.files.get('specs.ts')!;
    expect(specs).toContain('readonly thing: readonly [TwoThing, TwoThing];');
    expect(specs).toContain(
      'readonly thing: readonly [TwoToThreeThing, TwoToThreeThing] | readonly [TwoToThreeThing, TwoToThreeThing, TwoToThreeThing];',
    );
    expect(specs).toContain(
      'readonly thing: readonly [ManyThing, ManyThing, ManyThing, ...ManyThing[]];',
    );
    expect(specs).toContain(
      'readonly thing: readonly [AtLeastTwoThing, AtLeastTwoThing, ...AtLeastTwoThing[]];',
    );
    expect(specs).toContain('readonly thing?: readonly AnyThing[];');
    expect(specs).toContain('export type NoneEntities = Record<string, never>;');
    expect(specs).toContain('readonly comAcmeThing_1_0_0: ClashComAcmeThing_1_0_0;');
    expect(specs).toContain('readonly comAcmeTwoThing_1_0_0: ClashComAcmeTwoThing_1_0_0;');
    writeFileSync(
      join(dir, 'usage.ts'),
      [
        "import type { Tracker } from '@floe/core';",
        "import { trackTwo, trackTwoToThree, trackAtLeastTwo, trackAny, trackNone } from './out/index';",
        'declare const tracker: Tracker;',
        'const t = { n: 1 };',
        'trackTwo(tracker, {}, { thing: [t, t] });',
        '// @ts-expect-error exactly two',
        'trackTwo(tracker, {}, { thing: [t, t, t] });',
        'trackTwoToThree(tracker, {}, { thing: [t, t, t] });',
        '// @ts-expect-error at most three',
        'trackTwoToThree(tracker, {}, { thing: [t, t, t, t] });',
        '// @ts-expect-error at least two',
        'trackAtLeastTwo(tracker, {}, { thing: [t] });',
        'trackAny(tracker, {});',
        'trackNone(tracker, {});',
        '',
      ].join('\n'),
    );
    expect(compile([join(dir, 'usage.ts')], dir)).toEqual([]);
  });

  it('generates spec validators that check counts and rules with only standard globals', async () => {
    const result = await generate({
      schemasDir: REPO_SCHEMAS,
      outDir: join(temp.dir, 'validators'),
      config: repoConfig,
      rootDir: REPO_ROOT,
      check: true,
    });
    const code = result.files.get('compiled-spec-validators.ts')!;
    expect(code).not.toMatch(/\bimport\b|\brequire\(|\bprocess\b|\bBuffer\b|\beval\b|new Function/);
    // A bare context holds the standard globals only: no require, no process, no Node API.
    const sandbox: { specValidators?: Record<string, (e: unknown, c: unknown[]) => unknown[]> } =
      {};
    runInNewContext(code.replace('export const specValidators', 'specValidators'), sandbox);
    const check = sandbox.specValidators!['Checkout']!;
    const event = {
      schema: 'iglu:com.example_company/checkout/jsonschema/1-0-0',
      data: { order_id: 'o', total: 1, currency: 'EUR', channel: 'web' },
    };
    const cart = { schema: 'iglu:com.example_company/cart/jsonschema/1-0-0', data: {} };
    const product = (quantity: number) => ({
      schema: 'iglu:com.example_company/product/jsonschema/1-0-0',
      data: { sku: 's', price: 1, quantity },
    });
    expect(check(event, [cart, product(1)])).toEqual([]);
    const issues = check({ ...event, data: { ...event.data, channel: 'app' } }, [
      cart,
      cart,
      product(0),
    ]);
    expect(issues.map((issue) => (issue as { message: string }).message)).toEqual([
      'expected exactly 1 of entity iglu:com.example_company/cart/jsonschema/1-0-0, found 2',
      'event: /channel must be "web", found "app"',
      'entity iglu:com.example_company/product/jsonschema/1-0-0: /quantity must be at least 1, found 0',
    ]);
  });

  it('fails generate on a broken spec and names its file', async () => {
    const dir = join(temp.dir, 'broken');
    writeRegistry(join(dir, 'schemas'), {
      'iglu:com.acme/ev/jsonschema/1-0-0': {
        type: 'object',
        properties: { kind: { type: 'string', enum: ['a', 'b'] } },
      },
    });
    mkdirSync(join(dir, 'specs'));
    writeFileSync(
      join(dir, 'specs', 'ev.json'),
      JSON.stringify({
        name: 'Ev',
        event: { schema: 'iglu:com.acme/ev/jsonschema/1-0-0' },
        rules: [{ target: 'event', path: '/kind', const: 'c' }],
      }),
    );
    const result = await generate({
      schemasDir: join(dir, 'schemas'),
      outDir: join(dir, 'out'),
      rootDir: dir,
    });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'specRuleImpossible',
        pointer: '/rules/0/const',
      }),
    ]);
    expect(result.summary.written).toBe(0);
  });

  it('refuses a spec whose names collide with an alias', async () => {
    const result = await generate({
      schemasDir: REPO_SCHEMAS,
      outDir: join(temp.dir, 'collide'),
      config: {
        ...repoConfig,
        aliases: {
          ...repoConfig.aliases,
          Checkout: { uri: 'iglu:com.example_company/checkout/jsonschema/1-0-0' },
        },
      },
      rootDir: REPO_ROOT,
      check: true,
    });
    expect(result.failures).toEqual([
      expect.objectContaining({
        code: 'name_collision',
        file: 'specs/checkout.json',
        message: expect.stringContaining('trackCheckout (also exported by alias Checkout)'),
      }),
    ]);
  });
});

describe('floe lint over specs', () => {
  it("passes the repository's specs", async () => {
    const report = await runLint({ schemasDir: REPO_SCHEMAS, specsDir: REPO_SPECS });
    expect(report.specs).toBe(2);
    expect(report.issues.filter((issue) => issue.code.startsWith('spec'))).toEqual([]);
  });

  it('reports unknown URIs and impossible rules with their position', async () => {
    const temp = tempDir();
    try {
      mkdirSync(join(temp.dir, 'specs'));
      const text = `{
  "name": "Checkout",
  "event": { "schema": "iglu:com.example_company/checkout/jsonschema/1-0-0" },
  "entities": [
    { "schema": "iglu:com.example_company/basket/jsonschema/1-0-0", "cardinality": "1" }
  ],
  "rules": [{ "target": "event", "path": "/currency", "enum": ["EUR", "CHF"] }]
}
`;
      writeFileSync(join(temp.dir, 'specs', 'checkout.json'), text);
      const report = await runLint({ schemasDir: REPO_SCHEMAS, specsDir: join(temp.dir, 'specs') });
      expect(report.exitCode).toBe(1);
      const found = report.issues.filter((issue) => issue.code.startsWith('spec'));
      expect(
        found.map((issue) => [
          issue.code,
          'line' in issue ? issue.line : 0,
          'column' in issue ? issue.column : 0,
        ]),
      ).toEqual([
        ['specUnknownUri', 5, 17],
        ['specRuleImpossible', 7, 71],
      ]);
      // The message carries the offset the floe command turns into file:line:column.
      expect(found[1]!.message).toMatch(
        /"CHF" is not allowed by the schema .* \(at position \d+\)$/,
      );
    } finally {
      temp.remove();
    }
  });
});
