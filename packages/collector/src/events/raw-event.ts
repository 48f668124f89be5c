/** The adapter a payload went through: vendor and version of its path. */
export interface ApiRoute {
  readonly vendor: string;
  readonly version: string;
}

/** Where a payload was collected (Micro's `source`). */
export interface PayloadSource {
  /** `<processor>-<version>`, e.g. `floe-local-collector-0.1.0`. */
  readonly name: string;
  readonly encoding: 'UTF-8';
  /** The `Host` header, or `null`. */
  readonly hostname: string | null;
}

/** What the collector observed about the HTTP request (Micro's `context`). */
export interface PayloadContext {
  /** Collector time, ISO-8601. */
  readonly timestamp: string;
  /** Source address (`unknown` under `SP-Anonymous`). */
  readonly ipAddress: string;
  readonly useragent: string | null;
  readonly refererUri: string | null;
  /** `Name: value` lines; `X-Forwarded-For`, `X-Real-Ip` and `Cookie` removed when anonymous. */
  readonly headers: readonly string[];
  /** The network user id the collector chose. */
  readonly userId: string;
}

/** One event as received, before enrichment (Micro's `RawEvent`). */
export interface RawEvent {
  readonly api: ApiRoute;
  /** Tracker parameters as received (base64 values left encoded), query parameters merged in. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly contentType: string | null;
  readonly source: PayloadSource;
  readonly context: PayloadContext;
}
