import { pageFromRequest, subjectFromRequest } from '@floe/edge';

const page = 'https://shop.example.com/cart?x=1';

describe('subjectFromRequest', () => {
  it('reads IP, user agent and language from a Request, and the page apart', () => {
    const request = new Request(page, {
      headers: {
        'cf-connecting-ip': '198.51.100.7',
        'x-forwarded-for': '203.0.113.9, 10.0.0.1',
        'user-agent': 'Mozilla/5.0 (test)',
        'accept-language': 'de-CH,de;q=0.9,en;q=0.5',
        referer: 'https://example.com/',
      },
    });
    expect(subjectFromRequest(request)).toEqual({
      ipAddress: '198.51.100.7',
      useragent: 'Mozilla/5.0 (test)',
      language: 'de-CH',
    });
    expect(pageFromRequest(request)).toEqual({ url: page, refr: 'https://example.com/' });
  });

  it('falls back to the first X-Forwarded-For entry, and leaves out what is absent', () => {
    const request = new Request(page, {
      headers: { 'x-forwarded-for': ' 203.0.113.9 , 10.0.0.1' },
    });
    expect(subjectFromRequest(request)).toEqual({ ipAddress: '203.0.113.9' });
    expect(pageFromRequest(request)).toEqual({ url: page });
  });

  it('ignores a wildcard language and cuts the user agent to 1,000 characters', () => {
    const request = new Request(page, {
      headers: { 'accept-language': '*', 'user-agent': 'u'.repeat(1500) },
    });
    const subject = subjectFromRequest(request);
    expect(subject.language).toBeUndefined();
    expect(subject.useragent).toHaveLength(1000);
  });
});
