#!/usr/bin/env node
import { runCli } from './run-cli';

// The `floe` executable. Exit codes: 0 success, 1 failure, 2 usage or config error.
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
