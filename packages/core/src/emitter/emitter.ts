import type { FlushResult } from '../protocol/drop-report';
import type { Payload } from '../protocol/payload';

/** Deadline for `flush()` and `shutdown()`. */
export interface FlushOptions {
  readonly timeoutMs?: number;
}

/**
 * Takes built events from a tracker and delivers them: `add`, `flush`, `shutdown`, as small as
 * an OpenTelemetry exporter. The tracker calls `add` synchronously from `track`; everything else
 * is the emitter's business.
 */
export interface Emitter {
  /** The HTTP method this emitter sends with; a GET emitter turns base64 on by default (decision 10). */
  readonly method?: 'GET' | 'POST';
  /** Queues one event (without `stm`). Never throws: problems become reported drops. */
  add(payload: Payload): void;
  /** Resolves when every event queued before the call is delivered or dropped, or at the deadline. Never rejects. */
  flush(options?: FlushOptions): Promise<FlushResult>;
  /** Stops accepting events, flushes with a deadline, then releases every handle. Idempotent. */
  shutdown(options?: FlushOptions): Promise<FlushResult>;
}
