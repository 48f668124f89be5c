import type { CliIo } from './cli-io';

/**
 * `floe collector [...]`: hands the arguments to `@floe/collector`'s own CLI, imported only
 * now, so `floe generate` and `floe --help` never load the collector or its database driver.
 *
 * @param argv - the arguments after `collector`
 * @param io - streams, working directory and stop signal
 * @returns the collector's exit code
 */
export async function collectorCommand(argv: string[], io: CliIo): Promise<number> {
  const { runCollectorCli } = await import('@floe/collector');
  return runCollectorCli(argv, {
    stdout: io.stdout,
    stderr: io.stderr,
    cwd: io.cwd,
    ...(io.signal ? { signal: io.signal } : {}),
  });
}
