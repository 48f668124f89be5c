import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../src';
import { userEnv } from './user-env';

/** The walk-through the end-to-end test follows, so the page and the test cannot drift apart. */
export const GETTING_STARTED = readFileSync(join(repoRoot, 'docs', 'getting-started.md'), 'utf8');

/**
 * The body of the fenced block whose info string carries `title="…"`, e.g.
 * ```` ```ts title="src/app.ts" ````.
 *
 * @param title - the block's title
 */
export function docBlock(title: string): string {
  const fence = new RegExp(
    `^\`\`\`\\w* title="${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\n([\\s\\S]*?)^\`\`\`$`,
    'm',
  );
  const match = GETTING_STARTED.match(fence);
  if (!match) throw new Error(`docs/getting-started.md has no block titled "${title}"`);
  return match[1]!;
}

/** Writes a file of the app, creating its folders. */
export function writeAppFile(appDir: string, path: string, text: string): void {
  mkdirSync(dirname(join(appDir, path)), { recursive: true });
  writeFileSync(join(appDir, path), text);
}

/**
 * Runs one command of the walk-through in the app, as a user types it, and returns its output.
 * A failure throws with the command's stdout and stderr, so the test names what went wrong.
 *
 * @param appDir - the app's folder
 * @param command - e.g. `npx -p @floe/cli floe generate --schemas schemas --out src/tracking`
 * @param env - extra environment variables
 */
export function runInApp(appDir: string, command: string, env?: Record<string, string>): string {
  const [file, ...args] = command.split(' ');
  try {
    return execFileSync(file!, args, {
      cwd: appDir,
      env: userEnv(env),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command}\` failed in ${appDir}:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

/** A collector started by the `floe` command in its own process group. */
export interface CollectorProcess {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

/**
 * Starts `floe collector` with a command of the walk-through and waits for the line it prints
 * with its address (`Floe local collector listening on http://127.0.0.1:PORT`).
 *
 * @param appDir - the app's folder (the collector reads its `schemas/`)
 * @param command - e.g. `npx -p @floe/cli floe collector --memory --schemas schemas --port 0`
 */
export function startCollectorProcess(appDir: string, command: string): Promise<CollectorProcess> {
  const [file, ...args] = command.split(' ');
  // Its own process group, so stopping it also stops the node process npx started under it.
  const child: ChildProcess = spawn(file!, args, {
    cwd: appDir,
    env: userEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // The group is gone already: the collector exited on its own.
    }
    await exited;
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/listening on (http:\/\/\S+)/)?.[1];
      if (url) resolve({ url, stop });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`\`${command}\` exited ${code}:\n${output}`)));
    child.once('error', reject);
  });
}
