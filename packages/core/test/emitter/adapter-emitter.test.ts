import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createMemoryStore } from '@floe/core';
import { createAdapterEmitter } from '@floe/core/internal';
import { createFakeClock, createScriptedTransport } from '@floe/test-utils';
import { FAKE_ENDPOINT } from './fake-setup';
import { makeEvent, runUntilSettled } from './harness';

const SRC = join(__dirname, '../../src');

/** Every source file `file` (relative to src, no extension) reaches through relative imports. */
function importGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(SRC, `${file}.ts`), 'utf8');
  for (const [, target] of text.matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)';/gms)) {
    // Type-only imports count too: stricter than a bundler, never looser.
    importGraph(join(dirname(file), target as string), seen);
  }
  return seen;
}

describe('createAdapterEmitter', () => {
  it('delivers with the store and transport it is given', async () => {
    const clock = createFakeClock();
    const transport = createScriptedTransport(clock);
    const emitter = createAdapterEmitter({
      endpoint: FAKE_ENDPOINT,
      store: createMemoryStore(),
      transport,
      clock,
      flushIntervalMs: 0,
    });
    emitter.add(makeEvent(0));
    expect(await runUntilSettled(clock, emitter.flush())).toEqual({
      delivered: 1,
      dropped: 0,
      pending: 0,
    });
    await runUntilSettled(clock, emitter.shutdown());
    expect(transport.closed).toBe(true);
  });

  it('does not import the memory store or the fetch transport, so adapters do not bundle them', () => {
    const reached = importGraph('emitter/create-adapter-emitter');
    expect(reached).toContain('emitter/drain');
    expect(reached).not.toContain('store/memory-store');
    expect(reached).not.toContain('transport/fetch-transport');
    // The public factory is the one that brings them.
    expect(importGraph('emitter/create-emitter')).toContain('store/memory-store');
  });
});
