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
    getRandomValues<T extends Uint8Array>(array: T): T;
  };

  class TextEncoder {
    encode(input?: string): Uint8Array;
    encodeInto(input: string, destination: Uint8Array): { read: number; written: number };
  }
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean });
    decode(input?: Uint8Array): string;
  }

  function btoa(data: string): string;
  function atob(data: string): string;
}

export {};
