// Runs the conformance worker in the edge runtimes: workerd (through miniflare) and Vercel's
// edge-runtime. `npm test` installs both from the npm registry into .floe/runtimes
// (scripts/ensure-runtimes.mjs), as it does Bun and Deno.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../src/repo-paths';
import type { HarnessReport } from './run-harness';

/** Where ensure-runtimes installs a runtime package, or undefined when it is not there. */
function runtimePackage(folder: string, name: string): NodeRequire | undefined {
  const prefix = join(repoRoot, '.floe', 'runtimes', folder);
  if (!existsSync(join(prefix, 'node_modules', name, 'package.json'))) return undefined;
  return createRequire(join(prefix, 'package.json'));
}

/** The request a worker harness gets: the scenario's config, and a browser-like subject. */
function scenarioRequest(endpoint: string, runtime: string, version: string) {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Mozilla/5.0 (conformance)',
      'accept-language': 'de-CH,de;q=0.9,en;q=0.5',
      'cf-connecting-ip': '198.51.100.7',
      referer: 'https://example.com/',
    },
    body: JSON.stringify({ endpoint, runtime, version }),
  };
}

/** An edge runtime the conformance run covers. */
export interface EdgeRuntime {
  readonly name: 'workerd' | 'edge-runtime';
  /** Whether its package is installed. */
  readonly available: boolean;
  /** Runs the bundled harness once and returns its report. */
  run(bundle: string, endpoint: string): Promise<HarnessReport>;
}

const PAGE = 'https://conformance.example.com/shop';

/** workerd, through miniflare 4, in a child process (see run-in-workerd.cjs). */
export function workerd(): EdgeRuntime {
  const prefix = join(repoRoot, '.floe', 'runtimes', 'miniflare');
  const load = runtimePackage('miniflare', 'miniflare');
  return {
    name: 'workerd',
    available: load !== undefined,
    async run(bundle, endpoint) {
      const version = `workerd ${(load as NodeRequire)('workerd/package.json').version}`;
      const init = JSON.stringify(scenarioRequest(endpoint, 'workerd', version));
      const runner = join(__dirname, 'run-in-workerd.cjs');
      const body = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [runner, prefix, bundle, PAGE, init], (error, stdout, stderr) =>
          error
            ? reject(new Error(`workerd run failed: ${stderr || error.message}`))
            : resolve(stdout),
        ),
      );
      return JSON.parse(body) as HarnessReport;
    },
  };
}

/** Vercel's edge runtime (the one Next.js middleware runs in), through the `edge-runtime` package. */
export function edgeRuntime(): EdgeRuntime {
  const load = runtimePackage('edge-runtime', 'edge-runtime');
  return {
    name: 'edge-runtime',
    available: load !== undefined,
    async run(bundle, endpoint) {
      const { EdgeRuntime } = (load as NodeRequire)('edge-runtime');
      const version = `edge-runtime ${(load as NodeRequire)('edge-runtime/package.json').version}`;
      const runtime = new EdgeRuntime({ initialCode: readFileSync(bundle, 'utf8') });
      const response = await runtime.dispatchFetch(
        PAGE,
        scenarioRequest(endpoint, 'edge-runtime', version),
      );
      await response.waitUntil();
      return JSON.parse(await response.text()) as HarnessReport;
    },
  };
}
