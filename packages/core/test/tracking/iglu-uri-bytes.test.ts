import { writeIgluUri } from '../../src/payload/iglu-uri-bytes';

describe('Iglu URIs written from bytes encoded once', () => {
  it('writes each URI exactly, the same every time, past the cache bound too', () => {
    const into = new Uint8Array(80);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 1100; i++) {
        const uri = `iglu:com.acme/thing_${i}/jsonschema/1-0-${round}`;
        into.fill(0);
        const end = writeIgluUri(uri, into, 3);
        expect(end).toBe(3 + uri.length);
        expect(Buffer.from(into.subarray(3, end)).toString('latin1')).toBe(uri);
        expect(into[2]).toBe(0);
        expect(into[end]).toBe(0);
      }
    }
  });
});
