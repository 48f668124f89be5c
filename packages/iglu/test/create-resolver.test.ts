import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createResolver, IgluError, ResolutionError } from '../src';

const first = join(__dirname, 'fixtures/roots/first');
const second = join(__dirname, 'fixtures/roots/second');

function failure(run: () => unknown): ResolutionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ResolutionError);
    expect(error).toBeInstanceOf(IgluError);
    return error as ResolutionError;
  }
  throw new Error('expected a ResolutionError');
}

describe('createResolver', () => {
  const resolver = createResolver({ roots: [first, second] });

  it('resolves from the first root that has the file', () => {
    const entry = resolver.resolve('iglu:com.acme/shared/jsonschema/1-0-0');
    expect(entry.file).toBe(join(first, 'com.acme/shared/jsonschema/1-0-0'));
    expect(entry.uri).toBe('iglu:com.acme/shared/jsonschema/1-0-0');
    expect((entry.schema['properties'] as { from: { enum: string[] } }).from.enum).toEqual([
      'first',
    ]);
  });

  it('falls through to later roots', () => {
    const entry = resolver.resolve('iglu:com.acme/only_second/jsonschema/1-0-0');
    expect(entry.file).toBe(join(second, 'com.acme/only_second/jsonschema/1-0-0'));
  });

  it('accepts iglucentral.com refs for the same key', () => {
    const entry = resolver.resolve(
      'http://iglucentral.com/schemas/com.acme/only_second/jsonschema/1-0-0#',
    );
    expect(entry.uri).toBe('iglu:com.acme/only_second/jsonschema/1-0-0');
  });

  it('reports not_found listing every root tried, in order', () => {
    const error = failure(() => resolver.resolve('iglu:com.acme/absent/jsonschema/1-0-0'));
    expect(error.code).toBe('not_found');
    expect(error.uri).toBe('iglu:com.acme/absent/jsonschema/1-0-0');
    expect(error.tried).toEqual([
      join(first, 'com.acme/absent/jsonschema/1-0-0'),
      join(second, 'com.acme/absent/jsonschema/1-0-0'),
    ]);
    for (const file of error.tried) expect(error.message).toContain(file);
    expect(resolver.tryResolve('iglu:com.acme/absent/jsonschema/1-0-0')).toBeUndefined();
  });

  it('resolves exact versions only', () => {
    expect(resolver.tryResolve('iglu:com.acme/shared/jsonschema/1-0-1')).toBeUndefined();
  });

  it('rejects a file whose self differs from the requested key', () => {
    const error = failure(() => resolver.resolve('iglu:com.acme/lying/jsonschema/1-0-0'));
    expect(error.code).toBe('invalid_schema');
    expect(error.message).toContain('iglu:com.acme/lying/jsonschema/2-0-0');
    expect(error.message).toContain(join(first, 'com.acme/lying/jsonschema/1-0-0'));
  });

  it('rejects something that is not a URI', () => {
    const error = failure(() => resolver.resolve('com.acme/shared/jsonschema/1-0-0'));
    expect(error.code).toBe('invalid_uri');
    expect(error.tried).toEqual([]);
  });

  it('never leaves the roots, even for a vendor made of dots', () => {
    const error = failure(() => resolver.resolve('iglu:../roots/jsonschema/1-0-0'));
    expect(error.code).toBe('invalid_uri');
    expect(error.tried).toEqual([]);
  });

  it('exposes absolute roots', () => {
    const relative = createResolver({ roots: ['schemas'] });
    expect(relative.roots[0]).toBe(join(process.cwd(), 'schemas'));
  });

  it('caches reads until clearCache()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'floe-iglu-'));
    try {
      const file = join(dir, 'com.acme/t/jsonschema/1-0-0');
      mkdirSync(join(dir, 'com.acme/t/jsonschema'), { recursive: true });
      const write = (description: string) =>
        writeFileSync(
          file,
          JSON.stringify({
            self: { vendor: 'com.acme', name: 't', format: 'jsonschema', version: '1-0-0' },
            description,
          }),
        );
      write('one');
      const cached = createResolver({ roots: [dir] });
      const uri = 'iglu:com.acme/t/jsonschema/1-0-0';
      expect(cached.resolve(uri).schema['description']).toBe('one');
      write('two');
      expect(cached.resolve(uri).schema['description']).toBe('one');
      cached.clearCache();
      expect(cached.resolve(uri).schema['description']).toBe('two');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
