import type { Exchange } from './exchange';
import type { FaultAction } from './fault-action';
import type { FaultScript } from './fault-script';

/** The part of a fault server the control routes act on. */
interface Controlled {
  readonly requests: readonly unknown[];
  reset(): void;
  reopen(): Promise<void>;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * The HTTP control surface of local-collector.md §10.4, for tests that drive the server from
 * another process: `PUT`/`DELETE /_floe/v1/faults`, `GET /_floe/v1/requests`,
 * `POST /_floe/v1/reset` and `POST /_floe/v1/reopen`. Scripts never apply to these routes.
 */
export async function handleControl(
  ex: Exchange,
  server: Controlled,
  script: FaultScript,
): Promise<void> {
  const { method, path } = ex.entry;
  ex.entry.action = 'control';
  const body = await ex.readBody();
  if (path === '/_floe/v1/faults' && method === 'PUT') {
    try {
      script.set(JSON.parse(body.toString('utf8')) as FaultAction[]);
      ex.send(204, {});
    } catch {
      ex.send(400, JSON_TYPE, JSON.stringify({ error: 'body must be a JSON array of actions' }));
    }
  } else if (path === '/_floe/v1/faults' && method === 'DELETE') {
    script.set([]);
    ex.send(204, {});
  } else if (path === '/_floe/v1/requests' && method === 'GET') {
    ex.send(200, JSON_TYPE, JSON.stringify(server.requests));
  } else if (path === '/_floe/v1/reset' && method === 'POST') {
    server.reset();
    ex.send(204, {});
  } else if (path === '/_floe/v1/reopen' && method === 'POST') {
    await server.reopen();
    ex.send(204, {});
  } else {
    ex.send(404, JSON_TYPE, JSON.stringify({ error: 'unknown control route' }));
  }
}
