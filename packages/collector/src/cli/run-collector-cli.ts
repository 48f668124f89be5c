import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CollectorError } from '../collector-error';
import { startCollector } from '../start-collector';
import { loadSqliteDriver } from '../storage/load-sqlite-driver';
import { addFloeDirToGitignore, isGitIgnored } from './gitignore-floe-dir';
import { COLLECTOR_USAGE, type CollectorCliArgs } from './parse-cli-args';

/** Where the CLI writes and what stops it; tests replace them. */
export interface CollectorCliIo {
  readonly stdout?: { write(text: string): unknown };
  readonly stderr?: { write(text: string): unknown };
  /** Stops the collector like SIGINT does. */
  readonly signal?: AbortSignal;
  /** The folder relative paths are resolved from. Default `process.cwd()`. */
  readonly cwd?: string;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

function waitForStop(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolveStop) => {
    const stop = (reason: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      signal?.removeEventListener('abort', onAbort);
      resolveStop(reason);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    const onAbort = () => stop('abort');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    if (signal?.aborted) stop('abort');
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function schemaFolders(args: CollectorCliArgs, cwd: string): string[] {
  if (args.schemaDirs.length === 0) {
    const fallback = resolve(cwd, 'schemas');
    return existsSync(fallback) ? [fallback] : [];
  }
  return args.schemaDirs.map((dir) => {
    const path = resolve(cwd, dir);
    // A typo must not start a collector that marks every event of the user's schemas bad.
    if (!existsSync(path) || !statSync(path).isDirectory())
      throw new CollectorError('invalid_option', `schema folder ${dir} does not exist`);
    return path;
  });
}

/** `--specs`, which must exist; else `specs` beside the first schema folder, when present. */
function specsFolder(args: CollectorCliArgs, cwd: string, schemaDirs: readonly string[]) {
  if (args.specsDir !== undefined) {
    const path = resolve(cwd, args.specsDir);
    if (!existsSync(path) || !statSync(path).isDirectory())
      throw new CollectorError('invalid_option', `specs folder ${args.specsDir} does not exist`);
    return path;
  }
  const first = schemaDirs[0] ?? resolve(cwd, 'schemas');
  const beside = join(dirname(first), 'specs');
  return existsSync(beside) && statSync(beside).isDirectory() ? beside : undefined;
}

/**
 * The storage the CLI runs on. The default database file needs better-sqlite3, an optional
 * dependency; when it cannot load, the default falls back to memory with a one-line warning
 * (decision: a collector that starts beats one that refuses), while an explicit `--db` fails,
 * since its user asked for events that outlive the process.
 */
async function chooseStorage(
  args: CollectorCliArgs,
  cwd: string,
  warn: (message: string) => void,
): Promise<string | null> {
  if (args.db === null) return null;
  try {
    await loadSqliteDriver();
    return resolve(cwd, args.db);
  } catch (error) {
    if (!CollectorError.isInstance(error) || error.code !== 'storage_unavailable') throw error;
    if (args.dbExplicit) {
      const fix =
        'install it (npm install better-sqlite3; npm rebuild better-sqlite3 if its build was ' +
        'skipped) or use --memory';
      const message = `--db ${args.db}: ${error.message}; ${fix}`;
      throw new CollectorError('storage_unavailable', message, { cause: error });
    }
    warn(`${error.message}; keeping events in memory (pass --memory to say so)`);
    return null;
  }
}

function portInUse(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return CollectorError.isInstance(error) && cause?.code === 'EADDRINUSE';
}

/**
 * Runs `floe collector` with arguments `@floe/cli` has parsed: starts the collector (database
 * file storage by default, so events survive restarts; memory when better-sqlite3 cannot load),
 * prints its URL and UI address, and runs until SIGINT, SIGTERM or the abort signal.
 *
 * @param args - from `parseCollectorCliArgs`
 * @param io - output streams, working directory and an abort signal (tests)
 * @returns 0 after a clean stop
 * @throws CollectorError `invalid_option` for a schema folder that does not exist (a usage
 *   error), `listen_failed` (`port N is in use; try --port 0`), `storage_unavailable` or
 *   `storage_failed` when it cannot start
 * @example
 * process.exitCode = await runCollectorCli(parseCollectorCliArgs({ port: '0', memory: true }));
 */
export async function runCollectorCli(
  args: CollectorCliArgs,
  io: CollectorCliIo = {},
): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const cwd = io.cwd ?? process.cwd();
  if (args.help) {
    stdout.write(COLLECTOR_USAGE);
    return 0;
  }
  const warn = (message: string) => stderr.write(`floe collector: warning: ${message}\n`);
  const schemaDirs = schemaFolders(args, cwd);
  const specsDir = specsFolder(args, cwd, schemaDirs);
  const db = await chooseStorage(args, cwd, warn);
  const createsFolder = db !== null && !existsSync(dirname(db));
  let collector: Awaited<ReturnType<typeof startCollector>>;
  try {
    collector = await startCollector({
      port: args.port,
      host: args.host,
      schemaDirs,
      ...(specsDir ? { specsDir } : {}),
      storage: db === null ? 'memory' : { file: db },
      onWarning: warn,
    });
  } catch (error) {
    if (!portInUse(error)) throw error;
    const port = args.port ?? 9090;
    throw new CollectorError('listen_failed', `port ${port} is in use; try --port 0`, {
      cause: error,
    });
  }
  // Listen for the stop before the banner: whoever waits for the banner may stop us at once.
  const stopped = waitForStop(io.signal);
  if (args.host !== undefined && !LOOPBACK.test(args.host))
    warn(`listening on ${args.host}; other machines can send events`);
  if (args.gitignore) {
    const outcome = addFloeDirToGitignore(cwd);
    const done =
      outcome === 'added' ? 'added .floe/ to .gitignore' : '.floe/ is already ignored by git';
    stderr.write(`floe collector: ${done}\n`);
  } else if (createsFolder && db !== null && isGitIgnored(db, cwd) === false) {
    const folder = `${relative(cwd, dirname(db)) || '.'}/`;
    stderr.write(
      `floe collector: hint: ${folder} holds the event database and is not in .gitignore; ` +
        'add it, or run once with --gitignore\n',
    );
  }
  stdout.write(
    `Floe local collector listening on ${collector.url}\n` +
      `  Web UI:   ${collector.uiUrl}\n` +
      `  API:      ${collector.url}/micro/all, /micro/good, /micro/bad, /micro/reset\n` +
      `  Storage:  ${db ?? 'memory (lost on exit)'}\n` +
      `  Schemas:  ${[...schemaDirs, '(bundled standard schemas)'].join(', ')}\n` +
      (specsDir ? `  Specs:    ${specsDir} (${collector.specs.count} loaded)\n` : '') +
      'Press Ctrl+C to stop.\n',
  );
  const reason = await stopped;
  await collector.close();
  stdout.write(`Collector stopped (${reason}).\n`);
  return 0;
}
