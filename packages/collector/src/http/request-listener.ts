import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IngestResult } from '../ingest';
import type { CollectorRequest } from '../pipeline/collector-request';
import { matchEventRoute } from '../pipeline/event-route';
import type { SchemaRegistry } from '../schemas/schema-registry';
import type { CollectorSpecs } from '../specs/collector-specs';
import type { EventStorage } from '../storage/event-storage';
import { createHostCheck } from './allowed-hosts';
import { handleMicroRoute } from './micro-routes';
import { readBody } from './read-body';
import { corsHeaders, type ResponseHeaders, send, sendJson, sendText } from './responses';
import { MICRO_SECURITY_HEADERS, UI_SECURITY_HEADERS } from './security-headers';
import { handleUiRoute } from './ui-routes';

/** What the HTTP layer needs from the collector. */
export interface ListenerTarget {
  readonly storage: EventStorage;
  readonly registry: SchemaRegistry;
  readonly uiDir: string;
  readonly dropPayloadSize: number;
  readonly maxRequestLineLength: number;
  readonly maxHeadersLength: number;
  readonly ingest: (request: CollectorRequest) => IngestResult;
  readonly onError: (error: unknown) => void;
  /**
   * The host the collector was told to listen on. `/micro/*` and the UI answer requests whose
   * `Host` names it, a loopback name or the address the connection arrived on; others get 403.
   */
  readonly host?: string;
  /** Event specifications good events are checked against when listed. */
  readonly specs?: CollectorSpecs;
}

/** After a 413, the rest of the upload is discarded for at most this long, then the socket goes. */
const LINGER_MS = 2000;

function headersLength(req: IncomingMessage): number {
  let total = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    total += req.rawHeaders[i]!.length + req.rawHeaders[i + 1]!.length + 4;
  }
  return total;
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  sendText(res, 413, 'payload too large', {
    Connection: 'close',
    ...corsHeaders(req.headers.origin),
  });
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
}

async function handleEvent(
  req: IncomingMessage,
  res: ServerResponse,
  target: ListenerTarget,
): Promise<void> {
  const body = await readBody(req, target.dropPayloadSize);
  if (!body.ok) return tooLarge(req, res);
  const result = target.ingest({
    method: req.method ?? 'GET',
    target: req.url ?? '/',
    headers: pairs(req.rawHeaders),
    body: body.body,
    remoteAddress: req.socket.remoteAddress ?? null,
  });
  send(res, result.status, result.headers, result.body);
}

function setHeaders(res: ServerResponse, headers: ResponseHeaders): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  target: ListenerTarget,
  hostAllowed: (req: IncomingMessage) => boolean,
): Promise<void> {
  const url = req.url ?? '/';
  const method = req.method ?? 'GET';
  if (`${method} ${url} HTTP/${req.httpVersion}`.length > target.maxRequestLineLength) {
    return sendText(res, 414, 'request line too long', { Connection: 'close' });
  }
  if (headersLength(req) > target.maxHeadersLength) {
    return sendText(res, 431, 'request headers too large', { Connection: 'close' });
  }
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (method === 'OPTIONS') {
    return send(
      res,
      200,
      {
        ...corsHeaders(req.headers.origin),
        'Access-Control-Allow-Headers': 'Content-Type, SP-Anonymous',
        'Access-Control-Max-Age': '3600',
      },
      '',
    );
  }
  if (path === '/health' || path === '/sink-health') return sendText(res, 200, 'ok');
  if (path === '/robots.txt') return sendText(res, 200, 'User-agent: *\nDisallow: /\n');
  if (path === '/r' || path.startsWith('/r/')) return sendText(res, 404, 'redirects disabled');
  if (path === '/micro' || path.startsWith('/micro/')) {
    const ui = path === '/micro/ui' || path.startsWith('/micro/ui/');
    setHeaders(res, ui ? UI_SECURITY_HEADERS : MICRO_SECURITY_HEADERS);
    if (!hostAllowed(req)) {
      return sendJson(res, 403, {
        error: `Host ${JSON.stringify(req.headers.host)} is not allowed: the inspection API and the UI answer to localhost, 127.0.0.1, [::1] and the configured host only`,
      });
    }
    if (ui) {
      const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
      return handleUiRoute(res, path, query, target);
    }
    return handleMicroRoute(req, res, path, target);
  }
  if (matchEventRoute(path, method)) return handleEvent(req, res, target);
  return sendText(res, 404, 'not found');
}

/**
 * The collector's Node request listener: routes of local-collector.md §2 and HTTP-level
 * acceptance of §3 (414, 431, 413). `/micro/*` and the UI also check `Host` and carry security
 * headers (decision 35); event routes stay open to every origin. An unexpected error answers 500
 * and is reported; it never takes the server down.
 *
 * @param target - storage, registry, limits and the ingest function
 */
export function createRequestListener(target: ListenerTarget) {
  const hostAllowed = createHostCheck(target.host);
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res, target, hostAllowed).catch((error: unknown) => {
      target.onError(error);
      if (!res.headersSent) sendText(res, 500, 'internal error', { Connection: 'close' });
      else res.destroy();
    });
  };
}
