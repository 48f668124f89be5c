import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkInvariants, type FaultServer, startFaultServer } from '@floe/test-utils';
import { ensureBuilt } from './helpers/ensure-built';
import { tempDir } from './helpers/temp-dir';

// Opt-in: runs the built package on Bun and Deno when their binaries are found (FLOE_BUN /
// FLOE_DENO, or `bun` / `deno` on PATH). `npm test` downloads nothing; without a runtime its tests
// are skipped with a message. To try them: `npm i bun deno` in a scratch folder, then
// FLOE_BUN=<folder>/node_modules/.bin/bun FLOE_DENO=<folder>/node_modules/.bin/deno npx jest other-runtimes
jest.setTimeout(60_000);

function find(envName: string, binary: string): string | undefined {
  const fromEnv = process.env[envName];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  try {
    return execFileSync('which', [binary], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const runtimes = [
  { name: 'bun', path: find('FLOE_BUN', 'bun'), args: [] as string[] },
  { name: 'deno', path: find('FLOE_DENO', 'deno'), args: ['run', '--allow-all'] },
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
    it.skip(`${runtime.name} not found (set FLOE_${runtime.name.toUpperCase()} or put it on PATH) — skipped`, () =>
      undefined);
    return;
  }

  it('tracks with a disk queue, keeps request subjects apart, flushes and refuses a second lock', async () => {
    const result = await run(runtime, 'runtime-smoke.mjs', { endpoint: server.url });
    expect({ code: result.code, err: result.err }).toEqual({ code: 0, err: '' });
    const summary = result.lines.find((l) => l.t === 'result')!;
    expect(summary).toMatchObject({
      runtime: runtime.name,
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
