import type { Emitter, FlushResult, Payload } from '@floe/core';

/** An emitter that records every payload it is given, for exact assertions. */
export interface TestSink extends Emitter {
  readonly payloads: Payload[];
  readonly calls: string[];
}

/**
 * Creates an in-memory emitter that records payloads and answers flush/shutdown with the count of
 * payloads it holds as delivered.
 *
 * @param method - the HTTP method the sink pretends to use (GET turns base64 on by default).
 */
export function createTestSink(method?: 'GET' | 'POST'): TestSink {
  const payloads: Payload[] = [];
  const calls: string[] = [];
  const result = (): FlushResult => ({ delivered: payloads.length, dropped: 0, pending: 0 });
  return {
    ...(method === undefined ? {} : { method }),
    payloads,
    calls,
    add(payload) {
      payloads.push(payload);
    },
    async flush() {
      calls.push('flush');
      return result();
    },
    async shutdown() {
      calls.push('shutdown');
      return result();
    },
  };
}
