import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createResolver, createValidatorCompiler } from '@floe/iglu';

const bundled = join(__dirname, '..', 'schemas');
const fixtures = join(__dirname, '..', '..', '..', 'fixtures', 'iglu-central', 'schemas');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const schemaFiles = files(bundled).filter((file) => !file.endsWith('NOTICE'));

test('the bundled schemas are unmodified Iglu Central copies, with a NOTICE', () => {
  expect(readFileSync(join(bundled, 'NOTICE'), 'utf8')).toMatch(
    /Iglu Central[\s\S]*Apache License 2\.0/,
  );
  expect(schemaFiles.length).toBe(30);
  for (const file of schemaFiles) {
    const path = relative(bundled, file);
    expect([path, readFileSync(file, 'utf8')]).toEqual([
      path,
      readFileSync(join(fixtures, path), 'utf8'),
    ]);
  }
});

test('every bundled schema resolves and compiles from the bundled folder alone', () => {
  const warnings: string[] = [];
  const compiler = createValidatorCompiler({
    resolver: createResolver({ roots: [bundled] }),
    onWarning: (w) => warnings.push(w),
  });
  for (const file of schemaFiles) {
    const [vendor, name, format, version] = relative(bundled, file).split(/[\\/]/);
    expect(typeof compiler.compile(`iglu:${vendor}/${name}/${format}/${version}`)).toBe('function');
  }
  expect(warnings).toEqual([]);
});
