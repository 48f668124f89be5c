import { selfDescribingText } from '../../src/protocol/self-describing-text';
import { codePointLength, jsonToWellFormed, toWellFormed } from '../../src/protocol/well-formed';

describe('surrogate repair', () => {
  it.each([
    ['plain', 'plain'],
    ['\uD800', '\uFFFD'],
    ['\uDC00', '\uFFFD'],
    ['a\uD83D\uDE00b', 'a\uD83D\uDE00b'],
    ['\uDE00\uD83D', '\uFFFD\uFFFD'],
    ['\uD83D\uD83D\uDE00', '\uFFFD\uD83D\uDE00'],
  ])('toWellFormed(%j) is %j', (input, expected) => {
    expect(toWellFormed(input)).toBe(expected);
  });

  it.each([
    ['\uD800'],
    ['\\\uD800'],
    ['\\\\\uDFFF'],
    ['\uDC00\uDC00\uDC00'],
    ['x\\ud800'],
    ['\\\\ud800'],
    ['😀\uD83D'],
  ])('jsonToWellFormed(JSON.stringify(%j)) equals the JSON of the repaired string', (input) => {
    const repaired = jsonToWellFormed(JSON.stringify(input));
    expect(JSON.parse(repaired)).toBe(toWellFormed(input));
  });

  it('repairs keys as well as values', () => {
    const schema = 'iglu:com.acme/k/jsonschema/1-0-0';
    expect(JSON.parse(selfDescribingText({ schema, data: { '\uD800k': ['\uDC00'] } }))).toEqual({
      schema,
      data: { '\uFFFDk': ['\uFFFD'] },
    });
  });

  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('😀😀a')).toBe(3);
    expect(codePointLength('abc')).toBe(3);
  });
});
