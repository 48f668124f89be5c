import { defineConfig } from 'tsup';

// Two entry points: the builders, and the validators behind the `/validators` subpath, so an
// app's bundle carries validators only where it imports them. ESM and CommonJS, each with types.
export default defineConfig({
  entry: ['src/index.ts', 'src/validators.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
});
