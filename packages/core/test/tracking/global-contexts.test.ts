import {
  type GlobalContext,
  type SelfDescribingJson,
  type TrackedEvent,
  trackPageView,
  trackSelfDescribingEvent,
  trackStructEvent,
  trackTransaction,
} from '@floe/core';
import { createHarness, decodeJson } from './helpers/fixtures';

const sdj = (name: string, data: Record<string, unknown> = {}): SelfDescribingJson =>
  ({ schema: `iglu:com.acme/${name}/jsonschema/1-0-0`, data }) as SelfDescribingJson;

const entities = (payload: Record<string, string> | undefined): string[] => {
  const envelope = decodeJson(payload, 'co') as { data: SelfDescribingJson[] } | undefined;
  return (envelope?.data ?? []).map((entity) => entity.schema.split('/')[1]!);
};

const pv = { pageUrl: 'https://x.example/' };
const se = { category: 'c', action: 'a' };

describe('global contexts', () => {
  it('attaches static entities after the call entities, on every event', () => {
    const h = createHarness({ globalContexts: [sdj('global')] });
    trackPageView(h.tracker, pv, { context: [sdj('call')] });
    trackStructEvent(h.tracker, se);
    expect(entities(h.payloads[0])).toEqual(['call', 'global']);
    expect(entities(h.payloads[1])).toEqual(['global']);
  });

  it.each([false, true])('encodes the cached static envelope as configured (base64 %p)', (on) => {
    const h = createHarness({ globalContexts: [sdj('global', { n: 1 })], encodeBase64: on });
    trackStructEvent(h.tracker, se);
    trackStructEvent(h.tracker, se);
    expect(h.payloads[0]).toHaveProperty(on ? 'cx' : 'co');
    expect(decodeJson(h.payloads[1], 'co')).toEqual({
      schema: 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1',
      data: [sdj('global', { n: 1 })],
    });
  });

  it('orders call context, then the event own context (items), then globals', () => {
    const h = createHarness({ globalContexts: [sdj('global')] });
    trackTransaction(
      h.tracker,
      {
        orderId: 'o',
        total: 1,
        items: [{ sku: 's', price: 1, quantity: 1, context: [sdj('item')] }],
      },
      { context: [sdj('call')] },
    );
    expect(entities(h.payloads[0])).toEqual(['call', 'global']);
    expect(entities(h.payloads[1])).toEqual(['call', 'item', 'global']);
  });

  it('calls generators with the event being built', () => {
    const seen: TrackedEvent[] = [];
    const generator = (event: TrackedEvent) => {
      seen.push(event);
      return [sdj('generated', { url: event.payload['url'] ?? null, type: event.eventType })];
    };
    const h = createHarness({ globalContexts: [generator] });
    const id = trackPageView(h.tracker, pv);
    expect(decodeJson(h.payloads[0], 'co')).toMatchObject({
      data: [sdj('generated', { url: 'https://x.example/', type: 'pv' })],
    });
    expect(seen[0]).toMatchObject({ eventType: 'pv', eid: id, eventSchema: undefined });
  });

  it('a generator returning nothing adds nothing, and no empty envelope is sent', () => {
    const h = createHarness({ globalContexts: [() => undefined, () => null, () => []] });
    trackStructEvent(h.tracker, se);
    expect(h.payloads[0]).not.toHaveProperty('co');
  });

  it('conditional by event type', () => {
    const h = createHarness({ globalContexts: [{ eventTypes: ['pv'], contexts: [sdj('page')] }] });
    trackPageView(h.tracker, pv);
    trackStructEvent(h.tracker, se);
    expect(entities(h.payloads[0])).toEqual(['page']);
    expect(entities(h.payloads[1])).toEqual([]);
  });

  it('conditional by schema with Iglu wildcards, accept and reject', () => {
    const h = createHarness({
      globalContexts: [
        { schemas: 'iglu:com.acme/*/jsonschema/1-*-*', contexts: [sdj('acme-v1')] },
        { schemas: ['iglu:com.acme.*/*/jsonschema/*-*-*'], contexts: [sdj('sub-vendor')] },
        {
          schemas: {
            accept: 'iglu:com.acme/*/jsonschema/*-*-*',
            reject: 'iglu:com.acme/secret/jsonschema/*-*-*',
          },
          contexts: [() => sdj('not-secret')],
        },
        { schemas: { reject: 'iglu:com.acme/*/jsonschema/*-*-*' }, contexts: [sdj('not-acme')] },
      ],
    });
    const ue = (schema: string) =>
      trackSelfDescribingEvent(h.tracker, {
        schema: schema as `iglu:${string}/${string}/${string}/1-0-0`,
        data: {},
      });
    ue('iglu:com.acme/checkout/jsonschema/1-0-0');
    ue('iglu:com.acme/checkout/jsonschema/2-0-0');
    ue('iglu:com.acme/secret/jsonschema/1-0-3');
    ue('iglu:com.acme.shop/cart/jsonschema/1-0-0');
    ue('iglu:com.other/checkout/jsonschema/1-0-0');
    trackPageView(h.tracker, pv);
    expect(h.payloads.map(entities)).toEqual([
      ['acme-v1', 'not-secret'],
      ['not-secret'],
      ['acme-v1'],
      ['sub-vendor', 'not-acme'],
      ['not-acme'],
      // Schema conditions never match events that are not self-describing.
      [],
    ]);
  });

  it('conditional by filter; a throwing filter excludes and is reported', () => {
    const h = createHarness({
      globalContexts: [
        { filter: (e) => e.payload['se_ca'] === 'yes', contexts: [sdj('filtered')] },
        {
          filter: () => {
            throw new Error('filter bug');
          },
          contexts: [sdj('never')],
        },
      ],
    });
    trackStructEvent(h.tracker, { category: 'yes', action: 'a' });
    trackStructEvent(h.tracker, { category: 'no', action: 'a' });
    expect(h.payloads.map(entities)).toEqual([['filtered'], []]);
    expect(h.errors).toHaveLength(2);
    expect(h.errors[0]).toMatchObject({ name: 'FloeError', code: 'plugin' });
  });

  it('a throwing generator is reported and tracking goes on with the other entities', () => {
    const h = createHarness({
      globalContexts: [
        () => {
          throw new Error('generator bug');
        },
        sdj('static'),
      ],
    });
    const id = trackStructEvent(h.tracker, se);
    expect(h.payloads).toHaveLength(1);
    expect(h.payloads[0]!['eid']).toBe(id);
    expect(entities(h.payloads[0])).toEqual(['static']);
    expect(h.errors).toMatchObject([{ code: 'plugin', cause: { message: 'generator bug' } }]);
    expect(h.drops).toEqual([]);
  });

  it('a generator returning an invalid entity makes the event invalid', () => {
    const h = createHarness({ globalContexts: [() => ({ schema: 'nope', data: {} }) as never] });
    trackStructEvent(h.tracker, se);
    expect(h.payloads).toEqual([]);
    expect(h.drops).toMatchObject([{ reason: 'invalid' }]);
  });

  it('add, remove by identity or name, and clear', () => {
    const a = sdj('a');
    const b: GlobalContext = () => sdj('b');
    const h = createHarness();
    h.tracker.addGlobalContexts([a, b]);
    h.tracker.addGlobalContexts({ named: sdj('c') });
    trackStructEvent(h.tracker, se);
    h.tracker.removeGlobalContexts([b, 'named']);
    trackStructEvent(h.tracker, se);
    h.tracker.addGlobalContexts({ named: sdj('d') });
    h.tracker.addGlobalContexts({ named: sdj('e') });
    trackStructEvent(h.tracker, se);
    h.tracker.clearGlobalContexts();
    trackStructEvent(h.tracker, se);
    expect(h.payloads.map(entities)).toEqual([['a', 'b', 'c'], ['a'], ['a', 'e'], []]);
  });

  it.each<[string, unknown]>([
    ['an invalid Iglu URI', { schema: 'iglu:com.acme/x/jsonschema/1-0', data: {} }],
    [
      'an entity whose data is cyclic',
      (() => {
        const data: Record<string, unknown> = {};
        data['self'] = data;
        return { schema: 'iglu:com.acme/x/jsonschema/1-0-0', data };
      })(),
    ],
    ['a bad wildcard', { schemas: 'iglu:com.acme/x*/jsonschema/1-0-0', contexts: [] }],
    [
      'a version pattern with two parts',
      { schemas: 'iglu:com.acme/x/jsonschema/1-*', contexts: [] },
    ],
    ['contexts that are not an array', { eventTypes: ['pv'], contexts: 'x' }],
    ['an empty rule set', { schemas: {}, contexts: [] }],
  ])('adding %s throws invalid_config and adds nothing', (_, context) => {
    const h = createHarness({ globalContexts: [sdj('kept')] });
    expect(() => h.tracker.addGlobalContexts([sdj('new'), context as GlobalContext])).toThrow(
      expect.objectContaining({ name: 'FloeError', code: 'invalid_config' }),
    );
    trackStructEvent(h.tracker, se);
    expect(entities(h.payloads[0])).toEqual(['kept']);
  });
});
