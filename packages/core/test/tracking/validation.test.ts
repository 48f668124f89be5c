import {
  type SchemaValidator,
  type SchemaViolation,
  trackSelfDescribingEvent,
  trackStructEvent,
  type ValidationOptions,
} from '@floe/core';
import { createHarness } from './helpers/fixtures';

const EVENT = 'iglu:com.acme/checkout/jsonschema/1-0-0' as const;
const ENTITY = 'iglu:com.acme/user/jsonschema/1-0-0' as const;

// A hand-written validator: `total` must be a number, `id` a string.
const requireNumber =
  (key: string): SchemaValidator =>
  (data) =>
    typeof (data as Record<string, unknown>)[key] === 'number'
      ? []
      : [{ path: `/${key}`, message: 'must be number' }];
const validators = { [EVENT]: requireNumber('total'), [ENTITY]: requireNumber('age') };

const good = { schema: EVENT, data: { total: 1 } };
const bad = { schema: EVENT, data: { total: 'x' } };
const badEntity = { schema: ENTITY, data: { age: 'old' } };

const withValidation = (validate: Partial<ValidationOptions>) =>
  createHarness({ validate: { validators, ...validate } });

describe('opt-in validation', () => {
  it("'throw' throws a SchemaValidationError from the track call and queues nothing", () => {
    const h = withValidation({ onViolation: 'throw' });
    expect(() => trackSelfDescribingEvent(h.tracker, bad)).toThrow(
      expect.objectContaining({
        name: 'SchemaValidationError',
        code: 'validation',
        violations: [
          { schema: EVENT, role: 'event', issues: [{ path: '/total', message: 'must be number' }] },
        ],
      }),
    );
    expect(() =>
      trackStructEvent(h.tracker, { category: 'c', action: 'a' }, { context: [badEntity] }),
    ).toThrow(/entity iglu:com.acme\/user\/jsonschema\/1-0-0: \/age: must be number/);
    trackSelfDescribingEvent(h.tracker, good);
    expect(h.payloads).toHaveLength(1);
  });

  it('checks global entities too', () => {
    const h = createHarness({
      validate: { validators, onViolation: 'throw' },
      globalContexts: [() => badEntity],
    });
    expect(() => trackStructEvent(h.tracker, { category: 'c', action: 'a' })).toThrow(/age/);
  });

  it("'warn' (the default) logs and sends the event anyway", () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const h = withValidation({});
    trackSelfDescribingEvent(h.tracker, bad);
    expect(h.payloads).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /event iglu:com.acme\/checkout\/jsonschema\/1-0-0: \/total: must be number/,
      ),
    );
    warn.mockRestore();
  });

  it('a function receives each violation, and the event is sent', () => {
    const seen: SchemaViolation[] = [];
    const h = withValidation({ onViolation: (violation) => seen.push(violation) });
    trackSelfDescribingEvent(h.tracker, bad, {
      context: [badEntity, { schema: 'iglu:com.acme/free/jsonschema/1-0-0', data: {} }],
    });
    expect(seen.map((v) => [v.role, v.schema])).toEqual([
      ['event', EVENT],
      ['entity', ENTITY],
    ]);
    expect(h.payloads).toHaveLength(1);
  });

  it('sampleRate 0 validates nothing', () => {
    const h = withValidation({ onViolation: 'throw', sampleRate: 0 });
    expect(() => trackSelfDescribingEvent(h.tracker, bad)).not.toThrow();
    expect(h.payloads).toHaveLength(1);
  });

  it('a fractional sampleRate validates about that share of calls', () => {
    let calls = 0;
    const counting: SchemaValidator = () => {
      calls += 1;
      return [];
    };
    const h = createHarness({ validate: { validators: { [EVENT]: counting }, sampleRate: 0.25 } });
    for (let i = 0; i < 2000; i++) trackSelfDescribingEvent(h.tracker, good);
    expect(calls).toBeGreaterThan(350);
    expect(calls).toBeLessThan(650);
  });

  it('a validator or onViolation that throws is reported, not fatal', () => {
    const h = createHarness({
      validate: {
        validators: {
          [EVENT]: () => {
            throw new Error('validator bug');
          },
          [ENTITY]: requireNumber('age'),
        },
        onViolation: () => {
          throw new Error('handler bug');
        },
      },
    });
    trackSelfDescribingEvent(h.tracker, good, { context: [badEntity] });
    expect(h.payloads).toHaveLength(1);
    expect(h.errors.map((e) => e.code)).toEqual(['validation', 'callback']);
  });
});
