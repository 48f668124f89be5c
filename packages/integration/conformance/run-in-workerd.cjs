// Runs a Worker module in workerd through miniflare and prints the response body, in a child
// process of its own so workerd's lifetime is this script's.
// Usage: node run-in-workerd.cjs <miniflare prefix> <worker.mjs> <url> <request init as JSON>
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');

const [prefix, scriptPath, url, init] = process.argv.slice(2);
const { Miniflare } = createRequire(join(prefix, 'package.json'))('miniflare');

(async () => {
  // workerd names modules relative to the modules root and refuses paths that climb out of it.
  const mf = new Miniflare({
    modules: true,
    modulesRoot: dirname(scriptPath),
    scriptPath,
    compatibilityDate: '2025-09-01',
  });
  try {
    const response = await mf.dispatchFetch(url, JSON.parse(init));
    process.stdout.write(await response.text());
  } finally {
    await mf.dispose();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
