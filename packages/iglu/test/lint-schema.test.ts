import {
  IgluError,
  type JsonSchema,
  LINTER_NAMES,
  lintSchema,
  SELF_DESCRIBING_META_SCHEMA_URI,
  SKIPPABLE_LINTERS,
} from '../src';

/** A root that passes every check, so each case below isolates one linter. */
const clean = (
  properties: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): JsonSchema => ({
  $schema: SELF_DESCRIBING_META_SCHEMA_URI,
  description: 'root',
  self: { vendor: 'com.acme', name: 'x', format: 'jsonschema', version: '1-0-0' },
  type: 'object',
  properties,
  additionalProperties: false,
  ...extra,
});
const prop = (schema: Record<string, unknown>) => clean({ p: { description: 'p', ...schema } });
const codesOf = (schema: JsonSchema) => lintSchema(schema).map((issue) => issue.code);

interface Case {
  readonly linter: string;
  readonly level: 'error' | 'warning' | 'info';
  readonly bad: JsonSchema;
  readonly good: JsonSchema;
  readonly pointer: string;
}

const cases: Case[] = [
  {
    linter: 'rootObject',
    level: 'warning',
    bad: { ...clean({}), type: 'array', items: { description: 'i', type: 'boolean' } },
    good: clean({}),
    pointer: '',
  },
  {
    linter: 'numericMinimumMaximum',
    level: 'error',
    bad: prop({ type: 'integer', minimum: 5, maximum: 1 }),
    good: prop({ type: 'integer', minimum: 1, maximum: 1 }),
    pointer: '/properties/p',
  },
  {
    linter: 'stringMinMaxLength',
    level: 'error',
    bad: prop({ type: 'string', minLength: 5, maxLength: 2 }),
    good: prop({ type: 'string', minLength: 2, maxLength: 5 }),
    pointer: '/properties/p',
  },
  {
    linter: 'stringMaxLengthRange',
    level: 'warning',
    bad: prop({ type: 'string', maxLength: 65536 }),
    good: prop({ type: 'string', maxLength: 65535 }),
    pointer: '/properties/p',
  },
  {
    linter: 'arrayMinMaxItems',
    level: 'error',
    bad: prop({
      type: 'array',
      items: { description: 'i', type: 'boolean' },
      minItems: 3,
      maxItems: 1,
    }),
    good: prop({
      type: 'array',
      items: { description: 'i', type: 'boolean' },
      minItems: 1,
      maxItems: 3,
    }),
    pointer: '/properties/p',
  },
  {
    linter: 'numericProperties',
    level: 'error',
    bad: prop({ type: 'string', maxLength: 3, minimum: 1 }),
    good: prop({ type: ['string', 'integer'], maxLength: 3, minimum: 1, maximum: 2 }),
    pointer: '/properties/p',
  },
  {
    linter: 'stringProperties',
    level: 'error',
    bad: prop({ type: 'integer', minimum: 0, maximum: 1, pattern: '^a' }),
    good: prop({ type: ['integer', 'string'], minimum: 0, maximum: 1, maxLength: 4 }),
    pointer: '/properties/p',
  },
  {
    linter: 'arrayProperties',
    level: 'error',
    bad: prop({ type: 'boolean', maxItems: 2 }),
    good: prop({ type: ['boolean', 'array'], maxItems: 2 }),
    pointer: '/properties/p',
  },
  {
    linter: 'objectProperties',
    level: 'error',
    bad: prop({ type: 'boolean', required: ['a'] }),
    good: prop({ type: 'object', properties: {}, additionalProperties: false }),
    pointer: '/properties/p',
  },
  {
    linter: 'requiredPropertiesExist',
    level: 'error',
    bad: clean({ a: { description: 'a', type: 'boolean' } }, { required: ['a', 'b'] }),
    good: clean({ a: { description: 'a', type: 'boolean' } }, { required: ['a'] }),
    pointer: '',
  },
  {
    linter: 'unknownFormats',
    level: 'warning',
    bad: prop({ type: 'string', maxLength: 9, format: 'strict-uri' }),
    good: prop({ type: 'string', maxLength: 9, format: 'uuid' }),
    pointer: '/properties/p',
  },
  {
    linter: 'numericMinMax',
    level: 'warning',
    bad: prop({ type: 'number', minimum: 0 }),
    good: prop({ type: 'number', minimum: 0, maximum: 1 }),
    pointer: '/properties/p',
  },
  {
    linter: 'stringLength',
    level: 'warning',
    bad: prop({ type: 'string' }),
    good: prop({ type: 'string', format: 'date-time' }),
    pointer: '/properties/p',
  },
  {
    linter: 'optionalNull',
    level: 'info',
    bad: clean(
      { a: { description: 'a', type: 'boolean' }, b: { description: 'b', type: 'boolean' } },
      { required: ['a'] },
    ),
    good: clean(
      {
        a: { description: 'a', type: 'boolean' },
        b: { description: 'b', type: ['boolean', 'null'] },
      },
      { required: ['a'] },
    ),
    pointer: '',
  },
  {
    linter: 'description',
    level: 'info',
    bad: clean({ p: { type: 'boolean' } }),
    good: clean({ p: { type: 'boolean', description: 'p' } }),
    pointer: '/properties/p',
  },
  {
    linter: 'schemaUri',
    level: 'error',
    bad: {
      ...clean({}),
      $schema:
        'https://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
    },
    good: clean({}),
    pointer: '',
  },
  {
    linter: 'bqDisallowedCharacters',
    level: 'warning',
    bad: clean({ 'page-url': { description: 'u', type: 'boolean' } }),
    good: clean({ page_url: { description: 'u', type: 'boolean' } }),
    pointer: '',
  },
  {
    linter: 'bqIllegalStart',
    level: 'warning',
    bad: clean({ '3d': { description: 'd', type: 'boolean' } }),
    good: clean({ _3d: { description: 'd', type: 'boolean' } }),
    pointer: '',
  },
];

