// The parts of the Micro-compatible inspection API (local-collector.md §6–§7) the demo reads. Only
// the fields used here are declared; the collector sends more.

/** `GET /micro/all`. */
export interface MicroCounts {
  readonly total: number;
  readonly good: number;
  readonly bad: number;
}

/** The raw event as the collector received it: tracker parameters as strings. */
export interface MicroRawEvent {
  readonly parameters: Readonly<Record<string, string>>;
}

/** One item of `GET /micro/good`. */
export interface MicroGoodEvent {
  readonly rawEvent: MicroRawEvent;
  readonly eventType: string | null;
  /** `iglu:` URI of the event (synthetic for built-in events). */
  readonly schema: string | null;
  /** Entity URIs, in event order. */
  readonly contexts: readonly string[];
  readonly event: Readonly<Record<string, unknown>>;
}

/** One item of `GET /micro/bad`. */
export interface MicroBadEvent {
  /** `null` for request-level failures (size, protocol violations). */
  readonly rawEvent: MicroRawEvent | null;
  /** A human line, then each bad row as compact JSON text. */
  readonly errors: readonly string[];
  /** The parsed bad row, which Floe's collector adds beside Micro's fields (optional). */
  readonly badRow?: BadRow;
}

/** A Snowplow bad row: `{schema, data: {processor, failure, payload}}`. */
export interface BadRow {
  readonly schema: string;
  readonly data: {
    readonly failure?: { readonly messages?: readonly unknown[] } & Record<string, unknown>;
  } & Record<string, unknown>;
}
