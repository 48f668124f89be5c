import { runInNewContext } from 'node:vm';
import { checkCompiledSpec } from '../../src/spec/check-compiled-spec';
import { checkEventAgainstSpec } from '../../src/spec/check-event-against-spec';
import { compileSpec } from '../../src/spec/compile-spec';
import type { EventSpec } from '../../src/spec/event-spec';
import { CART, CHECKOUT, checkoutSpec, PRODUCT } from './helpers';

const spec = checkoutSpec() as unknown as EventSpec;
const event = (data: Record<string, unknown> = {}) => ({
  schema: CHECKOUT,
  data: { order_id: 'o-1', total: 10, currency: 'EUR', channel: 'web', ...data },
});
const cart = { schema: CART, data: { cart_id: 'c-1', item_count: 1 } };
const product = (quantity: unknown = 1) => ({
  schema: PRODUCT,
  data: { sku: 's', price: 5, quantity },
});
const webPage = {
  schema: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0',
  data: {},
};

describe('checkEventAgainstSpec', () => {
  it('accepts an event that fits, global contexts beside it included', () => {
    expect(checkEventAgainstSpec(spec, event(), [cart, product(), product(3), webPage])).toEqual(
      [],
    );
  });

  it('reports each count that is off: missing cart, two carts, zero products', () => {
    expect(checkEventAgainstSpec(spec, event(), [product()])).toEqual([
      {
        spec: 'Checkout',
        target: CART,
        path: '',
        message: `expected exactly 1 of entity ${CART}, found 0`,
      },
    ]);
    expect(checkEventAgainstSpec(spec, event(), [cart, cart, product()])[0]?.message).toBe(
      `expected exactly 1 of entity ${CART}, found 2`,
    );
    expect(checkEventAgainstSpec(spec, event(), [cart])[0]?.message).toBe(
      `expected at least 1 of entity ${PRODUCT}, found 0`,
    );
  });

  it('reports broken rules on the event and on each entity, a missing value included', () => {
    const violations = checkEventAgainstSpec(spec, event({ currency: 'GBP', channel: undefined }), [
      cart,
      product(1),
      product(0),
    ]);
    expect(violations.map((v) => [v.target, v.path, v.message])).toEqual([
      ['event', '/currency', 'event: /currency must be one of "EUR", "USD", found "GBP"'],
      ['event', '/channel', 'event: /channel is missing'],
      [PRODUCT, '/quantity', `entity ${PRODUCT} #2: /quantity must be at least 1, found 0`],
    ]);
    expect(checkEventAgainstSpec(spec, event(), [cart, product('2')])[0]?.message).toBe(
      `entity ${PRODUCT}: /quantity must be a number, found "2"`,
    );
  });

  it('reports an event of another schema, or none, and skips its rules', () => {
    const other = { schema: 'iglu:com.acme/other/jsonschema/1-0-0', data: {} };
    expect(checkEventAgainstSpec(spec, other, [cart, product()])).toEqual([
      {
        spec: 'Checkout',
        target: 'event',
        path: '',
        message: `expected event ${CHECKOUT}, found "iglu:com.acme/other/jsonschema/1-0-0"`,
      },
    ]);
    expect(checkEventAgainstSpec(spec, undefined, [cart, product()])[0]?.message).toBe(
      `expected event ${CHECKOUT}, found no self-describing event`,
    );
  });

  it('checks N..M bounds, const objects and maximum', () => {
    const ranged = compileSpec({
      name: 'Ranged',
      event: { schema: CHECKOUT },
      entities: [{ schema: PRODUCT, cardinality: '2..3' }],
      rules: [
        { target: 'event', path: '/meta', const: { a: [1, { b: true }] } },
        { target: 'event', path: '/total', maximum: 100 },
      ],
    });
    const data = { schema: CHECKOUT, data: { meta: { a: [1, { b: true }] }, total: 100 } };
    expect(checkCompiledSpec(ranged, data, [product(), product()])).toEqual([]);
    const issues = checkCompiledSpec(
      ranged,
      { schema: CHECKOUT, data: { meta: { a: [1, { b: false }] }, total: 101 } },
      [product(), product(), product(), product()],
    );
    expect(issues.map((issue) => issue.message)).toEqual([
      `expected 2 to 3 of entity ${PRODUCT}, found 4`,
      'event: /meta must be {"a":[1,{"b":true}]}, found {"a":[1,{"b":false}]}',
      'event: /total must be at most 100, found 101',
    ]);
  });

  it('runs from its own source text alone, as the generated validators copy it', () => {
    // A fresh context has only the standard globals: any reference to a module-level name fails.
    const copied = runInNewContext(`(${checkCompiledSpec.toString()})`) as typeof checkCompiledSpec;
    const compiled = compileSpec(spec);
    const bad = event({ currency: 'GBP' });
    expect(copied(compiled, bad, [cart])).toEqual(checkCompiledSpec(compiled, bad, [cart]));
    expect(copied(compiled, bad, [cart]).length).toBe(2);
  });
});
