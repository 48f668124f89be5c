import type { SchemaRegistry } from '../schemas/schema-registry';

/** Everything request processing needs besides the request itself. */
export interface ProcessingConfig {
  /** Processor name written into bad rows and `source.name` (`floe-local-collector`). */
  readonly processorName: string;
  /** Processor version (the package version). */
  readonly processorVersion: string;
  /** Epoch milliseconds; drives `collector_tstamp`, `etl_tstamp` and bad-row timestamps. */
  readonly clock: () => number;
  /** New ids: network user ids and missing event ids. */
  readonly idSource: () => string;
  /** The network-user-id cookie name, or `null` when cookies are disabled. */
  readonly cookieName: string | null;
  /** Bodies above this many bytes become one `size_violation` bad row. */
  readonly maxPayloadSize: number;
  /** Deepest JSON nesting allowed in the body and in `ue_*` / `co` / `cx`. */
  readonly maxJsonDepth: number;
  /** Schema resolution and validation. */
  readonly registry: SchemaRegistry;
}
