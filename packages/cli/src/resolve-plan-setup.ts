import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type ResolvedSetup, resolveSetup } from './resolve-config';

/** A tracking plan's folders and the package that publishes it. */
export interface PlanSetup extends ResolvedSetup {
  readonly specsDir: string;
  /** The config file, when one was read (its aliases at a git ref count too). */
  readonly configFile?: string;
  /** The package.json beside the config (or in the working directory), when there is one. */
  readonly packageJson?: { readonly name?: string; readonly version?: string };
}

/**
 * {@link resolveSetup} plus what `release-plan` and `docs` need: the specs folder (`--specs`,
 * else the config's `specs`, else `specs/` beside the schema folder) and the package.json of the
 * SDK package, which sits beside its `floe.config.json`.
 *
 * @param flags - `--config`, `--schemas` and `--specs` as given
 * @param cwd - the working directory
 */
export async function resolvePlanSetup(
  flags: { config?: string; schemas?: string; specs?: string },
  cwd: string,
): Promise<PlanSetup> {
  const setup = await resolveSetup(flags, cwd);
  // `specs` joins the config with the event specifications; read it without depending on that.
  const configured = (setup.config as { specs?: unknown }).specs;
  const specsDir = flags.specs
    ? resolve(cwd, flags.specs)
    : typeof configured === 'string'
      ? resolve(setup.rootDir, configured)
      : join(dirname(setup.schemasDir), 'specs');
  const manifest = join(setup.rootDir, 'package.json');
  const packageJson = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : undefined;
  return {
    ...setup,
    specsDir,
    ...(setup.configLabel ? { configFile: join(setup.rootDir, setup.configLabel) } : {}),
    ...(packageJson ? { packageJson } : {}),
  };
}
