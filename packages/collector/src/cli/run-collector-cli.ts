import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CollectorError } from '../collector-error';
import { startCollector } from '../start-collector';
import { COLLECTOR_USAGE, parseCollectorCliArgs } from './parse-cli-args';

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

/**
 * Runs `floe collector`: parses the arguments, starts the collector (database file storage by
 * default, so events survive restarts), prints its URL and UI address, and runs until SIGINT or
 * SIGTERM. `@floe/cli` lazily imports this.
 *
 * @param argv - the arguments after `collector`, e.g. `['--port', '9090', '--schemas', 'schemas']`
 * @param io - output streams and an abort signal (tests)
 * @returns the process exit code: 0 after a clean stop, 2 for bad arguments, 1 when it cannot start
 * @example
 * process.exitCode = await runCollectorCli(process.argv.slice(3));
 */
export async function runCollectorCli(argv: string[], io: CollectorCliIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const cwd = io.cwd ?? process.cwd();
  let args: ReturnType<typeof parseCollectorCliArgs>;
  try {
    args = parseCollectorCliArgs(argv);
  } catch (error) {
    stderr.write(`floe collector: ${(error as Error).message}\n\n${COLLECTOR_USAGE}`);
    return 2;
  }
  if (args.help) {
    stdout.write(COLLECTOR_USAGE);
    return 0;
  }
  const defaultSchemas = resolve(cwd, 'schemas');
  const schemaDirs =
    args.schemaDirs.length > 0
      ? args.schemaDirs.map((dir) => resolve(cwd, dir))
      : existsSync(defaultSchemas)
        ? [defaultSchemas]
        : [];
  for (const dir of schemaDirs) {
    if (!existsSync(dir))
      stderr.write(`floe collector: warning: schema folder ${dir} does not exist\n`);
  }
  const db = args.db === null ? null : resolve(cwd, args.db);
  try {
    const collector = await startCollector({
      port: args.port,
      host: args.host,
      schemaDirs,
      storage: db === null ? 'memory' : { file: db },
      onWarning: (message) => stderr.write(`floe collector: warning: ${message}\n`),
    });
    if (args.host !== undefined && !LOOPBACK.test(args.host)) {
      stderr.write(
        `floe collector: warning: listening on ${args.host}; other machines can send events\n`,
      );
    }
    stdout.write(
      `Floe local collector listening on ${collector.url}\n` +
        `  Web UI:   ${collector.uiUrl}\n` +
        `  API:      ${collector.url}/micro/all, /micro/good, /micro/bad, /micro/reset\n` +
        `  Storage:  ${db ?? 'memory (lost on exit)'}\n` +
        `  Schemas:  ${[...schemaDirs, '(bundled standard schemas)'].join(', ')}\n` +
        'Press Ctrl+C to stop.\n',
    );
    const reason = await waitForStop(io.signal);
    await collector.close();
    stdout.write(`Collector stopped (${reason}).\n`);
    return 0;
  } catch (error) {
    const message = error instanceof CollectorError ? error.message : String(error);
    stderr.write(`floe collector: ${message}\n`);
    return 1;
  }
}
