import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { CollectorSpecs } from '../specs/collector-specs';
import type { EventStorage } from '../storage/event-storage';
import { sendText } from './responses';
import { sendEventsFeed, sendItemPage } from './ui-feed';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

/** Only plain file names from the UI folder are served: no path can leave it. */
const ASSET = /^[a-z0-9-]+\.(html|js|css|svg)$/;

/**
 * Serves the web UI under `/micro/ui`: the static files shipped in the package's `ui/` folder,
 * the read-only `/micro/ui/api/events` feed it polls, and `/micro/ui/api/item`, which pages
 * the JSON of rows too large for the feed. The security headers are set by the caller.
 *
 * @param res - the response
 * @param path - the request path
 * @param query - the parsed query
 * @param options - the UI folder and the storage to read
 */
export async function handleUiRoute(
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
  options: {
    readonly uiDir: string;
    readonly storage: EventStorage;
    readonly specs?: CollectorSpecs;
  },
): Promise<void> {
  if (path === '/micro/ui/api/events') {
    return sendEventsFeed(res, query, options.storage, options.specs);
  }
  if (path === '/micro/ui/api/item') return sendItemPage(res, query, options.storage);
  const name =
    path === '/micro/ui' || path === '/micro/ui/' ? 'index.html' : path.slice('/micro/ui/'.length);
  const extension = ASSET.exec(name)?.[1];
  if (!extension) return sendText(res, 404, 'not found');
  try {
    const content = await readFile(join(options.uiDir, name));
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'Content-Length': String(content.byteLength),
      'Cache-Control': 'no-cache',
    });
    res.end(content);
  } catch {
    sendText(res, 404, 'not found');
  }
}
