// Issue "Collector hardening": 12,000 `/micro/bad` filters with distinct limits grew the process
// by 84 MiB, because each limit was spliced into the SQL text and every text became a cached
// prepared statement. With the limit bound, memory stays flat. Measured in a child process.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

jest.setTimeout(180_000);

/**
 * The bound this test states: 12,000 distinct filters, after 1,000 to warm up, may add at most
 * 24 MiB of RSS (about 6-8 MiB here with the limit bound; about 105 MiB with it spliced).
 */
const MAX_GROWTH_BYTES = 24 * 1024 * 1024;

const packageRoot = join(__dirname, '..');
// Inside the package, so the bundle finds the package folder and its installed dependencies;
// node_modules/ is ignored by git.
const outDir = join(packageRoot, 'node_modules', '.cache', 'floe-collector-tests');

function bundleFixture(): string {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'filter-flood.cjs');
  buildSync({
    entryPoints: [join(__dirname, 'fixtures', 'filter-flood.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Native, and loaded lazily by the storage; the sibling packages resolve to their builds.
    external: ['better-sqlite3', '@floe/*'],
    logLevel: 'error',
  });
  return outfile;
}

type Sample = { t: string; rss: number; heapUsed: number; external: number; n?: number };

test('12,000 distinct /micro/bad filters leave memory flat (SQLite storage)', () => {
  const script = bundleFixture();
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', script, JSON.stringify({ warmup: 1000, flood: 12_000 })],
    { encoding: 'utf8', timeout: 170_000 },
  );
  const samples = output
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Sample);
  const before = samples.find((s) => s.t === 'before')!;
  const after = samples.find((s) => s.t === 'after')!;
  expect(samples.find((s) => s.t === 'bad')!.n).toBe(3);
  const growth = after.rss - before.rss;
  expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
  expect(after.heapUsed - before.heapUsed).toBeLessThan(8 * 1024 * 1024);
});
