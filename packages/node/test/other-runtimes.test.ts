import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInvariants, type FaultServer, startFaultServer } from '@floe/test-utils';
import { ensureBuilt } from './helpers/ensure-built';
import { tempDir } from './helpers/temp-dir';

// Runs the built package on the other runtimes Floe supports: Node 22 and 24, Bun and Deno. `npm
// test` installs them from the npm registry into .floe/runtimes (scripts/ensure-runtimes.mjs); a
// runtime is also taken from FLOE_<NAME> or PATH. One that is missing fails the run in CI (CI set,
// and not "false" or "0"), so an offline CI cannot pass without runtime coverage; locally it is
// skipped with a printed warning.
jest.setTimeout(60_000);

const REPO = join(__dirname, '..', '..', '..');
const installed = process.env.FLOE_RUNTIMES_DIR ?? join(REPO, '.floe', 'runtimes');
const inCi = !['', 'false', '0'].includes((process.env.CI ?? '').trim().toLowerCase());

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
    const how = `run node scripts/ensure-runtimes.mjs or set FLOE_${runtime.name.toUpperCase()}`;
    if (inCi) {
      it(`${runtime.name} is installed (required in CI)`, () => {
        throw new Error(
          `${runtime.name} was not found, and CI is set, where every runtime must be tested: ${how}`,
        );
      });
      return;
    }
    // Straight to stderr: jest drops console output of a file whose tests were all skipped.
    process.stderr.write(
      `warning: ${runtime.name} not found: its tests are skipped here, and fail in CI (${how})\n`,
    );
    it.skip(`${runtime.name} not found (${how})`, () => undefined);
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

// The rule above, proven from the outside: a runtime that cannot be installed fails the run in CI
// and only warns locally, in the install script and in this suite. The registry is a refused
// loopback port, so nothing can be installed.
(process.env.FLOE_INNER_RUN ? describe.skip : describe)(
  'a runtime that cannot be installed',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'floe-runtimes-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const env = (ci: string): NodeJS.ProcessEnv => {
      const { FLOE_NODE22: _ignored, ...rest } = process.env;
      return {
        ...rest,
        CI: ci,
        FLOE_RUNTIMES_DIR: join(dir, 'runtimes'),
        FLOE_RUNTIMES: 'node22',
        FLOE_INNER_RUN: '1',
        npm_config_registry: 'http://127.0.0.1:9/',
        npm_config_cache: join(dir, 'npm-cache'),
        npm_config_fetch_retries: '0',
      };
    };
    const ensure = (ci: string) =>
      spawnSync(process.execPath, [join(REPO, 'scripts', 'ensure-runtimes.mjs')], {
        env: env(ci),
        encoding: 'utf8',
        timeout: 120_000,
      });
    const suite = (ci: string) =>
      spawnSync(
        process.execPath,
        [require.resolve('jest/bin/jest'), 'test/other-runtimes.test.ts', '-t', 'on node22'],
        { cwd: join(__dirname, '..'), env: env(ci), encoding: 'utf8', timeout: 120_000 },
      );

    it('ensure-runtimes exits 1 in CI, naming the runtime, and 0 with a warning locally', () => {
      const ci = ensure('true');
      expect(ci.status).toBe(1);
      expect(ci.stderr).toContain('could not install node@22');
      expect(ci.stderr).toMatch(/FAILED: node@22\.\S+ could not be installed, and CI is set/);
      const local = ensure('');
      expect(local.status).toBe(0);
      expect(local.stderr).toMatch(/warning: node@22\.\S+ could not be installed; .* skipped/);
    });

    it('the runtime tests fail in CI and are skipped, with a warning, locally', () => {
      const ci = suite('true');
      expect(ci.status).toBe(1);
      expect(ci.stderr).toContain('node22 was not found, and CI is set');
      const local = suite('false');
      expect(local.status).toBe(0);
      expect(local.stderr).toContain(
        'node22 not found: its tests are skipped here, and fail in CI',
      );
      expect(local.stderr).toMatch(/Tests:\s+\d+ skipped/);
    });
  },
);
