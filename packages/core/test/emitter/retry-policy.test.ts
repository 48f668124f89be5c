import { NEVER_RETRY_STATUS_CODES } from '@floe/core/internal';
import type { ScriptedReply } from '@floe/test-utils';
import {
  computeBackoff,
  parseRetryAfter,
  RETRY_AFTER_MAX_MS,
  RETRY_AFTER_MIN_MS,
} from '../../src/emitter/retry-delay';
import { fakeSetup } from './fake-setup';

describe('computeBackoff', () => {
  it('doubles from the base, caps, then applies U[1,2) jitter after the cap', () => {
    const base = { baseMs: 500, capMs: 60_000 };
    expect([1, 2, 3, 4].map((n) => computeBackoff(n, base, () => 0))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect(computeBackoff(8, base, () => 0)).toBe(60_000);
    expect(computeBackoff(50, base, () => 0)).toBe(60_000);
    expect(computeBackoff(1, base, () => 0.5)).toBe(750);
    expect(computeBackoff(20, base, () => 0.999)).toBeCloseTo(119_940);
    expect(computeBackoff(20, base, () => 1)).toBeLessThan(120_000);
  });

  it('uses the test scale when asked (10 ms base, 200 ms cap)', () => {
    const test = { baseMs: 10, capMs: 200 };
    expect([1, 2, 3, 6].map((n) => computeBackoff(n, test, () => 0))).toEqual([10, 20, 40, 200]);
  });

  it('is 500 ms, then 60 s at most, with the emitter’s defaults', async () => {
    const { h, transport, flush, finish } = fakeSetup({ random: () => 0, backoff: undefined });
    transport.push(...Array.from({ length: 9 }, () => ({ status: 500 })));
    h.track(1);
    await flush();
    const times = transport.requests.map((entry) => entry.arrivedAt);
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    expect(gaps).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
    await finish();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);

  it('reads integer seconds, clamped to [1 s, 300 s]', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 30 ', now)).toBe(30_000);
    expect(parseRetryAfter('0', now)).toBe(RETRY_AFTER_MIN_MS);
    expect(parseRetryAfter('-5', now)).toBe(RETRY_AFTER_MIN_MS);
    expect(parseRetryAfter('86400', now)).toBe(RETRY_AFTER_MAX_MS);
  });

  it('reads HTTP dates relative to the wall clock', () => {
    expect(parseRetryAfter(new Date(now + 3000).toUTCString(), now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Thursday, 01-Jan-26 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter(new Date(now - 60_000).toUTCString(), now)).toBe(1000);
    expect(parseRetryAfter(new Date(now + 86_400_000).toUTCString(), now)).toBe(300_000);
  });

  it('returns undefined for absent or unparseable values', () => {
    for (const value of [undefined, 'abc', '1.5', '', '2 seconds', 'Mon, garbage']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});

describe('the status policy, through the emitter (fake clock, random 0)', () => {
  /** One event, one scripted answer, then 200s: what happened to it. */
  async function outcomeOf(
    reply: ScriptedReply,
    options: Parameters<typeof fakeSetup>[0] = {},
    events = 1,
  ) {
    const setup = fakeSetup({ random: () => 0, ...options });
    const { h, transport, flush, finish } = setup;
    transport.push(reply);
    h.track(events);
    const result = await flush();
    const times = transport.requests.map((entry) => entry.arrivedAt);
    await finish();
    return {
      result,
      times,
      failures: h.failures,
      dropped: h.dropped,
      sizes: transport.requests.map((entry) => entry.events.length),
    };
  }

  it('succeeds on 2xx only; 1xx, 3xx and an opaque 0 are retried', async () => {
    for (const status of [200, 201, 204, 299]) {
      expect((await outcomeOf({ status })).times).toEqual([0]);
    }
    for (const status of [100, 199, 300, 301, 302, 303, 304, 0]) {
      const { times, failures } = await outcomeOf({ status });
      expect(times).toEqual([0, 500]);
      expect(failures).toEqual([{ eids: failures[0]!.eids, status, willRetry: true }]);
    }
  });

  it('never retries 400, 401, 403, 410, 422 and retries every other failure after the backoff', async () => {
    expect(NEVER_RETRY_STATUS_CODES).toEqual([400, 401, 403, 410, 422]);
    for (const status of NEVER_RETRY_STATUS_CODES) {
      const { result, times, dropped } = await outcomeOf({ status });
      expect(result).toEqual({ delivered: 0, dropped: 1, pending: 0 });
      expect(times).toEqual([0]);
      expect(dropped).toMatchObject([{ reason: 'status', status }]);
    }
    for (const status of [404, 405, 408, 409, 429, 500, 501, 502, 503, 504, 505, 511]) {
      const { result, times } = await outcomeOf({ status });
      expect(result).toMatchObject({ delivered: 1 });
      expect(times).toEqual([0, 500]);
    }
    const { times, failures } = await outcomeOf({ error: 'ECONNREFUSED' });
    expect(times).toEqual([0, 500]);
    expect(failures[0]).toMatchObject({
      willRetry: true,
      error: { name: 'TransportError', causeCode: 'ECONNREFUSED' },
    });
  });

  it('lets retryStatusCodes and dontRetryStatusCodes override the sets', async () => {
    const custom = { retryStatusCodes: [403], dontRetryStatusCodes: [500] };
    expect((await outcomeOf({ status: 403 }, custom)).result).toMatchObject({ delivered: 1 });
    expect((await outcomeOf({ status: 500 }, custom)).dropped).toMatchObject([
      { reason: 'status' },
    ]);
    expect((await outcomeOf({ status: 401 }, custom)).dropped).toMatchObject([
      { reason: 'status' },
    ]);
  });

  it('splits a batch answered 413 and drops a single event as too_large', async () => {
    const split = await outcomeOf({ status: 413 }, { maxInFlight: 1 }, 8);
    expect(split.sizes).toEqual([8, 4, 4]);
    expect(split.times).toEqual([0, 0, 0]);
    expect(split.failures).toMatchObject([{ status: 413, willRetry: true }]);
    const single = await outcomeOf({ status: 413 });
    expect(single.dropped).toMatchObject([{ reason: 'too_large', status: 413 }]);
    expect(single.failures).toMatchObject([{ status: 413, willRetry: false }]);
  });

  it('turns every retry off with retry: false, network errors and timeouts included', async () => {
    const off = { retry: false };
    for (const reply of [{ hang: true as const }, { error: 'ECONNRESET' }, { status: 503 }]) {
      const { result, dropped } = await outcomeOf(reply, off);
      expect(result).toEqual({ delivered: 0, dropped: 1, pending: 0 });
      expect(dropped).toMatchObject([{ reason: 'retry_disabled' }]);
    }
    expect((await outcomeOf({ status: 503 }, off)).dropped).toMatchObject([{ status: 503 }]);
    expect((await outcomeOf({ status: 400 }, off)).dropped).toMatchObject([{ reason: 'status' }]);
  });

  it('uses a Retry-After uncounted, and floors an unparseable one at 1 s while counting it', async () => {
    const valid = await outcomeOf(
      { status: 429, headers: { 'retry-after': '7' } },
      { maxAttempts: 1 },
    );
    expect(valid.times).toEqual([0, 7000]);
    const invalid = await outcomeOf({ status: 503, headers: { 'retry-after': 'abc' } });
    expect(invalid.times).toEqual([0, 1000]);
    // Counted: with maxAttempts 1 the unparseable one ends the batch.
    const counted = await outcomeOf(
      { status: 503, headers: { 'retry-after': 'abc' } },
      { maxAttempts: 1 },
    );
    expect(counted.dropped).toMatchObject([{ reason: 'max_attempts', status: 503 }]);
  });

  it('aborts an attempt at its deadline with a reason named TimeoutError, reported as a timeout', async () => {
    const { h, transport, flush, finish } = fakeSetup({ random: () => 0 });
    const reasons: unknown[] = [];
    const send = transport.send.bind(transport);
    transport.send = (request) => {
      request.signal.addEventListener('abort', () => {
        reasons.push((request.signal as AbortSignal).reason);
      });
      return send(request);
    };
    transport.push({ hang: true });
    h.track(1);
    expect(await flush()).toMatchObject({ delivered: 1 });
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatchObject({ name: 'TimeoutError' });
    expect(h.failures[0]!.error).toMatchObject({
      code: 'timeout',
      timeout: true,
      causeCode: 'ETIMEDOUT',
    });
    await finish();
  });
});
