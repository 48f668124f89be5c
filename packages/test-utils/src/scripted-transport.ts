import {
  type Clock,
  type Transport,
  TransportError,
  type TransportRequest,
  type TransportResponse,
} from '@floe/core';
import { parseGet, parsePost } from './parse-events';
import type { DeliveryLog, RequestLogEntry } from './request-log';

/** One scripted answer of a {@link ScriptedTransport}. */
export type ScriptedReply =
  | {
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly delayMs?: number;
      /** Store the events; default: the status is 2xx. */
      readonly commit?: boolean;
    }
  | {
      /** A network failure with this system code (`ECONNREFUSED`, `ENOTFOUND`…). */
      readonly error: string;
      readonly delayMs?: number;
      /** The events were stored before the failure (an ambiguous attempt). */
      readonly commit?: boolean;
    }
  | { readonly hang: true; readonly commit?: boolean };

/** An in-process transport on an injected clock, with the fault server's request log. */
export interface ScriptedTransport extends Transport, DeliveryLog {
  /** Appends answers; once they run out every request gets `fallback` (200 by default). */
  push(...replies: readonly ScriptedReply[]): void;
  /** The answer used when the script is empty. */
  fallback: ScriptedReply;
  /** Requests in flight now, and the most ever at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  readonly closed: boolean;
}

/**
 * A fake transport for production-scale tests under a fake clock (reliability.md §4): delays and
 * hangs run on the injected clock, requests are parsed and validated like the fault server's, and
 * the log feeds `checkInvariants`. A hang ends only when the emitter aborts the request.
 *
 * @param clock - the clock the emitter under test uses.
 * @example
 * const transport = createScriptedTransport(clock);
 * transport.push({ status: 503, headers: { 'retry-after': '2' } });
 */
export function createScriptedTransport(clock: Clock): ScriptedTransport {
  const replies: ScriptedReply[] = [];
  const requests: RequestLogEntry[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let closed = false;

  const log = (request: TransportRequest): RequestLogEntry => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers))
      headers[name.toLowerCase()] = value;
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const parsed = body ? parsePost(headers, body) : parseGet(url.search.slice(1));
    const entry: RequestLogEntry = {
      seq: requests.length + 1,
      arrivedAt: clock.monotonic(),
      method: request.method,
      path: url.pathname,
      query: url.search.slice(1),
      headers,
      bytes: body?.length ?? 0,
      contentType: headers['content-type'],
      action: 'scripted',
      status: 'none',
      events: parsed.events,
      committed: false,
      ambiguous: false,
      responseBytes: 0,
    };
    if (parsed.badRow) entry.badRow = parsed.badRow;
    requests.push(entry);
    return entry;
  };

  const transport: ScriptedTransport = {
    fallback: { status: 200 },
    get requests() {
      return requests;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get closed() {
      return closed;
    },
    push: (...more) => {
      replies.push(...more);
    },
    close() {
      closed = true;
    },
    send(request) {
      const entry = log(request);
      const reply = replies.shift() ?? transport.fallback;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const commit = (): void => {
        entry.committed = !entry.badRow && entry.events.length > 0;
      };
      return new Promise<TransportResponse>((resolve, reject) => {
        let timer: unknown;
        const finish = (): void => {
          inFlight--;
          request.signal.removeEventListener('abort', onAbort);
        };
        const onAbort = (): void => {
          if (timer !== undefined) clock.clearTimeout(timer);
          finish();
          entry.status = 'client_aborted';
          reject(new TransportError('request aborted', { causeCode: 'ABORTED' }));
        };
        request.signal.addEventListener('abort', onAbort, { once: true });
        if ('hang' in reply) {
          if (reply.commit) {
            commit();
            entry.ambiguous = entry.committed;
          }
          return;
        }
        timer = clock.setTimeout(() => {
          finish();
          if ('error' in reply) {
            if (reply.commit) {
              commit();
              entry.ambiguous = entry.committed;
            }
            entry.status = 'reset';
            reject(new TransportError(`scripted ${reply.error}`, { causeCode: reply.error }));
            return;
          }
          const is2xx = reply.status >= 200 && reply.status < 300;
          if (reply.commit ?? is2xx) {
            commit();
            if (!is2xx) entry.ambiguous = entry.committed;
          }
          entry.status = reply.status;
          resolve({ status: reply.status, headers: { ...reply.headers } });
        }, reply.delayMs ?? 0);
      });
    },
  };
  return transport;
}
