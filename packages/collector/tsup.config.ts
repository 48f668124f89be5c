import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // `__dirname` locates the shipped schemas/ and ui/ folders; tsup shims it in the ESM build.
  shims: true,
  // An optional dependency, loaded lazily; tsup only keeps `dependencies` external by itself.
  external: ['better-sqlite3'],
});
