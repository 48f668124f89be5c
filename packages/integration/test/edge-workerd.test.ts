// @floe/edge in real workerd (through miniflare 4, installed by scripts/ensure-runtimes.mjs): a
// Worker answers at once and its events, sent inside waitUntil, land good in the embedded collector
// with the request's subject.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot, startTestCollector, type TestCollector } from '../src';

const prefix = join(repoRoot, '.floe', 'runtimes', 'miniflare');
const installed = existsSync(join(prefix, 'node_modules', 'miniflare', 'package.json'));
const missing =
  'workerd is not installed: run `node scripts/ensure-runtimes.mjs` (npm test does), which installs miniflare 4 from npm.';

let collector: TestCollector;

beforeAll(async () => {
  collector = await startTestCollector();
});
afterAll(() => collector?.close());

async function goodEvents(): Promise<Record<string, string>[]> {
  const response = await fetch(`${collector.url}/micro/good`);
  const items = (await response.json()) as { rawEvent: { parameters: Record<string, string> } }[];
  return items.map((item) => item.rawEvent.parameters);
}

it('a Worker answers first, then delivers its events through waitUntil', async () => {
  if (!installed) {
    if (process.env.CI === 'true') throw new Error(missing);
    console.warn(`edge: skipping the workerd test: ${missing}`);
    return;
  }
  const outfile = join(repoRoot, '.floe', 'edge-test', 'worker.mjs');
  await build({
    entryPoints: [join(__dirname, 'fixtures', 'edge-worker.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['worker', 'browser'],
    logLevel: 'error',
  });
  const page = `https://shop.example.com/?collector=${encodeURIComponent(collector.url)}`;
  const init = {
    headers: {
      'cf-connecting-ip': '198.51.100.7',
      'user-agent': 'Mozilla/5.0 (worker test)',
      'accept-language': 'fr-CH,fr;q=0.8',
      referer: 'https://example.com/',
    },
  };
  // miniflare runs in a child process of its own, so workerd lives exactly as long as the run.
  const runner = join(__dirname, '..', 'conformance', 'run-in-workerd.cjs');
  const answer = execFileSync(
    process.execPath,
    [runner, prefix, outfile, page, JSON.stringify(init)],
    {
      encoding: 'utf8',
    },
  );
  {
    expect(answer).toBe('answered before delivery');
    let events: Record<string, string>[] = [];
    for (let i = 0; i < 100 && events.length < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      events = await goodEvents();
    }
    expect(events.map((e) => e.e).sort()).toEqual(['pv', 'se', 'ue']);
    for (const e of events) {
      expect(e).toMatchObject({
        aid: 'edge-test',
        ip: '198.51.100.7',
        ua: 'Mozilla/5.0 (worker test)',
        lang: 'fr-CH',
        refr: 'https://example.com/',
        p: 'srv',
      });
      expect(e.tv).toMatch(/^floe-edge-/);
    }
    const bad = (await (await fetch(`${collector.url}/micro/bad`)).json()) as unknown[];
    expect(bad).toEqual([]);
  }
});
