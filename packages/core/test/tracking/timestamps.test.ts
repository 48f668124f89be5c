import { trackPageView, trackStructEvent } from '@floe/core';
import { createHarness, NOW } from './helpers/fixtures';

const se = { category: 'c', action: 'a' };
const T = Date.UTC(2020, 0, 2, 3, 4, 5, 678);

describe('timestamps', () => {
  it('dtm is the clock at track time; ttm appears only when given; stm never', () => {
    const h = createHarness();
    trackStructEvent(h.tracker, se);
    h.clock.set(NOW + 1234);
    trackStructEvent(h.tracker, se);
    expect(h.payloads.map((p) => p['dtm'])).toEqual([String(NOW), String(NOW + 1234)]);
    for (const payload of h.payloads) {
      expect(payload).not.toHaveProperty('ttm');
      expect(payload).not.toHaveProperty('stm');
    }
  });

  it.each<[string, Date | number, string]>([
    ['a Date', new Date('2020-01-02T03:04:05.678Z'), String(T)],
    ['a number', T, String(T)],
    ['a fractional number, truncated', T + 0.9, String(T)],
    ['a negative fraction, truncated toward zero', -1.9, '-1'],
    ['the epoch', 0, '0'],
    ['year 0', new Date('0000-01-01T00:00:00.000Z'), '-62167219200000'],
    ['year 9999', new Date('9999-12-31T23:59:59.999Z'), '253402300799999'],
  ])('ttm from %s', (_, trueTimestamp, wire) => {
    const h = createHarness();
    trackPageView(h.tracker, { pageUrl: 'https://x.example/' }, { trueTimestamp });
    expect(h.payloads[0]!['ttm']).toBe(wire);
    expect(h.payloads[0]!['dtm']).toBe(String(NOW));
  });

  it('truncates a fractional clock reading', () => {
    const h = createHarness();
    h.clock.set(NOW + 0.75);
    trackStructEvent(h.tracker, se);
    expect(h.payloads[0]!['dtm']).toBe(String(NOW));
  });

  it.each<[string, Date | number]>([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an invalid Date', new Date('nope')],
    ['year 10000', new Date('+010000-01-01T00:00:00.000Z')],
    ['a year before 0', new Date('-000001-12-31T23:59:59.999Z')],
    ['a string', '2020-01-01' as unknown as number],
  ])('a true timestamp of %s is invalid', (_, trueTimestamp) => {
    const h = createHarness();
    const id = trackStructEvent(h.tracker, se, { trueTimestamp });
    expect(h.payloads).toEqual([]);
    expect(h.drops).toMatchObject([{ reason: 'invalid', eids: [id] }]);
    expect(h.drops[0]!.error!.message).toMatch(/^ttm:/);
  });
});
