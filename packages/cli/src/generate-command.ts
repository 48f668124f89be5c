import type { CliIo } from './cli-io';
import { CliUsageError } from './cli-usage-error';
import { defineCommand } from './command';
import { createProgress } from './create-progress';
import { formatGenerateReport } from './format-report';
import { resolveSetup } from './resolve-config';
import { untilStopped } from './until-stopped';
import { GENERATE_USAGE } from './usage';

const flags = {
  schemas: { type: 'string' },
  out: { type: 'string' },
  config: { type: 'string' },
  check: { type: 'boolean' },
  watch: { type: 'boolean' },
  external: { type: 'boolean' },
} as const;

// Shell-safe as typed: a value with anything but path characters goes in single quotes.
const quoted = (value: string) =>
  /^[\w./:@=+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * The command that regenerates with the user's own flags, for `--check`'s hint: what they typed,
 * less `--check`, so following the hint writes to the same place from the same schemas.
 */
function regenerateCommand(values: {
  schemas?: string;
  out?: string;
  config?: string;
  external?: boolean;
}): string {
  const parts = ['floe generate'];
  for (const name of ['schemas', 'out', 'config'] as const) {
    const value = values[name];
    if (value !== undefined) parts.push(`--${name} ${quoted(value)}`);
  }
  if (values.external) parts.push('--external');
  return parts.join(' ');
}

/**
 * `floe generate [--schemas dir] [--out dir] [--config file] [--check] [--watch] [--external]`.
 * Exits 0 when everything is generated (or, with `--check`, up to date); 1 on failures or stale
 * files; 2 for bad arguments or config. Progress goes to stderr when a run takes over a second.
 */
export const generateCommand = defineCommand({
  usage: GENERATE_USAGE,
  flags,
  async run(values, io: CliIo) {
    if (values.check && values.watch)
      throw new CliUsageError('usage', '--check and --watch cannot be combined');
    const setup = await resolveSetup(values, io.cwd);
    const { generate, watchGenerate } = await import('@floe/codegen');
    const check = values.check === true;
    const command = setup.config.command ?? regenerateCommand(values);
    const options = {
      schemasDir: setup.schemasDir,
      outDir: setup.outDir,
      config: setup.config,
      rootDir: setup.rootDir,
      ...(setup.configLabel ? { configLabel: setup.configLabel } : {}),
      ...(values.external ? { consistency: 'warning' as const } : {}),
    };
    const report = (result: Awaited<ReturnType<typeof generate>>) => {
      const text = formatGenerateReport(result, { check, command, cwd: io.cwd });
      (result.ok ? io.stdout : io.stderr).write(text);
    };
    if (!values.watch) {
      const progress = createProgress(io.stderr);
      const result = await generate({
        ...options,
        check,
        onProgress: ({ done, total }) =>
          progress.update(`floe generate: ${done}/${total} schemas…`),
      }).finally(() => progress.done());
      report(result);
      return result.ok ? 0 : 1;
    }
    const watcher = watchGenerate({
      ...options,
      onRun: (result, changed) => {
        if (changed.length > 0) io.stdout.write(`changed: ${changed.join(', ')}\n`);
        report(result);
      },
      onError: (error) => io.stderr.write(`floe generate --watch: ${(error as Error).message}\n`),
    });
    await watcher.ready;
    io.stdout.write(`watching ${setup.schemasDir} (Ctrl-C to stop)\n`);
    await untilStopped(io.signal);
    watcher.close();
    await watcher.idle();
    return 0;
  },
});
