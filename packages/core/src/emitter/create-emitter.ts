import { FloeError } from '../errors/floe-error';
import type { TransportError } from '../errors/transport-error';
import type { TimerHandle } from '../platform/clock';
import { createSystemClock } from '../platform/system-clock';
import { setTimerRef } from '../platform/timer-ref';
import type { DropReason, DropReport, FlushResult } from '../protocol/drop-report';
import type { Payload } from '../protocol/payload';
import type { QueuedPayload } from '../store/event-store';
import { createMemoryStore } from '../store/memory-store';
import { makeFetchTransport } from '../transport/fetch-transport';
import { type AbortControllerLike, runtimeGlobals } from '../transport/fetch-types';
import { toTransportError } from '../transport/to-transport-error';
import type { AbortSignalLike, TransportRequest, TransportResponse } from '../transport/transport';
import type { Emitter, FlushOptions } from './emitter';
import type { EmitterOptions, SendFailure, SendSuccess } from './emitter-options';
import { followRedirect, type RedirectHop } from './follow-redirect';
import { getQuery, MAX_GET_PATH_BYTES } from './get-query';
import {
  buildPostBody,
  countFitting,
  DEFAULT_POST_PATH,
  ENVELOPE_BYTES,
  POST_CONTENT_TYPE,
} from './post-body';
import { queuePayload } from './queue-payload';
import { computeBackoff, parseRetryAfter, RETRY_AFTER_MIN_MS } from './retry-delay';
import { INITIAL_WINDOW, narrowWindow, widenWindow } from './send-window';

/** Default deadline of `shutdown()`. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 5000;
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
/** Statuses never retried by default (Snowplow JS, Python, Java and PHP agree). */
export const NEVER_RETRY_STATUS_CODES: readonly number[] = [400, 401, 403, 410, 422];
/** Attempts a memory-store batch may make beyond `maxAttempts`, Retry-After waits included. */
export const RETRY_AFTER_ALLOWANCE = 20;
/** Shutdown resolves at most this long after its deadline (reliability.md §1). */
const SHUTDOWN_GRACE_MS = 100;
/** A 13-digit `stm`, for sizing a GET before its send time is known. */
const STM_PLACEHOLDER = '0000000000000';

/** What one attempt produced: a status, or the error that stopped it before any status. */
type AttemptOutcome = TransportResponse | { readonly error: TransportError };

/** Events sent together, with the attempts they have made so far. */
interface Batch {
  events: readonly QueuedPayload[];
  /** Counted attempts (a Retry-After wait is not counted). */
  attempts: number;
  /** Every attempt, for the memory store's safety cap. */
  total: number;
  /**
   * The emitter's failure round when the batch was last sent. Requests that fail together (the
   * collector went down under several of them) grow the backoff and shrink the window once.
   */
  round: number;
}

/** A `flush()` waiting for the events queued before it. */
interface Waiter {
  /** Events with a `seq` up to this one were queued before the call. */
  readonly target: number;
  remaining: number;
  delivered: number;
  dropped: number;
  readonly resolve: (result: FlushResult) => void;
  timer?: TimerHandle;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new FloeError('invalid_config', `createEmitter: ${message}`);
}

/** A numeric option, or its default; checked where a wrong value would silently misbehave. */
function setting(from: object | undefined, name: string, fallback: number, min = 1): number {
  const value = (from as Record<string, number | undefined> | undefined)?.[name] ?? fallback;
  check(value >= min, `${name} must be a number ≥ ${min}, got ${value}`);
  return value;
}

const eidsOf = (events: readonly QueuedPayload[]): string[] => events.map((event) => event.eid);

const bytesOf = (events: readonly QueuedPayload[]): number =>
  events.reduce((sum, event) => sum + event.bytes, 0);

/**
 * Creates an emitter that queues events, batches them by count and exact bytes, sends them to a
 * Snowplow-protocol collector with an adaptive number of requests in flight, retries with backoff
 * and Retry-After, and reports every event it gives up on through `onDrop`. Defaults follow
 * reliability.md §1: POST batches of at most 40,000 B, a send at 10 queued events or every 5 s
 * (an unref'd timer), a 5 s request timeout, 2 to 8 requests in flight, a 64 MiB memory queue,
 * the fetch transport.
 *
 * @param options - the collector `endpoint` and optional settings; see {@link EmitterOptions}.
 * @returns an {@link Emitter}; `add()` is synchronous and never throws.
 * @throws FloeError with code `invalid_config` for impossible options (a missing endpoint, a
 *   `flushAt` of 0…).
 * @example
 * const emitter = createEmitter({
 *   endpoint: 'https://collector.example.com',
 *   onDrop: (report) => console.warn(`dropped ${report.eids.length}: ${report.reason}`),
 * });
 * const tracker = createTracker({ namespace: 'app', platform: 'srv', emitters: [emitter] });
 * // …
 * await emitter.shutdown({ timeoutMs: 5000 });
 */
