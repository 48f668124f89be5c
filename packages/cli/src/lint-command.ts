import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io';
import { formatLintReport } from './format-report';
import { resolveSetup } from './resolve-config';
import { LINT_USAGE } from './usage';

/**
 * `floe lint [--schemas dir] [--config file] [--strict] [--skip-checks a,b] [--external]`.
 *
 * @param argv - the arguments after `lint`
 * @param io - streams and working directory
 * @returns 0 when clean enough, 1 on errors (any finding with `--strict`), 2 for bad arguments
 */
export async function lintCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      schemas: { type: 'string' },
      config: { type: 'string' },
      strict: { type: 'boolean' },
      'skip-checks': { type: 'string' },
      external: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(LINT_USAGE);
    return 0;
  }
  const setup = await resolveSetup(values, io.cwd);
  const { runLint } = await import('@floe/codegen');
  const skipChecks = (values['skip-checks'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const report = await runLint({
    schemasDir: setup.schemasDir,
    strict: values.strict === true,
    skipChecks,
    consistency: values.external ? 'warning' : 'error',
  });
  (report.exitCode === 0 ? io.stdout : io.stderr).write(formatLintReport(report, io.cwd));
  return report.exitCode;
}
