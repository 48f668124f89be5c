// The web-platform globals the delivery half uses (fetch, AbortController, DOMException, URL), typed
// structurally here rather than declared globally: core compiles without DOM or Node types, and
// these names must not leak into the public .d.ts of packages that build on core.
import type { AbortSignalLike } from './transport';

/** The `fetch` options Floe sets (never `credentials`: some Workers runtimes reject it). */
export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignalLike;
  redirect?: 'manual';
  keepalive?: boolean;
}

/** The reader of a response body stream. */
export interface FetchBodyReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

/** The part of a fetch `Response` Floe reads. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { forEach(callback: (value: string, name: string) => void): void };
  readonly body: { getReader(): FetchBodyReader } | null;
}

/** A `fetch`-compatible function (the global one, a polyfill or a test double). */
export type FetchFunction = (input: string, init?: FetchInit) => Promise<FetchResponseLike>;

/** The part of an `AbortController` the emitter uses. */
export interface AbortControllerLike {
  readonly signal: AbortSignalLike;
  abort(reason?: unknown): void;
}

interface DeliveryGlobals {
  readonly fetch?: FetchFunction;
  readonly AbortController: new () => AbortControllerLike;
  /** For the emitter's deadline: an abort reason named `TimeoutError`, as `AbortSignal.timeout()` gives. */
  readonly DOMException: new (
    message: string,
    name: string,
  ) => { readonly name: string };
  readonly URL: new (
    url: string,
    base?: string,
  ) => {
    readonly href: string;
    readonly origin: string;
    readonly protocol: string;
    readonly pathname: string;
  };
}

/** The runtime's globals, read at use time so a polyfill installed later is still found. */
export const runtimeGlobals = globalThis as unknown as DeliveryGlobals;