export function createEmitter(options: EmitterOptions): Emitter {
  const {
    endpoint,
    method = 'POST',
    store = createMemoryStore(),
    transport = makeFetchTransport(),
    clock = createSystemClock(),
    random = Math.random,
    retry = true,
    postFallback = true,
    postPath = DEFAULT_POST_PATH,
    keepalive,
  } = options;
  const flushAt = setting(options, 'flushAt', 10);
  const maxBatchEvents = setting(options, 'maxBatchEvents', DEFAULT_MAX_BATCH_EVENTS);
  const maxPostBytes = setting(options, 'maxPostBytes', 40_000);
  const flushIntervalMs = setting(options, 'flushIntervalMs', 5000, 0);
  const timeoutMs = setting(options, 'timeoutMs', 5000);
  const maxInFlight = setting(options, 'maxInFlight', DEFAULT_MAX_IN_FLIGHT);
  const maxAttempts = setting(options, 'maxAttempts', 10);
  const maxAgeMs = setting(options, 'maxAgeMs', 12 * 3_600_000, 0);
  const backoff = {
    baseMs: setting(options.backoff, 'baseMs', 500, 0),
    capMs: setting(options.backoff, 'capMs', 60_000, 0),
  };
  check(method === 'GET' || method === 'POST', `method must be GET or POST, got ${method}`);
  check(postPath[0] === '/', 'postPath must start with /');
  let url: { origin: string; pathname: string };
  try {
    url = new runtimeGlobals.URL(
      /^[a-z][a-z\d+.-]*:\/\//i.test(endpoint) || !endpoint ? endpoint : `https://${endpoint}`,
    );
  } catch (cause) {
    throw new FloeError('invalid_config', `createEmitter: invalid endpoint ${endpoint}`, { cause });
  }
  const { origin } = url;
  const pathPrefix = url.pathname.replace(/\/+$/, '');
  const postUrl = origin + pathPrefix + postPath;
  /** The configured headers, names in lower case; a POST sets its exact Content-Type over them. */
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  // Anything but the exact Content-Type turns a POST into a bad row (D14).
  delete headers['content-type'];
  const postHeaders = { ...headers, 'content-type': POST_CONTENT_TYPE };
  const alwaysRetried = new Set(options.retryStatusCodes);
  const neverRetried = new Set([
    ...NEVER_RETRY_STATUS_CODES,
    ...(options.dontRetryStatusCodes ?? []),
  ]);

  /** Batches waiting for their next attempt, retried before anything new is taken. */
  const retries: Batch[] = [];
  const inFlight = new Set<Batch>();
  /** The abort controllers of attempts in flight, so shutdown can cut them. */
  const controllers = new Set<AbortControllerLike>();
  /** Store calls still running (async `ack`/`release`), awaited at shutdown. */
  const storeCalls = new Set<Promise<unknown>>();
  const waiters = new Set<Waiter>();
  /** Events queued and not yet delivered or dropped; a durable store's restored events count. */
  let unsettled = store.size;
  /** Events (and their bytes) taken from the store into batches. */
  let taken = 0;
  let takenBytes = 0;
  let seq = 0;
  /** Requests allowed in flight now (see send-window.ts). */
  let window = Math.min(INITIAL_WINDOW, maxInFlight);
  /** Counted failures in a row, for the backoff; 0 after a success. */
  let failureStreak = 0;
  /** Grows on each failure that starts a new round (see `Batch.round`). */
  let round = 0;
  /** The pause after a failure (backoff or Retry-After): nothing is sent while it runs. */
  let pauseTimer: TimerHandle | undefined;
  let pausedUntil = 0;
  let intervalTimer: TimerHandle | undefined;
  /** Set by the flush interval: partial batches go until nothing waits. */
  let sendPartial = false;
  let closed = false;
  let stopped = false;
  let drainScheduled = false;
  let drainAgain = false;
  let draining: Promise<void> | undefined;
  let shutdownResult: Promise<FlushResult> | undefined;

  if (unsettled > 0) armInterval();

  // ---- Callbacks: a throw from one never changes what happens to a batch.

  function reportError(error: FloeError): void {
    try {
      options.onError?.(error);
    } catch {
      // onError is the last resort; a throw here has no further place to go.
    }
  }

  function report(
    name: 'onSuccess' | 'onFailure' | 'onDrop',
    value: SendSuccess | SendFailure | DropReport,
  ): void {
    try {
      (options[name] as ((value: unknown) => void) | undefined)?.(value);
    } catch (cause) {
      reportError(new FloeError('callback', `${name} threw: ${cause}`, { cause }));
    }
  }

  function reportStoreError(call: string, cause: unknown): FloeError {
    const error = new FloeError('store', `${call} failed: ${cause}`, { cause });
    reportError(error);
    return error;
  }

  // ---- Adding events.

  function add(payload: Payload): void {
    const rejected = enqueue(payload);
    if (rejected) {
      const eid = payload?.['eid'];
      const eids = typeof eid === 'string' ? [eid] : [];
      report('onDrop', { reason: rejected[0], eids, events: [payload], error: rejected[1] });
    }
  }

  /** Queues one event, or says why it was turned away (never queued, so only reported). */
  function enqueue(payload: Payload): [DropReason, FloeError] | undefined {
    if (closed) return ['closed', new FloeError('closed', 'emitter is shut down')];
    const event = queuePayload(payload, clock.now(), seq + 1);
    if (event instanceof FloeError) {
      return [event.code === 'too_large' ? 'too_large' : 'invalid', event];
    }
    if (method === 'GET' && !postFallback) {
      const bytes = getPath(JSON.parse(event.json), STM_PLACEHOLDER).length;
      if (bytes > MAX_GET_PATH_BYTES) {
        const message = `GET request of ${bytes} B > ${MAX_GET_PATH_BYTES} B`;
        return ['too_large', new FloeError('too_large', message)];
      }
    }
    seq++;
    let evicted: readonly QueuedPayload[];
    try {
      evicted = store.add(event);
    } catch (cause) {
      return ['queue_full', reportStoreError('store.add', cause)];
    }
    unsettled++;
    if (evicted.length > 0) forget(evicted, 'queue_full');
    armInterval();
    if (readyToSend()) scheduleDrain();
    return undefined;
  }

  // ---- Flush waiters: each resolves when the events queued before it settle, or at its deadline.

  function flush({ timeoutMs: deadlineMs }: FlushOptions = {}): Promise<FlushResult> {
    if (stopped || unsettled <= 0) {
      return Promise.resolve({ delivered: 0, dropped: 0, pending: stopped ? unsettled : 0 });
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        target: seq,
        remaining: unsettled,
        delivered: 0,
        dropped: 0,
        resolve,
      };
      if (deadlineMs !== undefined) {
        // Ref'd: the process waits for a flush its caller awaits.
        waiter.timer = clock.setTimeout(() => endWait(waiter), Math.max(0, deadlineMs));
        setTimerRef(waiter.timer, true);
      }
      waiters.add(waiter);
      holdPause();
      scheduleDrain();
    });
  }

  function endWait(waiter: Waiter): void {
    if (!waiters.delete(waiter)) return;
    clock.clearTimeout(waiter.timer);
    const { delivered, dropped, remaining } = waiter;
    waiter.resolve({ delivered, dropped, pending: Math.max(0, remaining) });
    holdPause();
  }

  // While a caller awaits a flush, the pause timer holds the process open, so the retry happens.
  function holdPause(): void {
    setTimerRef(pauseTimer, waiters.size > 0);
  }

  // ---- Timers: the pause after a failure, and the flush interval.

  /** Pauses sending for `ms`; pauses only grow, so a short backoff never cuts a long wait short. */
  function pause(ms: number): void {
    const until = clock.monotonic() + ms;
    if (pauseTimer !== undefined && until <= pausedUntil) return;
    clock.clearTimeout(pauseTimer);
    pausedUntil = until;
    // The timer, not a comparison with monotonic(), ends the pause: timers may fire a hair early.
    pauseTimer = clock.setTimeout(() => {
      pauseTimer = undefined;
      scheduleDrain();
    }, ms);
    holdPause();
  }

  /** Arms the flush interval, which exists only while events wait (and never with `0`). */
  function armInterval(): void {
    if (intervalTimer !== undefined || flushIntervalMs <= 0) return;
    intervalTimer = clock.setTimeout(() => {
      intervalTimer = undefined;
      if (closed || unsettled <= 0) return;
      sendPartial = true;
      scheduleDrain();
      armInterval();
    }, flushIntervalMs);
  }

  // ---- The drain: it starts attempts while the window has room and nothing pauses it.

  function readyToSend(): boolean {
    const waiting = store.size - taken;
    if (waiting <= 0) {
      sendPartial = false;
      return false;
    }
    if (sendPartial || waiters.size > 0 || waiting >= flushAt) return true;
    return method === 'POST' && store.byteSize - takenBytes + ENVELOPE_BYTES >= maxPostBytes;
  }

  function scheduleDrain(): void {
    if (drainScheduled || stopped) return;
    drainScheduled = true;
    queueMicrotask(() => {
      drainScheduled = false;
      void drain();
    });
  }

  function drain(): Promise<void> {
    if (draining) {
      drainAgain = true;
      return draining;
    }
    draining = (async () => {
      do {
        drainAgain = false;
        while (!stopped && pauseTimer === undefined && inFlight.size < window) {
          let batch = retries.shift();
          if (!batch) {
            if (!readyToSend()) break;
            batch = await takeBatch();
            if (!batch) break;
            if (pauseTimer !== undefined || stopped) {
              // A failure paused the emitter while the store was read: the batch waits its turn.
              retries.push(batch);
              break;
            }
          }
          start(batch);
        }
      } while (drainAgain && !stopped);
    })().finally(() => {
      draining = undefined;
    });
    return draining;
  }

  /** The oldest waiting events that fit one request, by count and exact bytes. */
  async function takeBatch(): Promise<Batch | undefined> {
    let events: readonly QueuedPayload[];
    try {
      events = await store.take(
        method === 'GET' ? 1 : maxBatchEvents,
        maxPostBytes - ENVELOPE_BYTES,
      );
    } catch (cause) {
      reportStoreError('store.take', cause);
      // Paused, not spinning: the drain comes back after the longest backoff.
      pause(backoff.capMs);
      return undefined;
    }
    // The store sized the take without each event's stm and comma; what does not fit goes back.
    const fitting = countFitting(events, maxPostBytes);
    if (fitting < events.length) {
      const rest = events.slice(fitting);
      events = events.slice(0, fitting);
      storeCall(() => store.release(eidsOf(rest)));
    }
    if (events.length === 0) return undefined;
    taken += events.length;
    takenBytes += bytesOf(events);
    return { events, attempts: 0, total: 0, round };
  }

  function start(batch: Batch): void {
    // A batch that waited through an outage may hold events past a durable store's age limit.
    batch.events = expire(batch.events);
    if (batch.events.length === 0) return;
    batch.round = round;
    inFlight.add(batch);
    void attempt(batch.events).then((outcome) => finish(batch, outcome));
  }

  // ---- One attempt: a request and at most one redirect hop, under one deadline.

  /**
   * Makes one attempt and never rejects. The deadline runs on the emitter's clock, not only in the
   * transport, so a transport that ignores its signal cannot stall the emitter and fake clocks
   * control it in tests. It aborts with a reason named `TimeoutError`, which transports read as a
   * timeout. A 307/308 is followed once, rebuilt with a fresh `stm` (see follow-redirect.ts).
   */
  async function attempt(events: readonly QueuedPayload[]): Promise<AttemptOutcome> {
    const controller = new runtimeGlobals.AbortController();
    const { signal } = controller;
    const timer = clock.setTimeout(() => {
      controller.abort(new runtimeGlobals.DOMException('request timed out', 'TimeoutError'));
    }, timeoutMs);
    controllers.add(controller);
    // Settles on the signal too, whether or not the transport listens to it.
    const aborted = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', reject, { once: true });
    });
    const send = (request: TransportRequest) => Promise.race([transport.send(request), aborted]);
    try {
      const request = buildRequest(events, signal);
      const response = await send(request);
      const hop = followRedirect(request, response);
      return hop ? await send(buildRequest(events, signal, hop)) : response;
    } catch (error) {
      return { error: toTransportError(error, signal) };
    } finally {
      clock.clearTimeout(timer);
      controllers.delete(controller);
    }
  }

  /** The path and query of a GET for one event. */
  function getPath(payload: Payload, stm: string): string {
    return `${pathPrefix}/i?${getQuery(payload, stm)}`;
  }

  /**
   * One request of an attempt, with `stm` stamped now. GET sends its single event as a query to
   * `/i` unless path and query would pass 20,000 B, when it goes by POST (`add()` already dropped
   * it if POST is not allowed). Headers are copied: a transport may treat them as its own.
   *
   * @param hop - the redirect target, for the second request of an attempt.
   */
  function buildRequest(
    events: readonly QueuedPayload[],
    signal: AbortSignalLike,
    hop?: RedirectHop,
  ): TransportRequest {
    const stm = String(clock.now());
    if (method === 'GET') {
      const path = getPath(JSON.parse((events[0] as QueuedPayload).json), stm);
      if (path.length <= MAX_GET_PATH_BYTES) {
        const target = hop ? hop.url + path.slice(path.indexOf('?')) : origin + path;
        return {
          method,
          url: target,
          headers: { ...(hop?.headers ?? headers) },
          signal,
          keepalive,
        };
      }
    }
    return {
      method: 'POST',
      url: hop?.url ?? postUrl,
      headers: { ...(hop?.headers ?? postHeaders) },
      body: buildPostBody(events, stm),
      signal,
      keepalive,
    };
  }

  // ---- Outcomes: the retry table of reliability.md §1.

  /**
   * Applies one attempt's outcome with the retry table of reliability.md §1: a 2xx settles the
   * batch; a 413 splits it (a single event is dropped `too_large`); the never-retry statuses drop
   * it (`retryStatusCodes` win over them); anything else, a transport error included, is retried
   * after a pause, until `retry: false` or a memory store's attempt cap says otherwise. Callbacks
   * come after the counts.
   */
  function finish(batch: Batch, outcome: AttemptOutcome): void {
    if (stopped || !inFlight.delete(batch)) return;
    const { events } = batch;
    const {
      status,
      headers: answer,
      error,
    } = outcome as Partial<TransportResponse> & {
      error?: TransportError;
    };
    const failure = { eids: eidsOf(events), status, error, willRetry: false };
    // Requests that failed together count as one failure: only the first of a round counts.
    const newRound = batch.round === round;
    const retried = status === undefined || alwaysRetried.has(status);
    let reason: DropReason | undefined;
    if (!retried && status >= 200 && status < 300) {
      settle(events, 'delivered');
      failureStreak = 0;
      // Only requests sent since the last pushback may widen the window again.
      if (newRound && (retries.length > 0 || store.size > taken)) {
        window = widenWindow(window, maxInFlight);
      }
      report('onSuccess', { eids: failure.eids, status });
    } else {
      if (!retried && status === 413) {
        if (events.length > 1) {
          // Both halves are retried at once, keeping the batch's attempt counts.
          const middle = Math.ceil(events.length / 2);
          retries.unshift(
            { ...batch, events: events.slice(0, middle) },
            { ...batch, events: events.slice(middle) },
          );
          failure.willRetry = true;
        } else {
          reason = 'too_large';
        }
      } else if (!retried && neverRetried.has(status)) {
        reason = 'status';
      } else if (!retry) {
        reason = 'retry_disabled';
      } else {
        const retryAfterHeader = answer?.['retry-after'];
        const retryAfter = parseRetryAfter(retryAfterHeader, clock.now());
        // A valid Retry-After is the collector's schedule, not a failed try: it is not counted.
        const counted = retryAfter === undefined;
        if (counted) batch.attempts++;
        batch.total++;
        // Durable stores give up by age (max_age), so only a memory store's attempts are capped.
        if (
          !store.durable &&
          (batch.attempts >= maxAttempts || batch.total >= maxAttempts + RETRY_AFTER_ALLOWANCE)
        ) {
          reason = 'max_attempts';
        } else {
          const streak = newRound ? failureStreak : Math.max(0, failureStreak - 1);
          let delayMs = retryAfter ?? computeBackoff(streak + 1, backoff, random);
          // An unparseable Retry-After still asks for a pause: never retry sooner than its floor.
          if (retryAfterHeader !== undefined) delayMs = Math.max(delayMs, RETRY_AFTER_MIN_MS);
          if (newRound) {
            round++;
            if (counted) failureStreak++;
            if (error || status === 429 || status === 503) window = narrowWindow(window);
          }
          batch.events = expire(events);
          failure.willRetry = batch.events.length > 0;
          if (failure.willRetry) retries.unshift(batch);
          pause(delayMs);
        }
      }
      report('onFailure', failure);
      if (reason) settle(events, reason, { status, error });
    }
    scheduleDrain();
  }

  /** Drops a durable store's events older than `maxAgeMs` (reason `max_age`); returns the rest. */
  function expire(events: readonly QueuedPayload[]): readonly QueuedPayload[] {
    if (!store.durable) return events;
    const oldest = clock.now() - maxAgeMs;
    const expired = events.filter((event) => event.queuedAt < oldest);
    if (expired.length === 0) return events;
    settle(expired, 'max_age');
    return events.filter((event) => event.queuedAt >= oldest);
  }

  /** Taken events leave the store for good: delivered, or dropped and reported. */
  function settle(
    events: readonly QueuedPayload[],
    reason: DropReason | 'delivered',
    detail?: { status?: number; error?: FloeError },
  ): void {
    taken -= events.length;
    takenBytes -= bytesOf(events);
    storeCall(() => store.ack(eidsOf(events)));
    forget(events, reason, detail);
  }

  /** Events the store let go of (settled, evicted, or left at shutdown) are counted and reported. */
  function forget(
    events: readonly QueuedPayload[],
    reason: DropReason | 'delivered',
    detail?: { status?: number; error?: FloeError },
  ): void {
    unsettled -= events.length;
    const outcome = reason === 'delivered' ? 'delivered' : 'dropped';
    for (const waiter of waiters) {
      // Events restored from an earlier process have no seq: older than every flush.
      const covered = events.filter((event) => (event.seq ?? 0) <= waiter.target).length;
      waiter.remaining -= covered;
      waiter[outcome] += covered;
      if (waiter.remaining <= 0) endWait(waiter);
    }
    if (reason === 'delivered') return;
    // The payloads are parsed from the queued texts only if `events` is read, then kept: an
    // onDrop that only counts (a burst past the cap evicts inside track()) pays nothing for them.
    let payloads: readonly Payload[] | undefined;
    report('onDrop', {
      reason,
      eids: eidsOf(events),
      get events() {
        payloads ??= events.map((event) => JSON.parse(event.json) as Payload);
        return payloads;
      },
      ...detail,
    });
  }

  /** Runs a store call that may be async; a failure goes to `onError`, never to the batch. */
  function storeCall(call: () => void | Promise<void>): void {
    const fail = (cause: unknown): void => {
      reportStoreError('store call', cause);
    };
    try {
      const pending = call()?.catch(fail);
      if (!pending) return;
      storeCalls.add(pending);
      void pending.finally(() => storeCalls.delete(pending));
    } catch (cause) {
      fail(cause);
    }
  }

  // ---- Shutdown.

  function shutdown({
    timeoutMs: deadlineMs = DEFAULT_SHUTDOWN_TIMEOUT_MS,
  }: FlushOptions = {}): Promise<FlushResult> {
    if (!shutdownResult) {
      closed = true;
      clock.clearTimeout(intervalTimer);
      shutdownResult = close(deadlineMs);
    }
    return shutdownResult;
  }

  /**
   * After the flush deadline: cut the requests in flight; a durable store gets back the events
   * the emitter held, so they survive; a memory store's leftovers are reported `shutdown_timeout`;
   * then the transport and the store are closed, all within a 100 ms grace on the emitter's clock.
   */
  async function close(deadlineMs: number): Promise<FlushResult> {
    const flushed = await flush({ timeoutMs: deadlineMs });
    stopped = true;
    for (const controller of controllers) controller.abort();
    clock.clearTimeout(pauseTimer);
    clock.clearTimeout(intervalTimer);
    for (const waiter of waiters) endWait(waiter);
    /** Events a memory store still held, dropped at the end; -1 while that is not known. */
    let lost = -1;
    const release = async (): Promise<void> => {
      await draining;
      const held = [...retries, ...inFlight].flatMap((batch) => batch.events);
      retries.length = 0;
      inFlight.clear();
      if (store.durable) {
        await store.release(eidsOf(held));
      } else {
        const left = [...held, ...(await store.take(Number.MAX_SAFE_INTEGER))];
        await store.ack(eidsOf(left));
        if (left.length > 0) forget(left, 'shutdown_timeout');
        lost = left.length;
      }
      await Promise.allSettled(storeCalls);
      await transport.close?.();
      await store.close?.();
    };
    let grace: TimerHandle;
    await new Promise<void>((resolve) => {
      grace = clock.setTimeout(resolve, SHUTDOWN_GRACE_MS);
      release().then(resolve, (cause: unknown) =>
        resolve(void reportStoreError('shutdown', cause)),
      );
    });
    clock.clearTimeout(grace);
    if (lost < 0) return flushed;
    // A memory store's leftovers, pending for the flush, are dropped now.
    return { delivered: flushed.delivered, dropped: flushed.dropped + lost, pending: 0 };
  }

  return { method, add, flush, shutdown };
}
