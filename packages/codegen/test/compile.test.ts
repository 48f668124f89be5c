import { CodegenError } from '../src/codegen-error';
import { compileTypes } from '../src/compile-types';
import type { RemoteLookup } from '../src/hoist-definitions';
import { type NormalizeOptions, normalizeSchema } from '../src/normalize-schema';

const noRemote: RemoteLookup = () => ({ error: 'no remote schemas in this test' });

async function typesOf(
  schema: Record<string, unknown>,
  options: Partial<NormalizeOptions> = {},
): Promise<string> {
  const rootName = 'ComAcmeThing_1_0_0';
  const normalized = normalizeSchema(schema, {
    rootName,
    policy: 'closed',
    lookup: noRemote,
    ...options,
  });
  return (await compileTypes(normalized, rootName)).code;
}

describe('normalising and compiling one schema', () => {
  it('makes a nullable enum exactly its listed values (no null the validator would reject)', async () => {
    const code = await typesOf({
      type: 'object',
      properties: {
        type: { type: ['string', 'null'], enum: ['text', 'email'] },
        mode: { type: ['string', 'null'], enum: ['a', null] },
      },
      additionalProperties: false,
    });
    expect(code).toContain('type?: ("text" | "email");');
    expect(code).toContain('mode?: ("a" | null);');
  });

  it('keeps objects closed where the schema is closed, and closes absent/true by policy', async () => {
    const schema = {
      type: 'object',
      properties: {
        closed: {
          type: 'object',
          properties: { a: { type: 'string' } },
          additionalProperties: false,
        },
        absent: { type: 'object', properties: { b: { type: 'string' } } },
        open: { type: 'object', properties: { c: { type: 'string' } }, additionalProperties: true },
        bag: { type: 'object' },
        typed: { type: 'object', additionalProperties: { type: ['string', 'boolean'] } },
        empty: { type: 'object', properties: {}, additionalProperties: false },
      },
    };
    const closed = await typesOf(schema);
    expect(closed.match(/\[k: string\]: unknown;/g)).toHaveLength(1); // only `bag`
    expect(closed).toContain('[k: string]: string | boolean;');
    expect(closed).toContain('empty?: Record<string, never>;');
    const open = await typesOf(schema, { policy: 'open' });
    expect(open.match(/\[k: string\]: unknown;/g)).toHaveLength(4); // root, absent, open, bag
  });

  it('turns formats, patterns, bounds and integer into doc-comment tags', async () => {
    const code = await typesOf({
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time', description: 'When it happened' },
        code: { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3 },
        count: { type: 'integer', minimum: 0, maximum: 10 },
        ratio: { type: 'number', minimum: 0, exclusiveMinimum: true },
        tags: { type: 'array', items: { type: 'string', maxLength: 20 }, minItems: 1, maxItems: 5 },
      },
      additionalProperties: false,
    });
    expect(code).toContain(
      '   * When it happened\n   *\n   * @format date-time\n   */\n  at?: string;',
    );
    expect(code).toContain('@pattern ^[A-Z]{3}$');
    expect(code).toContain('@minLength 3\n   * @maxLength 3');
    expect(code).toContain('@integer\n   * @minimum 0\n   * @maximum 10');
    expect(code).toContain('@exclusiveMinimum 0');
    expect(code).toContain('@minItems 1\n   * @maxItems 5\n   * @maxLength 20 (each item)');
    expect(code).toContain('tags?: string[];'); // plain array, no tuple types
    expect(code.match(/@minItems/g)).toHaveLength(1);
  });

  it('does not HTML-escape descriptions and cannot be closed early by one', async () => {
    const code = await typesOf({
      type: 'object',
      description: "The form field's <b>value</b> & more */ end",
      properties: {},
    });
    expect(code).toContain("The form field's <b>value</b> & more * / end");
  });

  it('puts the Iglu URI and @deprecated on the root type', async () => {
    const code = await typesOf(
      { type: 'object', description: 'A thing', properties: { a: { type: 'string' } } },
      {
        lead: 'Iglu schema `iglu:com.acme/thing/jsonschema/1-0-0` (SchemaVer 1-0-0).',
        trail: '@deprecated use 1-0-1',
      },
    );
    expect(code).toMatch(
      /\/\*\*\n \* A thing\n \*\n \* Iglu schema `iglu:com.acme\/thing\/jsonschema\/1-0-0` \(SchemaVer 1-0-0\).\n \*\n \* @deprecated use 1-0-1\n \*\/\nexport interface ComAcmeThing_1_0_0 \{/,
    );
  });

  it('strips titles and renames definitions under the owning schema', async () => {
    const code = await typesOf({
      type: 'object',
      title: 'Thing',
      properties: {
        cls: { title: 'CumulativeLayoutShift', type: 'number' },
        items: { type: 'array', items: { $ref: '#/definitions/items_in_cart' } },
      },
      definitions: { items_in_cart: { type: 'object', properties: { sku: { type: 'string' } } } },
    });
    const exported = [...code.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
    expect(exported.sort()).toEqual(['ComAcmeThing_1_0_0', 'ComAcmeThing_1_0_0_ItemsInCart']);
    expect(code).toContain('items?: ComAcmeThing_1_0_0_ItemsInCart[];');
  });

  it('names a repeated enum once and keeps each use documented', async () => {
    const kind = { type: 'string', enum: ['A', 'B'] };
    const code = await typesOf({
      type: 'object',
      properties: {
        first: { ...kind, description: 'First kind' },
        second: { ...kind, description: 'Second kind' },
      },
      additionalProperties: false,
    });
    expect(code).toContain('export type ComAcmeThing_1_0_0_First = ("A" | "B");');
    expect(code).toContain('First kind\n   */\n  first?: ComAcmeThing_1_0_0_First;');
    expect(code).toContain('Second kind\n   */\n  second?: ComAcmeThing_1_0_0_First;');
  });

  it('names a repeated object once, whatever the order of its keys', async () => {
    const range = (first: 'start' | 'end') => ({
      type: 'object',
      properties:
        first === 'start'
          ? { start: { type: 'number' }, end: { type: 'number' } }
          : { end: { type: 'number' }, start: { type: 'number' } },
      additionalProperties: false,
    });
    const code = await typesOf({
      type: 'object',
      properties: {
        played: { type: 'array', items: range('start') },
        seekable: { type: 'array', items: range('end') },
      },
      additionalProperties: false,
    });
    expect(code).toContain('played?: ComAcmeThing_1_0_0_PlayedItem[];');
    expect(code).toContain('seekable?: ComAcmeThing_1_0_0_PlayedItem[];');
    expect(code.match(/export interface ComAcmeThing_1_0_0_PlayedItem /g)).toHaveLength(1);
  });

  it('gives array, nullable, pattern-only and typeless roots a type', async () => {
    await expect(typesOf({ type: 'array', items: { type: 'string' } })).resolves.toContain(
      'export type ComAcmeThing_1_0_0 = string[];',
    );
    await expect(
      typesOf({
        type: ['object', 'null'],
        properties: { a: { type: 'string' } },
        additionalProperties: false,
      }),
    ).resolves.toContain('export type ComAcmeThing_1_0_0 = ({');
    await expect(
      typesOf({
        type: 'object',
        patternProperties: { '^x': { type: 'number' } },
        additionalProperties: false,
      }),
    ).resolves.toContain('[k: string]: number;');
    await expect(typesOf({})).resolves.toMatch(/export (interface|type) ComAcmeThing_1_0_0/);
  });

  it('inlines a remote $ref from the local lookup under a qualified name', async () => {
    const lookup: RemoteLookup = (ref) =>
      ref.includes('instance-iglu-only')
        ? {
            uri: 'iglu:com.snowplowanalytics.self-desc/instance-iglu-only/jsonschema/1-0-0',
            typeName: 'ComSnowplowanalyticsSelfDescInstanceIgluOnly_1_0_0',
            schema: {
              type: 'object',
              properties: { schema: { type: 'string' }, data: {} },
              required: ['schema', 'data'],
            },
          }
        : { error: 'nope' };
    const ref =
      'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/instance-iglu-only/jsonschema/1-0-0#';
    const code = await typesOf(
      {
        type: 'object',
        properties: { envelope: { $ref: ref }, command: { $ref: ref } },
        required: ['envelope'],
      },
      { lookup },
    );
    const name = 'ComAcmeThing_1_0_0_ComSnowplowanalyticsSelfDescInstanceIgluOnly_1_0_0';
    expect(code).toContain(`envelope: ${name};`);
    expect(code).toContain(`command?: ${name};`);
    expect(code.match(new RegExp(`export interface ${name} `, 'g'))).toHaveLength(1);
  });

  it('fails at once, naming the ref, when a remote $ref has no local copy', () => {
    const schema = {
      type: 'object',
      properties: { a: { $ref: 'http://json-schema.org/draft-04/schema#' } },
    };
    expect(() =>
      normalizeSchema(schema, { rootName: 'X_1_0_0', policy: 'closed', lookup: noRemote }),
    ).toThrow(CodegenError);
    expect(() =>
      normalizeSchema(schema, { rootName: 'X_1_0_0', policy: 'closed', lookup: noRemote }),
    ).toThrow('$ref "http://json-schema.org/draft-04/schema#" at /properties/a');
  });

  it('does not change its input', () => {
    const schema = {
      type: 'object',
      title: 'T',
      properties: { a: { type: ['string', 'null'], enum: ['x'] } },
    };
    const copy = structuredClone(schema);
    normalizeSchema(schema, { rootName: 'X_1_0_0', policy: 'closed', lookup: noRemote });
    expect(schema).toEqual(copy);
  });
});
