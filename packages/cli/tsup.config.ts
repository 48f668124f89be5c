import { defineConfig } from 'tsup';

// The `floe` executable is the committed shim bin/floe.js, which imports dist/index.js.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
});
