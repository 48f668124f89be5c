import { readFileSync } from 'node:fs';
import { type CliIo, processIo } from './cli-io';
import type { Command } from './command';
import { suggestion } from './did-you-mean';
import { locateJsonError } from './json-line-column';
import { parseCommandArgs } from './parse-command-args';
import { MAIN_USAGE } from './usage';
import { CLI_VERSION } from './version';

// Each command module is imported on use, so `floe --help` loads nothing else.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  generate: async () => (await import('./generate-command')).generateCommand as Command,
  lint: async () => (await import('./lint-command')).lintCommand as Command,
  collector: async () => (await import('./collector-command')).collectorCommand as Command,
  init: async () => (await import('./init-command')).initCommand as Command,
  'release-plan': async () =>
    (await import('./release-plan-command')).releasePlanCommand as Command,
  docs: async () => (await import('./docs-command')).docsCommand as Command,
};

/** Errors about what was typed (exit 2, with usage), as opposed to failures of the work (exit 1). */
const USAGE_CODES = new Set(['usage', 'invalid_config', 'invalid_option']);

const isUsageError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && USAGE_CODES.has(code);
};

const readText = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

// A broken config file is pointed at by line and column, like a broken schema.
const messageOf = (error: unknown): string =>
  locateJsonError(error instanceof Error ? error.message : String(error), readText);

/**
 * Runs the `floe` command: `generate`, `lint`, `collector`, `init`, `release-plan` or `docs`, plus
 * `--help` and `--version`.
 * Every command's flags go through one parser, and every error is printed the same way,
 * never thrown: `floe <command>: <message>`, then the command's usage when the command line
 * was at fault (exit 2); unknown commands and flags get a "did you mean".
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
  const load = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!load) {
    const hint = suggestion(first, [...Object.keys(COMMANDS), '--help', '--version']);
    const what = first.startsWith('-') ? 'option' : 'command';
    io.stderr.write(`floe: unknown ${what} "${first}"${hint}\n\n${MAIN_USAGE}`);
    return 2;
  }
  let command: Command | undefined;
  try {
    command = await load();
    const values = parseCommandArgs(command.flags, rest, command.positionals);
    if (values.help) {
      io.stdout.write(command.usage);
      return 0;
    }
    return await command.run(values, io);
  } catch (error) {
    const usage = isUsageError(error) && command ? `\n${command.usage}` : '';
    io.stderr.write(`floe ${first}: ${messageOf(error)}\n${usage}`);
    return isUsageError(error) ? 2 : 1;
  }
}
