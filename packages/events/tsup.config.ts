import { defineConfig } from 'tsup';

export default defineConfig({
  // Validators are a separate entry (`@floe/events/validators`) so the main entry carries none.
  entry: ['src/index.ts', 'src/validators.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
});
