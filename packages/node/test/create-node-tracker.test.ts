import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL } from 'node:url';
import {
  type DropReport,
  type Tracker,
  trackSelfDescribingEvent,
  trackStructEvent,
} from '@floe/core';
import { createRequestContext, withRequestSubject } from '../src/context/request-context';
import { createNodeTracker } from '../src/tracker/create-node-tracker';
import { type Loopback, startLoopback } from './helpers/loopback';
import { tempDir } from './helpers/temp-dir';
import { allEvents } from './helpers/tp2';

const version = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')).version;

let server: Loopback;
const trackers: Tracker[] = [];
const cleanups: (() => void)[] = [];

function tracker(options: Partial<Parameters<typeof createNodeTracker>[0]> = {}): Tracker {
  const t = createNodeTracker({
    endpoint: server.url,
    namespace: 'test',
    exitHandlers: false,
    flushIntervalMs: 0,
    ...options,
  });
  trackers.push(t);
  return t;
}

beforeEach(async () => {
  server = await startLoopback();
});
afterEach(async () => {
  for (const t of trackers.splice(0)) await t.shutdown({ timeoutMs: 500 });
  await server.close();
  for (const c of cleanups.splice(0)) c();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createNodeTracker', () => {
  it('sends POST batches with p=srv and tv=floe-node-<version>', async () => {
    const t = tracker({ appId: 'shop' });
    expect(t.trackerVersion).toBe(`floe-node-${version}`);
    const eid = trackStructEvent(t, { category: 'order', action: 'placed' });
    expect(await t.flush()).toEqual({ delivered: 1, dropped: 0, pending: 0 });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: '/com.snowplowanalytics.snowplow/tp2',
    });
    expect(server.requests[0]!.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(allEvents(server.requests)).toEqual([
      expect.objectContaining({
        eid,
        e: 'se',
        p: 'srv',
        tv: `floe-node-${version}`,
        tna: 'test',
        aid: 'shop',
        se_ca: 'order',
        se_ac: 'placed',
      }),
    ]);
  });

  it('delivers everything by the time an awaited flush() returns (serverless handler)', async () => {
    const t = tracker();
    const handler = async (event: { orders: number }) => {
      for (let i = 0; i < event.orders; i++)
        trackStructEvent(t, { category: 'order', action: `n${i}` });
      await t.flush();
      return { statusCode: 200 };
    };
    expect(await handler({ orders: 23 })).toEqual({ statusCode: 200 });
    // No waiting here: what the handler returned after is already at the collector.
    expect(allEvents(server.requests)).toHaveLength(23);
    expect(await handler({ orders: 2 })).toEqual({ statusCode: 200 });
    expect(allEvents(server.requests)).toHaveLength(25);
  });

  it('merges the current request subject into events, under the event subject', async () => {
    const t = tracker();
    const handle = async (ip: string, ua: string, delays: number[]) =>
      withRequestSubject({ ipAddress: ip, useragent: ua }, async () => {
        for (const [i, ms] of delays.entries()) {
          await sleep(ms);
          trackStructEvent(t, { category: ip, action: `step${i}` });
        }
      });
    await Promise.all([
      handle('10.0.0.1', 'agent-one', [5, 1, 9, 0]),
      handle('10.0.0.2', 'agent-two', [0, 8, 2, 4]),
      handle('2001:db8::3', 'agent-three', [3, 3, 3, 3]),
    ]);
    trackStructEvent(t, { category: 'none', action: 'outside' });
    withRequestSubject({ ipAddress: '10.0.0.9', userId: 'u1' }, () =>
      trackStructEvent(
        t,
        { category: 'override', action: 'x' },
        { subject: { ipAddress: '10.0.0.10' } },
      ),
    );
    await t.flush();
    const events = allEvents(server.requests);
    expect(events).toHaveLength(14);
    for (const e of events.filter((x) => x.se_ca?.includes('.') || x.se_ca?.includes(':'))) {
      expect(e.ip).toBe(e.se_ca);
      expect(e.ua).toBe(
        { '10.0.0.1': 'agent-one', '10.0.0.2': 'agent-two', '2001:db8::3': 'agent-three' }[
          e.se_ca!
        ],
      );
    }
    const outside = events.find((e) => e.se_ca === 'none')!;
    expect(outside.ip).toBeUndefined();
    expect(outside.ua).toBeUndefined();
    expect(events.find((e) => e.se_ca === 'override')).toMatchObject({
      ip: '10.0.0.10',
      uid: 'u1',
    });
  });

  it('reads request subjects from its own context when given one, or none with false', async () => {
    const context = createRequestContext();
    const own = tracker({ requestContext: context });
    const off = tracker({ requestContext: false, namespace: 'off' });
    context.run({ userId: 'mine' }, () => {
      withRequestSubject({ userId: 'shared' }, () => {
        trackStructEvent(own, { category: 'a', action: 'b' });
        trackStructEvent(off, { category: 'a', action: 'b' });
      });
    });
    await own.flush();
    await off.flush();
    const events = allEvents(server.requests);
    expect(events.find((e) => e.tna === 'test')?.uid).toBe('mine');
    expect(events.find((e) => e.tna === 'off')?.uid).toBeUndefined();
  });

  it('keeps undelivered events in the disk queue across shutdown and delivers them next time', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const url = server.url;
    await server.close();
    const first = tracker({
      endpoint: url,
      queueDir: dir,
      backoff: { baseMs: 10, capMs: 50 },
      timeoutMs: 200,
    });
    const eids = [1, 2, 3].map((n) => trackStructEvent(first, { category: 'c', action: `a${n}` }));
    const result = await first.shutdown({ timeoutMs: 300 });
    expect(result.pending + result.delivered).toBe(3);
    expect(result.delivered).toBe(0);
    expect(readdirSync(dir).some((n) => n.endsWith('.seg'))).toBe(true);
    server = await startLoopback(undefined, undefined, Number(new URL(url).port));
    const second = tracker({ endpoint: url, queueDir: dir });
    await second.flush();
    expect(
      allEvents(server.requests)
        .map((e) => e.eid)
        .sort(),
    ).toEqual([...eids].sort());
  });

  it('holds a synchronous burst of 100,000 base64 events with an entity in its memory queue', async () => {
    // ~0.7 kB each: 100,000 of them are over core's 64 MiB default, which the control run shows.
    const burst = async (maxQueueBytes?: number): Promise<number> => {
      let evicted = 0;
      const t = tracker({
        encodeBase64: true,
        maxQueueBytes,
        onDrop: (report) => {
          if (report.reason === 'queue_full') evicted += report.eids.length;
        },
      });
      for (let i = 0; i < 100_000; i++) {
        trackSelfDescribingEvent(
          t,
          {
            schema: 'iglu:com.acme/checkout_step/jsonschema/1-0-0',
            data: {
              step: 'payment',
              index: i,
              guest: i % 2 === 0,
              tags: ['web', 'eu'],
              currency: 'EUR',
            },
          },
          {
            context: [
              {
                schema: 'iglu:com.acme/deployment/jsonschema/1-0-0',
                data: { region: 'eu-west-1', shard: i % 16 },
              },
            ],
          },
        );
      }
      await sleep(0);
      await t.shutdown({ timeoutMs: 0 });
      return evicted;
    };
    expect(await burst(64 * 1024 * 1024)).toBeGreaterThan(0);
    expect(await burst()).toBe(0);
  }, 30_000);

  it('reports track calls after shutdown as closed drops', async () => {
    const drops: DropReport[] = [];
    const t = tracker({ onDrop: (d) => drops.push(d), onError: () => undefined });
    await t.shutdown();
    const eid = trackStructEvent(t, { category: 'late', action: 'x' });
    expect(drops).toEqual([expect.objectContaining({ reason: 'closed', eids: [eid] })]);
  });

  it('installs exit listeners only while a tracker needs them', async () => {
    const before = process.listenerCount('SIGTERM');
    const a = tracker({ exitHandlers: true });
    const b = tracker({ exitHandlers: true, namespace: 'b' });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(process.listenerCount('beforeExit')).toBeGreaterThanOrEqual(1);
    await a.shutdown();
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    await b.shutdown();
    expect(process.listenerCount('SIGTERM')).toBe(before);
    tracker({ exitHandlers: false, namespace: 'c' });
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
