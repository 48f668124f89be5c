import type { CliIo } from './cli-io';
import type { FlagSpecs, FlagValues } from './parse-command-args';

/**
 * A `floe` subcommand: its flags and usage, read by the one parser in `runCli`, and what it does
 * with the parsed flags.
 */
export interface Command<S extends FlagSpecs = FlagSpecs> {
  /** The help text, printed for `--help` and after every usage error. */
  readonly usage: string;
  readonly flags: S;
  /** How many plain arguments it takes (`floe init <dir>`: 1); none when absent. */
  readonly positionals?: number;
  /**
   * Runs the command.
   *
   * @returns the exit code: 0 success, 1 failure, 2 usage or config error
   */
  run(values: FlagValues<S>, io: CliIo): Promise<number>;
}

/**
 * Declares a subcommand, keeping the types of its flags for `run`.
 *
 * @param command - flags, usage and `run`
 * @example
 * export const lint = defineCommand({ usage: LINT_USAGE, flags: { strict: { type: 'boolean' } }, run });
 */
export function defineCommand<S extends FlagSpecs>(command: Command<S>): Command<S> {
  return command;
}
