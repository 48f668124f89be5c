import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SubjectFields } from '@floe/core';
import {
  createRequestContext,
  defaultRequestContext,
  withRequestSubject,
} from '../src/context/request-context';
import { subjectFromRequest } from '../src/context/subject-from-request';

function fakeRequest(headers: IncomingMessage['headers'], remoteAddress?: string) {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('subjectFromRequest', () => {
  it('takes the first X-Forwarded-For entry and the user agent', () => {
    const req = fakeRequest(
      { 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'user-agent': 'Mozilla/5.0 test' },
      '10.0.0.2',
    );
    expect(subjectFromRequest(req)).toEqual({
      ipAddress: '203.0.113.7',
      useragent: 'Mozilla/5.0 test',
    });
  });

  it.each([
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['198.51.100.4:5000', '198.51.100.4'],
    [' 2001:db8::2 ', '2001:db8::2'],
  ])('normalises the forwarded address %s', (forwarded, ip) => {
    expect(subjectFromRequest(fakeRequest({ 'x-forwarded-for': forwarded })).ipAddress).toBe(ip);
  });

  it('falls back to the socket address (IPv4-mapped IPv6 unwrapped) when the header is absent or junk', () => {
    expect(subjectFromRequest(fakeRequest({}, '::ffff:192.0.2.5'))).toEqual({
      ipAddress: '192.0.2.5',
    });
    expect(
      subjectFromRequest(fakeRequest({ 'x-forwarded-for': 'unknown' }, '192.0.2.6')).ipAddress,
    ).toBe('192.0.2.6');
    expect(subjectFromRequest(fakeRequest({}, undefined))).toEqual({});
  });

  it('ignores X-Forwarded-For when told not to trust it', () => {
    const req = fakeRequest({ 'x-forwarded-for': '203.0.113.7' }, '192.0.2.8');
    expect(subjectFromRequest(req, { trustForwardedFor: false }).ipAddress).toBe('192.0.2.8');
  });

  it('cuts the user agent to the 1,000 characters the pipeline keeps', () => {
    expect(
      subjectFromRequest(fakeRequest({ 'user-agent': 'x'.repeat(1500) })).useragent,
    ).toHaveLength(1000);
  });

  it('reads a real loopback request', async () => {
    let seen: SubjectFields | undefined;
    const server = createServer((req, res) => {
      seen = subjectFromRequest(req);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) =>
      httpRequest({ port, host: '127.0.0.1', headers: { 'user-agent': 'loopback/1' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).end(),
    );
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(seen).toEqual({ ipAddress: '127.0.0.1', useragent: 'loopback/1' });
  });
});

describe('request contexts', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('keeps concurrent requests apart across awaits, timers and promise chains', async () => {
    const context = createRequestContext();
    const seen: [string, string | undefined][] = [];
    const handle = (id: string, delays: number[]) =>
      context.run({ userId: id }, async () => {
        for (const ms of delays) {
          await sleep(ms);
          seen.push([id, context.getSubject()?.userId]);
          await new Promise<void>((resolve) => setImmediate(resolve));
          seen.push([id, context.getSubject()?.userId]);
        }
      });
    await Promise.all([handle('a', [3, 0, 5]), handle('b', [0, 4, 1]), handle('c', [2, 2, 2])]);
    expect(seen).toHaveLength(18);
    for (const [id, userId] of seen) expect(userId).toBe(id);
    expect(context.getSubject()).toBeUndefined();
  });

  it('merges a nested subject over the outer one', () => {
    withRequestSubject({ userId: 'u', ipAddress: '192.0.2.1' }, () => {
      withRequestSubject({ ipAddress: '192.0.2.2' }, () => {
        expect(defaultRequestContext().getSubject()).toEqual({
          userId: 'u',
          ipAddress: '192.0.2.2',
        });
        // A context of its own sees none of the shared one's subjects.
        expect(createRequestContext().getSubject()).toBeUndefined();
      });
    });
    const context = createRequestContext();
    context.run({ userId: 'u', ipAddress: '192.0.2.1' }, () =>
      context.run({ ipAddress: '192.0.2.2' }, () =>
        expect(context.getSubject()).toEqual({ userId: 'u', ipAddress: '192.0.2.2' }),
      ),
    );
  });
});
