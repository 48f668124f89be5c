#!/usr/bin/env node
// `npm run bench`: runs every scripts/bench/*.mjs in sorted order, each in its own process, passing
// the arguments through (`npm run bench -- --quick`). Each bench prints its own tables; this runner
// adds a summary. It exits non-zero only when a bench crashes (non-zero exit or signal): a missed
// target is printed as MISS by the bench and counted here, never hidden and never a failure.
// Never part of `npm test` (decisions.md 26).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const args = process.argv.slice(2);

/** Runs one bench, echoing its output and counting the PASS / MISS verdicts it prints. */
function runBench(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(benchDir, file), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      text += chunk;
    });
    const finish = (code, signal, error) => {
      resolve({
        file,
        code,
        signal,
        error,
        seconds: (Date.now() - started) / 1000,
        pass: (text.match(/\bPASS\b/g) ?? []).length,
        miss: (text.match(/\bMISS\b/g) ?? []).length,
      });
    };
    child.on('error', (error) => finish(null, null, error.message));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

async function main() {
  const files = readdirSync(benchDir)
    .filter((name) => name.endsWith('.mjs'))
    .sort();
  if (files.length === 0) {
    console.log('bench: no benchmarks found in scripts/bench/');
    return;
  }
  const outcomes = [];
  for (const file of files) {
    console.log(`\n=== bench: ${file} ${args.join(' ')} ===\n`);
    outcomes.push(await runBench(file));
  }

  console.log('\n=== bench summary ===\n');
  for (const o of outcomes) {
    const crashed = o.code !== 0;
    const status = crashed ? `CRASHED (${o.error ?? o.signal ?? `exit ${o.code}`})` : 'ok';
    const verdicts = o.pass + o.miss > 0 ? `, targets: ${o.pass} PASS, ${o.miss} MISS` : '';
    console.log(`${o.file}: ${status} in ${o.seconds.toFixed(1)} s${verdicts}`);
  }
  const misses = outcomes.reduce((sum, o) => sum + o.miss, 0);
  if (misses > 0) console.log(`\n${misses} target(s) missed: see MISS in the tables above.`);
  const crashes = outcomes.filter((o) => o.code !== 0);
  if (crashes.length > 0) {
    console.log(`${crashes.length} bench(es) crashed.`);
    process.exitCode = 1;
  }
}

main();
