#!/usr/bin/env node
// The `floe` executable. This file is committed (not built) because npm links bins when it
// installs: a bin that points into dist/ does not exist yet after `npm ci` in a fresh clone, so
// npm would never create node_modules/.bin/floe. It only checks for the build and hands over.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('floe: @floe/cli is not built yet; run `npm run build` first\n');
  process.exit(1);
}
const { runCli } = await import(entry.href);
// Exit codes: 0 success, 1 failure, 2 usage or config error.
process.exitCode = await runCli(process.argv.slice(2));
