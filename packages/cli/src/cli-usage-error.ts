import { FloeError } from '@floe/core';

/**
 * A command line the `floe` command cannot run: an unknown command or flag, a missing value, a
 * folder that does not exist. The command prints the message and its usage and exits 2.
 *
 * @example
 * throw new CliUsageError('usage', 'unknown option --schema; did you mean --schemas?');
 */
export class CliUsageError extends FloeError<'usage'> {
  override readonly name: string = 'CliUsageError';
}
