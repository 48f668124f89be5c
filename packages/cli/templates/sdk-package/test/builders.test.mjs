// Imports every builder of the package from its build, in ESM and in CommonJS, as an app would,
// and checks that every schema of the tracking plan has its builder, track function and
// validator. Run `npm run build` first.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validators } from '../dist/validators.js';

// The module objects as a whole: the test walks every export.
const esm = await import('../dist/index.js');
const require = createRequire(import.meta.url);
const cjs = require('../dist/index.cjs');

/** Every `iglu:` URI of the plan, from the schema folder floe.config.json names. */
function planUris() {
  const config = JSON.parse(readFileSync(new URL('../floe.config.json', import.meta.url), 'utf8'));
  const root = fileURLToPath(new URL(`../${config.codegen.schemas}/`, import.meta.url));
  return readdirSync(root, { recursive: true })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => /^[^/]+\/[^/]+\/jsonschema\/\d+-\d+-\d+$/.test(path))
    .map((path) => `iglu:${path}`)
    .sort();
}

// Versioned builders end in _MODEL_REVISION_ADDITION; aliases are the short names.
const builders = (module) =>
  Object.keys(module)
    .filter((name) => /^create.+_\d+_\d+_\d+$/.test(name))
    .sort();

test('every schema of the plan has a builder and a track function', () => {
  const built = builders(esm).map((name) => {
    assert.equal(typeof esm[`track${name.slice('create'.length)}`], 'function', name);
    return esm[name]({}).schema;
  });
  assert.deepEqual(built.sort(), planUris());
});

test('the CommonJS build exports the same names', () => {
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).sort());
  assert.deepEqual(builders(cjs), builders(esm));
});

test('the /validators entry has a validator for every schema', () => {
  assert.deepEqual(Object.keys(validators).sort(), planUris());
  for (const uri of planUris()) assert.equal(typeof validators[uri], 'function', uri);
});
