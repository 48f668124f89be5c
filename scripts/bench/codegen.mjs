#!/usr/bin/env node
// Codegen benchmark (codegen.md §4.2 and §6.15): @floe/codegen over the whole Iglu Central corpus
// (fixtures/iglu-central/schemas, 660 schemas) side by side with plain json-schema-to-typescript
// 16 (format: false, no banner, http refs off) over the same files, in the same process. Both
// read the schemas, compile them and write one file per schema into an emptied folder.
//
//   node scripts/bench/codegen.mjs [--quick] [--runs=3] [--no-build]
//
// Rounds alternate baseline and Floe so machine noise hits both. "cold" is each tool's first full
// run in this process, after json-schema-to-typescript (used by both) warmed up on 40 schemas;
// the table also shows the median of all runs. Incremental: a watcher over a copy of the
// corpus, one schema edited at a time; the regeneration time (and the latency from
// the file write, debounce included) is compared with Floe's cold run. Validators are off in
// the timed runs (json-schema-to-typescript has none). Targets: cold <= 1.6x baseline, one
// changed schema < 10% of cold. Prints PASS/MISS; exits 1 only on a crash.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = join(root, 'fixtures', 'iglu-central', 'schemas');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const runs = Number(
  argv.find((arg) => arg.startsWith('--runs='))?.split('=')[1] ?? (quick ? 1 : 3),
);

if (!argv.includes('--no-build')) {
  // On Windows npx is a .cmd script, which Node only starts through a shell.
  const windows = process.platform === 'win32';
  const npx = windows ? 'npx.cmd' : 'npx';
  const build = spawnSync(
    npx,
    ['turbo', 'run', 'build', '--filter=@floe/codegen...', '--output-logs=errors-only'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: windows },
  );
  if (build.status !== 0) throw new Error('building @floe/iglu and @floe/codegen failed');
}

const { compile } = await import('json-schema-to-typescript');
const { generate, watchGenerate } = await import('@floe/codegen');

function schemaFiles(dir) {
  const files = [];
  const walk = (at) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (relative(dir, path).split('/')[2] === 'jsonschema') files.push(path);
    }
  };
  walk(dir);
  return files;
}

const cpuMs = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/**
 * Plain json-schema-to-typescript as a generator: read each schema, compile it with naive
 * name + version naming, write one file per schema (as Floe writes its modules).
 */
async function baseline(files, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const cpu = process.cpuUsage();
  const started = performance.now();
  let failed = 0;
  let bytes = 0;
  for (const file of files) {
    const [vendor, name, , version] = relative(corpus, file).split('/');
    try {
      const code = await compile(JSON.parse(readFileSync(file, 'utf8')), `${name}_${version}`, {
        bannerComment: '',
        format: false,
        $refOptions: { resolve: { http: false } },
      });
      mkdirSync(join(outDir, vendor, name), { recursive: true });
      writeFileSync(join(outDir, vendor, name, `${version}.ts`), code);
      bytes += code.length;
    } catch {
      failed += 1;
    }
  }
  return { ms: performance.now() - started, cpu: cpuMs(cpu), failed, bytes };
}

/** Floe: read the registry, check consistency, generate and write every module and index. */
async function floe(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await generate({
    schemasDir: corpus,
    outDir,
    rootDir: root,
    consistency: 'warning',
    config: { validators: false },
  });
  const bytes = [...result.files.values()].reduce((sum, code) => sum + code.length, 0);
  return { ms: performance.now() - started, cpu: cpuMs(cpu), failed: result.summary.failed, bytes };
}

