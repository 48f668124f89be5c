import {
  createTracker,
  type Emitter,
  type FlushResult,
  type TrackerOptions,
  trackStructEvent,
} from '@floe/core';
import { CORE_TV, createHarness } from './helpers/fixtures';
import { createTestSink } from './helpers/test-sink';

const valid = (): TrackerOptions => ({
  namespace: 'n',
  platform: 'srv',
  emitters: [createTestSink()],
});

describe('createTracker', () => {
  it.each<[string, Partial<Record<keyof TrackerOptions, unknown>>]>([
    ['no namespace', { namespace: undefined }],
    ['an empty namespace', { namespace: '' }],
    ['a namespace over 128 characters', { namespace: 'n'.repeat(129) }],
    ['no platform', { platform: undefined }],
    ['an unknown platform', { platform: 'desktop' }],
    ['no emitters', { emitters: [] }],
    ['an emitter without add', { emitters: [{ flush() {}, shutdown() {} }] }],
    ['an appId over 255 characters', { appId: 'a'.repeat(256) }],
    ['an invalid subject', { subject: { sessionId: 'x' } }],
    ['a global context with a bad URI', { globalContexts: [{ schema: 'x', data: {} }] }],
    ['emitters that are not a list', { emitters: createTestSink() }],
  ])('throws invalid_config for %s', (_, override) => {
    expect(() => createTracker({ ...valid(), ...override } as TrackerOptions)).toThrow(
      expect.objectContaining({ name: 'FloeError', code: 'invalid_config' }),
    );
  });

  // The type checker covers the other options; a wrong one is reported where it is used, never
  // lost silently and never a throw from track.
  it('reports an option of the wrong type when it is used', () => {
    const errors: unknown[] = [];
    const tracker = createTracker({
      ...valid(),
      onDrop: 'log' as never,
      onError: (error) => errors.push(error),
      clock: {} as never,
    });
    expect(() => trackStructEvent(tracker, { category: 'c', action: 'a' })).not.toThrow();
    expect(tracker.stats().dropped).toEqual({ invalid: 1 });
    expect(errors).toMatchObject([{ code: 'callback' }, { code: 'invalid_event' }]);
  });

  it('throws for missing options altogether', () => {
    expect(() => createTracker(undefined as never)).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
  });

  it('tv defaults to floe-core-<version of core>; an adapter sets its own tag', () => {
    expect(createTracker(valid()).trackerVersion).toBe(CORE_TV);
    expect(CORE_TV).toMatch(/^floe-core-\d+\.\d+\.\d+/);
    const node = createHarness({ adapter: { name: 'node', version: '1.4.0' } });
    trackStructEvent(node.tracker, { category: 'c', action: 'a' });
    expect(node.tracker.trackerVersion).toBe('floe-node-1.4.0');
    expect(node.payloads[0]!['tv']).toBe('floe-node-1.4.0');
  });

  it('uses crypto UUIDs v4 by default and the system clock', () => {
    const sink = createTestSink();
    const tracker = createTracker({ namespace: 'n', platform: 'srv', emitters: [sink] });
    const before = Date.now();
    const ids = [0, 1, 2].map(() => trackStructEvent(tracker, { category: 'c', action: 'a' }));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number(sink.payloads[0]!['dtm'])).toBeGreaterThanOrEqual(before);
    expect(Number(sink.payloads[0]!['dtm'])).toBeLessThanOrEqual(Date.now());
  });

  it('omits an empty appId', () => {
    const h = createHarness({ appId: '' });
    trackStructEvent(h.tracker, { category: 'c', action: 'a' });
    expect(h.payloads[0]).not.toHaveProperty('aid');
  });
});

describe('flush and shutdown', () => {
  const counting = (result: FlushResult): Emitter & { calls: string[] } => {
    const calls: string[] = [];
    return {
      calls,
      add: () => undefined,
      flush: async (options) => {
        calls.push(`flush ${options?.timeoutMs}`);
        return result;
      },
      shutdown: async (options) => {
        calls.push(`shutdown ${options?.timeoutMs}`);
        return result;
      },
    };
  };

  it('flush asks every emitter with the same deadline and adds up the counts', async () => {
    const a = counting({ delivered: 2, dropped: 1, pending: 0 });
    const b = counting({ delivered: 3, dropped: 0, pending: 4 });
    const tracker = createTracker({ namespace: 'n', platform: 'srv', emitters: [a, b] });
    await expect(tracker.flush({ timeoutMs: 50 })).resolves.toEqual({
      delivered: 5,
      dropped: 1,
      pending: 4,
    });
    expect([...a.calls, ...b.calls]).toEqual(['flush 50', 'flush 50']);
  });

  it('shutdown is idempotent: the emitters are shut down once', async () => {
    const a = counting({ delivered: 1, dropped: 0, pending: 0 });
    const tracker = createTracker({ namespace: 'n', platform: 'srv', emitters: [a] });
    const first = tracker.shutdown({ timeoutMs: 10 });
    const second = tracker.shutdown();
    expect(second).toBe(first);
    await expect(first).resolves.toEqual({ delivered: 1, dropped: 0, pending: 0 });
    expect(a.calls).toEqual(['shutdown 10']);
  });

  it('never rejects, even when an emitter breaks its contract; the fault is reported', async () => {
    const broken: Emitter = {
      add: () => undefined,
      flush: () => Promise.reject(new Error('flush bug')),
      shutdown: () => {
        throw new Error('sync shutdown bug');
      },
    };
    const good = counting({ delivered: 1, dropped: 0, pending: 0 });
    const errors: unknown[] = [];
    const tracker = createTracker({
      namespace: 'n',
      platform: 'srv',
      emitters: [broken, good],
      onError: (error) => errors.push(error),
    });
    await expect(tracker.flush()).resolves.toEqual({ delivered: 1, dropped: 0, pending: 0 });
    await expect(tracker.shutdown()).resolves.toEqual({ delivered: 1, dropped: 0, pending: 0 });
    expect(errors).toMatchObject([
      { code: 'callback', cause: { message: 'flush bug' } },
      { code: 'callback', cause: { message: 'sync shutdown bug' } },
    ]);
  });
});
