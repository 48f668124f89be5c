import { advanceIdCookie } from '../src/identity/id-cookie';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DTM = 1_700_000_100_123;

test('no value: a new user and session, this event first', () => {
  const [value, session] = advanceIdCookie(undefined, false, 'e1', DTM, 'COOKIE_1');
  const fields = value.split('.');
  expect(fields).toEqual([
    session.userId,
    '1700000100',
    '1',
    '1700000100',
    '',
    session.sessionId,
    '',
    'e1',
    String(DTM),
    '1',
  ]);
  expect(session).toEqual({
    userId: expect.stringMatching(UUID),
    sessionId: expect.stringMatching(UUID),
    sessionIndex: 1,
    eventIndex: 1,
    previousSessionId: null,
    storageMechanism: 'COOKIE_1',
    firstEventId: 'e1',
    firstEventTimestamp: new Date(DTM).toISOString(),
  });
});

test('a live session counts the event and keeps everything else', () => {
  const stored = 'd1.1700000000.3.1700000050.1699990000.s3.s2.e1.1700000000123.7';
  const [value, session] = advanceIdCookie(stored, true, 'e9', DTM, 'LOCAL_STORAGE');
  expect(value).toBe('d1.1700000000.3.1700000100.1699990000.s3.s2.e1.1700000000123.8');
  expect(session).toMatchObject({
    userId: 'd1',
    sessionId: 's3',
    sessionIndex: 3,
    eventIndex: 8,
    previousSessionId: 's2',
    storageMechanism: 'LOCAL_STORAGE',
    firstEventId: 'e1',
  });
});

test('an expired session starts a new one: the index grows, the old id and last visit are kept', () => {
  const stored = 'd1.1700000000.3.1700000050.1699990000.s3.s2.e1.1700000000123.7';
  const [value, session] = advanceIdCookie(stored, false, 'e9', DTM, 'COOKIE_1');
  expect(value.split('.')).toEqual([
    'd1',
    '1700000000',
    '4',
    '1700000100',
    '1700000050',
    session.sessionId,
    's3',
    'e9',
    String(DTM),
    '1',
  ]);
  expect(session).toMatchObject({ sessionIndex: 4, eventIndex: 1, previousSessionId: 's3' });
});

test('an old, short Snowplow value reads with empty fields; a damaged time is no time', () => {
  const [value, session] = advanceIdCookie(
    'd1.1700000000.1.1700000000.',
    true,
    'e2',
    DTM,
    'COOKIE_1',
  );
  // No session id in the value: a new session starts, with the user kept.
  expect(value.split('.').slice(0, 3)).toEqual(['d1', '1700000000', '2']);
  expect(session.firstEventId).toBe('e2');
  const [, damaged] = advanceIdCookie('d1.1.1.1..s1..e1.x.3', true, 'e3', DTM, 'COOKIE_1');
  expect(damaged).toMatchObject({ eventIndex: 4, firstEventId: 'e1', firstEventTimestamp: null });
});
