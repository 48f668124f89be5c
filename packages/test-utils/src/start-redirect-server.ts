import { type FaultServer, startFaultServer } from './start-fault-server';

/** Options of {@link startRedirectServer}. */
export interface RedirectServerOptions {
  /** Where requests are sent on: the target's base URL (the request path is appended). */
  readonly target: string;
  /** 301, 302, 303, 307 or 308. */
  readonly status: number;
}

/**
 * A plain server that answers every event request with a redirect to `target` and stores nothing
 * (H11). Its log still records what each request carried, so the invariant checker sees every
 * attempt's `stm`.
 *
 * @example
 * const target = await startFaultServer();
 * const redirect = await startRedirectServer({ target: target.url, status: 307 });
 */
export async function startRedirectServer(options: RedirectServerOptions): Promise<FaultServer> {
  const server = await startFaultServer();
  server.script([
    {
      type: 'respond',
      status: options.status,
      headers: { location: `${options.target}/com.snowplowanalytics.snowplow/tp2` },
      times: Number.POSITIVE_INFINITY,
    },
  ]);
  return server;
}
