import { waitFor } from './wait-for';

/** Counts of active resources by type, from `process.getActiveResourcesInfo()`. */
export type HandleSnapshot = Readonly<Record<string, number>>;

/** Anything that can say how many of its timers are still scheduled (see `createTrackedClock`). */
export interface TimerCounter {
  readonly activeTimers: number;
}

/**
 * Counts the process's active resources (sockets, servers, ref'd timers, file requests) by type.
 * Take one before a test, and compare after with {@link expectNoLeakedHandles}.
 */
export function snapshotHandles(): HandleSnapshot {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function extras(baseline: HandleSnapshot): string[] {
  const now = snapshotHandles();
  const found: string[] = [];
  for (const [type, count] of Object.entries(now)) {
    const before = baseline[type] ?? 0;
    if (count > before) found.push(`${type} ×${count - before}`);
  }
  return found;
}

/**
 * Invariant I6: after `shutdown()` (and the test's servers are closed) no socket, server or ref'd
 * timer is left beyond `baseline`, and the emitter's clock has no timer scheduled — unref'd
 * timers are invisible to Node's resource list, so the clock count catches those. Sockets close
 * asynchronously, so this polls for up to `timeoutMs`.
 *
 * @param baseline - from {@link snapshotHandles} before the test.
 * @param clock - the clock the emitter used, when it counts its timers.
 * @throws Error naming what leaked.
 */
export async function expectNoLeakedHandles(
  baseline: HandleSnapshot,
  clock?: TimerCounter,
  timeoutMs = 1000,
): Promise<void> {
  try {
    await waitFor(
      () => extras(baseline).length === 0 && (clock?.activeTimers ?? 0) === 0,
      timeoutMs,
    );
  } catch {
    const timers = clock?.activeTimers ? [`emitter clock timers ×${clock.activeTimers}`] : [];
    throw new Error(`leaked handles: ${[...extras(baseline), ...timers].join(', ')}`);
  }
}
