import { parseArgs } from 'node:util';
import { CliUsageError } from './cli-usage-error';
import { suggestion } from './did-you-mean';

/** One `--flag` of a command: a switch, or a flag that takes a value (repeatable if `multiple`). */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
}

/** A command's flags by long name, without the dashes. */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

type FlagValue<F extends FlagSpec> = F['type'] extends 'string'
  ? F['multiple'] extends true
    ? string[]
    : string
  : boolean;

/**
 * The parsed flags: each one present only when given; `help` for `-h`/`--help`; `positionals`
 * for the plain arguments of a command that takes some (`floe init <dir>`).
 */
export type FlagValues<S extends FlagSpecs> = {
  readonly [K in keyof S]?: FlagValue<S[K]>;
} & { readonly help?: boolean; readonly positionals?: readonly string[] };

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * The one argument parser of the `floe` command: every subcommand's flags go through here, so
 * they all accept `--flag value` and `--flag=value`, and all fail the same way. It wraps
 * `node:util` `parseArgs` (in its lenient mode, so that this function, not Node's message text,
 * decides what an error says) and adds a "did you mean" to unknown flags.
 *
 * @param flags - the command's flags (`-h`/`--help` is added)
 * @param argv - the arguments after the command name
 * @param maxPositionals - how many plain arguments the command takes (default none)
 * @throws CliUsageError for an unknown flag, a stray argument, a missing or unexpected value
 * @example
 * parseCommandArgs({ schemas: { type: 'string' } }, ['--schemas', 'schemas']); // { schemas: 'schemas' }
 */
export function parseCommandArgs<S extends FlagSpecs>(
  flags: S,
  argv: readonly string[],
  maxPositionals = 0,
): FlagValues<S> {
  const options = { ...flags, ...HELP };
  const names = Object.keys(options).map((name) => `--${name}`);
  const { values, tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional' && positionals.length < maxPositionals) {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'positional') {
      const hint = suggestion(`--${token.value}`, names);
      throw new CliUsageError('usage', `unexpected argument "${token.value}"${hint}`);
    }
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) {
      const hint = suggestion(token.rawName, names);
      throw new CliUsageError('usage', `unknown option ${token.rawName}${hint}`);
    }
    if (spec.type === 'boolean' && token.inlineValue) {
      throw new CliUsageError('usage', `${token.rawName} takes no value`);
    }
    // Lenient parseArgs takes the next argument even when it is a flag (`--out --check`).
    const missing =
      token.value === undefined ||
      token.value === '' ||
      (!token.inlineValue && token.value.startsWith('-'));
    if (spec.type === 'string' && missing) {
      throw new CliUsageError('usage', `${token.rawName} needs a value`);
    }
  }
  return (positionals.length > 0 ? { ...values, positionals } : values) as FlagValues<S>;
}
