import {
  type BrowserEnv,
  createTrackerScript,
  describeInChromium,
  goodOf,
  startBrowserEnv,
  waitFor,
} from './helpers/browser-env';

jest.setTimeout(60_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

const eidsOf = (appId: string) =>
  goodOf(env.collector, appId).map((event) => String(event.event.event_id));
const track = (n: number, action: string) =>
  `Array.from({ length: ${n} }, (_, i) => Floe.trackStructEvent(tracker, { category: 'q', action: '${action}', value: i }))`;

describeInChromium('the queue that survives the page', () => {
  test('offline: events wait without failing attempts, and go out on `online`', async () => {
    const { context, page } = await env.newContext();
    await page.goto(`${env.origin}/offline`);
    await context.setOffline(true);
    await page.evaluate(
      createTrackerScript(env.collector.url, {
        appId: 'offline',
        emitter: { maxAttempts: 1, onFailure: 'FAILURE' },
      }).replace('"FAILURE"', '() => { window.failures = (window.failures ?? 0) + 1 }'),
    );
    const sent = (await page.evaluate(track(5, 'offline'))) as string[];
    await page.waitForTimeout(1000);
    expect(eidsOf('offline')).toEqual([]);
    expect(await page.evaluate('window.failures ?? 0')).toBe(0);
    await context.setOffline(false);
    const delivered = await waitFor(() => {
      const eids = eidsOf('offline');
      return eids.length >= 5 && eids;
    });
    expect(new Set(delivered)).toEqual(new Set(sent));
    expect(await page.evaluate('tracker.flush()')).toMatchObject({ dropped: 0, pending: 0 });
  });

  test('reload mid-queue: held events are restored by the next page and delivered', async () => {
    const { page } = await env.newContext();
    await page.goto(`${env.origin}/held`);
    await page.evaluate(
      createTrackerScript(env.collector.url, { appId: 'held', consent: 'pending' }),
    );
    const sent = (await page.evaluate(track(5, 'held'))) as string[];
    await page.reload();
    await page.evaluate(createTrackerScript(env.collector.url, { appId: 'held' }));
    const delivered = await waitFor(() => {
      const eids = eidsOf('held');
      return eids.length >= 5 && eids;
    });
    expect(new Set(delivered)).toEqual(new Set(sent));
    await page.waitForTimeout(300);
    expect(eidsOf('held')).toHaveLength(5);
    // Every stored event was acknowledged: only the tab's claim key is left.
    expect(
      await page.evaluate(
        `Object.keys(localStorage).filter((k) => /^_floe_q\\.test\\.[0-9a-f]{8}\\./.test(k))`,
      ),
    ).toEqual([]);
  });

  test('reload with requests in flight: nothing is lost', async () => {
    const { page } = await env.newContext();
    await page.goto(`${env.origin}/reload`);
    // A collector that never answers keeps every request in flight.
    await page.evaluate(
      createTrackerScript('http://127.0.0.1:9', { appId: 'reload', emitter: { timeoutMs: 60000 } }),
    );
    const sent = (await page.evaluate(track(10, 'in-flight'))) as string[];
    await page.reload();
    await page.evaluate(createTrackerScript(env.collector.url, { appId: 'reload' }));
    const delivered = await waitFor(() => {
      const eids = eidsOf('reload');
      return eids.length >= 10 && eids;
    });
    expect(new Set(delivered)).toEqual(new Set(sent));
  });

  test('page hide: queued events leave with keepalive fetch within the 64 KiB budget; the rest wait for the next page', async () => {
    const { page } = await env.newContext();
    await page.goto(`${env.origin}/hide`);
    // Three trackers, each holding ~31 KB (under a batch's 40 KB, so nothing leaves yet): together
    // more than the page's 64 KiB keepalive budget, which Chromium's sendBeacon shares.
    const options = { appId: 'hide', emitter: { flushAt: 1000, flushIntervalMs: 0 } };
    const createAll = async (trackerOptions: Record<string, unknown>) => {
      for (const namespace of ['t0', 't1', 't2']) {
        await page.evaluate(
          createTrackerScript(env.collector.url, { ...trackerOptions, namespace }).replace(
            'window.tracker',
            `window.${namespace}`,
          ),
        );
      }
    };
    await createAll(options);
    const label = `'x'.repeat(4000)`;
    const sent = (await page.evaluate(
      `[t0, t1, t2].flatMap((t) => Array.from({ length: 6 }, () => Floe.trackStructEvent(t, { category: 'q', action: 'hide', label: ${label} })))`,
    )) as string[];
    await page.waitForTimeout(300);
    expect(eidsOf('hide')).toEqual([]);
    // Leaving for a page without a tracker: only the page-hide flush can deliver, with keepalive.
    await page.goto('about:blank');
    const atHide = await waitFor(() => {
      const eids = eidsOf('hide');
      return eids.length >= 12 && eids;
    });
    expect(atHide.every((eid) => sent.includes(eid))).toBe(true);
    // What did not fit is still stored and goes out when the user comes back.
    await page.goto(`${env.origin}/hide-again`);
    await createAll({ appId: 'hide' });
    const delivered = await waitFor(() => {
      const eids = new Set(eidsOf('hide'));
      return eids.size >= 18 && eids;
    });
    expect(delivered).toEqual(new Set(sent));
    expect(env.collector.bad()).toEqual([]);
  });

  test('caps: over maxQueueEvents the oldest waiting events are evicted and reported as queue_full', async () => {
    const { page } = await env.newContext();
    await page.goto(`${env.origin}/caps`);
    await page.evaluate(
      createTrackerScript(env.collector.url, {
        appId: 'caps',
        consent: 'pending',
        maxQueueEvents: 3,
        onDrop: 'ON_DROP',
      }).replace(
        '"ON_DROP"',
        '(report) => (window.drops ??= []).push(report.reason, ...report.eids)',
      ),
    );
    const sent = (await page.evaluate(track(5, 'caps'))) as string[];
    expect(await page.evaluate('window.drops')).toEqual([
      'queue_full',
      sent[0],
      'queue_full',
      sent[1],
    ]);
    expect(
      await page.evaluate(
        `Object.keys(localStorage).filter((k) => /^_floe_q\\.test\\.[0-9a-f]{8}\\./.test(k)).length`,
      ),
    ).toBe(3);
    await page.evaluate(`tracker.setConsent('granted')`);
    const delivered = await waitFor(() => {
      const eids = eidsOf('caps');
      return eids.length >= 3 && eids;
    });
    expect(new Set(delivered)).toEqual(new Set(sent.slice(2)));
  });

  test('a namespace that starts with another one keeps its queue: `web` never takes `web.shop`’s events', async () => {
    const { page } = await env.newContext();
    await page.goto(`${env.origin}/namespaces`);
    // `web.shop` holds its events (consent pending), so they stay stored under `_floe_q.web.shop.`.
    await page.evaluate(
      createTrackerScript(env.collector.url, {
        appId: 'ns-shop',
        namespace: 'web.shop',
        consent: 'pending',
      }).replace('window.tracker', 'window.shop'),
    );
    const held = (await page.evaluate(
      `Array.from({ length: 3 }, (_, i) => Floe.trackStructEvent(shop, { category: 'q', action: 'ns', value: i }))`,
    )) as string[];
    await page.evaluate(
      createTrackerScript(env.collector.url, { appId: 'ns-web', namespace: 'web' }),
    );
    // `web` looks for orphans a task after it starts: `_floe_q.web.` is a prefix of the shop's keys.
    await page.waitForTimeout(500);
    expect(eidsOf('ns-shop')).toEqual([]);
    expect(
      await page.evaluate(
        `Object.keys(localStorage).filter((k) => /^_floe_q\\.web\\.shop\\.[0-9a-f]{8}\\./.test(k)).length`,
      ),
    ).toBe(3);
    await page.evaluate(`shop.setConsent('granted')`);
    const delivered = await waitFor(() => {
      const eids = eidsOf('ns-shop');
      return eids.length >= 3 && eids;
    });
    expect(new Set(delivered)).toEqual(new Set(held));
  });

  test('two tabs: each sends its own events once; a closed tab’s queue is taken over, not duplicated', async () => {
    const { context, page: tabA } = await env.newContext();
    const tabB = await context.newPage();
    await tabA.goto(`${env.origin}/tab-a`);
    await tabB.goto(`${env.origin}/tab-b`);
    // Tab A holds its events (consent pending), so they stay in the shared storage.
    await tabA.evaluate(
      createTrackerScript(env.collector.url, { appId: 'tabs', consent: 'pending' }),
    );
    await tabB.evaluate(createTrackerScript(env.collector.url, { appId: 'tabs' }));
    const heldInA = (await tabA.evaluate(track(5, 'tab-a'))) as string[];
    const fromB = (await tabB.evaluate(track(5, 'tab-b'))) as string[];
    await waitFor(() => eidsOf('tabs').length >= 5);
    // While tab A is alive, tab B never sends A's events (B looks for orphans every ~3 s).
    await tabB.waitForTimeout(4000);
    expect(new Set(eidsOf('tabs'))).toEqual(new Set(fromB));

    await tabA.close();
    const delivered = await waitFor(() => {
      const eids = eidsOf('tabs');
      return eids.length >= 10 && eids;
    });
    await tabB.waitForTimeout(500);
    expect(eidsOf('tabs')).toHaveLength(10);
    expect(new Set(delivered)).toEqual(new Set([...heldInA, ...fromB]));
  });
});
