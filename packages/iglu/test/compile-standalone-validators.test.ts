import { join } from 'node:path';
import {
  compileStandaloneValidators,
  createResolver,
  createValidatorCompiler,
  IgluError,
} from '../src';
import { runStandalone } from './helpers/run-standalone';

const corpus = join(__dirname, '../../../fixtures/iglu-central/schemas');
const refs = join(__dirname, 'fixtures/refs');
const SP = 'iglu:com.snowplowanalytics.snowplow';

describe('compileStandaloneValidators', () => {
  const resolver = createResolver({ roots: [refs, corpus] });
  const uris = [
    `${SP}/link_click/jsonschema/1-0-1`,
    `${SP}/change_form/jsonschema/1-0-0`,
    `${SP}/payload_data/jsonschema/1-0-4`,
    'iglu:com.acme/person/jsonschema/1-0-0',
    'iglu:com.acme/formats/jsonschema/1-0-0',
  ];
  const source = compileStandaloneValidators({ resolver, uris });

  it('is self-contained: no imports, no require, no eval or new Function', () => {
    // Boolean checks keep a failure from printing the whole module.
    expect(/\bimport\b/.test(source)).toBe(false);
    expect(/\brequire\(/.test(source)).toBe(false);
    expect(/\beval\(/.test(source)).toBe(false);
    expect(source.includes('new Function')).toBe(false);
    expect(source.includes('export const validators = {')).toBe(true);
  });

  it('is deterministic: same output for any order or duplicates of the URIs', () => {
    const shuffled = [...uris].reverse().concat(uris[0]!);
    expect(compileStandaloneValidators({ resolver, uris: shuffled }) === source).toBe(true);
  });

  it('keys validators by URI in sorted order', () => {
    const keys = [...source.matchAll(/^ {2}"(iglu:[^"]+)": floeWrap/gm)].map((m) => m[1]);
    expect(keys).toEqual([
      'iglu:com.acme/formats/jsonschema/1-0-0',
      'iglu:com.acme/person/jsonschema/1-0-0',
      `${SP}/change_form/jsonschema/1-0-0`,
      `${SP}/link_click/jsonschema/1-0-1`,
      `${SP}/payload_data/jsonschema/1-0-4`,
    ]);
  });

  it('imported as real ESM under --disallow-code-generation-from-strings, agrees with the runtime validators', () => {
    const samples: unknown[] = [
      {},
      null,
      [],
      { targetUrl: 'https://example.com' },
      { targetUrl: 42, foo: 1 },
      { formId: 'f', elementId: 'e', nodeName: 'DIV', value: null, type: null },
      [{ e: 'pv', p: 'web', tv: 't', dtm: 5 }],
      { home: {}, work: { city: 3 }, tags: ['abcdefg'] },
      {
        when: '2023-02-29T00:00:00Z',
        day: '2024-02-29',
        id: 'x',
        mail: 'a@b.co',
        site: 'rel',
        odd: '?',
      },
      { short: '😀😀😀', word: 'A', count: -1, choice: null, pair: [{}, {}], obj: { k: [3] } },
      { v4: '1.2.3.4', v6: 'zz', host: '-bad-', short: '😀😀' },
    ];
    const standalone = runStandalone(source, samples);
    const runtime = createValidatorCompiler({ resolver });
    expect(Object.keys(standalone).sort()).toEqual([...uris].sort());
    let compared = 0;
    for (const uri of uris) {
      const validate = runtime.compile(uri);
      samples.forEach((sample, index) => {
        const expected = validate(sample).map(({ path, keyword, message }) => ({
          path,
          keyword,
          message,
        }));
        expect(standalone[uri]![index]).toEqual(expected);
        compared += expected.length;
      });
    }
    expect(compared).toBeGreaterThan(40); // the samples really do fail, so messages are compared
  });

  it('fails naming the schema when a remote $ref has no local copy', () => {
    expect(() =>
      compileStandaloneValidators({ resolver, uris: ['iglu:com.acme/dangling/jsonschema/1-0-0'] }),
    ).toThrow(IgluError);
    expect(() =>
      compileStandaloneValidators({ resolver, uris: ['iglu:com.acme/dangling/jsonschema/1-0-0'] }),
    ).toThrow(
      /iglu:com\.acme\/dangling\/jsonschema\/1-0-0.*iglu:com\.acme\/missing\/jsonschema\/1-0-0/,
    );
  });

  it('reports unknown formats through onWarning, naming the schema', () => {
    const warnings: string[] = [];
    compileStandaloneValidators({
      resolver,
      uris: ['iglu:com.acme/formats/jsonschema/1-0-0'],
      onWarning: (message) => warnings.push(message),
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^iglu:com\.acme\/formats\/jsonschema\/1-0-0: unknown format "strict-uri"/,
      ),
    ]);
  });

  it('produces an empty table for no URIs', () => {
    const empty = compileStandaloneValidators({ resolver, uris: [] });
    expect(runStandalone(empty, [{}])).toEqual({});
  });
});
