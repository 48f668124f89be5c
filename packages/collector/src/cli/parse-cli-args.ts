import { CollectorError } from '../collector-error';

/** The `floe collector` arguments, parsed. */
export interface CollectorCliArgs {
  readonly help: boolean;
  readonly port?: number;
  readonly host?: string;
  readonly schemaDirs: readonly string[];
  /** The database file, or `null` for memory storage. */
  readonly db: string | null;
}

/** The default database file of the CLI, relative to the working directory. */
export const DEFAULT_DB_FILE = '.floe/collector.db';

/** Usage text of `floe collector`. */
export const COLLECTOR_USAGE = `Usage: floe collector [options]

Runs the Floe local collector: a Snowplow-compatible endpoint that validates events against
your schemas, with a Micro-compatible API and a web UI at /micro/ui.

Options:
  --port <n>       port to listen on (default 9090; 0 picks a free one)
  --host <addr>    interface to listen on (default 127.0.0.1, loopback only)
  --schemas <dir>  an Iglu schema folder; repeat for several (default ./schemas if present)
  --db <file>      database file, kept across restarts (default ${DEFAULT_DB_FILE})
  --memory         keep events in memory only
  -h, --help       show this help
`;

function fail(message: string): never {
  throw new CollectorError('invalid_option', message);
}

/**
 * Parses `floe collector` arguments (`--flag value` or `--flag=value`).
 *
 * @param argv - the arguments after `collector`
 * @throws CollectorError (`invalid_option`) naming the bad argument
 */
export function parseCollectorCliArgs(argv: readonly string[]): CollectorCliArgs {
  let help = false;
  let port: number | undefined;
  let host: string | undefined;
  let db: string | null = DEFAULT_DB_FILE;
  let dbGiven = false;
  let memory = false;
  const schemaDirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const next = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (next === undefined || next === '') fail(`${flag} needs a value`);
      return next;
    };
    if (flag === '-h' || flag === '--help') help = true;
    else if (flag === '--port') {
      const text = value();
      port = Number(text);
      if (!/^\d+$/.test(text) || port > 65_535)
        fail(`--port must be an integer from 0 to 65535, got ${text}`);
    } else if (flag === '--host') host = value();
    else if (flag === '--schemas') schemaDirs.push(value());
    else if (flag === '--db') {
      db = value();
      dbGiven = true;
    } else if (flag === '--memory') memory = true;
    else fail(`unknown argument ${arg}`);
  }
  if (memory && dbGiven) fail('--memory and --db cannot be combined');
  return { help, port, host, schemaDirs, db: memory ? null : db };
}
