import fc from 'fast-check';
import { formatField } from '../../src/payload/format-field';
import { isPlainText } from '../../src/payload/payload-text';
import { FIELD_PLANS } from '../../src/tracker/field-plans';

// A field written without the escaping check must format to printable ASCII needing no escape,
// whatever valid value it is given: that is what `plain` promises.
const PLAIN_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

describe('field plans', () => {
  const plans = Object.entries(FIELD_PLANS).flatMap(([e, byKey]) =>
    [...byKey].map(([key, plan]) => ({ e, key, plan })),
  );

  it('mark exactly the non-string keys plain', () => {
    expect(plans.length).toBeGreaterThan(20);
    for (const { plan } of plans) expect(plan.plain).toBe(plan.rule.kind !== 'string');
  });

  it('plain keys format every value they accept to text needing no escape', () => {
    const plain = plans.filter(({ plan }) => plan.plain);
    expect(plain.length).toBeGreaterThan(5);
    const value = fc.oneof(
      fc.double(),
      fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.constantFrom(...plain), value, ({ key, plan }, v) => {
        let text: string | undefined;
        try {
          text = formatField(key, v, plan.rule);
        } catch {
          return; // refused values are never written
        }
        if (text !== undefined) expect(text).toMatch(PLAIN_TEXT);
      }),
      { numRuns: 2000 },
    );
  });

  it('a string value that takes the plain-text shortcut is one formatField accepts unchanged', () => {
    const strings = plans.filter(({ plan }) => plan.rule.kind === 'string');
    expect(strings.length).toBeGreaterThan(20);
    // The shortcut's length check is the rule's maximum; any other kind never takes it.
    for (const { plan } of plans) {
      const max = plan.rule.kind === 'string' ? (plan.rule.max ?? Number.MAX_SAFE_INTEGER) : -1;
      expect(plan.plainTextMax).toBe(max);
    }
    const value = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      // Around the longest maxima (4096), on both sides of the limit.
      fc
        .tuple(
          fc.constantFrom(127, 128, 129, 255, 256, 1000, 1001, 4096, 4097),
          fc.string({ maxLength: 1 }),
        )
        .map(([length, c]) => (c || 'x').repeat(length)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...strings), value, ({ key, plan }, v) => {
        const shortcut = v.length > 0 && v.length <= plan.plainTextMax && isPlainText(v);
        if (!shortcut) return;
        expect(formatField(key, v, plan.rule)).toBe(v);
      }),
      { numRuns: 3000 },
    );
  });
});
