import { compileSchemaPattern } from '../../src/contexts/schema-pattern';

describe('Iglu schema patterns', () => {
  it.each([
    ['iglu:com.acme/*/jsonschema/1-*-*', 'iglu:com.acme/checkout/jsonschema/1-2-3', true],
    ['iglu:com.acme/*/jsonschema/1-*-*', 'iglu:com.acme/checkout/jsonschema/2-0-0', false],
    ['iglu:com.acme/*/jsonschema/1-*-*', 'iglu:com.acmex/checkout/jsonschema/1-0-0', false],
    ['iglu:com.acme/*/jsonschema/1-*-*', 'iglu:com.acme/checkout/jsonschema/10-0-0', false],
    ['iglu:com.acme.*/*/*/*-*-*', 'iglu:com.acme.shop.eu/cart/jsonschema/1-0-0', true],
    ['iglu:com.acme.*/*/*/*-*-*', 'iglu:com.acme/cart/jsonschema/1-0-0', false],
    ['iglu:*.acme/cart/jsonschema/1-0-0', 'iglu:com.acme/cart/jsonschema/1-0-0', true],
    ['iglu:com.acme/cart/jsonschema/1-0-0', 'iglu:com.acme/cart/jsonschema/1-0-0', true],
    ['iglu:com.acme/cart/jsonschema/1-0-0', 'iglu:comXacme/cart/jsonschema/1-0-0', false],
  ])('%s matches %s: %p', (pattern, schema, expected) => {
    expect(compileSchemaPattern(pattern).test(schema)).toBe(expected);
  });

  it.each([
    'com.acme/*/jsonschema/1-*-*',
    'iglu:com.acme/*/jsonschema/1-*',
    'iglu:com.acme/ca*/jsonschema/1-0-0',
    'iglu:com.ac*me/cart/jsonschema/1-0-0',
    'iglu:com.acme/cart/jsonschema/1-x-0',
    'iglu:com.acme/cart/1-0-0',
  ])('rejects %s', (pattern) => {
    expect(() => compileSchemaPattern(pattern)).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
  });
});
