// D4: a string with a lone surrogate is repaired to U+FFFD by the emitter, in plain JSON and in
// base64, and the event validates as good in the embedded collector.
import { trackComExampleCompanySaveGame_1_0_0 } from '@floe/events';
import { createNodeTracker } from '@floe/node';
import { microAll, microGood, microReset, startTestCollector, type TestCollector } from '../src';

let collector: TestCollector;
const base = () => collector.url; // no trailing slash

beforeAll(async () => {
  collector = await startTestCollector();
});
afterAll(() => collector.close());
beforeEach(() => microReset(base()));

test.each([false, true])(
  'D4: lone surrogate with encodeBase64 %s lands good as U+FFFD',
  async (encodeBase64) => {
    const tracker = createNodeTracker({
      endpoint: collector.url,
      namespace: 'integration',
      appId: 'd4',
      queue: 'memory',
      encodeBase64,
    });
    const eid = trackComExampleCompanySaveGame_1_0_0(tracker, {
      save_id: 'slot-\uD800-x',
      level: 4,
    });
    expect(await tracker.flush()).toEqual({ delivered: 1, dropped: 0, pending: 0 });
    await tracker.shutdown();

    expect(await microAll(base())).toEqual({ total: 1, good: 1, bad: 0 });
    const [good] = await microGood(base());
    expect(good?.event.event_id).toBe(eid);
    expect(good?.rawEvent.parameters[encodeBase64 ? 'ue_px' : 'ue_pr']).toBeDefined();
    const unstruct = good?.event.unstruct_event as { data: { data: { save_id: string } } };
    expect(unstruct.data.data.save_id).toBe('slot-\uFFFD-x');
  },
);
