#!/usr/bin/env node
// `npm run size`: the bundle-size budgets of decision 27. size-limit (with its esbuild
// plugin) bundles and measures every entry of .size-limit.cjs against its hard limit; this script
// adds the one budget size-limit cannot express, a builder's cost over core-minimal, and prints one
// table. It exits 1 when any budget is exceeded. The packages must be built first (`npm run build`).
//
//   node scripts/size.mjs               the budgets: exit 1 over any of them
//   node scripts/size.mjs --no-growth   what CI runs while the budgets are unmet (see docs/benchmarks.md):
//                                       the budgets are printed, and it exits 1 only when a bundle is
//                                       larger than its size recorded in size/recorded-sizes.json
//   node scripts/size.mjs --record      writes today's sizes to that file (after a change that shrank
//                                       them, or one whose growth was agreed)
import { readFileSync, writeFileSync } from 'node:fs';
import { measureBundles } from './lib/measure-bundles.mjs';

const RECORDED = new URL('../size/recorded-sizes.json', import.meta.url);
const noGrowth = process.argv.includes('--no-growth');
const record = process.argv.includes('--record');

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
  if (!noGrowth && !record) process.exitCode = 1;
} else {
  console.log('size: every bundle is within its budget');
}

const sizes = Object.fromEntries(results.map(({ name, size }) => [name, size]));
if (record) {
  writeFileSync(RECORDED, `${JSON.stringify(sizes, null, 2)}\n`);
  console.log(`size: recorded today's sizes in ${RECORDED.pathname}`);
} else if (noGrowth) {
  const recorded = JSON.parse(readFileSync(RECORDED, 'utf8'));
  const grown = results.filter(({ name, size }) => size > (recorded[name] ?? 0));
  for (const { name, size } of grown) {
    console.error(`size: ${name} grew to ${size} B (recorded ${recorded[name] ?? 'none'})`);
  }
  if (grown.length > 0) process.exitCode = 1;
  else console.log('size: no bundle is larger than its recorded size');
}
