// D1 and the tracker half of D2 against the real collector: an event above maxPostBytes travels
// alone and lands good; events above the 1,000,000 B cap are dropped at track() as `too_large`
// and never reach the collector.
import type { DropReport, FloeError } from '@floe/core';
import { trackTiming } from '@floe/events';
import { createNodeTracker } from '@floe/node';
import {
  type CountingProxy,
  microAll,
  microGood,
  startCountingProxy,
  startTestCollector,
  type TestCollector,
} from '../src';

let collector: TestCollector;
let proxy: CountingProxy;

beforeAll(async () => {
  collector = await startTestCollector();
  proxy = await startCountingProxy(collector.url);
});
afterAll(async () => {
  await proxy.close();
  await collector.close();
});

test('D1 + D2: 60 KB goes alone and lands good; 1,048,577 B and 2,097,153 B are dropped at track()', async () => {
  const drops: DropReport[] = [];
  const errors: FloeError[] = [];
  const tracker = createNodeTracker({
    endpoint: proxy.url,
    namespace: 'integration',
    appId: 'oversize',
    queue: 'memory',
    exitHandlers: false,
    onDrop: (report) => drops.push(report),
    onError: (error) => errors.push(error),
  });
  const timing = (label: string) =>
    trackTiming(tracker, { category: 'c', variable: 'v', timing: 1, label });
  const small = [timing('a'), timing('b')];
  const big = timing('x'.repeat(60_000));
  const tooLarge = [timing('y'.repeat(1_048_577)), timing('z'.repeat(2_097_153))];

  const flushed = await tracker.flush();
  await tracker.shutdown();

  expect(drops.map((drop) => [drop.reason, drop.eids])).toEqual([
    ['too_large', [tooLarge[0]]],
    ['too_large', [tooLarge[1]]],
  ]);
  expect(errors.map((error) => [error.name, (error as { code?: string }).code])).toEqual([
    ['FloeError', 'too_large'],
    ['FloeError', 'too_large'],
  ]);
  expect(flushed.delivered).toBe(3);
  // Every body within the 40,000 B cap unless it carries the one big event alone.
  expect(proxy.requests.length).toBe(2);
  for (const request of proxy.requests) {
    expect(request.status).toBe(200);
    expect(request.contentType).toBe('application/json; charset=UTF-8');
  }
  expect(proxy.requests.filter((request) => request.bytes > 40_000)).toHaveLength(1);

  expect(await microAll(collector.url)).toEqual({ total: 3, good: 3, bad: 0 });
  const good = await microGood(collector.url);
  expect(good.map((event) => event.event.event_id).sort()).toEqual([...small, big].sort());
});
