import fc from 'fast-check';
import {
  compareSchemaVer,
  formatIgluUri,
  formatSchemaVer,
  parseIgluUri,
  parseSchemaVer,
  schemaKeyFromRef,
} from '../src';

const part = (extra: string) => fc.stringMatching(new RegExp(`^[a-zA-Z0-9_${extra}-]{1,20}$`));
const version = fc.record({
  model: fc.nat({ max: 10_000 }),
  revision: fc.nat({ max: 10_000 }),
  addition: fc.nat({ max: 10_000 }),
});
const key = fc.record({ vendor: part('.'), name: part(''), format: part(''), version });

describe('round trips (property-based)', () => {
  it('formatSchemaVer and parseSchemaVer are inverse', () => {
    fc.assert(fc.property(version, (v) => expect(parseSchemaVer(formatSchemaVer(v))).toEqual(v)));
  });

  it('formatIgluUri and parseIgluUri are inverse, and the HTTP ref names the same key', () => {
    fc.assert(
      fc.property(key, (k) => {
        const uri = formatIgluUri(k);
        expect(parseIgluUri(uri)).toEqual(k);
        expect(schemaKeyFromRef(uri)).toEqual(k);
        expect(schemaKeyFromRef(`http://iglucentral.com/schemas/${uri.slice(5)}#`)).toEqual(k);
      }),
    );
  });

  it('compareSchemaVer is a total order consistent with the numbers', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        const sign = Math.sign(compareSchemaVer(a, b));
        expect(sign).toBe(-Math.sign(compareSchemaVer(b, a)) || 0);
        const tuple = (v: typeof a) => v.model * 1e10 + v.revision * 1e5 + v.addition;
        expect(sign).toBe(Math.sign(tuple(a) - tuple(b)));
      }),
    );
  });

  it('parseIgluUri never throws anything but IgluError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseIgluUri(`iglu:${text}`);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('invalid_uri');
        }
      }),
    );
  });
});
