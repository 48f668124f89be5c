import { type SubjectFields, trackStructEvent } from '@floe/core';
import { createHarness, deepFreeze } from './helpers/fixtures';

const SESSION = '5a0e2d7e-8c5f-4d4e-9d3c-0b1e2f3a4b5c';

const EVERY_FIELD: SubjectFields = {
  userId: 'u-1',
  platform: 'mob',
  screenResolution: [1920, 1080],
  viewport: [1280.4, 720.6],
  documentSize: [1280, 4000],
  colorDepth: 24,
  timezone: 'Europe/London',
  language: 'en-GB',
  charset: 'UTF-8',
  domainUserId: 'd-1',
  networkUserId: 'n-1',
  sessionId: SESSION,
  sessionIndex: 3,
  ipAddress: '203.0.113.9',
  useragent: 'Mozilla/5.0',
  cookiesEnabled: false,
};

const track = (h: ReturnType<typeof createHarness>, subject?: SubjectFields) =>
  trackStructEvent(h.tracker, { category: 'c', action: 'a' }, subject ? { subject } : undefined);

describe('subject', () => {
  it('maps every field to its payload key (tnuid, never nuid)', () => {
    const h = createHarness({ subject: EVERY_FIELD });
    track(h);
    const { e, eid, dtm, tv, tna, se_ca, se_ac, ...subject } = h.payloads[0]!;
    expect(subject).toEqual({
      uid: 'u-1',
      p: 'mob',
      res: '1920x1080',
      vp: '1280x721',
      ds: '1280x4000',
      cd: '24',
      tz: 'Europe/London',
      lang: 'en-GB',
      cs: 'UTF-8',
      duid: 'd-1',
      tnuid: 'n-1',
      sid: SESSION,
      vid: '3',
      ip: '203.0.113.9',
      ua: 'Mozilla/5.0',
      cookie: '0',
    });
    expect(h.payloads[0]).not.toHaveProperty('nuid');
  });

  it('merges a per-event subject over the tracker subject field by field, mutating neither', () => {
    const trackerSubject = deepFreeze({ userId: 'u-1', language: 'fr', timezone: 'Europe/Paris' });
    const eventSubject = deepFreeze({ userId: 'u-2', ipAddress: '198.51.100.1' });
    const h = createHarness({ subject: trackerSubject });
    track(h, eventSubject);
    track(h);
    expect(h.payloads[0]).toMatchObject({
      uid: 'u-2',
      lang: 'fr',
      tz: 'Europe/Paris',
      ip: '198.51.100.1',
    });
    expect(h.payloads[1]).toMatchObject({ uid: 'u-1', lang: 'fr' });
    expect(h.payloads[1]).not.toHaveProperty('ip');
    expect(trackerSubject).toEqual({ userId: 'u-1', language: 'fr', timezone: 'Europe/Paris' });
  });

  it('setSubject replaces the subject; clearing it never removes p', () => {
    const h = createHarness({ subject: { userId: 'u-1', platform: 'mob' } });
    h.tracker.setSubject({ language: 'de' });
    track(h);
    h.tracker.setSubject(undefined);
    track(h);
    expect(h.payloads[0]).toMatchObject({ lang: 'de', p: 'srv' });
    expect(h.payloads[0]).not.toHaveProperty('uid');
    expect(h.payloads[1]!['p']).toBe('srv');
    expect(h.payloads[1]).not.toHaveProperty('lang');
  });

  it('a per-event platform overrides the tracker platform for that event only', () => {
    const h = createHarness();
    track(h, { platform: 'iot' });
    track(h);
    expect(h.payloads.map((p) => p['p'])).toEqual(['iot', 'srv']);
  });

  it.each<[string, SubjectFields]>([
    ['a session id that is not a UUID', { sessionId: 'abc' }],
    ['a session index below 1', { sessionIndex: 0 }],
    ['a session index beyond 32 bits', { sessionIndex: 2 ** 31 }],
    ['a colour depth over 12 digits', { colorDepth: 1e13 }],
    ['a fractional colour depth', { colorDepth: 24.5 }],
    ['a user id over 255 characters', { userId: 'u'.repeat(256) }],
    ['a user agent over 1000 characters', { useragent: 'a'.repeat(1001) }],
    ['negative dimensions', { viewport: [-1, 10] }],
    ['an unknown platform', { platform: 'desktop' as never }],
  ])('rejects the event for %s', (_, subject) => {
    const h = createHarness();
    expect(track(h, subject)).toMatch(/^0{8}-/);
    expect(h.payloads).toEqual([]);
    expect(h.drops).toMatchObject([{ reason: 'invalid' }]);
    expect(h.tracker.stats().dropped).toEqual({ invalid: 1 });
  });

  it('accepts values of exactly the maximum length, counted in code points', () => {
    const h = createHarness();
    track(h, { userId: '😀'.repeat(255) });
    expect(h.payloads[0]!['uid']).toBe('😀'.repeat(255));
  });

  it('an invalid tracker subject from setSubject rejects events until a valid one is set', () => {
    const h = createHarness();
    h.tracker.setSubject({ sessionId: 'nope' });
    track(h);
    h.tracker.setSubject({ sessionId: SESSION });
    track(h);
    expect(h.drops).toMatchObject([
      { reason: 'invalid', error: { message: expect.stringMatching(/sid/) } },
    ]);
    expect(h.payloads).toHaveLength(1);
    expect(h.payloads[0]!['sid']).toBe(SESSION);
  });
});
