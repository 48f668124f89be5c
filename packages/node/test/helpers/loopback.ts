import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a loopback server saw. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** Which TCP connection carried it (1-based, in order of arrival). */
  readonly connection: number;
}

/** A plain loopback HTTP server for transport tests, with a request log and a connection count. */
export interface Loopback {
  readonly url: string;
  readonly server: Server;
  readonly requests: SeenRequest[];
  connections(): number;
  close(): Promise<void>;
}

/**
 * Starts a loopback server whose handler runs after the request body has been read.
 *
 * @param handler - answers each request; defaults to `200 ok`.
 */
export async function startLoopback(
  handler: (req: IncomingMessage, res: ServerResponse, seen: SeenRequest) => void = (_req, res) =>
    res.end('ok'),
  create: () => Server = () => createServer(),
  port = 0,
): Promise<Loopback> {
  const server = create();
  const requests: SeenRequest[] = [];
  let connections = 0;
  const ids = new WeakMap<object, number>();
  server.on('connection', (socket) => ids.set(socket, ++connections));
  server.on('secureConnection', (socket) => ids.set(socket, connections));
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        connection:
          ids.get(req.socket) ?? ids.get((req.socket as { _parent?: object })._parent ?? {}) ?? 0,
      };
      requests.push(seen);
      handler(req, res, seen);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  const scheme = 'cert' in server || 'key' in server ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${bound}`,
    server,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
