import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { CodegenConfig } from '@floe/codegen';
import { CliUsageError } from './cli-usage-error';

/** The folders and config a command works with, all resolved. */
export interface ResolvedSetup {
  readonly config: CodegenConfig;
  /** Header paths and config paths are relative to this folder. */
  readonly rootDir: string;
  readonly schemasDir: string;
  readonly outDir: string;
  /** The config file relative to `rootDir`, when one was read. */
  readonly configLabel?: string;
}

/**
 * Loads the config (the named file, else `floe.config.json` in `cwd` when present) and resolves
 * the folders: flags win over the config, the config over the defaults. Config paths are
 * relative to the config file, flag paths to `cwd`. A schema folder that does not exist is a usage
 * error for every command: a typo must not look like an empty registry.
 *
 * @param flags - `--config`, `--schemas` and `--out` as given
 * @param cwd - the working directory
 * @throws CliUsageError when the schema folder does not exist
 */
export async function resolveSetup(
  flags: { config?: string; schemas?: string; out?: string },
  cwd: string,
): Promise<ResolvedSetup> {
  const { DEFAULT_OUT, loadCodegenConfig } = await import('@floe/codegen');
  const implicit = resolve(cwd, 'floe.config.json');
  const file = flags.config
    ? resolve(cwd, flags.config)
    : existsSync(implicit)
      ? implicit
      : undefined;
  const loaded = file ? await loadCodegenConfig(file) : undefined;
  const config = loaded?.config ?? {};
  const rootDir = loaded?.baseDir ?? cwd;
  const schemasDir = flags.schemas
    ? resolve(cwd, flags.schemas)
    : resolve(rootDir, config.schemas ?? 'schemas');
  if (!existsSync(schemasDir) || !statSync(schemasDir).isDirectory()) {
    const how = flags.schemas
      ? ''
      : ' (pass --schemas <dir>, or set "schemas" in floe.config.json)';
    throw new CliUsageError(
      'usage',
      `schema folder ${relative(cwd, schemasDir) || '.'} does not exist${how}`,
    );
  }
  return {
    config,
    rootDir,
    schemasDir,
    outDir: flags.out ? resolve(cwd, flags.out) : resolve(rootDir, config.out ?? DEFAULT_OUT),
    ...(loaded ? { configLabel: relative(rootDir, loaded.file) } : {}),
  };
}
