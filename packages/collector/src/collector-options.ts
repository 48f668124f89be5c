import type { CookieOptions } from './http/cookie-options';

/** Where events are kept: in memory (lost on exit) or in an SQLite database file. */
export type StorageOption = 'memory' | { readonly file: string };

/** Options of `startCollector` and `createCollectorApp`. Every one has a default. */
export interface CollectorOptions {
  /** TCP port; `0` picks a free one (the bound port is reported). Default `9090`. */
  readonly port?: number;
  /**
   * Interface to listen on. Default `127.0.0.1`: the collector accepts loopback connections only,
   * unless a host is given explicitly.
   */
  readonly host?: string;
  /** The user's Iglu schema folders, searched in order before the bundled standard schemas. */
  readonly schemaDirs?: readonly string[];
  /**
   * A folder of event specifications (`*.json`, docs/specs.md), or `false` for none. Good events
   * that break a spec naming their schema are flagged (`specViolations` in `/micro/good` and the
   * UI). Default: none; `floe collector` uses `specs` beside its schema folder when present.
   */
  readonly specsDir?: string | false;
  /** Default `'memory'`. The CLI uses a database file. */
  readonly storage?: StorageOption;
  /** Epoch milliseconds; drives `collector_tstamp`, `etl_tstamp`, bad-row timestamps. */
  readonly clock?: () => number;
  /** New ids (network user ids, missing event ids). Default: `crypto.randomUUID`. */
  readonly idSource?: () => string;
  /** The network-user-id cookie; `false` disables it. */
  readonly cookie?: CookieOptions | false;
  /** Bodies above this become one `size_violation` bad row (still 200). Default 1,048,576. */
  readonly maxPayloadSize?: number;
  /** Bodies above this get 413 and nothing is stored. Default 2,097,152. */
  readonly dropPayloadSize?: number;
  /** Longer request lines get 414. Default 20,480 bytes. */
  readonly maxRequestLineLength?: number;
  /** Larger header blocks get 431. Default 40,960 bytes. */
  readonly maxHeadersLength?: number;
  /** Nesting limit for the body and `ue_*`/`co`/`cx` JSON. Default 40. */
  readonly maxJsonDepth?: number;
  /** Keep-alive idle timeout. Default 610,000 ms. */
  readonly idleTimeoutMs?: number;
  /** Cap on stored items (good, incomplete and bad); the oldest requests are evicted. */
  readonly maxEvents?: number;
  /** Name written into bad rows, `v_collector` and `v_etl`. Default `floe-local-collector`. */
  readonly processorName?: string;
  /** Schema warnings (for example an unknown `format`). Default: ignored. */
  readonly onWarning?: (message: string) => void;
  /** Unexpected internal errors (the request gets 500). Default: `console.error`. */
  readonly onError?: (error: unknown) => void;
}
