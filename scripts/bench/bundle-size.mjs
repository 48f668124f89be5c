#!/usr/bin/env node
// Bundle sizes side by side: Floe's budgeted bundles and Snowplow's tracker core and browser tracker
// bundled the same way (esbuild, minified, ESM, browser, es2020, gzipped; see .size-limit.cjs), with the ratios.
// Needs built packages (`npm run build`). The budgets themselves are enforced by `npm run size`.
import { measureBundles } from '../lib/measure-bundles.mjs';

// Each Floe bundle and the Snowplow bundle that does the same job.
const PAIRS = [
  ['core-minimal', 'snowplow-core-minimal'],
  ['core-minimal', 'snowplow-browser-minimal'],
  ['edge', 'snowplow-core-minimal'],
  ['browser-minimal', 'snowplow-browser-minimal'],
  ['browser-full', 'snowplow-browser-full'],
];

const results = await measureBundles({ FLOE_SIZE_COMPARE: '1' });
const size = new Map(results.map((result) => [result.name, result.size]));
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

console.log('Bundle sizes, min+gz (esbuild, ESM, browser, es2020)\n');
console.log(
  `${'Floe bundle'.padEnd(18)} ${'Floe'.padStart(9)}   ${'Snowplow bundle'.padEnd(26)} ${'Snowplow'.padStart(9)}   Floe/Snowplow`,
);
for (const [floe, snowplow] of PAIRS) {
  if (!size.has(floe) || !size.has(snowplow)) continue;
  const ratio = size.get(floe) / size.get(snowplow);
  console.log(
    `${floe.padEnd(18)} ${kB(size.get(floe)).padStart(9)}   ${snowplow.padEnd(26)} ${kB(size.get(snowplow)).padStart(9)}   ${ratio.toFixed(2)} (${ratio > 1 ? `${ratio.toFixed(1)}× larger` : `${(1 / ratio).toFixed(1)}× smaller`})`,
  );
}
