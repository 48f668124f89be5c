#!/usr/bin/env node
// `npm run size`: the bundle-size budgets of decision 27. size-limit (with its esbuild
// plugin) bundles and measures every entry of .size-limit.cjs against its hard limit; this script
// adds the one budget size-limit cannot express, a builder's cost over core-minimal, and prints one
// table. It exits 1 when any budget is exceeded. The packages must be built first (`npm run build`).
import { measureBundles } from './lib/measure-bundles.mjs';

const BUILDER_BUDGET_BYTES = 400;

const results = await measureBundles();
const byName = new Map(results.map((result) => [result.name, result]));
const failures = [];

console.log('bundle             min+gz   budget');
for (const { name, size, sizeLimit, passed } of results) {
  const budget = sizeLimit === undefined ? '' : `${(sizeLimit / 1000).toFixed(1)} kB`;
  console.log(
    `${name.padEnd(18)} ${(size / 1000).toFixed(2).padStart(5)} kB  ${budget}${passed === false ? '  OVER' : ''}`,
  );
  if (passed === false) failures.push(name);
}

const minimal = byName.get('core-minimal');
const oneBuilder = byName.get('core-one-builder');
if (minimal && oneBuilder) {
  const added = oneBuilder.size - minimal.size;
  const ok = added <= BUILDER_BUDGET_BYTES;
  console.log(
    `one @floe/events builder adds ${added} B (budget ${BUILDER_BUDGET_BYTES} B)${ok ? '' : '  OVER'}`,
  );
  if (!ok) failures.push('one-builder delta');
}

if (failures.length > 0) {
  console.error(`size: over budget: ${failures.join(', ')}`);
  process.exitCode = 1;
} else {
  console.log('size: every bundle is within its budget');
}
