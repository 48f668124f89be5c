import {
  type Payload,
  type Transport,
  type TransportRequest,
  trackPageView,
  trackStructEvent,
} from '@floe/core';
import { createEdgeTracker } from '@floe/edge';

/** A transport that records every POSTed event and answers 200. */
function recordingTransport() {
  const events: Payload[] = [];
  const transport: Transport = {
    async send(request: TransportRequest) {
      const body = JSON.parse(request.body ?? '{"data":[]}') as { data: Payload[] };
      events.push(...body.data);
      return { status: 200, headers: {} };
    },
  };
  return { events, transport };
}

const request = (ip: string) =>
  new Request('https://shop.example.com/p', {
    headers: { 'cf-connecting-ip': ip, 'user-agent': 'ua' },
  });

describe('createEdgeTracker', () => {
  it('gives each request its own subject, and the call’s own subject wins field by field', async () => {
    const { events, transport } = recordingTransport();
    const edge = createEdgeTracker({
      endpoint: 'https://c.example.com',
      namespace: 'edge',
      transport,
    });
    trackStructEvent(edge.trackerFor(request('198.51.100.1')), { category: 'a', action: 'x' });
    trackStructEvent(
      edge.trackerFor(request('198.51.100.2')),
      { category: 'b', action: 'x' },
      {
        subject: { useragent: 'mine' },
      },
    );
    await edge.flush();
    expect(
      events.map((e) => [e.se_ca, e.ip, e.ua, e.url, e.p, e.tv?.startsWith('floe-edge-')]),
    ).toEqual([
      ['a', '198.51.100.1', 'ua', 'https://shop.example.com/p', 'srv', true],
      ['b', '198.51.100.2', 'mine', 'https://shop.example.com/p', 'srv', true],
    ]);
  });

  it('sends the request’s page as url and refr, unless the call gives its own', async () => {
    const { events, transport } = recordingTransport();
    const edge = createEdgeTracker({
      endpoint: 'https://c.example.com',
      namespace: 'edge',
      transport,
    });
    const tracker = edge.trackerFor(
      new Request('https://shop.example.com/p?q=1', {
        headers: { referer: 'https://ref.example/' },
      }),
    );
    trackPageView(tracker, { pageUrl: 'https://shop.example.com/canonical' });
    trackStructEvent(tracker, { category: 'c', action: 'a' });
    await edge.flush();
    expect(events.map((e) => [e.e, e.url, e.refr])).toEqual([
      ['pv', 'https://shop.example.com/canonical', 'https://ref.example/'],
      ['se', 'https://shop.example.com/p?q=1', 'https://ref.example/'],
    ]);
  });

  it('hands waitUntil one flush per microtask, covering every event tracked in it', async () => {
    const { events, transport } = recordingTransport();
    const edge = createEdgeTracker({
      endpoint: 'https://c.example.com',
      namespace: 'edge',
      transport,
    });
    const pending: Promise<unknown>[] = [];
    const tracker = edge.trackerFor(request('198.51.100.1'), { waitUntil: (p) => pending.push(p) });
    trackStructEvent(tracker, { category: 'c', action: '1' });
    trackStructEvent(tracker, { category: 'c', action: '2' });
    expect(pending).toHaveLength(1);
    await Promise.all(pending);
    expect(events.map((e) => e.se_ac)).toEqual(['1', '2']);
    trackStructEvent(tracker, { category: 'c', action: '3' });
    expect(pending).toHaveLength(2);
    await Promise.all(pending);
    expect(events.map((e) => e.se_ac)).toEqual(['1', '2', '3']);
  });

  it('setSubject on a request’s tracker changes that request only', async () => {
    const { events, transport } = recordingTransport();
    const edge = createEdgeTracker({
      endpoint: 'https://c.example.com',
      namespace: 'edge',
      transport,
    });
    const first = edge.trackerFor(request('198.51.100.1'));
    first.setSubject({ userId: 'u-1' });
    trackStructEvent(first, { category: 'c', action: 'first' });
    trackStructEvent(edge.trackerFor(request('198.51.100.2')), { category: 'c', action: 'second' });
    trackStructEvent(edge.tracker, { category: 'c', action: 'isolate' });
    await edge.flush();
    expect(events.map((e) => [e.se_ac, e.uid, e.ip])).toEqual([
      ['first', 'u-1', undefined],
      ['second', undefined, '198.51.100.2'],
      ['isolate', undefined, undefined],
    ]);
  });

  it('holds no timer: nothing is sent until a flush', async () => {
    const { events, transport } = recordingTransport();
    const edge = createEdgeTracker({
      endpoint: 'https://c.example.com',
      namespace: 'edge',
      transport,
    });
    for (let i = 0; i < 50; i++)
      trackStructEvent(edge.tracker, { category: 'c', action: String(i) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toHaveLength(0);
    expect(await edge.flush()).toEqual({ delivered: 50, dropped: 0, pending: 0 });
  });
});
