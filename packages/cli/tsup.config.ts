import { defineConfig } from 'tsup';

// The `floe` executable is the committed shim bin/floe.js, which imports dist/index.js.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // `__dirname` finds the shipped templates/ folder (floe init); tsup shims it in the ESM build.
  shims: true,
});
