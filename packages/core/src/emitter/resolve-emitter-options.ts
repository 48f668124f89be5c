import { FloeError } from '../errors/floe-error';
import { createSystemClock } from '../platform/system-clock';
import type { EventStore } from '../store/event-store';
import { runtimeGlobals } from '../transport/fetch-types';
import type { AdapterEmitterOptions } from './emitter-options';
import { DEFAULT_POST_PATH } from './post-body';
import { NEVER_RETRY_STATUS_CODES, type RetryRules } from './retry-rules';
import type { AttemptSettings } from './send-attempt';

/**
 * Default cap on events per POST. At 40,000 B per body the byte cap binds first for any event
 * above ~70 B; the count only bounds a batch of tiny events (and how much one `take` holds).
 */
export const DEFAULT_MAX_BATCH_EVENTS = 500;
/**
 * Default cap on requests in flight. The window starts at 2 and grows toward it while a backlog
 * waits; 8 keeps a collector 20 ms away as busy as one on loopback without flooding one that
 * struggles.
 */
export const DEFAULT_MAX_IN_FLIGHT = 8;

/** The emitter's options with every default applied and checked, the endpoint taken apart. */
export interface EmitterSettings extends AttemptSettings, RetryRules {
  readonly store: EventStore;
  readonly random: () => number;
  readonly postFallback: boolean;
  readonly flushAt: number;
  readonly maxBatchEvents: number;
  readonly maxPostBytes: number;
  readonly flushIntervalMs: number;
  readonly maxInFlight: number;
  readonly maxAgeMs: number;
  readonly backoff: { readonly baseMs: number; readonly capMs: number };
}

/**
 * The numeric options: their defaults (reliability.md §1) and the least value each may take.
 * A smaller one (or `NaN`) would silently misbehave, so it throws.
 */
const NUMBER_OPTIONS = {
  flushAt: [10, 1],
  maxBatchEvents: [DEFAULT_MAX_BATCH_EVENTS, 1],
  maxPostBytes: [40_000, 1],
  flushIntervalMs: [5000, 0],
  timeoutMs: [5000, 1],
  maxInFlight: [DEFAULT_MAX_IN_FLIGHT, 1],
  maxAttempts: [10, 1],
  maxAgeMs: [12 * 3_600_000, 0],
} as const;
/** The backoff's numbers, as {@link NUMBER_OPTIONS}. */
const BACKOFF_OPTIONS = { baseMs: [500, 0], capMs: [60_000, 0] } as const;

/** Throws for an option that would silently misbehave. */
function fail(message: string, options?: { cause: unknown }): never {
  throw new FloeError('invalid_config', `createEmitter: ${message}`, options);
}

/** Each number of `table` read from `from`, or its default; checked against its least value. */
function numbers<T extends Record<string, readonly [number, number]>>(
  table: T,
  from: object | undefined,
): { [K in keyof T]: number } {
  const result: Record<string, number> = {};
  for (const name in table) {
    const [fallback, min] = table[name] as readonly [number, number];
    const value = (from as Record<string, number | undefined> | undefined)?.[name] ?? fallback;
    // Written so that NaN fails too.
    if (!(value >= min)) fail(`${name} must be >= ${min}, got ${value}`);
    result[name] = value;
  }
  return result as { [K in keyof T]: number };
}

/**
 * Applies the defaults of reliability.md §1 to the emitter's options and checks them. Callbacks
 * are not copied: the emitter wraps them (see `createSafeCallbacks`).
 *
 * @throws FloeError with code `invalid_config` for values that would silently misbehave: an
 *   empty or unparseable endpoint, a method other than GET or POST, a `postPath` without its
 *   leading `/`, a count below 1, a negative or `NaN` time.
 */
export function resolveEmitterOptions(options: AdapterEmitterOptions): EmitterSettings {
  const { endpoint, method = 'POST', postPath = DEFAULT_POST_PATH } = options;
  if (method !== 'GET' && method !== 'POST') fail(`method must be GET or POST, got ${method}`);
  if (postPath[0] !== '/') fail('postPath must start with /');
  let url: { origin: string; pathname: string };
  try {
    url = new runtimeGlobals.URL(
      /^[a-z][a-z\d+.-]*:\/\//i.test(endpoint) || !endpoint ? endpoint : `https://${endpoint}`,
    );
  } catch (cause) {
    fail(`invalid endpoint ${endpoint}`, { cause });
  }
  const { origin } = url;
  const pathPrefix = url.pathname.replace(/\/+$/, '');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  // Anything but the exact Content-Type turns a POST into a bad row (D14).
  delete headers['content-type'];
  return {
    method,
    store: options.store,
    transport: options.transport,
    clock: options.clock ?? createSystemClock(),
    random: options.random ?? Math.random,
    retry: options.retry ?? true,
    postFallback: options.postFallback ?? true,
    keepalive: options.keepalive,
    ...numbers(NUMBER_OPTIONS, options),
    backoff: numbers(BACKOFF_OPTIONS, options.backoff),
    origin,
    pathPrefix,
    postUrl: origin + pathPrefix + postPath,
    headers,
    alwaysRetried: new Set(options.retryStatusCodes),
    neverRetried: new Set([...NEVER_RETRY_STATUS_CODES, ...(options.dontRetryStatusCodes ?? [])]),
  };
}