async function incremental(work) {
  const schemasDir = join(work, 'schemas');
  cpSync(corpus, schemasDir, { recursive: true });
  let resolveRun;
  const watcher = watchGenerate({
    schemasDir,
    outDir: join(work, 'watch-out'),
    rootDir: work,
    consistency: 'warning',
    config: { validators: false },
    debounceMs: 20,
    onRun: (result, changed) => resolveRun?.({ result, changed }),
  });
  await watcher.ready;
  const targets = [
    'com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1',
    'com.google.analytics.measurement-protocol/item/jsonschema/1-0-0',
    'org.w3/PerformanceTiming/jsonschema/1-0-0',
  ].slice(0, quick ? 1 : 3);
  const samples = [];
  for (const target of targets) {
    const file = join(schemasDir, target);
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.description = `${schema.description ?? ''} (edited by the benchmark)`;
    const next = new Promise((done) => {
      resolveRun = done;
    });
    const cpu = process.cpuUsage();
    const started = performance.now();
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const { result, changed } = await next;
    samples.push({
      target,
      changed,
      written: result.summary.written,
      regenerateMs: result.summary.durationMs,
      latencyMs: performance.now() - started,
      cpu: cpuMs(cpu),
    });
  }
  watcher.close();
  return samples;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rate = (count, ms) => `${Math.round(count / (ms / 1000))}/s`;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

const files = schemaFiles(corpus);
const work = mkdtempSync(join(os.tmpdir(), 'floe-bench-codegen-'));
try {
  // Both tools spend most of their time in json-schema-to-typescript; warming it up on a few
  // schemas first keeps the baseline's first run from paying the JIT warm-up alone.
  await baseline(files.slice(0, 40), join(work, 'warm-up'));
  const base = [];
  const ours = [];
  for (let round = 0; round < runs; round += 1) {
    base.push(await baseline(files, join(work, 'baseline')));
    ours.push(await floe(join(work, 'out')));
  }
  const samples = await incremental(work);
  const pick = (list, key) => ({ cold: list[0][key], median: median(list.map((run) => run[key])) });
  const wall = { base: pick(base, 'ms'), ours: pick(ours, 'ms') };
  const cpu = { base: pick(base, 'cpu'), ours: pick(ours, 'cpu') };
  const regen = median(samples.map((sample) => sample.regenerateMs));
  const regenCpu = median(samples.map((sample) => sample.cpu));
  const latency = median(samples.map((sample) => sample.latencyMs));

  console.log(
    `codegen benchmark: ${files.length} schemas, ${runs} run(s) each, Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}\n`,
  );
  console.log(
    'Wall time is what a user waits; CPU time (user + system of this process) is steadier on a busy machine.\n',
  );
  console.log(
    '| tool | cold wall | median wall | cold CPU | median CPU | schemas/s (median wall) | failures | output |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  const row = (label, list, w, c) =>
    console.log(
      `| ${label} | ${fmt(w.cold)} | ${fmt(w.median)} | ${fmt(c.cold)} | ${fmt(c.median)} | ${rate(files.length, w.median)} | ${list[0].failed} | ${Math.round(list[0].bytes / 1024)} KiB |`,
    );
  row('json-schema-to-typescript 16 (baseline)', base, wall.base, cpu.base);
  row('@floe/codegen', ours, wall.ours, cpu.ours);
  console.log('');
  console.log(
    '| incremental (watch) | schema | files written | regenerate (wall) | CPU | latency from write |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const sample of samples) {
    console.log(
      `| one schema changed | ${sample.target} | ${sample.written} | ${sample.regenerateMs} ms | ${Math.round(sample.cpu)} ms | ${Math.round(sample.latencyMs)} ms |`,
    );
  }
  console.log('');
  console.log('| target | measured | ratio | limit | verdict |');
  console.log('|---|---|---|---|---|');
  const line = (label, a, b, limit, percent = false) => {
    const ratio = a / b;
    const shown = percent ? `${(ratio * 100).toFixed(1)}%` : `${ratio.toFixed(2)}x`;
    const bound = percent ? `< ${limit * 100}%` : `<= ${limit}x`;
    const ok = percent ? ratio < limit : ratio <= limit;
    console.log(`| ${label} | ${fmt(a)} / ${fmt(b)} | ${shown} | ${bound} | ${verdict(ok)} |`);
  };
  line('cold vs baseline cold (wall)', wall.ours.cold, wall.base.cold, 1.6);
  line('cold vs baseline cold (CPU)', cpu.ours.cold, cpu.base.cold, 1.6);
  line('median vs baseline median (wall)', wall.ours.median, wall.base.median, 1.6);
  line('median vs baseline median (CPU)', cpu.ours.median, cpu.base.median, 1.6);
  line('one changed schema vs cold (wall)', regen, wall.ours.cold, 0.1, true);
  line('one changed schema vs cold (CPU)', regenCpu, cpu.ours.cold, 0.1, true);
  console.log(
    `\n(latency from the file write to the finished run, 20 ms debounce included: ${Math.round(latency)} ms)`,
  );
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(
    join(root, 'bench-results', 'codegen.json'),
    `${JSON.stringify({ schemas: files.length, runs, baseline: base, floe: ours, incremental: samples }, null, 2)}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
