import { createEventIdGenerator } from '../../src/tracker/create-event-id-generator';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
  const webCrypto = (original.get ? original.get.call(globalThis) : original.value) as {
    randomUUID(): string;
    getRandomValues(array: Uint8Array): Uint8Array;
  };
  afterEach(() => Object.defineProperty(globalThis, 'crypto', original));

  const withCrypto = (value: unknown) =>
    Object.defineProperty(globalThis, 'crypto', { value, configurable: true });

  it('takes crypto.randomUUID where the runtime has it', () => {
    let calls = 0;
    withCrypto({
      randomUUID: () => {
        calls++;
        return webCrypto.randomUUID();
      },
      getRandomValues: () => {
        throw new Error('not used');
      },
    });
    const next = createEventIdGenerator();
    const ids = Array.from({ length: 100 }, next);
    expect(calls).toBe(100);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(100);
  });

  it('formats getRandomValues bytes as UUID v4s where randomUUID is missing (plain-http pages)', () => {
    const fills: ((bytes: Uint8Array) => void)[] = [
      (bytes) => bytes.fill(0xff),
      (bytes) => bytes.fill(0),
      (bytes) => bytes.set(bytes.map((_, i) => i)),
    ];
    let call = 0;
    withCrypto({
      getRandomValues: (bytes: Uint8Array) => {
        fills[call++ % fills.length]!(bytes);
        return bytes;
      },
    });
    const next = createEventIdGenerator();
    expect(next()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(next()).toBe('00000000-0000-4000-8000-000000000000');
    expect(next()).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
  });

  it('makes distinct, random UUID v4s from the real getRandomValues', () => {
    withCrypto({ getRandomValues: (array: Uint8Array) => webCrypto.getRandomValues(array) });
    const next = createEventIdGenerator();
    const ids = Array.from({ length: 2000 }, next);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    // Random digits vary (the variant digit too: 8, 9, a or b).
    for (const at of [0, 15, 19, 35])
      expect(new Set(ids.map((id) => id[at])).size).toBeGreaterThan(1);
  });

  it('refuses to create a tracker without Web Crypto', () => {
    withCrypto(undefined);
    expect(() => createEventIdGenerator()).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
  });
});
