import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

/** A loopback HTTP proxy that tunnels `CONNECT host:port` to the target, as corporate proxies do. */
export interface ConnectProxy {
  readonly url: string;
  /** The `host:port` of every CONNECT it served, in order. */
  readonly tunnels: string[];
  /** `Proxy-Authorization` of each CONNECT (undefined when absent). */
  readonly authorizations: (string | undefined)[];
  /** Plain (absolute-form) requests it was sent; it refuses them with 502. */
  readonly forwarded: string[];
  /**
   * From now on, answer every CONNECT with `answer` and close, without tunnelling (an empty
   * answer drops the connection at once).
   */
  refuse(answer: string): void;
  close(): Promise<void>;
}

/** Starts a {@link ConnectProxy} on 127.0.0.1. */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const forwarded: string[] = [];
  const sockets = new Set<Socket>();
  let refusal: string | undefined;
  const server: Server = createServer((req, res) => {
    forwarded.push(req.url ?? '');
    res.writeHead(502).end();
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    authorizations.push(req.headers['proxy-authorization']);
    if (refusal !== undefined) {
      if (refusal) client.end(refusal);
      else client.destroy();
      return;
    }
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    authorizations,
    forwarded,
    refuse: (answer) => {
      refusal = answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
