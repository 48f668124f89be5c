// D11: self-describing data that fails its schema. The collector answers 200 and keeps a bad row
// with a readable error; the emitter counts the batch as delivered and does not retry it.
import type { DropReport } from '@floe/core';
import {
  type ComExampleCompanySaveGame_1_0_0,
  trackComExampleCompanySaveGame_1_0_0,
} from '@floe/events';
import { badRowErrors } from '@floe/example-demo';
import { createNodeTracker } from '@floe/node';
import {
  type CountingProxy,
  microAll,
  microBad,
  microGood,
  startCountingProxy,
  startTestCollector,
  type TestCollector,
  TP2_PATH,
} from '../src';

const SAVE_GAME_1_0_0 = 'iglu:com.example_company/save-game/jsonschema/1-0-0';

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

test('D11: schema-invalid data → 200, one bad row with a readable error, no retry', async () => {
  const drops: DropReport[] = [];
  const tracker = createNodeTracker({
    endpoint: proxy.url,
    namespace: 'integration',
    appId: 'd11',
    queue: 'memory',
    onDrop: (report) => drops.push(report),
  });
  // `level` must be an integer; the cast gets the wrong type past the compiler on purpose.
  const broken = {
    save_id: 'slot-9',
    level: 'seven',
  } as unknown as ComExampleCompanySaveGame_1_0_0;
  const invalidId = trackComExampleCompanySaveGame_1_0_0(tracker, broken);
  const validId = trackComExampleCompanySaveGame_1_0_0(tracker, { save_id: 'slot-1', level: 1 });

  const flushed = await tracker.flush();
  await tracker.shutdown();

  expect(flushed).toEqual({ delivered: 2, dropped: 0, pending: 0 });
  expect(drops).toEqual([]);
  // One POST, answered 200; nothing was sent again.
  expect(proxy.requests.map((r) => [r.method, r.path, r.status])).toEqual([
    ['POST', TP2_PATH, 200],
  ]);

  expect(await microAll(collector.url)).toEqual({ total: 2, good: 1, bad: 1 });
  const good = await microGood(collector.url, { schema: SAVE_GAME_1_0_0 });
  expect(good.map((event) => event.event.event_id)).toEqual([validId]);

  const [bad] = await microBad(collector.url);
  expect(bad?.rawEvent?.parameters.eid).toBe(invalidId);
  const errors = badRowErrors(bad!);
  expect(errors).toHaveLength(1);
  const [error] = errors;
  expect(error?.type).toBe('schema_violations');
  expect(error?.schemaKey).toBe(SAVE_GAME_1_0_0);
  expect(error?.path).toMatch(/level/);
  // Readable: it says what was expected and what was found.
  expect(error?.message).toMatch(/integer/);
  expect(error?.message).toMatch(/string/);
});
