import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io';
import { formatGenerateReport } from './format-report';
import { resolveSetup } from './resolve-config';
import { untilStopped } from './until-stopped';
import { GENERATE_USAGE } from './usage';

/**
 * `floe generate [--schemas dir] [--out dir] [--config file] [--check] [--watch] [--external]`.
 *
 * @param argv - the arguments after `generate`
 * @param io - streams and working directory
 * @returns 0 when everything is generated (or, with `--check`, up to date); 1 on failures or
 *   stale files; 2 for bad arguments or config
 */
export async function generateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      schemas: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
      check: { type: 'boolean' },
      watch: { type: 'boolean' },
      external: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(GENERATE_USAGE);
    return 0;
  }
  if (values.check && values.watch) {
    io.stderr.write('floe generate: --check and --watch cannot be combined\n');
    return 2;
  }
  const setup = await resolveSetup(values, io.cwd);
  const { generate, watchGenerate } = await import('@floe/codegen');
  const check = values.check === true;
  const command = setup.config.command ?? 'floe generate';
  const progress = io.stdout.isTTY
    ? ({ done, total }: { done: number; total: number }) => {
        if (done % 25 === 0 || done === total) io.stdout.write(`\rgenerating ${done}/${total}…`);
      }
    : undefined;
  const options = {
    schemasDir: setup.schemasDir,
    outDir: setup.outDir,
    config: setup.config,
    rootDir: setup.rootDir,
    ...(setup.configLabel ? { configLabel: setup.configLabel } : {}),
    ...(values.external ? { consistency: 'warning' as const } : {}),
    ...(progress ? { onProgress: progress } : {}),
  };
  const report = (result: Awaited<ReturnType<typeof generate>>) => {
    if (progress) io.stdout.write('\r\x1b[K');
    const text = formatGenerateReport(result, { check, command, cwd: io.cwd });
    (result.ok ? io.stdout : io.stderr).write(text);
  };
  if (!values.watch) {
    const result = await generate({ ...options, check });
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
}
