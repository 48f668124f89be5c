import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GoodEvent } from '../events/good-event';
import type { SchemaRegistry } from '../schemas/schema-registry';
import type { CollectorSpecs } from '../specs/collector-specs';
import { withSpecViolations } from '../specs/find-spec-violations';
import type { EventStorage } from '../storage/event-storage';
import { isCrossSiteRequest } from './cross-site';
import { type GoodRouteFilter, parseBadFilter, parseGoodFilter } from './parse-filters';
import { readBody } from './read-body';
import { sendJson, sendText } from './responses';

/** The inspection endpoints, listed in 404 answers. */
export const MICRO_ENDPOINTS = [
  'GET|POST /micro/all',
  'GET /micro/good',
  'POST /micro/good {event_type?, schema?, contexts?, specViolations?, limit?}',
  'GET /micro/bad',
  'POST /micro/bad {vendor?, version?, limit?}',
  'GET|POST /micro/reset',
  'GET /micro/iglu/{vendor}/{name}/jsonschema/{model-revision-addition}',
  'GET /micro/ui',
] as const;

const FILTER_BODY_LIMIT = 65_536;
const VERSION = /^\d+-\d+-\d+$/;

async function bodyText(req: IncomingMessage): Promise<string | undefined> {
  const result = await readBody(req, FILTER_BODY_LIMIT);
  return result.ok ? result.body.toString('utf8') : undefined;
}

function notFound(res: ServerResponse, path: string): void {
  sendJson(res, 404, { error: `Unknown endpoint ${path}`, endpoints: MICRO_ENDPOINTS });
}

function iglu(res: ServerResponse, registry: SchemaRegistry, path: string): void {
  const parts = path.split('/').slice(3);
  if (parts.length !== 4 || parts.some((p) => p === '')) {
    notFound(res, path);
    return;
  }
  const [vendor, name, format, version] = parts as [string, string, string, string];
  if (format !== 'jsonschema' || !VERSION.test(version)) {
    sendJson(res, 404, {
      error: `Malformed schema path ${path}`,
      hint: 'expected /micro/iglu/{vendor}/{name}/jsonschema/{model}-{revision}-{addition}, e.g. /micro/iglu/com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1',
    });
    return;
  }
  const uri = `iglu:${vendor}/${name}/${format}/${version}`;
  try {
    const entry = registry.resolve(uri);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(entry.text);
  } catch (error) {
    // The registry's errors name repositories (`[local: schemas]/…`), never host paths.
    const tried = (error as { tried?: readonly string[] }).tried;
    sendJson(res, 404, { error: (error as Error).message, uri, ...(tried ? { tried } : {}) });
  }
}

/**
 * `/micro/good` with spec flags: each event whose schema a known spec names carries
 * `specViolations` (`[]` when it fits). A `specViolations` filter is applied before `limit`.
 */
function goodEvents(
  storage: EventStorage,
  specs: CollectorSpecs | undefined,
  filter: GoodRouteFilter = {},
): GoodEvent[] {
  if (!specs || specs.count === 0) {
    if (filter.specViolations === true) return [];
    const { specViolations: _ignored, ...rest } = filter;
    return storage.good(rest);
  }
  const { specViolations: wanted, limit, ...rest } = filter;
  let events = storage
    .good(wanted === undefined ? { ...rest, ...(limit ? { limit } : {}) } : rest)
    .map((event) => withSpecViolations(specs, event));
  if (wanted !== undefined) {
    events = events.filter((event) => (event.specViolations?.length ?? 0) > 0 === wanted);
    if (limit) events = events.slice(0, limit);
  }
  return events;
}

/**
 * Serves the Micro-compatible inspection API (local-collector.md §6) under `/micro/`, except
 * the UI. Results are read from storage, which every event request commits to before it
 * answers, so no polling is needed.
 *
 * @param req - the request
 * @param res - the response
 * @param path - the path without the query
 * @param target - storage and schema registry
 */
export async function handleMicroRoute(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  target: {
    readonly storage: EventStorage;
    readonly registry: SchemaRegistry;
    readonly specs?: CollectorSpecs;
  },
): Promise<void> {
  const method = req.method ?? 'GET';
  const { storage } = target;
  if (path.startsWith('/micro/iglu/') && method === 'GET') return iglu(res, target.registry, path);
  const route = `${method} ${path.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /micro/all':
    case 'POST /micro/all':
      return sendJson(res, 200, storage.counts());
    case 'GET /micro/good':
      return sendJson(res, 200, goodEvents(storage, target.specs));
    case 'GET /micro/bad':
      return sendJson(res, 200, storage.bad());
    case 'GET /micro/reset':
    case 'POST /micro/reset':
      // The one state-changing route: pages of other origins may not call it (decision 35).
      if (isCrossSiteRequest(req)) {
        return sendJson(res, 403, {
          error:
            'Cross-site requests may not reset the collector: call /micro/reset from its own UI, a test or curl',
        });
      }
      storage.reset();
      return sendText(res, 200, 'Reset completed');
    case 'POST /micro/good':
    case 'POST /micro/bad': {
      const text = await bodyText(req);
      if (text === undefined) return sendJson(res, 413, { error: 'filter body too large' });
      const parsed = route === 'POST /micro/good' ? parseGoodFilter(text) : parseBadFilter(text);
      if (!parsed.ok) return sendJson(res, 400, { error: parsed.error });
      const events =
        route === 'POST /micro/good'
          ? goodEvents(storage, target.specs, parsed.filter)
          : storage.bad(parsed.filter);
      return sendJson(res, 200, events);
    }
    default:
      return notFound(res, path);
  }
}
