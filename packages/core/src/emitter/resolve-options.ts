import { FloeError } from '../errors/floe-error';
import type { Clock } from '../platform/clock';
import { createSystemClock } from '../platform/system-clock';
import { DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_CAP_MS } from '../retry/backoff';
import { createStatusPolicy, type StatusPolicy } from '../retry/retry-policy';
import type { EventStore } from '../store/event-store';
import { createMemoryStore } from '../store/memory-store';
import { makeFetchTransport } from '../transport/fetch-transport';
import { runtimeGlobals } from '../transport/fetch-types';
import type { Transport } from '../transport/transport';
import type { EmitterOptions } from './emitter-options';
import { DEFAULT_POST_PATH, POST_CONTENT_TYPE } from './post-body';

/** Emitter options with every default applied and checked. */
export interface ResolvedOptions {
  readonly origin: string;
  readonly pathPrefix: string;
  readonly method: 'GET' | 'POST';
  readonly store: EventStore;
  readonly transport: Transport;
  readonly flushAt: number;
  readonly maxBatchEvents: number;
  readonly maxPostBytes: number;
  readonly flushIntervalMs: number;
  readonly timeoutMs: number;
  readonly maxInFlight: number;
  readonly retry: boolean;
  readonly statusPolicy: StatusPolicy;
  readonly backoff: { readonly baseMs: number; readonly capMs: number };
  readonly maxAttempts: number;
  readonly maxAgeMs: number;
  readonly postFallback: boolean;
  readonly postPath: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Where POST requests go: origin, path prefix and POST path. */
  readonly postUrl: string;
  /** A POST's headers: the caller's, then the exact Content-Type, which nothing may change. */
  readonly postHeaders: Readonly<Record<string, string>>;
  readonly keepalive: boolean;
  readonly clock: Clock;
  readonly random: () => number;
}

const HOUR_MS = 3_600_000;
/**
 * Default cap on events per POST. At 40,000 B per body the byte cap binds first for any event
 * above ~70 B; the count only bounds a batch of tiny events (and how much one `take` leases).
 */
export const DEFAULT_MAX_BATCH_EVENTS = 500;
/**
 * Default cap on requests in flight. The adaptive window (see `createSendWindow`) starts at 2 and
 * grows toward it while a backlog waits; 8 keeps a collector 20 ms away as busy as one on loopback
 * without flooding one that struggles.
 */
export const DEFAULT_MAX_IN_FLIGHT = 8;

function check(ok: boolean, message: string): void {
  if (!ok) throw new FloeError('invalid_config', `createEmitter: ${message}`);
}

function positiveInt(value: number, name: string): number {
  check(Number.isInteger(value) && value >= 1, `${name} must be a positive integer, got ${value}`);
  return value;
}

function nonNegative(value: number, name: string): number {
  check(Number.isFinite(value) && value >= 0, `${name} must be a finite number ≥ 0, got ${value}`);
  return value;
}

// The POST Content-Type is fixed (D14); a user-supplied one in another case would be merged in.
function withoutContentType(headers: Readonly<Record<string, string>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name in headers) {
    if (name.toLowerCase() !== 'content-type') kept[name] = headers[name] as string;
  }
  return kept;
}

/**
 * Applies the defaults of reliability.md §1 and rejects impossible settings with a `FloeError`
 * (`invalid_config`), at construction rather than at the first send.
 */
export function resolveOptions(options: EmitterOptions): ResolvedOptions {
  check(
    typeof options.endpoint === 'string' && options.endpoint.length > 0,
    'endpoint is required',
  );
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(options.endpoint)
    ? options.endpoint
    : `https://${options.endpoint}`;
  let parsed: { origin: string; pathname: string };
  try {
    parsed = new runtimeGlobals.URL(withScheme);
  } catch (cause) {
    throw new FloeError('invalid_config', `createEmitter: invalid endpoint ${options.endpoint}`, {
      cause,
    });
  }
  const pathPrefix = parsed.pathname.replace(/\/+$/, '');
  const origin = parsed.origin;
  const method = options.method ?? 'POST';
  check(method === 'GET' || method === 'POST', `method must be GET or POST, got ${method}`);
  const postPath = options.postPath ?? DEFAULT_POST_PATH;
  check(postPath.startsWith('/'), 'postPath must start with /');
  const baseMs = nonNegative(options.backoff?.baseMs ?? DEFAULT_BACKOFF_BASE_MS, 'backoff.baseMs');
  const capMs = nonNegative(options.backoff?.capMs ?? DEFAULT_BACKOFF_CAP_MS, 'backoff.capMs');
  const headers = withoutContentType(options.headers ?? {});
  return {
    origin,
    pathPrefix,
    method,
    store: options.store ?? createMemoryStore(),
    transport: options.transport ?? makeFetchTransport(),
    flushAt: positiveInt(options.flushAt ?? 10, 'flushAt'),
    maxBatchEvents: positiveInt(
      options.maxBatchEvents ?? DEFAULT_MAX_BATCH_EVENTS,
      'maxBatchEvents',
    ),
    maxPostBytes: positiveInt(options.maxPostBytes ?? 40_000, 'maxPostBytes'),
    flushIntervalMs: nonNegative(options.flushIntervalMs ?? 5000, 'flushIntervalMs'),
    timeoutMs: positiveInt(options.timeoutMs ?? 5000, 'timeoutMs'),
    maxInFlight: positiveInt(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT, 'maxInFlight'),
    retry: options.retry ?? true,
    statusPolicy: createStatusPolicy(options.retryStatusCodes, options.dontRetryStatusCodes),
    backoff: { baseMs, capMs },
    maxAttempts: positiveInt(options.maxAttempts ?? 10, 'maxAttempts'),
    maxAgeMs: nonNegative(options.maxAgeMs ?? 12 * HOUR_MS, 'maxAgeMs'),
    postFallback: options.postFallback ?? true,
    postPath,
    headers,
    postUrl: origin + pathPrefix + postPath,
    // Set last so no extra header can change it: anything else turns the POST into a bad row.
    postHeaders: { ...headers, 'Content-Type': POST_CONTENT_TYPE },
    keepalive: options.keepalive ?? false,
    clock: options.clock ?? createSystemClock(),
    random: options.random ?? Math.random,
  };
}
