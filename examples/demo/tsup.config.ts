import { defineConfig } from 'tsup';

// The demo is private and runs on plain Node from its build: ESM only, no minification, so the
// compiled JS stays as readable as the source a user would copy.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
});
