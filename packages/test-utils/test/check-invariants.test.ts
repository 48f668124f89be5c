import { checkInvariants, type DeliveryLog, type RequestLogEntry } from '../src';

function event(eid: string, dtm = '1000'): Record<string, string> {
  return { e: 'pv', p: 'srv', tv: 't', eid, dtm };
}

let seq = 0;
function request(
  events: Record<string, string>[],
  stm: string,
  options: { committed?: boolean; ambiguous?: boolean; at?: number } = {},
): RequestLogEntry {
  seq++;
  return {
    seq,
    arrivedAt: options.at ?? seq * 100,
    method: 'POST',
    path: '/com.snowplowanalytics.snowplow/tp2',
    query: '',
    headers: {},
    bytes: 100,
    contentType: 'application/json; charset=UTF-8',
    action: 'normal',
    status: 200,
    events: events.map((payload) => ({ eid: payload['eid']!, stm, payload: { ...payload, stm } })),
    committed: options.committed ?? true,
    ambiguous: options.ambiguous ?? false,
    responseBytes: 2,
  };
}

const log = (...requests: RequestLogEntry[]): DeliveryLog => ({ requests });

describe('checkInvariants', () => {
  const a = event('a');
  const b = event('b');

  it('passes a clean delivery and reports the counts', () => {
    const server = log(request([a, b], '2000'));
    expect(checkInvariants({ tracked: [a, b], dropped: [], server })).toEqual({
      tracked: 2,
      received: 2,
      duplicates: 0,
      ambiguous: 0,
      dropped: 0,
    });
  });

  it('I1: flags an event neither received nor dropped, and accepts reported drops or pending ones', () => {
    const server = log(request([a], '2000'));
    expect(() => checkInvariants({ tracked: [a, b], dropped: [], server })).toThrow(/I1: b/);
    expect(() =>
      checkInvariants({ tracked: [a, b], dropped: [{ eids: ['b'] }], server }),
    ).not.toThrow();
    expect(() =>
      checkInvariants({ tracked: [a, b], dropped: [], server, pending: ['b'] }),
    ).not.toThrow();
  });

  it('I2: duplicates need an ambiguous attempt, and at most A × batch size of them', () => {
    const clean = log(request([a, b], '2000'), request([a, b], '2100'));
    expect(() => checkInvariants({ tracked: [a, b], dropped: [], server: clean })).toThrow(/I2/);
    const cut = log(request([a, b], '2000', { ambiguous: true }), request([a, b], '2100'));
    expect(checkInvariants({ tracked: [a, b], dropped: [], server: cut })).toMatchObject({
      duplicates: 2,
      ambiguous: 1,
    });
    expect(() =>
      checkInvariants({ tracked: [a, b], dropped: [], server: cut, batchSize: 1 }),
    ).toThrow(/I2: 2 duplicates/);
  });

  it('I3/I5: a copy that differs from the tracked event (other than stm) is flagged', () => {
    const changed = log(request([{ ...a, dtm: '999' }], '2000'));
    expect(() => checkInvariants({ tracked: [a], dropped: [], server: changed })).toThrow(
      /I5: a dtm changed[\s\S]*I3/,
    );
  });

  it('I4: each attempt has one digits-only stm, never reused or rewound on a later attempt', () => {
    const reused = log(
      request([a], '2000', { ambiguous: true, at: 0 }),
      request([a], '2000', { at: 50 }),
    );
    expect(() => checkInvariants({ tracked: [a], dropped: [], server: reused })).toThrow(
      /I4: a reused/,
    );
    const missing = log(request([a], ''));
    expect(() => checkInvariants({ tracked: [a], dropped: [], server: missing })).toThrow(
      /I4: event a/,
    );
    const mixed: RequestLogEntry = request([a, b], '2000');
    mixed.events[1] = { ...mixed.events[1]!, stm: '2001' };
    expect(() => checkInvariants({ tracked: [a, b], dropped: [], server: log(mixed) })).toThrow(
      /mixes stm/,
    );
  });

  it('flags events nobody tracked and bodies the pipeline would reject', () => {
    expect(() =>
      checkInvariants({ tracked: [], dropped: [], server: log(request([a], '1')) }),
    ).toThrow(/never tracked/);
    const bad = request([a], '2000');
    bad.badRow = 'content type text/plain';
    expect(() =>
      checkInvariants({ tracked: [a], dropped: [{ eids: ['a'] }], server: log(bad) }),
    ).toThrow(/bad row/);
    expect(() =>
      checkInvariants({
        tracked: [a],
        dropped: [{ eids: ['a'] }],
        server: log(bad),
        allowBadRows: true,
      }),
    ).not.toThrow();
  });
});
