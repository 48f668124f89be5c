import { COLLECTOR_USAGE, parseCollectorCliArgs, runCollectorCli } from '@floe/collector';
import type { CliIo } from './cli-io';
import { defineCommand } from './command';

const flags = {
  port: { type: 'string' },
  host: { type: 'string' },
  schemas: { type: 'string', multiple: true },
  specs: { type: 'string' },
  db: { type: 'string' },
  memory: { type: 'boolean' },
  gitignore: { type: 'boolean' },
} as const;

/**
 * `floe collector [...]`: flags parsed like every other command's, then handed to
 * `@floe/collector`. This module (and so the collector) is imported only for this command, and the
 * collector loads its database driver only when it opens a database file, so `floe generate` and
 * `floe --help` never load either.
 */
export const collectorCommand = defineCommand({
  usage: COLLECTOR_USAGE,
  flags,
  async run(values, io: CliIo) {
    return runCollectorCli(parseCollectorCliArgs(values), {
      stdout: io.stdout,
      stderr: io.stderr,
      cwd: io.cwd,
      ...(io.signal ? { signal: io.signal } : {}),
    });
  },
});
