import {
  compareSchemaKeys,
  formatIgluUri,
  IgluError,
  parseIgluUri,
  schemaKeyFromRef,
  schemaKeysEqual,
} from '../src';

const LINK_CLICK = 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1';

describe('Iglu URIs', () => {
  it('parses and formats a URI', () => {
    const key = parseIgluUri(LINK_CLICK);
    expect(key).toEqual({
      vendor: 'com.snowplowanalytics.snowplow',
      name: 'link_click',
      format: 'jsonschema',
      version: { model: 1, revision: 0, addition: 1 },
    });
    expect(formatIgluUri(key)).toBe(LINK_CLICK);
  });

  it('accepts the full grammar: dots and hyphens in vendors, hyphens and capitals in names', () => {
    const key = parseIgluUri('iglu:com.example-company/Save_Game-2/jsonschema/10-2-3');
    expect(key.vendor).toBe('com.example-company');
    expect(key.name).toBe('Save_Game-2');
    expect(key.version).toEqual({ model: 10, revision: 2, addition: 3 });
  });

  it.each([
    'com.acme/event/jsonschema/1-0-0',
    'iglu:com.acme/event/jsonschema/1-0',
    'iglu:com.acme/event/jsonschema',
    'iglu:com.acme/ev.ent/jsonschema/1-0-0',
    'iglu:com acme/event/jsonschema/1-0-0',
    'iglu:com.acme/event/jsonschema/1-0-0/extra',
    'iglu:com.acme//jsonschema/1-0-0',
    'IGLU:com.acme/event/jsonschema/1-0-0',
    'iglu:com.acme/event/jsonschema/1-0-0\n',
    'http://iglucentral.com/schemas/com.acme/event/jsonschema/1-0-0#',
  ])('rejects %j with invalid_uri', (uri) => {
    let caught: unknown;
    try {
      parseIgluUri(uri);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IgluError);
    expect((caught as IgluError).code).toBe('invalid_uri');
  });

  it('reads keys from iglu: refs and iglucentral.com URLs, ignoring the fragment', () => {
    const expected = parseIgluUri('iglu:com.acme/event/jsonschema/1-0-0');
    for (const ref of [
      'iglu:com.acme/event/jsonschema/1-0-0',
      'http://iglucentral.com/schemas/com.acme/event/jsonschema/1-0-0#',
      'https://iglucentral.com/schemas/com.acme/event/jsonschema/1-0-0#',
      'http://iglucentral.com/schemas/com.acme/event/jsonschema/1-0-0',
      'http://iglucentral.com/schemas/com.acme/event/jsonschema/1-0-0#/definitions/x',
      'iglu:com.acme/event/jsonschema/1-0-0#',
      'iglu:com.acme/event/jsonschema/1-0-0#/definitions/x',
    ]) {
      expect(schemaKeyFromRef(ref)).toEqual(expected);
    }
  });

  it('returns undefined for other refs', () => {
    for (const ref of [
      '#/definitions/x',
      'http://json-schema.org/draft-04/schema#',
      'http://example.com/schemas/com.acme/event/jsonschema/1-0-0#',
      'http://iglucentral.com/schemas/com.acme/event/jsonschema/1-0#',
      'iglu:com.acme/event/jsonschema/1-0',
    ]) {
      expect(schemaKeyFromRef(ref)).toBeUndefined();
    }
  });

  it('compares keys: equality and a deterministic order', () => {
    const a = parseIgluUri('iglu:com.acme/event/jsonschema/1-0-2');
    const b = parseIgluUri('iglu:com.acme/event/jsonschema/1-0-10');
    const c = parseIgluUri('iglu:com.acme/Event/jsonschema/1-0-0');
    expect(schemaKeysEqual(a, parseIgluUri(formatIgluUri(a)))).toBe(true);
    expect(schemaKeysEqual(a, b)).toBe(false);
    expect([b, a, c].sort(compareSchemaKeys)).toEqual([c, a, b]);
  });
});
