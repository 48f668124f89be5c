import { TransportError } from '@floe/core';
import { type DecisionContext, decideOutcome } from '../../src/emitter/decide-outcome';
import { computeBackoff } from '../../src/retry/backoff';
import {
  parseRetryAfter,
  RETRY_AFTER_MAX_MS,
  RETRY_AFTER_MIN_MS,
} from '../../src/retry/retry-after';
import { createStatusPolicy, NEVER_RETRY_STATUS_CODES } from '../../src/retry/retry-policy';

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

  it('defaults to 500 ms and 60 s', () => {
    expect(computeBackoff(1, {}, () => 0)).toBe(500);
    expect(computeBackoff(30, undefined, () => 0)).toBe(60_000);
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

describe('status policy and decideOutcome', () => {
  const context: DecisionContext = {
    statusPolicy: createStatusPolicy(),
    retry: true,
    durable: false,
    maxAttempts: 10,
    backoff: { baseMs: 500, capMs: 60_000 },
    random: () => 0,
    failureStreak: 0,
    now: Date.UTC(2026, 0, 1),
  };
  const fresh = { attempts: 0, total: 0 };
  const status = (code: number, headers: Record<string, string> = {}) => ({
    status: code,
    headers,
  });

  it('succeeds on 2xx only', () => {
    for (const code of [200, 201, 204, 299]) {
      expect(decideOutcome(status(code), 10, fresh, context).kind).toBe('success');
    }
    for (const code of [100, 199, 300, 301, 302, 303, 304, 0]) {
      expect(decideOutcome(status(code), 10, fresh, context).kind).toBe('retry');
    }
  });

  it('never retries 400, 401, 403, 410, 422 and retries every other failure', () => {
    expect(NEVER_RETRY_STATUS_CODES).toEqual([400, 401, 403, 410, 422]);
    for (const code of NEVER_RETRY_STATUS_CODES) {
      expect(decideOutcome(status(code), 10, fresh, context)).toEqual({
        kind: 'drop',
        reason: 'status',
        status: code,
      });
    }
    for (const code of [404, 405, 408, 409, 429, 500, 501, 502, 503, 504, 505, 511]) {
      expect(decideOutcome(status(code), 10, fresh, context)).toMatchObject({
        kind: 'retry',
        delayMs: 500,
        counted: true,
      });
    }
    const error = new TransportError('refused', { causeCode: 'ECONNREFUSED' });
    expect(decideOutcome({ error }, 10, fresh, context)).toMatchObject({ kind: 'retry', error });
  });

  it('lets retryStatusCodes and dontRetryStatusCodes override the sets', () => {
    const custom = { ...context, statusPolicy: createStatusPolicy([403], [500]) };
    expect(decideOutcome(status(403), 10, fresh, custom).kind).toBe('retry');
    expect(decideOutcome(status(500), 10, fresh, custom)).toMatchObject({
      kind: 'drop',
      reason: 'status',
    });
    expect(decideOutcome(status(401), 10, fresh, custom).kind).toBe('drop');
  });

  it('bisects on 413 and drops a single event as too_large', () => {
    expect(decideOutcome(status(413), 8, fresh, context)).toEqual({ kind: 'bisect', status: 413 });
    expect(decideOutcome(status(413), 1, fresh, context)).toEqual({
      kind: 'drop',
      reason: 'too_large',
      status: 413,
    });
  });

  it('turns every retry off with retry: false, network errors and timeouts included', () => {
    const off = { ...context, retry: false };
    const timeout = new TransportError('timed out', { timeout: true });
    expect(decideOutcome({ error: timeout }, 10, fresh, off)).toMatchObject({
      kind: 'drop',
      reason: 'retry_disabled',
    });
    expect(decideOutcome(status(503), 10, fresh, off)).toMatchObject({
      kind: 'drop',
      reason: 'retry_disabled',
      status: 503,
    });
    expect(decideOutcome(status(400), 10, fresh, off)).toMatchObject({
      kind: 'drop',
      reason: 'status',
    });
  });

  it('gives up after 10 counted attempts, or 30 in all, on a memory store only', () => {
    expect(decideOutcome(status(500), 10, { attempts: 8, total: 8 }, context).kind).toBe('retry');
    expect(decideOutcome(status(500), 10, { attempts: 9, total: 9 }, context)).toMatchObject({
      kind: 'drop',
      reason: 'max_attempts',
      status: 500,
    });
    const ra = status(503, { 'retry-after': '5' });
    expect(decideOutcome(ra, 10, { attempts: 9, total: 9 }, context)).toMatchObject({
      kind: 'retry',
      counted: false,
    });
    expect(decideOutcome(ra, 10, { attempts: 2, total: 29 }, context)).toMatchObject({
      kind: 'drop',
      reason: 'max_attempts',
    });
    const durable = { ...context, durable: true };
    expect(decideOutcome(status(500), 10, { attempts: 500, total: 900 }, durable).kind).toBe(
      'retry',
    );
  });

  it('uses Retry-After uncounted, and floors an unparseable one at 1 s while counting it', () => {
    expect(decideOutcome(status(429, { 'retry-after': '7' }), 10, fresh, context)).toMatchObject({
      delayMs: 7000,
      counted: false,
    });
    expect(decideOutcome(status(503, { 'retry-after': 'abc' }), 10, fresh, context)).toMatchObject({
      delayMs: 1000,
      counted: true,
    });
    const later = { ...context, failureStreak: 3 };
    expect(decideOutcome(status(503, { 'retry-after': 'abc' }), 10, fresh, later)).toMatchObject({
      delayMs: 4000,
    });
    expect(decideOutcome(status(500), 10, fresh, later)).toMatchObject({ delayMs: 4000 });
  });
});
