import { resolve } from 'node:path';
import type { CliIo } from './cli-io';
import { CliUsageError } from './cli-usage-error';
import { defineCommand } from './command';
import { createProgress } from './create-progress';
import { suggestion } from './did-you-mean';
import { formatLintReport, type LintLevel } from './format-report';
import { resolveSetup } from './resolve-config';
import { LINT_USAGE } from './usage';

const LEVELS: Readonly<Record<string, LintLevel>> = {
  info: 'info',
  warn: 'warning',
  warning: 'warning',
  error: 'error',
};

function parseLevel(text: string | undefined, strict: boolean): LintLevel {
  // With --strict every finding fails the run, so every finding is shown unless asked otherwise.
  if (text === undefined) return strict ? 'info' : 'warning';
  const level = LEVELS[text];
  if (!level) {
    const hint = suggestion(text, ['info', 'warn', 'error']);
    throw new CliUsageError('usage', `--level must be info, warn or error, got "${text}"${hint}`);
  }
  return level;
}

const flags = {
  schemas: { type: 'string' },
  config: { type: 'string' },
  strict: { type: 'boolean' },
  level: { type: 'string' },
  'skip-checks': { type: 'string' },
  external: { type: 'boolean' },
} as const;

/**
 * `floe lint [--schemas dir] [--config file] [--strict] [--level info|warn|error]
 * [--skip-checks a,b] [--external]`. Exits 0 when clean enough, 1 on errors (any finding with
 * `--strict`), 2 for bad arguments. `--level` only filters what is printed, never the exit code.
 */
export const lintCommand = defineCommand({
  usage: LINT_USAGE,
  flags,
  async run(values, io: CliIo) {
    const strict = values.strict === true;
    const level = parseLevel(values.level, strict);
    const setup = await resolveSetup(values, io.cwd);
    const { runLint } = await import('@floe/codegen');
    const skipChecks = (values['skip-checks'] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const progress = createProgress(io.stderr);
    progress.update(`floe lint: checking schemas in ${setup.schemasDir}…`);
    const report = await runLint({
      schemasDir: setup.schemasDir,
      strict,
      skipChecks,
      consistency: values.external ? 'warning' : 'error',
      // The config's `specs` folder, relative to the config file; else specs/ beside the schemas.
      ...(setup.config.specs ? { specsDir: resolve(setup.rootDir, setup.config.specs) } : {}),
    }).finally(() => progress.done());
    const text = formatLintReport(report, { cwd: io.cwd, level, strict });
    (report.exitCode === 0 ? io.stdout : io.stderr).write(text);
    return report.exitCode;
  },
});
