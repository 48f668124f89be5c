import { CollectorError } from '../collector-error';

/** The `floe collector` arguments, interpreted. */
export interface CollectorCliArgs {
  readonly help: boolean;
  readonly port?: number;
  readonly host?: string;
  readonly schemaDirs: readonly string[];
  /** `--specs`: the event specifications folder (default: `specs` beside the schema folder). */
  readonly specsDir?: string;
  /** The database file, or `null` for memory storage. */
  readonly db: string | null;
  /** Whether `--db` was given: then a database that cannot open is an error, not a fallback. */
  readonly dbExplicit: boolean;
  /** `--gitignore`: add `.floe/` to the working directory's `.gitignore`. */
  readonly gitignore: boolean;
}

/** The flags of `floe collector` as the `floe` command's parser returns them. */
export interface CollectorCliFlags {
  readonly help?: boolean;
  readonly port?: string;
  readonly host?: string;
  readonly schemas?: readonly string[];
  readonly specs?: string;
  readonly db?: string;
  readonly memory?: boolean;
  readonly gitignore?: boolean;
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
  --specs <dir>    event specifications to flag good events against (default: specs/ beside
                   the schema folder, if present)
  --db <file>      database file, kept across restarts (default ${DEFAULT_DB_FILE}); needs the
                   optional better-sqlite3: without it the default falls back to memory
  --memory         keep events in memory only
  --gitignore      add .floe/ to ./.gitignore, so the database stays out of git
  -h, --help       show this help
`;

function fail(message: string): never {
  throw new CollectorError('invalid_option', message);
}

/**
 * Interprets the `floe collector` flags, which `@floe/cli`'s one argument parser has already
 * split (unknown flags and missing values are its errors): checks the port, the storage choice
 * and the values.
 *
 * @param flags - the parsed flags
 * @throws CollectorError (`invalid_option`) naming the bad flag
 * @example
 * parseCollectorCliArgs({ port: '0', memory: true }); // { port: 0, db: null, … }
 */
export function parseCollectorCliArgs(flags: CollectorCliFlags): CollectorCliArgs {
  let port: number | undefined;
  if (flags.port !== undefined) {
    port = Number(flags.port);
    if (!/^\d+$/.test(flags.port) || port > 65_535)
      fail(`--port must be an integer from 0 to 65535, got ${flags.port}`);
  }
  for (const [name, value] of [
    ['--host', flags.host],
    ['--db', flags.db],
    ['--specs', flags.specs],
    ...(flags.schemas ?? []).map((dir) => ['--schemas', dir] as const),
  ] as const) {
    if (value === '') fail(`${name} needs a value`);
  }
  if (flags.memory && flags.db !== undefined) fail('--memory and --db cannot be combined');
  return {
    help: flags.help === true,
    ...(port !== undefined ? { port } : {}),
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    schemaDirs: [...(flags.schemas ?? [])],
    ...(flags.specs !== undefined ? { specsDir: flags.specs } : {}),
    db: flags.memory ? null : (flags.db ?? DEFAULT_DB_FILE),
    dbExplicit: flags.db !== undefined,
    gitignore: flags.gitignore === true,
  };
}
