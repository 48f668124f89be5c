import { readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { GenerateResult } from '../src/generate';
import { watchGenerate } from '../src/watch-generate';
import { tempDir, writeRegistry } from './helpers';

jest.setTimeout(30_000);

describe('watchGenerate', () => {
  const temp = tempDir();
  const schemasDir = join(temp.dir, 'schemas');
  const outDir = join(temp.dir, 'out');
  const runs: { result: GenerateResult; changed: readonly string[] }[] = [];
  let waiting: (() => void) | undefined;
  const nextRun = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no regeneration within 10 s')), 10_000);
      waiting = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  writeRegistry(schemasDir, {
    'iglu:com.acme/one/jsonschema/1-0-0': { type: 'object', properties: { a: { type: 'string' } } },
    'iglu:com.acme/two/jsonschema/1-0-0': { type: 'object', properties: { b: { type: 'string' } } },
    'iglu:com.other/three/jsonschema/1-0-0': { type: 'object', properties: {} },
  });
  const watcher = watchGenerate({
    schemasDir,
    outDir,
    rootDir: temp.dir,
    config: { validators: false },
    debounceMs: 50,
    onRun: (result, changed) => {
      runs.push({ result, changed });
      waiting?.();
    },
  });
  const old = new Date(2000, 0, 1);
  const age = (path: string) => utimesSync(join(outDir, path), old, old);
  const touched = (path: string) => statSync(join(outDir, path)).mtime.getFullYear() !== 2000;

  afterAll(() => {
    watcher.close();
    temp.remove();
  });

  it('generates everything first', async () => {
    const first = await watcher.ready;
    expect(first.ok).toBe(true);
    expect(first.summary.modules).toBe(3);
  });

  it('regenerates only the changed schema and the indexes', async () => {
    for (const path of [
      'com.acme/one/1-0-0.ts',
      'com.acme/two/1-0-0.ts',
      'com.other/three/1-0-0.ts',
    ])
      age(path);
    const next = nextRun();
    writeRegistry(schemasDir, {
      'iglu:com.acme/two/jsonschema/1-0-0': {
        type: 'object',
        properties: { b: { type: 'integer' } },
      },
    });
    await next;
    await watcher.idle();
    const last = runs[runs.length - 1]!;
    expect(last.changed).toEqual(['com.acme/two/jsonschema/1-0-0']);
    expect(last.result.summary.written).toBe(1);
    expect(readFileSync(join(outDir, 'com.acme/two/1-0-0.ts'), 'utf8')).toContain('b?: number;');
    expect(touched('com.acme/two/1-0-0.ts')).toBe(true);
    expect(touched('com.acme/one/1-0-0.ts')).toBe(false);
    expect(touched('com.other/three/1-0-0.ts')).toBe(false);
  });

  it('regenerates the family when a version is added, so the older one is deprecated', async () => {
    const next = nextRun();
    writeRegistry(schemasDir, {
      'iglu:com.acme/one/jsonschema/1-0-1': {
        type: 'object',
        properties: { a: { type: 'string' }, c: { type: 'string' } },
      },
    });
    await next;
    await watcher.idle();
    expect(readFileSync(join(outDir, 'com.acme/one/1-0-0.ts'), 'utf8')).toContain(
      '@deprecated Superseded by `iglu:com.acme/one/jsonschema/1-0-1`',
    );
    expect(readFileSync(join(outDir, 'com.acme/index.ts'), 'utf8')).toContain(
      "export * from './one/1-0-1.js';",
    );
  });

  it('removes the module of a deleted schema', async () => {
    const next = nextRun();
    rmSync(join(schemasDir, 'com.other'), { recursive: true });
    await next;
    await watcher.idle();
    const last = runs[runs.length - 1]!;
    expect(last.result.summary.removed).toBe(2); // the module and the vendor index
    expect(readFileSync(join(outDir, 'index.ts'), 'utf8')).not.toContain('com.other');
  });
});
