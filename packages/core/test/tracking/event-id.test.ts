import {
  createEventIdGenerator,
  uuidFromRandomBytes,
} from '../../src/tracker/create-event-id-generator';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
  afterEach(() => Object.defineProperty(globalThis, 'crypto', original));

  const withCrypto = (value: unknown) =>
    Object.defineProperty(globalThis, 'crypto', { value, configurable: true });

  it('formats random bytes as a UUID v4 with the version and variant bits set', () => {
    expect(uuidFromRandomBytes(new Uint8Array(16).fill(0xff))).toBe(
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
    );
    expect(uuidFromRandomBytes(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('uses crypto.randomUUID when the runtime has it', () => {
    withCrypto({ randomUUID: () => 'from-random-uuid', getRandomValues: () => undefined });
    expect(createEventIdGenerator()()).toBe('from-random-uuid');
  });

  it('falls back to getRandomValues where randomUUID is missing (insecure browser contexts)', () => {
    const webCrypto = original.get ? original.get.call(globalThis) : original.value;
    withCrypto({ getRandomValues: (array: Uint8Array) => webCrypto.getRandomValues(array) });
    const next = createEventIdGenerator();
    const ids = Array.from({ length: 200 }, next);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(200);
  });

  it('refuses to create a tracker without Web Crypto', () => {
    withCrypto(undefined);
    expect(() => createEventIdGenerator()).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
  });
});
