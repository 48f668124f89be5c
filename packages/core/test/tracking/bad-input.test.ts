import {
  type CoreEvent,
  type SelfDescribingJson,
  trackPagePing,
  trackPageView,
  trackSelfDescribingEvent,
  trackStructEvent,
  trackTransaction,
} from '@floe/core';
import { createHarness, eid } from './helpers/fixtures';

const schema = 'iglu:com.acme/bad/jsonschema/1-0-0' as const;
const cyclic = (): Record<string, unknown> => {
  const value: Record<string, unknown> = { a: 1 };
  value['self'] = { back: value };
  return value;
};

type Case = [string, (h: ReturnType<typeof createHarness>) => string | string[], RegExp];

const cases: Case[] = [
  [
    'a cycle in event data',
    (h) => trackSelfDescribingEvent(h.tracker, { schema, data: cyclic() }),
    /circular/i,
  ],
  [
    'a BigInt in event data',
    (h) => trackSelfDescribingEvent(h.tracker, { schema, data: { n: 10n } }),
    /BigInt/,
  ],
  [
    'NaN in event data',
    (h) => trackSelfDescribingEvent(h.tracker, { schema, data: { n: Number.NaN } }),
    /NaN at "\/n"/,
  ],
  [
    'Infinity nested in an array',
    (h) => trackSelfDescribingEvent(h.tracker, { schema, data: { n: [1, Infinity] } }),
    /Infinity at "\/n\/1"/,
  ],
  [
    'a function in event data',
    (h) => trackSelfDescribingEvent(h.tracker, { schema, data: { f: () => 1 } }),
    /function at "\/f"/,
  ],
  [
    'a symbol in event data',
    (h) => trackSelfDescribingEvent(h.tracker, { schema, data: { s: Symbol('x') } }),
    /symbol/,
  ],
  [
    'undefined inside an array',
    (h) => trackSelfDescribingEvent(h.tracker, { schema, data: { a: [undefined] } }),
    /undefined at "\/a\/0"/,
  ],
  [
    'missing event data',
    (h) => trackSelfDescribingEvent(h.tracker, { schema } as unknown as SelfDescribingJson),
    /undefined at "\/" is not JSON/,
  ],
  [
    'a getter that throws',
    (h) =>
      trackSelfDescribingEvent(h.tracker, {
        schema,
        data: {
          get x() {
            throw new Error('boom');
          },
        },
      }),
    /boom/,
  ],
  [
    'an invalid Iglu URI',
    (h) =>
      trackSelfDescribingEvent(h.tracker, {
        schema: 'iglu:com.acme/bad/jsonschema/1-0' as never,
        data: {},
      }),
    /is not an Iglu URI/,
  ],
  [
    'an invalid entity URI',
    (h) =>
      trackStructEvent(
        h.tracker,
        { category: 'c', action: 'a' },
        { context: [{ schema: 'com.acme/x/jsonschema/1-0-0' as never, data: {} }] },
      ),
    /is not an Iglu URI/,
  ],
  [
    'a cyclic entity',
    (h) => trackPageView(h.tracker, { pageUrl: 'u' }, { context: [{ schema, data: cyclic() }] }),
    /circular/i,
  ],
  [
    'a context that is not an array',
    (h) => trackPageView(h.tracker, { pageUrl: 'u' }, { context: { schema, data: {} } as never }),
    /context: expected a list/,
  ],
  ['a missing page URL', (h) => trackPageView(h.tracker, {} as never), /url is required/],
  ['an empty page URL', (h) => trackPagePing(h.tracker, { pageUrl: '' }), /url is required/],
  [
    'a missing category',
    (h) => trackStructEvent(h.tracker, { action: 'a' } as never),
    /se_ca is required/,
  ],
  [
    'a missing event object',
    (h) => trackStructEvent(h.tracker, undefined as never),
    /se_ca is required/,
  ],
  [
    'a string value',
    (h) => trackStructEvent(h.tracker, { category: 'c', action: 'a', value: '1' as never }),
    /se_va: expected number/,
  ],
  [
    'a boolean category',
    (h) => trackStructEvent(h.tracker, { category: true as never, action: 'a' }),
    /se_ca: expected a string/,
  ],
  [
    'an over-length page URL (4097)',
    (h) => trackPageView(h.tracker, { pageUrl: 'u'.repeat(4097) }),
    /url: expected a string of at most 4096 characters/,
  ],
  [
    'an over-length title (2001)',
    (h) => trackPageView(h.tracker, { pageUrl: 'u', pageTitle: 't'.repeat(2001) }),
    /page: expected a string of at most 2000 characters/,
  ],
  [
    'an over-length label',
    (h) => trackStructEvent(h.tracker, { category: 'c', action: 'a', label: 'l'.repeat(4097) }),
    /se_la/,
  ],
  [
    'a quantity beyond 32 bits',
    (h) =>
      trackTransaction(h.tracker, {
        orderId: 'o',
        total: 1,
        items: [{ sku: 's', price: 1, quantity: 2 ** 31 }],
      }),
    /ti_qu: expected integer/,
  ],
  [
    'a scroll offset beyond 32 bits',
    (h) => trackPagePing(h.tracker, { pageUrl: 'u', maxYOffset: 1e10 }),
    /pp_may/,
  ],
  [
    'a four-letter currency',
    (h) => trackTransaction(h.tracker, { orderId: 'o', total: 1, currency: 'EURO', items: [] }),
    /tr_cu: expected a string of at most 3 characters/,
  ],
  [
    'items that are not an array',
    (h) => trackTransaction(h.tracker, { orderId: 'o', total: 1 } as never),
    /items must be an array/,
  ],
  [
    'a null item',
    (h) => trackTransaction(h.tracker, { orderId: 'o', total: 1, items: [null as never] }),
    /items\[0\]/,
  ],
  ['an unknown event type', (h) => h.tracker.track([{ e: 'xx' as never }]), /not an event type/],
  [
    'a key outside the event type',
    (h) => h.tracker.track([{ e: 'pv', fields: { url: 'u', nuid: 'n' } }]),
    /pv events have no nuid/,
  ],
  [
    'a prototype key',
    (h) => h.tracker.track([{ e: 'pv', fields: { url: 'u', constructor: 'x' } }]),
    /pv events have no constructor/,
  ],
  [
    'a self-describing event on a pv',
    (h) =>
      h.tracker.track([{ e: 'pv', fields: { url: 'u' }, selfDescribing: { schema, data: {} } }]),
    /pv: unexpected self-describing event/,
  ],
  [
    'a ue without its event',
    (h) => h.tracker.track([{ e: 'ue' } as CoreEvent]),
    /ue: no self-describing event/,
  ],
];

