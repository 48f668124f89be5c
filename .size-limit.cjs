// Bundle-size budgets (decision 27), checked by `npm run size` in CI. Each entry in size/ is bundled
// with esbuild as a user's app would bundle Floe for the web: minified, ESM, browser platform,
// es2020, and measured gzipped. The limits are hard: over budget fails the run.
const asBrowserModule = (config) => ({
  ...config,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
});

const entry = (name, limit) => ({
  name,
  path: `size/${name}.js`,
  limit,
  gzip: true,
  modifyEsbuildConfig: asBrowserModule,
});

module.exports = [
  entry('core-minimal', '6.0 kB'),
  entry('core-all-events', '7.5 kB'),
  entry('core-one-builder', '6.4 kB'),
];
