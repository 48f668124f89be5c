import type { IncomingMessage } from 'node:http';

/** A body read within its limit, or the fact that it went over. */
export type BodyResult = { readonly ok: true; readonly body: Buffer } | { readonly ok: false };

/**
 * Reads a request body up to `limit` bytes. Past the limit it stops buffering at once (the
 * caller answers 413); a `Content-Length` above the limit fails before any byte is read.
 *
 * @param req - the request
 * @param limit - the largest body accepted, in bytes
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        chunks.length = 0;
        finish({ ok: false });
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish({ ok: true, body: Buffer.concat(chunks, size) }));
    // An aborted upload has no one left to answer; resolve so nothing waits forever.
    req.once('error', () => finish({ ok: false }));
    req.once('close', () =>
      finish({ ok: true, body: Buffer.concat(chunks, Math.min(size, limit)) }),
    );
  });
}
