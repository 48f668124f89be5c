import type { BadEvent } from '../events/bad-event';
import type { GoodEvent } from '../events/good-event';

/** `/micro/good` filters (local-collector.md §6); every given filter must hold. */
export interface GoodEventFilter {
  /** The enriched `event`: `page_view`, `page_ping`, `struct`, `unstruct`, `transaction`… */
  readonly event_type?: string;
  /** The GoodEvent `schema` URI (synthetic for built-in types). */
  readonly schema?: string;
  /** Every listed entity URI must be attached to the event. */
  readonly contexts?: readonly string[];
  /** Keep the first N (newest first). */
  readonly limit?: number;
}

/** `/micro/bad` filters: the collector payload's `api`. */
export interface BadEventFilter {
  readonly vendor?: string;
  readonly version?: string;
  readonly limit?: number;
}

/** `/micro/all`: `good` excludes incomplete events; `total = good + bad`. */
export interface EventCounts {
  readonly total: number;
  readonly good: number;
  readonly bad: number;
}

/** What kind of stored item: a valid event, an incomplete event, or a bad event. */
export type StoredKind = 'good' | 'incomplete' | 'bad';

/** One stored item, with the columns the UI filters on. */
export interface StoredItem {
  /** Increasing sequence number, unique across kinds. */
  readonly seq: number;
  /** The request that produced it (newest request lists first). */
  readonly requestSeq: number;
  readonly kind: StoredKind;
  /** Collector time (epoch ms). */
  readonly receivedAt: number;
  readonly value: GoodEvent | BadEvent;
}

/** The items one request produced, committed together. */
export interface CommitBatch {
  readonly receivedAt: number;
  readonly good: readonly GoodEvent[];
  readonly bad: readonly BadEvent[];
}

/** A window of items for the UI: the newest `limit`, or those after a sequence number. */
export interface ItemWindow {
  /** Changes whenever the store is reset, so a client knows to reload. */
  readonly epoch: string;
  readonly lastSeq: number;
  /** Ascending by sequence number. */
  readonly items: readonly StoredItem[];
}

/**
 * Where the collector keeps events. `commit` is synchronous and durable when it returns, which
 * is what lets the collector answer only after its results are visible (§5.1).
 */
export interface EventStorage {
  readonly kind: 'memory' | 'sqlite';
  /** Stores one request's results atomically. */
  commit(batch: CommitBatch): void;
  counts(): EventCounts;
  /** Incomplete events stored (not part of `counts`, as in Micro). */
  incomplete(): number;
  /** Valid GoodEvents, newest request first, request order within a request. */
  good(filter?: GoodEventFilter): GoodEvent[];
  /** BadEvents, newest request first. */
  bad(filter?: BadEventFilter): BadEvent[];
  /** Items of every kind for the UI. */
  items(options: { readonly afterSeq?: number; readonly limit: number }): ItemWindow;
  /** Clears good and bad events. */
  reset(): void;
  /** How many items the retention cap has removed. */
  evicted(): number;
  close(): void;
}
