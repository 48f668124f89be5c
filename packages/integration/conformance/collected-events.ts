// Reads back, from the embedded collector, the events one runtime's harness sent (its `aid`).
import type { MicroBadEvent, MicroGoodEvent } from '@floe/example-demo';
import { microBad, microGood } from '../src/micro';

/** One runtime's events as the collector sorted them. */
export interface CollectedEvents {
  readonly good: readonly Readonly<Record<string, string>>[];
  readonly bad: readonly MicroBadEvent[];
}

/** The good events' raw parameters and the bad rows of the app id `conformance-<runtime>`. */
export async function collectedEvents(base: string, runtime: string): Promise<CollectedEvents> {
  const aid = `conformance-${runtime}`;
  const good: MicroGoodEvent[] = await microGood(base);
  const bad: MicroBadEvent[] = await microBad(base);
  return {
    good: good.map((event) => event.rawEvent.parameters).filter((p) => p.aid === aid),
    bad: bad.filter((event) => event.rawEvent?.parameters.aid === aid),
  };
}
