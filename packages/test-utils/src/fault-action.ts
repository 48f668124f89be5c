/** Which requests an action applies to; without it, event routes only. */
export interface FaultMatch {
  readonly method?: string;
  readonly path?: string | RegExp;
}

/** Fields every action may carry. */
interface ActionBase {
  /** How many matching requests the action handles (default 1; `Infinity` for all). */
  readonly times?: number;
  readonly match?: FaultMatch;
}

/**
 * One step of a fault script (local-collector.md §10.1). Actions are consumed in order, one per
 * matching request; an empty script means normal handling.
 */
export type FaultAction = ActionBase &
  (
    | {
        readonly type: 'respond';
        readonly status: number;
        readonly headers?: Readonly<Record<string, string>>;
        readonly body?: string;
        /** Stream this many response bytes instead of `body` (large-answer tests). */
        readonly bodyBytes?: number;
        readonly delayMs?: number;
        /** Store the events; default: the status is 2xx. */
        readonly commit?: boolean;
      }
    | { readonly type: 'delay'; readonly ms: number }
    | { readonly type: 'hang'; readonly commit?: boolean }
    | { readonly type: 'resetBeforeRead' }
    | { readonly type: 'resetAfterCommit' }
    | { readonly type: 'partialRead'; readonly fraction?: number }
    | { readonly type: 'headersThenDestroy'; readonly status: number }
    | { readonly type: 'close'; readonly forMs?: number }
  );
