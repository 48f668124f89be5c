#!/usr/bin/env node
// Side-by-side benchmark: Floe's Node tracker vs @snowplow/node-tracker 4.8.0 (anchors.md §2).
//
//   node scripts/bench/node-tracker.mjs [--quick] [--runs=3] [--n=100000] [--only=a,b] [--no-build]
//                                       [--no-latency]
//   node scripts/bench/node-tracker.mjs --profile --only=floe/default/structured/base64-default
//
// `--only` keeps the scenarios whose id (tracker/config/kind/base64-x) contains one of the parts.
// `--profile` runs the selected scenarios once under `node --cpu-prof` and prints where the self
// time went (profiles kept in bench-results/profiles/) instead of the tables.
// The latency scenarios (node/latency.mjs: the sink answers after 5, 20 and 100 ms) run once each
// after the loopback rounds' first run; `--no-latency` leaves them out, `--only=latency` keeps
// only them.
// `--floe-options='{"flushAt":500}'` merges extra options into every createNodeTracker call, for
// experiments; the report says so, and such a run is not a measurement of Floe's defaults.
//
// Builds @floe/node and its dependencies, starts the sink in its own process, runs every scenario
// in a fresh Node process (rounds: run 1 of every scenario, then run 2…, so machine noise spreads
// over all rows), prints one table per event kind and the targets, and writes
// bench-results/node-tracker.json. Exits 1 only when something crashed; missed targets are
// printed as MISS, not turned into a failure.
import { execFileSync, fork, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotFloe } from './node/floe-snapshot.mjs';
import { isLatency, latencyReport, latencyScenarios } from './node/latency.mjs';
import { buildMatrix } from './node/matrix.mjs';
import { formatProfile, summarizeProfile } from './node/profile-summary.mjs';
import {
  baselineTable,
  ceilingTable,
  configNotes,
  kindTables,
  targetTables,
} from './node/report.mjs';
import { resetSink, sinkStats } from './node/sink-client.mjs';
import { summarize } from './node/summarize.mjs';
import { judgeTargets } from './node/targets.mjs';
import { measureWireCeiling } from './node/wire-ceiling.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const SCENARIO_TIMEOUT_MS = 300_000;

function parseArgs(argv) {
  const flag = (name) => argv.includes(`--${name}`);
  const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const quick = flag('quick');
  return {
    quick,
    n: Number(value('n') ?? (quick ? 20_000 : 100_000)),
    runs: Number(value('runs') ?? (quick ? 1 : 3)),
    only: value('only'),
    build: !flag('no-build'),
    profile: flag('profile'),
    floeOptions: JSON.parse(argv.find((a) => a.startsWith('--floe-options='))?.slice(15) ?? '{}'),
    latency: !flag('no-latency'),
  };
}

const log = (message) => process.stderr.write(`[bench:node] ${message}\n`);

function buildFloe() {
  log('building @floe/node and its dependencies (turbo)…');
  execFileSync(
    'npx',
    ['turbo', 'run', 'build', '--filter=@floe/node...', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

function startSink() {
  return new Promise((resolvePort, reject) => {
    const sink = fork(join(here, 'node/sink.mjs'), [], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    sink.once('message', ({ port }) => resolvePort({ sink, port }));
    sink.once('error', reject);
    sink.once('exit', (code) => reject(new Error(`sink exited early (${code})`)));
  });
}

/** The error line of a crashed scenario's stderr (not the stack frames under it). */
function errorSummary(stderr) {
  const lines = stderr.trim().split('\n');
  const error = lines.find((l) => /\b\w*Error\b|^node:|Cannot /.test(l) && !/^\s+at /.test(l));
  return (error ?? lines.at(-1) ?? '').trim() || 'no result';
}

/** Runs one scenario in a fresh process; resolves to its result or throws with its stderr. */
function runScenario(scenario, execArgv = []) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      [...execArgv, join(here, 'node/scenario.mjs'), JSON.stringify(scenario)],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), SCENARIO_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolveRun(JSON.parse(line.slice('RESULT '.length)));
      else reject(new Error(`exit ${code ?? signal}: ${errorSummary(err)}`));
    });
  });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    totalMemGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAvgAtStart: os.loadavg().map((v) => Number(v.toFixed(2))),
  };
}

