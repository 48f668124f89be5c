import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import {
  ConnectionPool,
  type Origin,
  type SocketUser,
} from '../../src/transport/http1/connection-pool';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** A TCP server that records when each of its connections closes. */
async function tcpServer(): Promise<{ origin: Origin; closed: number[]; sockets: Socket[] }> {
  const closed: number[] = [];
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('close', () => closed.push(performance.now()));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: { key: `tcp:${port}`, secure: false, host: '127.0.0.1', port },
    closed,
    sockets,
  };
}

const quietUser = (events: string[] = []): SocketUser => ({
  onData: () => events.push('data'),
  onEnd: () => events.push('end'),
  onClose: () => events.push('close'),
  onError: (error) => events.push(`error ${(error as { code?: string }).code}`),
});

function take(pool: ConnectionPool, origin: Origin, user = quietUser()): Promise<Socket> {
  return new Promise((resolve) => pool.acquire(origin, user, resolve));
}

describe('ConnectionPool', () => {
  it('reuses a connection given back, and closes it after the free-socket timeout', async () => {
    const { origin, closed, sockets } = await tcpServer();
    const pool = new ConnectionPool({ keepAlive: true, maxSockets: 1, freeSocketTimeoutMs: 50 });
    const first = await take(pool, origin);
    pool.release(origin, first, true);
    const again = await take(pool, origin);
    expect(again).toBe(first);
    pool.release(origin, again, true);
    await new Promise((r) => setTimeout(r, 200));
    expect(sockets).toHaveLength(1);
    expect(closed).toHaveLength(1);
    pool.close();
  });

  it('drops a free connection the server writes to or closes, and opens a new one', async () => {
    const { origin, sockets } = await tcpServer();
    const pool = new ConnectionPool({ keepAlive: true, maxSockets: 1 });
    const first = await take(pool, origin);
    await new Promise((r) => setTimeout(r, 20));
    pool.release(origin, first, true);
    sockets[0]!.write('unasked');
    await new Promise((r) => setTimeout(r, 50));
    expect(first.destroyed).toBe(true);
    const second = await take(pool, origin);
    expect(second).not.toBe(first);
    pool.close();
  });

  it('passes events only to the request holding the connection', async () => {
    const { origin, sockets } = await tcpServer();
    const pool = new ConnectionPool({ keepAlive: true, maxSockets: 1 });
    const events: string[] = [];
    const socket = await take(pool, origin, quietUser(events));
    await new Promise((r) => setTimeout(r, 20));
    sockets[0]!.write('hello');
    await new Promise((r) => setTimeout(r, 20));
    pool.detach(socket);
    sockets[0]!.end();
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual(['data']);
    pool.close();
  });

  it('reports a refused connection to its request', async () => {
    const { origin } = await tcpServer();
    await new Promise((r) => servers.pop()!.close(r));
    const pool = new ConnectionPool({ keepAlive: true, maxSockets: 1 });
    const events: string[] = [];
    await take(pool, origin, quietUser(events));
    await new Promise((r) => setTimeout(r, 50));
    expect(events[0]).toBe('error ECONNREFUSED');
    expect(events).toContain('close');
    pool.close();
  });
});