describe('bad input never throws: the id comes back and the drop is reported', () => {
  it.each(cases)('%s', (_, track, message) => {
    const h = createHarness();
    let ids: string | string[] = [];
    expect(() => {
      ids = track(h);
    }).not.toThrow();
    const eids = typeof ids === 'string' ? [ids] : ids;
    expect(eids.length).toBeGreaterThan(0);
    expect(eids[0]).toBe(eid(1));
    expect(h.payloads).toEqual([]);
    expect(h.drops).toHaveLength(1);
    const [drop] = h.drops;
    expect(drop).toMatchObject({ reason: 'invalid', eids });
    expect(drop!.events.map((p) => p['eid'])).toEqual(eids);
    expect(drop!.error).toMatchObject({ name: 'FloeError', code: 'invalid_event' });
    expect(drop!.error!.message).toMatch(message);
    expect(h.errors).toEqual([drop!.error]);
    expect(h.tracker.stats()).toEqual({
      tracked: 0,
      filtered: 0,
      dropped: { invalid: eids.length },
    });
  });

  it('accepts values of exactly the maximum length', () => {
    const h = createHarness();
    trackPageView(h.tracker, { pageUrl: 'u'.repeat(4096), pageTitle: 't'.repeat(2000) });
    expect(h.payloads).toHaveLength(1);
  });

  it('a non-array passed to track() is reported with no ids', () => {
    const h = createHarness();
    expect(h.tracker.track('pv' as never)).toEqual([]);
    expect(h.drops).toMatchObject([{ reason: 'invalid', eids: [] }]);
  });

  it('an event over the 1,000,000-byte cap is rejected as too_large at track time', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const h = createHarness();
    const id = trackSelfDescribingEvent(h.tracker, { schema, data: { blob: 'é'.repeat(500_000) } });
    const ok = trackSelfDescribingEvent(h.tracker, { schema, data: { blob: 'x'.repeat(900_000) } });
    expect(h.payloads.map((p) => p['eid'])).toEqual([ok]);
    expect(h.drops).toMatchObject([
      { reason: 'too_large', eids: [id], error: { code: 'too_large' } },
    ]);
    expect(h.tracker.stats().dropped).toEqual({ too_large: 1 });
    // The 900,000-character event went through, with a warning that some pipelines reject it.
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(new RegExp(`event ${ok} is 9\\d{5} bytes`)),
    );
    warn.mockRestore();
  });

  it('does not warn about ordinary events', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const h = createHarness();
    trackSelfDescribingEvent(h.tracker, { schema, data: { blob: 'x'.repeat(150_000) } });
    expect(h.payloads).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('callbacks that throw are caught: onDrop faults reach onError, onError faults the console', () => {
    const warn = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const errors: unknown[] = [];
    const h = createHarness({
      onDrop: () => {
        throw new Error('onDrop bug');
      },
      onError: (error) => {
        errors.push(error);
        throw new Error('onError bug');
      },
    });
    expect(() => trackPageView(h.tracker, { pageUrl: '' })).not.toThrow();
    expect(errors).toMatchObject([
      { name: 'FloeError', code: 'callback', cause: { message: 'onDrop bug' } },
      { name: 'FloeError', code: 'invalid_event' },
    ]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('without onError, errors are logged, never silent', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const h = createHarness({ onError: undefined });
    trackPageView(h.tracker, { pageUrl: '' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/invalid_event: pv: url is required/));
    warn.mockRestore();
  });

  it('an emitter that throws from add() is reported and the other emitters still get the event', () => {
    const got: unknown[] = [];
    const broken = {
      add: () => {
        throw new Error('add bug');
      },
      flush: async () => ({ delivered: 0, dropped: 0, pending: 0 }),
      shutdown: async () => ({ delivered: 0, dropped: 0, pending: 0 }),
    };
    const working = { ...broken, add: (p: unknown) => void got.push(p) };
    const h = createHarness({ emitters: [broken, working] });
    trackPageView(h.tracker, { pageUrl: 'u' });
    expect(got).toHaveLength(1);
    expect(h.errors).toMatchObject([{ code: 'callback', cause: { message: 'add bug' } }]);
  });
});

describe('track after shutdown', () => {
  it('returns the ids and reports closed with the built payloads', async () => {
    const h = createHarness();
    await h.tracker.shutdown();
    const id = trackPageView(h.tracker, { pageUrl: 'https://x.example/' });
    const ids = trackTransaction(h.tracker, {
      orderId: 'o',
      total: 1,
      items: [{ sku: 's', price: 1, quantity: 1 }],
    });
    expect(id).toBe(eid(1));
    expect(ids).toEqual([eid(2), eid(3)]);
    expect(h.payloads).toEqual([]);
    expect(h.drops).toMatchObject([
      { reason: 'closed', eids: [id], events: [{ e: 'pv', eid: id, url: 'https://x.example/' }] },
      { reason: 'closed', eids: ids, events: [{ e: 'tr' }, { e: 'ti' }] },
    ]);
    expect(h.drops[0]!.error).toMatchObject({ name: 'FloeError', code: 'closed' });
    expect(h.tracker.stats()).toEqual({ tracked: 0, filtered: 0, dropped: { closed: 3 } });
  });

  it('an invalid event after shutdown is still reported as closed', async () => {
    const h = createHarness();
    await h.tracker.shutdown();
    const id = trackPageView(h.tracker, { pageUrl: '' });
    expect(h.drops).toMatchObject([
      { reason: 'closed', eids: [id], events: [{ e: 'pv', eid: id }] },
    ]);
  });
});
