import { createSystemClock } from '@floe/core/internal';
import {
  createFakeClock,
  createScriptedTransport,
  createTrackedClock,
  validatePayloadData,
} from '../src';

const BODY = JSON.stringify({
  schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
  data: [{ e: 'pv', p: 'srv', tv: 't', eid: 'x', stm: '5' }],
});

describe('createFakeClock', () => {
  it('runs timers in time order as it advances; the wall clock can jump alone', async () => {
    const clock = createFakeClock(1_000_000);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b'), 200);
    clock.setTimeout(() => fired.push('a'), 100);
    const cancelled = clock.setTimeout(() => fired.push('never'), 150);
    clock.clearTimeout(cancelled);
    expect(clock.activeTimers).toBe(2);
    await clock.advance(150);
    expect(fired).toEqual(['a']);
    expect([clock.monotonic(), clock.now()]).toEqual([150, 1_000_150]);
    clock.jumpWall(-3_600_000);
    expect(clock.now()).toBe(1_000_150 - 3_600_000);
    expect(await clock.next()).toBe(true);
    expect(fired).toEqual(['a', 'b']);
    expect(clock.monotonic()).toBe(200);
    expect(await clock.next()).toBe(false);
  });

  it('lets promise chains started by a timer run before the next one fires', async () => {
    const clock = createFakeClock();
    const order: string[] = [];
    clock.setTimeout(() => {
      void Promise.resolve().then(() => order.push('microtask'));
    }, 10);
    clock.setTimeout(() => order.push('second'), 10);
    await clock.advance(10);
    expect(order).toEqual(['microtask', 'second']);
  });
});

describe('createTrackedClock', () => {
  it('counts the timers still scheduled', async () => {
    const clock = createTrackedClock(createSystemClock());
    const handle = clock.setTimeout(() => undefined, 10_000);
    clock.setTimeout(() => undefined, 1);
    expect(clock.activeTimers).toBe(2);
    clock.clearTimeout(handle);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.activeTimers).toBe(0);
  });
});

describe('createScriptedTransport', () => {
  const request = {
    method: 'POST' as const,
    url: 'https://c.test/com.snowplowanalytics.snowplow/tp2',
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    body: BODY,
    signal: new AbortController().signal,
  };

  it('answers from its script on the fake clock, logging parsed events', async () => {
    const clock = createFakeClock();
    const transport = createScriptedTransport(clock);
    transport.push(
      { status: 503, headers: { 'retry-after': '2' }, delayMs: 100 },
      { error: 'ECONNRESET', commit: true },
    );
    const first = transport.send(request);
    await clock.advance(100);
    await expect(first).resolves.toEqual({ status: 503, headers: { 'retry-after': '2' } });
    const second = transport.send(request);
    await clock.advance(0);
    await expect(second).rejects.toMatchObject({ name: 'TransportError', causeCode: 'ECONNRESET' });
    const third = transport.send(request);
    await clock.advance(0);
    await expect(third).resolves.toMatchObject({ status: 200 });
    expect(
      transport.requests.map((entry) => [entry.status, entry.committed, entry.ambiguous]),
    ).toEqual([
      [503, false, false],
      ['reset', true, true],
      [200, true, false],
    ]);
    expect(transport.requests[0]!.events[0]).toMatchObject({ eid: 'x', stm: '5' });
  });

  it('hangs until the caller aborts', async () => {
    const clock = createFakeClock();
    const transport = createScriptedTransport(clock);
    transport.push({ hang: true });
    const controller = new AbortController();
    const pending = transport.send({ ...request, signal: controller.signal });
    await clock.advance(60_000);
    expect(transport.inFlight).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ causeCode: 'ABORTED' });
    expect(transport.inFlight).toBe(0);
    expect(transport.requests[0]!.status).toBe('client_aborted');
  });
});

describe('validatePayloadData', () => {
  it('accepts valid events and names what is wrong with invalid ones', () => {
    expect(validatePayloadData(JSON.parse(BODY).data)).toEqual({ valid: true, errors: [] });
    const result = validatePayloadData([{ e: 'pv', p: 'srv', vid: 1 }]);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/tv|must be string/);
    expect(validatePayloadData([]).valid).toBe(false);
  });
});
