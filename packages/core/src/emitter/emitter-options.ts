import type { FloeError } from '../errors/floe-error';
import type { Clock } from '../platform/clock';
import type { DropReport } from '../protocol/drop-report';
import type { EventStore } from '../store/event-store';
import type { Transport } from '../transport/transport';

/** Backoff settings (reliability.md §1): the delay doubles from `baseMs` up to `capMs`. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. Default 500 ms. */
  readonly baseMs?: number;
  /** Largest delay before jitter; the jitter can double it. Default 60,000 ms. */
  readonly capMs?: number;
}

/** What `onSuccess` receives: the events a 2xx answer acknowledged. */
export interface SendSuccess {
  readonly eids: readonly string[];
  readonly status: number;
}

/** What `onFailure` receives for every failed attempt. */
export interface SendFailure {
  readonly eids: readonly string[];
  /** The HTTP status, when one arrived. */
  readonly status?: number;
  /** The transport error, when no status arrived (refused, reset, DNS, TLS, timeout). */
  readonly error?: FloeError;
  /** Whether the events will be sent again; when false an `onDrop` follows. */
  readonly willRetry: boolean;
}

/** Options of `createEmitter`. Defaults follow reliability.md §1. */
export interface EmitterOptions {
  /** The collector's base URL, e.g. `https://collector.example.com` (`https://` is assumed when no scheme is given). */
  readonly endpoint: string;
  /** `POST` (default) sends batches to the tp2 path; `GET` sends one event per `/i` request. */
  readonly method?: 'GET' | 'POST';
  /** Where events wait; a memory store with default caps when absent. */
  readonly store?: EventStore;
  /** How requests are made; `makeFetchTransport()` when absent. */
  readonly transport?: Transport;
  /** The queue length that triggers a send. Default 10. */
  readonly flushAt?: number;
  /**
   * Events per POST at most; `maxPostBytes` usually binds first. A drain sends the backlog in
   * batches bounded by both, never all of it in one request. Default 500.
   */
  readonly maxBatchEvents?: number;
  /** Hard cap on a POST body's exact bytes; only a single larger event is sent alone. Default 40,000. */
  readonly maxPostBytes?: number;
  /** Sends what is queued this often, on an unref'd timer; 0 turns the timer off. Default 5,000 ms. */
  readonly flushIntervalMs?: number;
  /** Aborts a request after this long. Default 5,000 ms. */
  readonly timeoutMs?: number;
  /** Requests in flight at most; the window adapts between 1 and this cap. Default 8. */
  readonly maxInFlight?: number;
  /** `false` turns off every retry, network errors and timeouts included (drops are `retry_disabled`). Default true. */
  readonly retry?: boolean;
  /** Statuses retried even if in the never-retry set, e.g. `[403]`. */
  readonly retryStatusCodes?: readonly number[];
  /** Statuses added to the never-retry set (400, 401, 403, 410, 422). */
  readonly dontRetryStatusCodes?: readonly number[];
  /** Backoff base (default 500 ms) and cap (default 60,000 ms). */
  readonly backoff?: BackoffOptions;
  /** Counted attempts per batch before `max_attempts` (memory stores). Default 10. */
  readonly maxAttempts?: number;
  /** Age after which a durable store's event is dropped as `max_age`. Default 12 h. */
  readonly maxAgeMs?: number;
  /** For GET: send an event whose query would pass 20,000 B by POST instead of dropping it. Default true. */
  readonly postFallback?: boolean;
  /** Path of POST requests. Default `/com.snowplowanalytics.snowplow/tp2`. */
  readonly postPath?: string;
  /** Extra request headers, e.g. `{ 'SP-Anonymous': '*' }`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Ask the runtime to finish requests after the page goes away (browsers). */
  readonly keepalive?: boolean;
  /** Called after a 2xx. */
  readonly onSuccess?: (success: SendSuccess) => void;
  /** Called after every failed attempt. */
  readonly onFailure?: (failure: SendFailure) => void;
  /** Called once for every group of events given up on. */
  readonly onDrop?: (report: DropReport) => void;
  /** Called for store, transport-close and callback errors. */
  readonly onError?: (error: FloeError) => void;
  /** Time source; the system clock by default. */
  readonly clock?: Clock;
  /** Source of U[0,1) for backoff jitter; `Math.random` by default. */
  readonly random?: () => number;
}

/**
 * Options of `createAdapterEmitter` (from `@floe/core/internal`): an adapter names its store and
 * transport, so neither default is bundled with it.
 */
export interface AdapterEmitterOptions extends EmitterOptions {
  readonly store: EventStore;
  readonly transport: Transport;
}
