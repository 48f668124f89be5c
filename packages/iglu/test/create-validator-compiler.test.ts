import { join } from 'node:path';
import {
  createResolver,
  createValidatorCompiler,
  IgluError,
  type JsonSchema,
  ResolutionError,
  SELF_DESCRIBING_META_SCHEMA_URI,
} from '../src';

const corpus = join(__dirname, '../../../fixtures/iglu-central/schemas');
const refs = join(__dirname, 'fixtures/refs');
const SP = 'iglu:com.snowplowanalytics.snowplow';

const messages = (issues: readonly { message: string }[]) => issues.map((issue) => issue.message);

describe('createValidatorCompiler over the corpus', () => {
  const compiler = createValidatorCompiler({ resolver: createResolver({ roots: [corpus] }) });

  it('link_click 1-0-1: accepts valid data and reports every problem of invalid data', () => {
    const validate = compiler.compile(`${SP}/link_click/jsonschema/1-0-1`);
    expect(validate({ targetUrl: 'https://example.com', elementClasses: ['a', 'b'] })).toEqual([]);
    const issues = validate({ targetUrl: 42, foo: 1 });
    expect(messages(issues)).toEqual([
      "/: must NOT have additional property 'foo'",
      '/targetUrl: must be string, found number',
    ]);
    expect(issues[1]).toMatchObject({
      path: '/targetUrl',
      keyword: 'type',
      schemaPath: '#/properties/targetUrl/type',
      expected: 'string',
      found: 42,
    });
    expect(messages(validate({}))).toEqual(["/: must have required property 'targetUrl'"]);
    expect(validate({})[0]).toMatchObject({ path: '', keyword: 'required', expected: 'targetUrl' });
  });

  it('change_form 1-0-0: enum is independent of type, so null fails a nullable enum without null', () => {
    const validate = compiler.compile(`${SP}/change_form/jsonschema/1-0-0`);
    const base = { formId: 'f', elementId: 'e', nodeName: 'INPUT', value: null };
    expect(validate({ ...base, type: 'text' })).toEqual([]);
    const issues = validate({ ...base, type: null, nodeName: 'DIV' });
    expect(messages(issues)).toEqual([
      '/nodeName: must be one of INPUT, TEXTAREA, SELECT, found "DIV"',
      expect.stringMatching(/^\/type: must be one of button, checkbox, .*, week, found null$/),
    ]);
    expect(issues[0]).toMatchObject({
      keyword: 'enum',
      found: 'DIV',
      expected: ['INPUT', 'TEXTAREA', 'SELECT'],
    });
  });

  it('payload_data 1-0-4: rejects a non-string value and an empty array', () => {
    const validate = compiler.compile(`${SP}/payload_data/jsonschema/1-0-4`);
    expect(validate([{ e: 'pv', p: 'web', tv: 'floe-core-0.1.0' }])).toEqual([]);
    expect(messages(validate([{ e: 'pv', p: 'web', tv: 'x', dtm: 1700000000000 }]))).toEqual([
      '/0/dtm: must be string, found number',
    ]);
    expect(messages(validate([]))).toEqual(['/: must NOT have fewer than 1 items, found 0']);
    expect(messages(validate([{ e: 'pv' }]))).toEqual([
      "/0: must have required property 'tv'",
      "/0: must have required property 'p'",
    ]);
  });

  it('counts maxLength in code points', () => {
    const validate = compiler.compile({
      type: 'object',
      properties: { s: { type: 'string', maxLength: 2 } },
    });
    expect(validate({ s: '😀😀' })).toEqual([]); // four UTF-16 units, two code points
    expect(messages(validate({ s: '😀😀😀' }))).toEqual([
      '/s: must NOT have more than 2 characters, found 3',
    ]);
  });

  it('resolves a remote iglucentral.com $ref to a schema in the roots', () => {
    const validate = compiler.compile(
      'iglu:com.snowplowanalytics.sauna.commands/command/jsonschema/1-0-0',
    );
    const envelope = { schema: 'iglu:com.acme/x/jsonschema/1-0-0', data: {} };
    expect(validate({ envelope, command: envelope })).toEqual([]);
    const issues = validate({ envelope: { schema: 'not a uri', data: {} }, command: envelope });
    expect(issues.map((issue) => issue.path)).toEqual(['/envelope/schema']);
    expect(issues[0]!.keyword).toBe('pattern');
  });

  it('compiles the self-describing meta-schema (which refs the built-in draft-04 meta-schema)', () => {
    const validate = compiler.compile(
      'iglu:com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0',
    );
    expect(
      validate({ self: { vendor: 'a', name: 'b', format: 'jsonschema', version: '1-0-0' } }),
    ).toEqual([]);
    expect(messages(validate({ self: { vendor: 'a' }, type: 5 })).sort()).toEqual(
      expect.arrayContaining([
        "/self: must have required property 'name'",
        '/type: must match a schema in anyOf',
      ]),
    );
  });

  it('describes data that JSON cannot hold without crashing', () => {
    const validate = compiler.compile({ type: 'object', properties: { a: { type: 'string' } } });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(messages(validate({ a: cyclic }))).toEqual(['/a: must be string, found object']);
    const strict = compiler.compile({ enum: ['x'] });
    expect(messages(strict(10n))).toEqual(['/: must be one of x, found 10']);
    expect(messages(strict(cyclic))).toEqual(['/: must be one of x, found [object Object]']);
  });

  it('caches validators per URI', () => {
    const uri = `${SP}/link_click/jsonschema/1-0-1`;
    expect(compiler.compile(uri)).toBe(compiler.compile(uri));
  });

  it('throws a ResolutionError for an unknown URI', () => {
    expect(() => compiler.compile(`${SP}/nope/jsonschema/1-0-0`)).toThrow(ResolutionError);
  });
});

