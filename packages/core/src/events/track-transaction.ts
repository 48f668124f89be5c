import type { CoreEvent } from '../protocol/core-event';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import type { TrackOptions } from '../tracker/track-options';
import type { Tracker } from '../tracker/tracker';

/**
 * One line of an ecommerce transaction (`e=ti`). It has no order id or currency: items always take
 * the transaction's, so nothing can be overwritten (tracker protocol §2.5).
 */
export interface TransactionItem {
  /** Stock-keeping unit (`ti_sk`), up to 255 characters. */
  readonly sku: string;
  /** Unit price (`ti_pr`). */
  readonly price: number;
  /** Quantity (`ti_qu`), a safe integer. */
  readonly quantity: number;
  /** Product name (`ti_nm`), up to 255 characters. */
  readonly name?: string;
  /** Product category (`ti_ca`), up to 255 characters. */
  readonly category?: string;
  /** Entities of this item only, sent after the call's `context`. */
  readonly context?: readonly SelfDescribingJson<unknown>[];
}

/** An ecommerce transaction (`e=tr`) and its items. */
export interface Transaction {
  /** Order id (`tr_id`, and `ti_id` on every item), up to 255 characters. */
  readonly orderId: string;
  /** Total value (`tr_tt`). */
  readonly total: number;
  /** Affiliation (`tr_af`), up to 255 characters. */
  readonly affiliation?: string;
  /** Tax (`tr_tx`). */
  readonly tax?: number;
  /** Shipping cost (`tr_sh`). */
  readonly shipping?: number;
  /** City (`tr_ci`), up to 255 characters. */
  readonly city?: string;
  /** State or province (`tr_st`), up to 255 characters. */
  readonly state?: string;
  /** Country (`tr_co`), up to 255 characters. */
  readonly country?: string;
  /** ISO 4217 currency code (`tr_cu`, and `ti_cu` on every item), 3 characters. */
  readonly currency?: string;
  /** The lines, sent as one `ti` event each, in this order. */
  readonly items: readonly TransactionItem[];
}

/**
 * Tracks an ecommerce transaction: one `tr` event, then one `ti` event per item. All of them share
 * one `dtm`, the subject, the true timestamp (only if given) and the call's entities. Validation
 * is all-or-nothing, and the caller's objects are never modified.
 *
 * @param tracker - from `createTracker`.
 * @param transaction - the order and its items.
 * @param options - entities, true timestamp, per-event subject.
 * @returns every event id, the transaction's first. Never throws: if the transaction or any item
 *   is invalid, nothing is queued and all of them are reported to `onDrop` as `invalid`.
 * @example
 * const [orderEid, ...itemEids] = trackTransaction(tracker, {
 *   orderId: 'o-1',
 *   total: 7.99,
 *   currency: 'EUR',
 *   items: [{ sku: 'sku-1', price: 7.99, quantity: 1 }],
 * });
 */
export function trackTransaction(
  tracker: Tracker,
  transaction: Transaction,
  options?: TrackOptions,
): string[] {
  const orderId = transaction?.orderId;
  const currency = transaction?.currency;
  const items = transaction?.items;
  const order: CoreEvent = {
    e: 'tr',
    fields: {
      tr_id: orderId,
      tr_tt: transaction?.total,
      tr_af: transaction?.affiliation,
      tr_tx: transaction?.tax,
      tr_sh: transaction?.shipping,
      tr_ci: transaction?.city,
      tr_st: transaction?.state,
      tr_co: transaction?.country,
      tr_cu: currency,
    },
    ...(Array.isArray(items) ? {} : { inputError: 'transaction: items must be an array' }),
  };
  const events: CoreEvent[] = [order];
  if (Array.isArray(items)) {
    for (let i = 0; i < items.length; i++) events.push(itemEvent(items[i], i, orderId, currency));
  }
  return tracker.track(events, options);
}

function itemEvent(
  item: TransactionItem | undefined,
  index: number,
  orderId: string | undefined,
  currency: string | undefined,
): CoreEvent {
  if (typeof item !== 'object' || item === null) {
    return { e: 'ti', inputError: `transaction: items[${index}] is not an object` };
  }
  return {
    e: 'ti',
    fields: {
      ti_id: orderId,
      ti_sk: item.sku,
      ti_pr: item.price,
      ti_qu: item.quantity,
      ti_nm: item.name,
      ti_ca: item.category,
      ti_cu: currency,
    },
    context: item.context,
  };
}
