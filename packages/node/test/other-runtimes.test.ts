import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkInvariants, type FaultServer, startFaultServer } from '@floe/test-utils';
import { ensureBuilt } from './helpers/ensure-built';
import { tempDir } from './helpers/temp-dir';

// Runs the built package on the other runtimes Floe supports: Node 22 and 24, Bun and Deno. `npm
// test` installs them from the npm registry into .floe/runtimes (scripts/ensure-runtimes.mjs); a
// runtime is also taken from FLOE_<NAME> or PATH. One that is missing is skipped with a message.
jest.setTimeout(60_000);

const installed = join(__dirname, '..', '..', '..', '.floe', 'runtimes');

function find(name: string, binary: string, searchPath = true): string | undefined {
  const fromEnv = process.env[`FLOE_${name.toUpperCase()}`];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const local = join(installed, name, 'node_modules', '.bin', binary);
  if (existsSync(local)) return local;
  if (!searchPath) return undefined;
  try {
    return execFileSync('which', [binary], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

// PATH's `node` is the one running the tests, so Node 22 and 24 come only from the install or env.
const runtimes = [
  { name: 'node22', path: find('node22', 'node', false), args: [] as string[] },
  { name: 'node24', path: find('node24', 'node', false), args: [] as string[] },
  { name: 'bun', path: find('bun', 'bun'), args: [] as string[] },
  { name: 'deno', path: find('deno', 'deno'), args: ['run', '--allow-all'] },
];

function run(
  runtime: (typeof runtimes)[number],
  script: string,
  config: object,
  signalAfterReady?: NodeJS.Signals,
) {
  const child = spawn(
    runtime.path!,
    [...runtime.args, join(__dirname, 'fixtures', script), JSON.stringify(config)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => {
    out += String(c);
    if (signalAfterReady && out.includes('"t":"ready"')) {
      child.kill(signalAfterReady);
      signalAfterReady = undefined;
    }
  });
  child.stderr.on('data', (c) => (err += String(c)));
  return new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    lines: Record<string, unknown>[];
    err: string;
  }>((resolve) =>
    child.on('exit', (code, signal) =>
      resolve({
        code,
        signal,
        err,
        lines: out
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      }),
    ),
  );
}

let server: FaultServer;
beforeAll(() => ensureBuilt());
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

describe.each(runtimes)('@floe/node on $name', (runtime) => {
  if (!runtime.path) {
    it.skip(`${runtime.name} not found (run scripts/ensure-runtimes.mjs or set FLOE_${runtime.name.toUpperCase()}) — skipped`, () =>
      undefined);
    return;
  }

  it('tracks with a disk queue, keeps request subjects apart, flushes and refuses a second lock', async () => {
    const result = await run(runtime, 'runtime-smoke.mjs', { endpoint: server.url });
    expect({ code: result.code, err: result.err }).toEqual({ code: 0, err: '' });
    const summary = result.lines.find((l) => l.t === 'result')!;
    expect(summary).toMatchObject({
      // node22 → runtime 'node' on major 22; bun and deno name themselves.
      runtime: runtime.name.replace(/\d+$/, ''),
      ...(runtime.name.startsWith('node') ? { nodeMajor: runtime.name.slice(4) } : {}),
      tv: expect.stringMatching(/^floe-node-/),
      flushed: { delivered: 10, dropped: 0, pending: 0 },
      locked: 'QueueLockedError',
      errors: [],
    });
    const events = server.requests.flatMap((r) => r.events);
    expect(events.map((e) => e.eid).sort()).toEqual([...(summary.eids as string[])].sort());
    for (const e of events) expect(e.payload.ip).toBe(e.payload.se_ca);
  });

  it('on SIGTERM shuts the tracker down, delivers, and dies by the re-raised signal', async () => {
    const { dir, cleanup } = tempDir(`floe-${runtime.name}-`);
    try {
      const config = {
        endpoint: server.url,
        queueDir: dir,
        count: 20,
        flushAt: 1000,
        stayAlive: true,
      };
      const result = await run(runtime, 'tracker-process.mjs', config, 'SIGTERM');
      // Bun and Deno report the re-raised signal as exit status 143 or as the signal itself.
      expect(result.signal === 'SIGTERM' || result.code === 143).toBe(true);
      const tracked = result.lines
        .filter((l) => l.t === 'tracked')
        .flatMap((l) => l.events as Record<string, string>[]);
      expect(checkInvariants({ tracked, dropped: [], server })).toMatchObject({
        received: 20,
        duplicates: 0,
      });
    } finally {
      cleanup();
    }
  });
});
