import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLogEntry } from './request-log';

/** Bytes of a body kept in memory; the rest is only counted (the 413 rule needs the size only). */
export const MAX_KEPT_BODY = 2_097_153;

/** A 1×1 transparent GIF, the collector's answer to GET event routes. */
export const PIXEL = Buffer.from(
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'base64',
);

/** One request being handled, with its log entry and whether the client has gone away. */
export class Exchange {
  clientGone = false;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly entry: RequestLogEntry,
  ) {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    res.on('close', () => {
      if (!res.writableFinished) {
        this.clientGone = true;
        // Stored, but the answer never fully left: the client may resend (local-collector §10.2).
        if (this.entry.committed) this.entry.ambiguous = true;
      }
    });
  }

  /** Reads the whole body (keeping at most {@link MAX_KEPT_BODY} bytes). */
  readBody(): Promise<Buffer> {
    return new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      this.req.on('data', (chunk: Buffer) => {
        this.entry.bytes += chunk.length;
        if (kept < MAX_KEPT_BODY) {
          chunks.push(chunk);
          kept += chunk.length;
        }
      });
      const done = (): void => resolve(Buffer.concat(chunks));
      this.req.on('end', done);
      this.req.on('close', done);
    });
  }

  /** Reads until `fraction` of the announced body arrived, then stops reading for good. */
  readPart(fraction: number): Promise<void> {
    const length = Number(this.req.headers['content-length'] ?? 0);
    const target = Math.max(1, Math.floor(length * fraction));
    return new Promise<void>((resolve) => {
      const onData = (chunk: Buffer): void => {
        this.entry.bytes += chunk.length;
        if (this.entry.bytes >= target) {
          this.req.off('data', onData);
          this.req.pause();
          resolve();
        }
      };
      this.req.on('data', onData);
      this.req.on('close', () => resolve());
    });
  }

  /** Sends a complete answer, unless the client is already gone. */
  send(status: number, headers: Record<string, string>, body: string | Buffer = ''): void {
    if (this.clientGone || this.res.destroyed) {
      this.entry.status = 'client_aborted';
      return;
    }
    this.entry.status = status;
    this.entry.responseBytes = Buffer.byteLength(body);
    this.res.writeHead(status, headers);
    this.res.end(body);
  }

  /** Streams `total` bytes with backpressure, counting what was handed to the socket. */
  stream(status: number, headers: Record<string, string>, total: number): void {
    if (this.clientGone || this.res.destroyed) {
      this.entry.status = 'client_aborted';
      return;
    }
    this.entry.status = status;
    this.res.writeHead(status, { ...headers, 'content-length': String(total) });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let left = total;
    const pump = (): void => {
      while (left > 0 && !this.res.destroyed) {
        const size = Math.min(left, chunk.length);
        left -= size;
        this.entry.responseBytes += size;
        if (!this.res.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          this.res.once('drain', pump);
          return;
        }
      }
      if (left === 0) this.res.end();
    };
    pump();
  }

  /** Resets the connection (RST, not a graceful close). */
  reset(): void {
    this.entry.status = 'reset';
    const socket = this.req.socket;
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
    else socket.destroy();
  }
}
