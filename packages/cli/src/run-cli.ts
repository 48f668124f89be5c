import { type CliIo, processIo } from './cli-io';
import { MAIN_USAGE } from './usage';
import { CLI_VERSION } from './version';

type Command = (argv: string[], io: CliIo) => Promise<number>;

// Each command module is imported on use, so `floe --help` loads nothing else.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  generate: async () => (await import('./generate-command')).generateCommand,
  lint: async () => (await import('./lint-command')).lintCommand,
  collector: async () => (await import('./collector-command')).collectorCommand,
};

const isUsageError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) ||
    code === 'invalid_config' ||
    code === 'invalid_option'
  );
};

/**
 * Runs the `floe` command: `generate`, `lint` or `collector`, plus `--help` and `--version`.
 * Errors are printed, never thrown.
 *
 * @param argv - the arguments after the program name
 * @param io - streams and working directory (default: the process's)
 * @returns the exit code: 0 success, 1 failure, 2 usage or config error
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    (first === undefined ? io.stderr : io.stdout).write(MAIN_USAGE);
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${CLI_VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[first];
  if (!load) {
    io.stderr.write(`floe: unknown command "${first}"\n\n${MAIN_USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`floe ${first}: ${message}\n`);
    return isUsageError(error) ? 2 : 1;
  }
}
