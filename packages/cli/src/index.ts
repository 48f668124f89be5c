export type { CliIo } from './cli-io';
export { runCli } from './run-cli';
export { CLI_VERSION } from './version';