describe('lintSchema', () => {
  it('covers all 18 igluctl linters in order', () => {
    expect(LINTER_NAMES).toHaveLength(18);
    expect(cases.map((c) => c.linter)).toEqual(LINTER_NAMES);
  });

  it('finds nothing on a clean schema', () => {
    expect(lintSchema(clean({ flag: { description: 'f', type: 'boolean' } }))).toEqual([]);
  });

  describe.each(cases)('$linter ($level)', ({ linter, level, bad, good, pointer }) => {
    it('flags the bad schema with the right level and pointer', () => {
      const found = lintSchema(bad).filter((issue) => issue.code === linter);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ level, pointer });
      expect(found[0]!.message.startsWith(`${pointer || '/'}: `)).toBe(true);
    });

    it('passes the good schema', () => {
      expect(codesOf(good)).not.toContain(linter);
    });
  });

  it('flags a missing $schema and checks $schema only at the root', () => {
    const { $schema: _omit, ...rest } = clean({});
    expect(lintSchema(rest).map((i) => i.code)).toEqual(['schemaUri']);
    expect(codesOf(prop({ type: 'boolean', $schema: 'nope' }))).toEqual([]);
  });

  it('treats an absent type as compatible with every keyword (igluctl withoutType)', () => {
    expect(
      codesOf(
        prop({ maxLength: 3, minimum: 1, maximum: 2, items: { description: 'i' }, required: [] }),
      ),
    ).toEqual([]);
  });

  it('mimics the igluctl ipv6 quirk: ipv6 is unknown and ivp6 is known', () => {
    const ipv6 = lintSchema(prop({ type: 'string', format: 'ipv6' })).map((issue) => issue.code);
    expect(ipv6).toEqual(['unknownFormats', 'stringLength']);
    expect(codesOf(prop({ type: 'string', format: 'ivp6' }))).toEqual([]);
  });

  it('skips optionalNull without required (igluctl only checks when required exists)', () => {
    expect(codesOf(clean({ b: { description: 'b', type: 'boolean' } }))).toEqual([]);
  });

  it('does not require listed properties when patternProperties may supply them', () => {
    const schema = clean(
      {},
      { required: ['x'], patternProperties: { '^x': { description: 'x' } } },
    );
    expect(codesOf(schema)).not.toContain('requiredPropertiesExist');
  });

  it('walks items, tuples, additionalItems, additionalProperties, patternProperties and combinators', () => {
    const leaf = { type: 'string' };
    const schema = clean(
      {
        list: { description: 'l', type: 'array', items: leaf },
        tuple: { description: 't', type: 'array', items: [leaf, leaf], additionalItems: leaf },
        map: { description: 'm', type: 'object', additionalProperties: leaf },
        pat: { description: 'p', type: 'object', patternProperties: { '^a/b~': leaf } },
        one: { description: 'o', oneOf: [leaf] },
        any: { description: 'a', anyOf: [leaf] },
        all: { description: 'a', allOf: [leaf] },
        neg: { description: 'n', not: leaf },
      },
      { definitions: { hidden: leaf } },
    );
    const pointers = lintSchema(schema)
      .filter((issue) => issue.code === 'stringLength')
      .map((issue) => issue.pointer);
    expect(pointers).toEqual([
      '/properties/list/items',
      '/properties/tuple/items/0',
      '/properties/tuple/items/1',
      '/properties/tuple/additionalItems',
      '/properties/map/additionalProperties',
      '/properties/pat/patternProperties/^a~1b~0',
      '/properties/one/oneOf/0',
      '/properties/any/anyOf/0',
      '/properties/all/allOf/0',
      '/properties/neg/not',
    ]);
  });

  it('skips non-Error checks on request', () => {
    const schema = clean({ p: { type: 'string' } });
    expect(codesOf(schema)).toEqual(['stringLength', 'description']);
    expect(lintSchema(schema, { skipChecks: ['description', 'stringLength'] })).toEqual([]);
  });

  it('refuses to skip Error-level checks or unknown names', () => {
    for (const name of ['schemaUri', 'numericProperties', 'noSuchCheck']) {
      let caught: unknown;
      try {
        lintSchema(clean({}), { skipChecks: [name] });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(IgluError);
      expect((caught as IgluError).code).toBe('invalid_option');
      expect((caught as IgluError).message).toContain(name);
    }
  });

  it('lists the 9 skippable linters (every non-Error one, including the BigQuery pair)', () => {
    expect([...SKIPPABLE_LINTERS].sort()).toEqual(
      cases
        .filter((c) => c.level !== 'error')
        .map((c) => c.linter)
        .sort(),
    );
    expect(SKIPPABLE_LINTERS).toHaveLength(9);
  });
});
