// Bundle-size budgets (decision 27), checked by `npm run size`. Each entry in size/ is bundled
// with esbuild as a user's app would bundle Floe for the web (minified, ESM, browser platform,
// es2020) from the packages' built `dist`, and measured gzipped. The limits are hard.
// `npm run bench` sets FLOE_SIZE_COMPARE=1 to add Snowplow's trackers, bundled the same way, as
// comparisons without limits.
const asBrowserModule = (config) => ({
  ...config,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
});

const entry = (name, limit) => ({
  name,
  path: `size/${name}.js`,
  ...(limit ? { limit } : {}),
  gzip: true,
  modifyEsbuildConfig: asBrowserModule,
});

const budgets = [
  entry('core-minimal', '6.0 kB'),
  entry('core-all-events', '7.5 kB'),
  // Checked again by scripts/size.mjs as "core-minimal + 0.4 kB", the budget decision 27 states.
  entry('core-one-builder', '6.4 kB'),
  entry('edge', '6.5 kB'),
  entry('browser-minimal', '8 kB'),
  entry('browser-full', '11 kB'),
];

const comparisons = [
  entry('snowplow-core-minimal'),
  entry('snowplow-browser-minimal'),
  entry('snowplow-browser-full'),
];

module.exports = process.env.FLOE_SIZE_COMPARE ? [...budgets, ...comparisons] : budgets;
