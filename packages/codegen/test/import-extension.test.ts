import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { ImportExtension } from '../src/codegen-config';
import { generate } from '../src/generate';
import { REPO_ROOT, tempDir, writeRegistry } from './helpers';

jest.setTimeout(60_000);

// The output compiles in a user's project under each module resolution a TypeScript app uses,
// with @floe/core resolved as an installed package (its built dist, through its exports map).
const CORE = join(REPO_ROOT, 'packages', 'core');
const URI = 'iglu:com.acme/checkout_started/jsonschema/1-0-0';

interface Setup {
  readonly packageType?: 'module';
  readonly options: ts.CompilerOptions;
}

const SETUPS: Record<string, Setup> = {
  'NodeNext, ESM package': {
    packageType: 'module',
    options: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  },
  'NodeNext, CommonJS package': {
    options: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  },
  Bundler: {
    packageType: 'module',
    options: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  },
  'CommonJS, node10': {
    options: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 },
  },
};

// The app imports its own modules with `.js`, which every one of these setups accepts. Its two
// expected-error lines prove the program really type-checks: each must meet its error.
const APP = `import type { SchemaValidator, Tracker } from '@floe/core';
import { trackCheckoutStarted, trackComAcmeCheckoutStarted_1_0_0 } from './tracking/index.js';
import { validators } from './tracking/validators.js';

export function run(tracker: Tracker): string {
  // @ts-expect-error items is a number
  trackComAcmeCheckoutStarted_1_0_0(tracker, { cartId: 'c', items: '3' });
  trackCheckoutStarted(tracker, { cartId: 'c', items: 3 });
  return trackComAcmeCheckoutStarted_1_0_0(tracker, { cartId: 'c', items: 3 });
}

export const typed: Readonly<Record<string, SchemaValidator>> = validators;
// @ts-expect-error the validators are typed, not any
export const wrong: number = validators;
`;

describe('importExtension', () => {
  const temp = tempDir();
  const schemasDir = join(temp.dir, 'schemas');
  afterAll(() => temp.remove());

  beforeAll(() => {
    if (!existsSync(join(CORE, 'dist', 'index.d.ts'))) {
      throw new Error('@floe/core is not built; run `npx turbo run build --filter=@floe/core`');
    }
    writeRegistry(schemasDir, {
      [URI]: {
        type: 'object',
        properties: { cartId: { type: 'string' }, items: { type: 'integer' } },
        required: ['cartId', 'items'],
        additionalProperties: false,
      },
    });
  });

  /** Generates into a fresh project with `importExtension` and returns tsc's messages for it. */
  async function compile(name: string, setup: Setup, extension?: ImportExtension) {
    const project = join(temp.dir, `${name.replace(/\W+/g, '-')}-${extension ?? 'default'}`);
    mkdirSync(join(project, 'node_modules', '@floe'), { recursive: true });
    symlinkSync(CORE, join(project, 'node_modules', '@floe', 'core'), 'dir');
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'app', ...(setup.packageType ? { type: setup.packageType } : {}) }),
    );
    const result = await generate({
      schemasDir,
      outDir: join(project, 'src', 'tracking'),
      rootDir: project,
      config: {
        ...(extension ? { importExtension: extension } : {}),
        aliases: { CheckoutStarted: { uri: URI } },
      },
    });
    expect(result.ok).toBe(true);
    writeFileSync(join(project, 'src', 'app.ts'), APP);
    const program = ts.createProgram([join(project, 'src', 'app.ts')], {
      ...setup.options,
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      types: [],
      skipLibCheck: true,
      esModuleInterop: true,
    });
    const messages = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    return { project, messages };
  }

  it.each(Object.keys(SETUPS))(
    'emits .js specifiers by default, which compile under %s',
    async (name) => {
      const { project, messages } = await compile(name, SETUPS[name]!);
      expect(messages).toEqual([]);
      const index = readFileSync(join(project, 'src', 'tracking', 'index.ts'), 'utf8');
      expect(index).toContain("export * from './com.acme/index.js';");
      expect(index).toContain("export * from './aliases.js';");
      expect(
        readFileSync(join(project, 'src', 'tracking', 'com.acme', 'index.ts'), 'utf8'),
      ).toContain("export * from './checkout_started/1-0-0.js';");
    },
  );

  it.each(['Bundler', 'CommonJS, node10'])("'none' compiles under %s", async (name) => {
    const { project, messages } = await compile(name, SETUPS[name]!, 'none');
    expect(messages).toEqual([]);
    expect(readFileSync(join(project, 'src', 'tracking', 'index.ts'), 'utf8')).toContain(
      "export * from './com.acme/index';",
    );
  });

  it("'none' fails under NodeNext in an ESM package, as docs/codegen.md warns", async () => {
    const { messages } = await compile(
      'NodeNext, ESM package',
      SETUPS['NodeNext, ESM package']!,
      'none',
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Relative import paths need explicit file extensions'),
      ]),
    );
  });

  it('writes a typed validators module beside the @ts-nocheck code', async () => {
    const { project } = await compile('validators', SETUPS.Bundler!);
    const wrapper = readFileSync(join(project, 'src', 'tracking', 'validators.ts'), 'utf8');
    expect(wrapper).not.toContain('@ts-nocheck');
    expect(wrapper).toContain("import { validators as compiled } from './compiled-validators.js';");
    expect(wrapper).toContain(
      'export const validators: Readonly<Record<string, SchemaValidator>> = compiled;',
    );
    expect(
      readFileSync(join(project, 'src', 'tracking', 'compiled-validators.ts'), 'utf8'),
    ).toContain('// @ts-nocheck');
  });
});
