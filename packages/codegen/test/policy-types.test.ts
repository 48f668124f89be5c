import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { OpenObjectPolicy } from '../src/codegen-config';
import { generate } from '../src/generate';
import { REPO_ROOT, tempDir, writeRegistry } from './helpers';

jest.setTimeout(60_000);

// The additionalProperties policy, proven by the compiler: with `closed` (the default) a misspelt
// key on a schema whose additionalProperties is absent does not compile; with `open` it does.
describe('the additionalProperties policy in the compiled types', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  it('rejects a misspelt key when closed and accepts it when open', async () => {
    const schemasDir = join(temp.dir, 'schemas');
    writeRegistry(schemasDir, {
      'iglu:com.acme/profile/jsonschema/1-0-0': {
        type: 'object',
        properties: {
          firstName: { type: 'string' },
          nested: { type: 'object', properties: { x: { type: 'number' } } },
        },
      },
    });
    const usage: Record<OpenObjectPolicy, string> = {
      closed: [
        "import { createComAcmeProfile_1_0_0 } from './generated/index';",
        "createComAcmeProfile_1_0_0({ firstName: 'Ada' });",
        '// @ts-expect-error misspelt key',
        "createComAcmeProfile_1_0_0({ firstname: 'Ada' });",
        '// @ts-expect-error misspelt nested key',
        'createComAcmeProfile_1_0_0({ nested: { y: 1 } });',
      ].join('\n'),
      open: [
        "import { createComAcmeProfile_1_0_0 } from './generated/index';",
        "createComAcmeProfile_1_0_0({ firstname: 'Ada', nested: { y: 1 } });",
        '// @ts-expect-error declared properties keep their types',
        'createComAcmeProfile_1_0_0({ firstName: 1 });',
      ].join('\n'),
    };
    const roots: string[] = [];
    for (const policy of ['closed', 'open'] as const) {
      const dir = join(temp.dir, policy);
      mkdirSync(dir, { recursive: true });
      const result = await generate({
        schemasDir,
        outDir: join(dir, 'generated'),
        rootDir: temp.dir,
        config: { validators: false, additionalProperties: policy },
      });
      expect(result.ok).toBe(true);
      writeFileSync(join(dir, 'usage.ts'), `${usage[policy]}\n`);
      roots.push(join(dir, 'usage.ts'));
    }
    const program = ts.createProgram(roots, {
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
    const ours = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file?.fileName.startsWith(temp.dir))
      .map(
        (diagnostic) =>
          `${diagnostic.file?.fileName}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
      );
    expect(ours).toEqual([]);
  });
});
