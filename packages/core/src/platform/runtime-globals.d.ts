// The small set of globals every Floe runtime (Node 20+, Bun, Deno, browsers, workers) provides.
// Core compiles without DOM or Node types on purpose, so it can only reach what is declared here.
// Keep each declaration to the members core actually uses.

declare global {
  function setTimeout(callback: () => void, ms?: number): unknown;
  function clearTimeout(handle: unknown): void;
  function queueMicrotask(callback: () => void): void;

  const console: {
    warn(...data: unknown[]): void;
    error(...data: unknown[]): void;
  };

  const performance: { now(): number };

  const crypto: {
    randomUUID?(): string;
    getRandomValues<T extends Uint8Array>(array: T): T;
  };

  class TextEncoder {
    encode(input?: string): Uint8Array;
  }
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean });
    decode(input?: Uint8Array): string;
  }

  function btoa(data: string): string;
  function atob(data: string): string;
}

export {};

// Delivery half (emitter and fetch transport): fetch, aborts and URL parsing. Declared as narrow
// structural types so they merge with @types/node and lib.dom in test builds.
declare global {
  interface FloeAbortSignal {
    readonly aborted: boolean;
    addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
    removeEventListener(type: 'abort', listener: () => void): void;
  }
  var AbortController: {
    new (): { readonly signal: FloeAbortSignal; abort(reason?: unknown): void };
  };

  var URL: {
    new (
      url: string,
      base?: string,
    ): { readonly href: string; readonly origin: string; readonly pathname: string };
  };

  interface FloeFetchInit {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    signal?: FloeAbortSignal;
    redirect?: 'manual';
    keepalive?: boolean;
  }
  interface FloeBodyReader {
    read(): Promise<{ done: boolean; value?: Uint8Array }>;
    cancel(reason?: unknown): Promise<void>;
  }
  interface FloeFetchResponse {
    readonly status: number;
    readonly headers: { forEach(callback: (value: string, name: string) => void): void };
    readonly body: { getReader(): FloeBodyReader } | null;
  }
  function fetch(input: string, init?: FloeFetchInit): Promise<FloeFetchResponse>;
}
