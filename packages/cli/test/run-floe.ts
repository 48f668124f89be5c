import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGES } from './ensure-built';

/** The committed `floe` executable, as npm links it. */
export const BIN = join(PACKAGES, 'cli', 'bin', 'floe.js');

const HOOKS = join(__dirname, 'fixtures', 'register-sqlite-hooks.mjs');

/** How better-sqlite3 behaves in the child: as installed, not installed, or never built. */
export type Sqlite = 'real' | 'missing' | 'unbuilt';

function nodeArgs(args: readonly string[], sqlite: Sqlite): string[] {
  return [...(sqlite === 'real' ? [] : ['--import', HOOKS]), BIN, ...args];
}

function env(sqlite: Sqlite): NodeJS.ProcessEnv {
  return { ...process.env, FLOE_TEST_SQLITE: sqlite };
}

/** Runs `floe …` to completion in a child process. */
export function floe(args: readonly string[], cwd: string, sqlite: Sqlite = 'real') {
  const result = spawnSync(process.execPath, nodeArgs(args, sqlite), {
    cwd,
    env: env(sqlite),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A `floe collector` child that has printed its banner; `stop` sends SIGTERM and waits. */
export interface RunningFloe {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly url: string;
  stop(): Promise<number | null>;
}

/**
 * Starts `floe collector …` and resolves once it listens, or rejects with its output when it
 * exits first.
 */
export function startFloe(
  args: readonly string[],
  cwd: string,
  sqlite: Sqlite = 'real',
): Promise<RunningFloe> {
  const child = spawn(process.execPath, nodeArgs(args, sqlite), { cwd, env: env(sqlite) });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += String(chunk)));
  child.stderr.on('data', (chunk) => (err += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    const check = () => {
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!out.includes('Press Ctrl+C') || !url) return;
      child.stdout.off('data', check);
      resolve({
        child,
        url,
        stdout: () => out,
        stderr: () => err,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', check);
    exited.then((code) => reject(new Error(`floe exited with ${code}\n${out}\n${err}`)));
  });
}
