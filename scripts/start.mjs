#!/usr/bin/env node
// `npm start`: builds the demo and the packages it uses, starts the embedded collector, runs the
// demo app (examples/demo) against it, drives the @floe/browser demo page in headless Chromium
// when Chromium is installed, and prints a summary. With `--serve` the collector, its UI and the
// browser demo page keep running until Ctrl-C.
//
//   npm start                    run the demo once, exit 0 when it came out as designed
//   npm start -- --serve         ... then keep the collector and UI at /micro/ui running
//   npm start -- --port 0        use any free port instead of 9090
//   npm start -- --no-build      skip the build (the demo's dist/ must be current)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const usage = 'usage: npm start [-- --serve] [--port <n>] [--no-build]';

function parseArgs(argv) {
  const options = { serve: false, port: 9090, build: true };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--serve') options.serve = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`bad port: ${value}`);
      options.port = port;
    } else if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    } else throw new Error(`unknown option: ${arg}`);
  }
  return options;
}

function build() {
  process.stdout.write('Building the demo and the Floe packages it uses (turbo)… ');
  const started = Date.now();
  // turbo's bin is a Node script: running it with this Node works the same on every OS.
  const turbo = join(root, 'node_modules', 'turbo', 'bin', 'turbo');
  const result = spawnSync(
    process.execPath,
    [turbo, 'run', 'build', '--filter=@floe/example-demo...', '--output-logs=errors-only'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    },
  );
  if (result.status !== 0) {
    console.log('failed.');
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    if (result.error) console.error(result.error.message);
    process.exit(1);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
  if (options.build) build();
  const entry = join(root, 'examples', 'demo', 'dist', 'index.js');
  if (!existsSync(entry)) {
    console.error(`${entry} is missing: run without --no-build.`);
    process.exit(1);
  }
  const { startDemo } = await import(pathToFileURL(entry).href);
  const browser = await import(
    pathToFileURL(join(root, 'packages', 'browser', 'demo', 'run-browser-demo.mjs')).href
  );
  const demo = await startDemo({
    schemaDirs: [join(root, 'schemas')],
    port: options.port,
    serve: options.serve,
    browserDemo: (collectorUrl) => browser.runBrowserDemo({ collectorUrl }),
  });
  if (!options.serve) {
    process.exitCode = demo.exitCode;
    return;
  }
  const page = await browser.serveBrowserDemo({ collectorUrl: demo.collectorUrl });
  console.log(`\nServing ${demo.collectorUrl}/micro/ui — press Ctrl-C to stop.`);
  console.log(`The browser demo page: ${page.url} (click around and watch the UI fill).`);
  const stop = async () => {
    await page.close();
    await demo.close();
    process.exit(demo.exitCode);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
