import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** One JSON line a fixture printed. */
export type FixtureMessage = { t: string } & Record<string, unknown>;

/** A running fixture process. */
export interface FixtureRun {
  readonly child: ChildProcess;
  readonly messages: FixtureMessage[];
  /** Resolves with the first message (already seen or future) that matches. */
  waitFor(match: (m: FixtureMessage) => boolean, timeoutMs?: number): Promise<FixtureMessage>;
  /** Resolves when the process has exited, with its code, signal and run time. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  /** Every event the fixture reported as queued, with its payload (no `stm`). */
  tracked(): Record<string, string>[];
  /** Their eids. */
  trackedEids(): string[];
  readonly stderr: () => string;
}

/**
 * Starts `test/fixtures/<script>` in a fresh `node` with `config` as JSON in argv[2].
 *
 * @param script - the fixture file name.
 * @param config - what the fixture should do.
 * @param nodeFlags - flags for `node` itself, e.g. `--expose-gc`.
 */
export function runFixture(
  script: string,
  config: Record<string, unknown>,
  nodeFlags: readonly string[] = [],
): FixtureRun {
  const started = performance.now();
  const args = [...nodeFlags, join(__dirname, '../fixtures', script), JSON.stringify(config)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const messages: FixtureMessage[] = [];
  const waiters: { match: (m: FixtureMessage) => boolean; resolve: (m: FixtureMessage) => void }[] =
    [];
  let buffered = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
      if (!line.trim()) continue;
      const message = JSON.parse(line) as FixtureMessage;
      messages.push(message);
      for (const w of [...waiters]) {
        if (w.match(message)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(message);
        }
      }
    }
  });
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>(
    (resolve) =>
      child.on('exit', (code, signal) =>
        resolve({ code, signal, ms: performance.now() - started }),
      ),
  );
  return {
    child,
    messages,
    exited,
    stderr: () => stderr,
    tracked: () =>
      messages
        .filter((m) => m.t === 'tracked')
        .flatMap((m) => m.events as Record<string, string>[]),
    trackedEids: () =>
      messages
        .filter((m) => m.t === 'tracked')
        .flatMap((m) => (m.events as Record<string, string>[]).map((e) => e.eid!)),
    waitFor(match, timeoutMs = 15_000) {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `fixture ${script}: no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages).slice(0, 2000)}; stderr ${stderr}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
        void exited.then(() =>
          setTimeout(() => {
            clearTimeout(timer);
            reject(
              new Error(`fixture ${script} exited before a matching message; stderr: ${stderr}`),
            );
          }, 50),
        );
      });
    },
  };
}

/** Runs a fixture to completion. */
export async function runToExit(
  script: string,
  config: Record<string, unknown>,
  nodeFlags: readonly string[] = [],
) {
  const run = runFixture(script, config, nodeFlags);
  const exit = await run.exited;
  return { ...run, exit };
}