describe('createValidatorCompiler over synthetic fixtures', () => {
  const warnings: string[] = [];
  const compiler = createValidatorCompiler({
    resolver: createResolver({ roots: [refs] }),
    onWarning: (message) => warnings.push(message),
  });

  it('resolves iglu: refs, iglucentral.com refs and local definitions', () => {
    const validate = compiler.compile('iglu:com.acme/person/jsonschema/1-0-0');
    expect(validate({ home: { city: 'Paris' }, work: { city: 'Lyon' }, tags: ['a'] })).toEqual([]);
    expect(messages(validate({ home: {}, work: { city: 7 }, tags: ['toolong'] }))).toEqual([
      "/home: must have required property 'city'",
      '/work/city: must be string, found number',
      '/tags/0: must NOT have more than 5 characters, found 7',
    ]);
  });

  it('follows refs through several schemas', () => {
    const validate = compiler.compile('iglu:com.acme/chain/jsonschema/1-0-0');
    expect(messages(validate({ person: { home: { city: 1 } } }))).toEqual([
      '/person/home/city: must be string, found number',
    ]);
  });

  it.each([
    ['iglu:com.acme/dangling/jsonschema/1-0-0', 'iglu:com.acme/missing/jsonschema/1-0-0'],
    ['iglu:com.acme/foreign/jsonschema/1-0-0', 'https://example.com/schemas/thing.json#'],
  ])('fails %s with unresolved_ref naming %s', (uri, ref) => {
    let caught: unknown;
    try {
      compiler.compile(uri);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IgluError);
    expect((caught as IgluError).code).toBe('unresolved_ref');
    expect((caught as IgluError).message).toContain(uri);
    expect((caught as IgluError).message).toContain(ref);
  });

  it('checks schemas against the self-describing meta-schema when a root holds it', () => {
    let caught: unknown;
    try {
      compiler.compile('iglu:com.acme/not_self_describing/jsonschema/1-0-0');
    } catch (error) {
      caught = error;
    }
    expect((caught as IgluError).code).toBe('invalid_schema');
    expect((caught as IgluError).message).toContain(
      'iglu:com.acme/not_self_describing/jsonschema/1-0-0',
    );
  });

  describe('formats', () => {
    const validate = () => compiler.compile('iglu:com.acme/formats/jsonschema/1-0-0');
    const ok = (data: Record<string, unknown>) => expect(validate()(data)).toEqual([]);
    const bad = (data: Record<string, unknown>, message: string) =>
      expect(messages(validate()(data))).toEqual([message]);

    it('enforces date-time (RFC 3339, offset required, real calendar)', () => {
      ok({ when: '2024-02-29T23:59:60.123Z' });
      ok({ when: '2024-01-01T00:00:00+05:30' });
      bad(
        { when: '2024-01-01T00:00:00' },
        '/when: must match format "date-time", found "2024-01-01T00:00:00"',
      );
      bad(
        { when: '2023-02-29T00:00:00Z' },
        '/when: must match format "date-time", found "2023-02-29T00:00:00Z"',
      );
      bad(
        { when: '2024-13-01T00:00:00Z' },
        '/when: must match format "date-time", found "2024-13-01T00:00:00Z"',
      );
    });

    it('enforces date, uuid, email, uri, hostname, ipv4 and ipv6', () => {
      ok({
        day: '2000-02-29',
        id: 'c6ef3124-b53a-4b13-a233-0088f79dcbcb',
        mail: 'a@example.com',
        site: 'https://example.com/a?b=c#d',
        host: 'example.com',
        v4: '127.0.0.1',
        v6: '::1',
      });
      bad({ day: '1900-02-29' }, '/day: must match format "date", found "1900-02-29"');
      bad({ id: 'not-a-uuid' }, '/id: must match format "uuid", found "not-a-uuid"');
      bad({ mail: 'nobody' }, '/mail: must match format "email", found "nobody"');
      bad({ site: '/relative/path' }, '/site: must match format "uri", found "/relative/path"');
      bad(
        { site: 'https://exa mple.com' },
        '/site: must match format "uri", found "https://exa mple.com"',
      );
      bad({ host: 'a..b' }, '/host: must match format "hostname", found "a..b"');
      bad({ v4: '256.0.0.1' }, '/v4: must match format "ipv4", found "256.0.0.1"');
      bad({ v6: '1:2:3' }, '/v6: must match format "ipv6", found "1:2:3"');
    });

    it('warns about an unknown format once and lets any value pass', () => {
      ok({ odd: 'anything at all' });
      const odd = warnings.filter((w) => w.includes('strict-uri'));
      expect(odd).toHaveLength(1);
      expect(odd[0]).toContain('iglu:com.acme/formats/jsonschema/1-0-0');
      expect(compiler.warnings).toContain(odd[0]);
    });

    it('reports pattern, bounds, enum of a nullable type, uniqueness and object enums', () => {
      const issues = validate()({
        word: 'ABC',
        count: 11,
        choice: null,
        pair: [{ a: 1 }, { a: 1 }],
        obj: { k: [1] },
        short: 'abcd',
      });
      expect(messages(issues)).toEqual([
        '/short: must NOT have more than 3 characters, found 4',
        '/word: must match pattern "^[a-z]+$", found "ABC"',
        '/count: must be <= 10, found 11',
        '/choice: must be one of a, b, found null',
        '/pair: must NOT have duplicate items (items ## 0 and 1 are identical)',
        '/obj: must be one of {"k":[1,2]}, {"k":[3]}, found {"k":[1]}',
      ]);
      ok({ obj: { k: [3] }, pair: [{ a: 1 }, { a: 2 }] });
    });
  });

  it('checks an inline schema without self against the draft-04 meta-schema', () => {
    expect(compiler.compile({ type: 'string' })('x')).toEqual([]);
    let caught: unknown;
    try {
      compiler.compile({ type: 12, required: 'x' });
    } catch (error) {
      caught = error;
    }
    expect((caught as IgluError).code).toBe('invalid_schema');
    expect((caught as IgluError).message).toMatch(
      /^\(inline schema\) is not a valid draft-04 schema: /,
    );
  });

  it('compiles an inline schema object, labelled by its self block', () => {
    const schema: JsonSchema = {
      $schema: SELF_DESCRIBING_META_SCHEMA_URI,
      self: { vendor: 'com.acme', name: 'inline', format: 'jsonschema', version: '1-0-0' },
      type: 'object',
      properties: { a: { type: 'integer' } },
    };
    const validate = compiler.compile(schema);
    expect(compiler.compile(schema)).toBe(validate);
    expect(messages(validate({ a: 1.5 }))).toEqual(['/a: must be integer, found number']);
  });
});