/** Runs one scenario once against a freshly reset sink; a crash is recorded, not thrown. */
async function runOnce(result, { label, n, port, execArgv, floeDir, floeOptions }) {
  const { scenario } = result;
  const tmpDir =
    scenario.config === 'disk' ? mkdtempSync(join(os.tmpdir(), 'floe-bench-')) : undefined;
  try {
    await resetSink(port, scenario.sinkDelayMs ?? 0);
    const started = Date.now();
    const outcome = await runScenario(
      { ...scenario, n, port, tmpDir, floeDir, floeOptions },
      execArgv,
    );
    result.runs.push(outcome);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`${label}: ${outcome.delivered} delivered, ${seconds} s`);
  } catch (error) {
    result.errors.push(error.message);
    log(`${label}: FAILED ${error.message}`);
  } finally {
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  }
}

/** `--profile`: each selected scenario once under --cpu-prof, then where its self time went. */
async function profileScenarios(results, options, port) {
  for (const result of results) {
    const dir = join(root, 'bench-results/profiles', result.scenario.id.replaceAll('/', '_'));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const execArgv = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
    await runOnce(result, {
      label: `profile ${result.scenario.id}`,
      n: options.n,
      port,
      execArgv,
      floeDir: options.floeDir,
      floeOptions: options.floeOptions,
    });
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) continue;
    const run = result.runs[0];
    const profile = join(dir, file);
    const parts = [`\n### Profile: ${result.scenario.id} (N = ${options.n})\n`];
    if (run) {
      parts.push(
        `loop ${Math.round(run.loopMs)} ms, ${run.perCallUs.toFixed(2)} µs/call, total ` +
          `${Math.round(run.totalMs)} ms, ${run.delivered} delivered, peak RSS ${run.peakRssMb.toFixed(1)} MB\n`,
        '#### The track() loop only\n',
        formatProfile(summarizeProfile(profile, { root, window: run.loopWindowUs })),
        '\n#### The whole process\n',
      );
    }
    parts.push(formatProfile(summarizeProfile(profile, { root })), `\nProfile: ${profile}\n`);
    process.stdout.write(`${parts.join('\n')}\n`);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const scenarios = [
    ...buildMatrix({ only: options.only }),
    ...(options.latency ? latencyScenarios({ only: options.only }) : []),
  ];
  const needsFloe = scenarios.some((s) => s.tracker === 'floe');
  if (needsFloe && options.build) buildFloe();
  const floe = needsFloe
    ? snapshotFloe(root, join(root, 'bench-results/floe-snapshot'))
    : undefined;

  const info = {
    date: new Date().toISOString(),
    machine: machine(),
    node: process.version,
    command: `node scripts/bench/node-tracker.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    n: options.n,
    runs: options.runs,
    floe: floe && {
      commit: floe.commit,
      uncommittedSources: floe.dirty,
      extraOptions: options.floeOptions,
    },
  };
  const results = scenarios.map((scenario) => ({ scenario, runs: [], errors: [] }));
  const ceilings = [];
  const { sink, port } = await startSink();
  try {
    if (options.profile) {
      await profileScenarios(results, { ...options, floeDir: floe?.dir }, port);
      return;
    }
    log(`${scenarios.length} scenarios × ${options.runs} run(s), N = ${options.n}`);
    // Rounds (run 1 of every scenario, then run 2…) spread the machine's noise over all rows.
    for (let run = 1; run <= options.runs; run += 1) {
      for (const [index, result] of results.entries()) {
        // A latency row runs once: its Snowplow side alone takes minutes at 100 ms.
        if (run > 1 && isLatency(result)) continue;
        const label = `run ${run}/${options.runs} [${index + 1}/${results.length}] ${result.scenario.id}`;
        await runOnce(result, {
          label,
          n: options.n,
          port,
          execArgv: [],
          floeDir: floe?.dir,
          floeOptions: options.floeOptions,
        });
      }
    }
    if (floe) await measureCeilings(results, ceilings, { ...options, floeDir: floe.dir }, port);
  } finally {
    sink.kill('SIGTERM');
    const crashed = results.filter((r) => r.errors.length > 0);
    if (crashed.length > 0) {
      log(`${crashed.length} scenario(s) crashed: ${crashed.map((r) => r.scenario.id).join(', ')}`);
      process.exitCode = 1;
    }
  }

  for (const result of results) result.summary = summarize(result.runs);
  const loopback = results.filter((r) => !isLatency(r));
  const latency = latencyReport(results.filter(isLatency));
  const targets = judgeTargets(loopback, options.n);
  info.machine.loadAvgAtEnd = os.loadavg().map((v) => Number(v.toFixed(2)));
  printReport(info, loopback, targets, ceilings, latency);
  writeJson(info, { results, ceilings }, [...targets, ...latency.targets]);
}

/** The delivery ceiling of every event kind and base64 setting Floe ran with (wire-ceiling.mjs). */
async function measureCeilings(results, ceilings, options, port) {
  const pairs = new Map();
  for (const { scenario } of results) {
    if (scenario.tracker !== 'floe' || scenario.sinkDelayMs) continue;
    const base64 = scenario.base64 === 'on' ? 'on' : 'off';
    pairs.set(`${scenario.kind}/${base64}`, { kind: scenario.kind, base64 });
  }
  for (const { kind, base64 } of pairs.values()) {
    const ceiling = await measureWireCeiling({
      floeDir: options.floeDir,
      port,
      kind,
      base64,
      n: options.n,
      runs: options.runs,
      resetSink,
      readSink: sinkStats,
    });
    ceilings.push({ kind, base64, ...ceiling });
    const best = Math.min(...ceiling.runs.map((run) => run.ms));
    log(
      `ceiling ${kind}/base64-${base64}: ${ceiling.requests} requests, best ${Math.round(best)} ms`,
    );
  }
}

function floeBuildLine(floe) {
  if (!floe) return 'Floe: not run.';
  const dirty = floe.uncommittedSources.length;
  const extra = dirty
    ? ` plus ${dirty} uncommitted source file(s) in packages/core and packages/node`
    : '';
  const overrides = Object.keys(floe.extraOptions).length
    ? ` EXPERIMENT: every Floe tracker ran with ${JSON.stringify(floe.extraOptions)} on top of its defaults.`
    : '';
  return `Floe: @floe/core + @floe/node built from commit ${floe.commit}${extra}.${overrides}`;
}

function printReport(info, results, targets, ceilings, latency) {
  const { machine: m } = info;
  const lines = [
    '## Node tracker: Floe vs @snowplow/node-tracker 4.8.0',
    '',
    `${info.date} · ${m.cpus} × ${m.model} · ${m.totalMemGb} GB · ${m.platform} · Node ${info.node}`,
    `N = ${info.n.toLocaleString('en-US')} events per run, ${info.runs} run(s) per scenario; cells are median [min–max].`,
    `Load average at start ${m.loadAvgAtStart.join(' / ')}, at end ${m.loadAvgAtEnd.join(' / ')}.`,
    `Command: \`${info.command}\``,
    floeBuildLine(info.floe),
    '',
    configNotes(),
    '',
    baselineTable(results),
    '',
    kindTables(results),
    '### Delivery ceiling',
    '',
    'Prebuilt bodies of the same Floe events (≤ 40,000 B, one request in flight, one keep-alive',
    "connection) sent back to back to the same sink with Node's own client (`node:http`): how fast",
    'the wire and the sink take them under the reliability rules here if track() cost nothing, for a',
    "tracker on that client. Floe's transport is undici, a client of the same kind.",
    '',
    ceilingTable(ceilings, results),
    '',
    '### Targets (RATIOS)',
    '',
    targetTables(targets),
    '',
  ];
  if (latency.targets.length > 0) {
    lines.push(
      '### Latency: the sink answers after a delay (one run each, structured events)',
      '',
      latency.text,
      '',
    );
  }
  if (info.n !== 100_000) {
    lines.push(
      `The targets are defined for N = 100,000; at N = ${info.n.toLocaleString('en-US')} the verdicts are a smoke check only (peak RSS in particular is dominated by Node's own baseline).`,
      '',
    );
  }
  const count = (verdict) => targets.filter((t) => t.verdict === verdict).length;
  lines.push(
    `Targets met: ${count('PASS')}, missed: ${count('MISS')}, not judged (n/a): ${count('n/a')}; reported for information: ${count('INFO')}.`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

function writeJson(info, { results, ceilings }, targets) {
  const dir = join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  // An experiment (extra Floe options) never overwrites the record of Floe's defaults.
  const experiment = Object.keys(info.floe?.extraOptions ?? {}).length > 0;
  const file = join(dir, experiment ? 'node-tracker-experiment.json' : 'node-tracker.json');
  writeFileSync(file, `${JSON.stringify({ ...info, results, ceilings, targets }, null, 2)}\n`);
  log(`results written to ${file}`);
}

main().catch((error) => {
  console.error(error?.stack ?? String(error));
  process.exit(1);
});
