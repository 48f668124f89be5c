import { startCollector } from '@floe/collector';
import { demoSucceeded } from './demo-succeeded';
import { formatSummary } from './format-summary';
import { type RunDemoOptions, runDemo } from './run-demo';

/** Options of {@link startDemo}. */
export interface StartDemoOptions {
  /** Folders of the user's own Iglu schemas (the repo's `schemas/`, for save-game). */
  readonly schemaDirs: readonly string[];
  /** Port to try first (default 9090); a free port is used when it is taken. `0` picks one. */
  readonly port?: number;
  /** Keep the collector and its UI running after the demo (until {@link StartedDemo.close}). */
  readonly serve?: boolean;
  /** Where the progress lines and the summary go (default `console.log`). */
  readonly log?: (line: string) => void;
  /** Drives the browser demo against the collector; see {@link RunDemoOptions.browserDemo}. */
  readonly browserDemo?: RunDemoOptions['browserDemo'];
}

/** What {@link startDemo} leaves behind. */
export interface StartedDemo {
  /** 0 when the demo came out as designed (see {@link demoSucceeded}), else 1. */
  readonly exitCode: number;
  readonly collectorUrl: string;
  /** The printed summary. */
  readonly summary: string;
  /** Stops the collector (already stopped unless `serve` was set). Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the embedded collector, runs the demo app against it and prints a summary: what `npm
 * start` does.
 *
 * @example
 * const demo = await startDemo({ schemaDirs: ['schemas'] });
 * process.exitCode = demo.exitCode;
 */
export async function startDemo(options: StartDemoOptions): Promise<StartedDemo> {
  const log = options.log ?? console.log;
  const preferred = options.port ?? 9090;
  const collector = await startOnPreferredPort(options.schemaDirs, preferred);
  const collectorUrl = collector.url.replace(/\/+$/, '');
  const port = new URL(collectorUrl).port;
  log(
    preferred === 0 || String(preferred) === port
      ? `Embedded collector listening on ${collectorUrl}`
      : `Port ${preferred} is taken; embedded collector listening on ${collectorUrl} instead`,
  );
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= collector.close();
    return closed;
  };
  try {
    const result = await runDemo({ collectorUrl, browserDemo: options.browserDemo });
    const summary = formatSummary(result);
    log(summary);
    const exitCode = demoSucceeded(result) ? 0 : 1;
    if (exitCode !== 0) log('The demo did not come out as designed (see above).');
    if (!options.serve) await close();
    return { exitCode, collectorUrl, summary, close };
  } catch (error) {
    await close();
    throw error;
  }
}

type Collector = Awaited<ReturnType<typeof startCollector>>;

async function startOnPreferredPort(
  schemaDirs: readonly string[],
  port: number,
): Promise<Collector> {
  const start = (at: number) =>
    startCollector({ port: at, host: '127.0.0.1', schemaDirs: [...schemaDirs], storage: 'memory' });
  try {
    return await start(port);
  } catch (error) {
    if (port === 0 || !isAddressInUse(error)) throw error;
    return start(0);
  }
}

function isAddressInUse(error: unknown): boolean {
  for (let cause = error; typeof cause === 'object' && cause !== null; ) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (code === 'EADDRINUSE') return true;
    if (typeof message === 'string' && message.includes('EADDRINUSE')) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
