// The node disk queue end to end: events tracked while the collector is unreachable survive the
// tracker's shutdown on disk, and a new tracker on the same directory delivers them to the real
// collector, where they validate as good.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SendFailure, trackPageView, trackStructEvent } from '@floe/core';
import { createWebPage, trackComExampleCompanySaveGame_1_0_2 } from '@floe/events';
import { createNodeTracker } from '@floe/node';
import { microAll, microGood, startTestCollector, type TestCollector } from '../src';

let collector: TestCollector;
let dir: string;

beforeAll(async () => {
  collector = await startTestCollector();
  dir = mkdtempSync(join(tmpdir(), 'floe-integration-queue-'));
});
afterAll(async () => {
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A loopback URL nobody listens on: bind a port, then let it go. */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

test('disk queue → shutdown with the collector down → new tracker delivers everything good', async () => {
  const failures: SendFailure[] = [];
  const common = {
    namespace: 'integration',
    appId: 'durable',
    queue: 'disk' as const,
    queueDir: dir,
    exitHandlers: false,
  };
  const offline = createNodeTracker({
    ...common,
    endpoint: await refusedUrl(),
    onFailure: (failure: SendFailure) => failures.push(failure),
    backoff: { baseMs: 10, capMs: 50 },
    timeoutMs: 200,
  });
  const eids = [
    trackPageView(
      offline,
      { pageUrl: 'https://integration.example.com/offline' },
      { context: [createWebPage({ id: '2f5b6f7e-2a41-4bd4-9d0c-56c4f8f3a3b1' })] },
    ),
    trackStructEvent(offline, { category: 'queue', action: 'offline', value: 0 }),
    trackComExampleCompanySaveGame_1_0_2(offline, {
      save_id: 'offline-1',
      level: 12,
      difficultyLevel: 'EASY',
      dl_content: false,
    }),
  ];
  const first = await offline.shutdown({ timeoutMs: 300 });
  expect(first.delivered).toBe(0);
  expect(first.pending + first.dropped).toBe(3);
  expect(first.dropped).toBe(0);
  expect(readdirSync(dir).length).toBeGreaterThan(0);
  // The refused connections were reported, and each attempt was to be retried.
  expect(failures.length).toBeGreaterThan(0);
  expect(failures.every((failure) => failure.willRetry && failure.error !== undefined)).toBe(true);

  const online = createNodeTracker({ ...common, endpoint: collector.url });
  await online.flush();
  await online.shutdown();

  expect(await microAll(collector.url)).toEqual({ total: 3, good: 3, bad: 0 });
  const good = await microGood(collector.url);
  expect(good.map((event) => event.event.event_id).sort()).toEqual([...eids].sort());
  expect(good.every((event) => event.event.app_id === 'durable')).toBe(true);
});
