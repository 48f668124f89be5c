import type {
  Clock,
  DropReport,
  EmitterOptions,
  EventStore,
  FloeError,
  Platform,
  TrackerOptions,
  Transport,
} from '@floe/core';
import type { RequestContext } from '../context/request-context';
import type { NodeHttpTransportOptions } from '../transport/node-http-transport';

/**
 * Options of `createNodeTracker`: the tracker options of core (namespace, appId, subject,
 * plugins, global contexts, validation…), the emitter options of core (flushAt, maxPostBytes,
 * flushIntervalMs, timeoutMs, retry, backoff, maxAgeMs, onSuccess, onFailure…), and the Node
 * adapter's own.
 */
export interface NodeTrackerOptions
  extends Omit<
      TrackerOptions,
      'platform' | 'emitters' | 'adapter' | 'clock' | 'onDrop' | 'onError'
    >,
    Omit<EmitterOptions, 'store' | 'transport' | 'clock' | 'onDrop' | 'onError'> {
  /** Platform (`p`) of every event. Default `srv`. */
  readonly platform?: Platform;
  /**
   * Where events wait: `'disk'` (the durable queue in `queueDir`), `'memory'`, or your own
   * store. Default `'disk'` when `queueDir` is given, else `'memory'`.
   */
  readonly queue?: 'disk' | 'memory' | EventStore;
  /**
   * Directory of the disk queue, one per process (it is locked). Default for `queue: 'disk'`:
   * `<os.tmpdir()>/floe-queue/<namespace>`.
   */
  readonly queueDir?: string;
  /** When `track()` returns, the event is written (`'write'`, default) or also fsynced (`'fsync'`). */
  readonly durability?: 'write' | 'fsync';
  /** Byte cap of the queue (checked first). Default 256 MiB on disk, 128 MiB in memory. */
  readonly maxQueueBytes?: number;
  /** Event cap of the queue. Default 1,000,000. */
  readonly maxQueueEvents?: number;
  /** How requests are made. Default `makeNodeHttpTransport(http)`. */
  readonly transport?: Transport;
  /** Options of the default transport (keep-alive, sockets, TLS, DNS lookup). */
  readonly http?: NodeHttpTransportOptions;
  /** Shut down on `beforeExit`, `SIGTERM` and `SIGINT`. Default true. */
  readonly exitHandlers?: boolean;
  /** Deadline of the exit-time shutdown and the default of `shutdown()`. Default 5,000 ms. */
  readonly shutdownTimeoutMs?: number;
  /**
   * Where the current request's subject comes from (see `withRequestSubject`). Default the shared
   * context; `false` turns the merge off.
   */
  readonly requestContext?: RequestContext | false;
  /** Time source for timestamps, backoff and timeouts. Default the system clock. */
  readonly clock?: Clock;
  /** Receives every event given up on, at track time or in the queue. */
  readonly onDrop?: (report: DropReport) => void;
  /** Receives every error worked around (transport, store, callbacks…). Default `console.warn`. */
  readonly onError?: (error: FloeError) => void;
}
