import { createTracker, type EncodedEvent, type FloeTracker, trackStructEvent } from '@floe/core';
import { createEventIdGenerator } from '../../src/tracker/create-event-id-generator';
import { EventIdBlock, IDS_PER_BLOCK } from '../../src/tracker/event-id-block';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
  afterEach(() => Object.defineProperty(globalThis, 'crypto', original));

  const withCrypto = (value: unknown) =>
    Object.defineProperty(globalThis, 'crypto', { value, configurable: true });

  it('formats random bytes as UUID v4s with the version and variant bits set', () => {
    const ones = new EventIdBlock((bytes) => bytes.fill(0xff));
    expect(ones.nextId()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    const zeros = new EventIdBlock((bytes) => bytes.fill(0));
    expect(zeros.nextId()).toBe('00000000-0000-4000-8000-000000000000');
    const counting = new EventIdBlock((bytes) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = i & 0xff;
    });
    expect(counting.nextId()).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
    expect(counting.nextId()).toBe('10111213-1415-4617-9819-1a1b1c1d1e1f');
  });

  it('draws randomness once per block and gives every id of it in order', () => {
    let fills = 0;
    const block = new EventIdBlock((bytes) => {
      fills++;
      bytes.fill(fills);
    });
    const ids = Array.from({ length: IDS_PER_BLOCK + 1 }, () => block.nextId());
    expect(fills).toBe(2);
    expect(ids[IDS_PER_BLOCK - 1]).toBe('01010101-0101-4101-8101-010101010101');
    expect(ids[IDS_PER_BLOCK]).toBe('02020202-0202-4202-8202-020202020202');
  });

  it('makes distinct UUID v4s from crypto.getRandomValues, across blocks', () => {
    const next = createEventIdGenerator();
    const ids = Array.from({ length: 3 * IDS_PER_BLOCK + 7 }, next);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    // Random digits vary (the variant digit too: 8, 9, a or b).
    for (const at of [0, 15, 19, 35])
      expect(new Set(ids.map((id) => id[at])).size).toBeGreaterThan(1);
  });

  it('uses getRandomValues where randomUUID is missing (insecure browser contexts)', () => {
    const webCrypto = original.get ? original.get.call(globalThis) : original.value;
    withCrypto({ getRandomValues: (array: Uint8Array) => webCrypto.getRandomValues(array) });
    expect(createEventIdGenerator()()).toMatch(UUID_V4);
  });

  it('refuses to create a tracker without Web Crypto', () => {
    withCrypto(undefined);
    expect(() => createEventIdGenerator()).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
  });
});

describe('ids in the event text', () => {
  function textsOf(generateEventId?: () => string): { texts: string[]; tracker: FloeTracker } {
    const texts: string[] = [];
    const settled = async () => ({ delivered: 0, dropped: 0, pending: 0 });
    const tracker = createTracker({
      namespace: 'ns',
      platform: 'srv',
      ...(generateEventId ? { generateEventId } : {}),
      emitters: [
        {
          addEncoded: (event: EncodedEvent) => texts.push(event.json),
          add: () => {},
          flush: settled,
          shutdown: settled,
        },
      ],
    });
    return { texts, tracker };
  }

  it('writes an id from a custom generator escaped, and the default generator’s as it is', () => {
    const odd = ['a"b', 'c\\d', 'é\u2028', 'plain-id'];
    let next = 0;
    const custom = textsOf(() => odd[next++ % odd.length]!);
    for (const _ of odd) trackStructEvent(custom.tracker, { category: 'c', action: 'a' });
    expect(custom.texts.map((text) => JSON.parse(text).eid)).toEqual(odd);

    const defaults = textsOf();
    const eid = trackStructEvent(defaults.tracker, { category: 'c', action: 'a' });
    expect(eid).toMatch(UUID_V4);
    expect(defaults.texts[0]).toContain(`{"e":"se","eid":"${eid}","dtm":"`);
  });
});
