// Runs a bundled harness in a child process and reads the one JSON line it prints.
import { spawn } from 'node:child_process';
import type { ScenarioResult } from './scenario';

/** What a harness reports: the runtime it ran on and the scenario's result. */
export interface HarnessReport extends ScenarioResult {
  readonly runtime: string;
  readonly version: string;
}

/** Runs `binary args…`, failing with the child's stderr when it exits non-zero or prints no report. */
export function runHarness(binary: string, args: readonly string[]): Promise<HarnessReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((text) => text.startsWith('{"runtime"'));
      if (code !== 0 || line === undefined) {
        reject(new Error(`${binary} exited ${code}\nstdout: ${out}\nstderr: ${err}`));
      } else {
        resolve(JSON.parse(line) as HarnessReport);
      }
    });
  });
}
