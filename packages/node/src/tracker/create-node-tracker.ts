import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEmitter,
  createMemoryStore,
  createTracker,
  type EventStore,
  type FloeError,
  type Tracker,
  type Transport,
} from '@floe/core';
import { defaultRequestContext } from '../context/request-context';
import { createDiskStore } from '../store/disk-store';
import { makeNodeHttpTransport } from '../transport/node-http-transport';
import { NODE_ADAPTER_VERSION } from '../version';
import { registerExitHandler } from './exit-handlers';
import type { NodeTrackerOptions } from './node-tracker-options';
import { withRequestSubjects } from './with-request-subjects';

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 5000;

/**
 * Byte cap of the default memory queue: twice core's 64 MiB, so a synchronous burst of 100,000
 * events still fits when each carries an entity and is base64-encoded (~0.7 kB, Snowplow's
 * default encoding; decision 14). A server can spare it; core's default stays where a browser tab
 * or an edge isolate (128 MB in all) may run it.
 */
const NODE_MEMORY_QUEUE_BYTES = 128 * 1024 * 1024;

function createStore(options: NodeTrackerOptions, onError: (e: FloeError) => void): EventStore {
  const queue = options.queue ?? (options.queueDir ? 'disk' : 'memory');
  if (typeof queue === 'object') return queue;
  const { maxQueueBytes: maxBytes, maxQueueEvents: maxEvents } = options;
  if (queue === 'memory') {
    return createMemoryStore({ maxBytes: maxBytes ?? NODE_MEMORY_QUEUE_BYTES, maxEvents });
  }
  return createDiskStore({
    maxBytes,
    maxEvents,
    dir: options.queueDir ?? join(tmpdir(), 'floe-queue', encodeURIComponent(options.namespace)),
    durability: options.durability,
    onError,
  });
}

/**
 * Creates a tracker for Node.js servers, workers and functions: platform `srv`, `tv`
 * `floe-node-<version>`, POST batches over a keep-alive undici transport, an optional
 * durable on-disk queue, the current request's subject merged into every event, and a shutdown
 * with a deadline on `beforeExit`, `SIGTERM` and `SIGINT`. The flush timer never keeps the process
 * alive. In a serverless handler, `await tracker.flush()` before returning.
 *
 * @param options - see {@link NodeTrackerOptions}; `endpoint` and `namespace` are required.
 * @returns core's tracker; pass it to `trackSelfDescribingEvent` and the other track functions.
 * @throws FloeError (`invalid_config`) for options that cannot work, QueueLockedError when another
 *   process holds `queueDir`.
 * @example
 * const tracker = createNodeTracker({
 *   endpoint: 'https://collector.example.com',
 *   namespace: 'api',
 *   appId: 'checkout',
 *   queueDir: '/var/lib/checkout/floe-queue',
 * });
 * trackStructEvent(tracker, { category: 'order', action: 'placed' });
 */
export function createNodeTracker(options: NodeTrackerOptions): Tracker {
  const onError =
    options.onError ??
    ((error: FloeError) => console.warn(`[floe] ${error.name}: ${error.message}`));
  const store = createStore(options, onError);
  let transport: Transport | undefined;
  try {
    transport = options.transport ?? makeNodeHttpTransport(options.http);
    const emitter = createEmitter({
      ...options,
      method: options.method ?? 'POST',
      store,
      transport,
      clock: options.clock,
      onDrop: options.onDrop,
      onError,
    });
    const tracker = createTracker({
      ...options,
      platform: options.platform ?? 'srv',
      // node:crypto's own UUIDs skip the Web Crypto wrapper's checks: a third of an id's cost.
      generateEventId: options.generateEventId ?? randomUUID,
      emitters: [emitter],
      adapter: { name: 'node', version: NODE_ADAPTER_VERSION },
      clock: options.clock,
      onDrop: options.onDrop,
      onError,
    });
    const timeoutMs = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
    const context = options.requestContext ?? defaultRequestContext();
    const shutdown = async (timeout = timeoutMs) => {
      unregister();
      return tracker.shutdown({ timeoutMs: timeout });
    };
    const unregister =
      options.exitHandlers === false
        ? () => undefined
        : registerExitHandler({ shutdown: () => shutdown(), timeoutMs });
    return withRequestSubjects(tracker, context || undefined, shutdown);
  } catch (error) {
    // Creation failed after the queue was opened: release its lock and files.
    void store.close?.();
    if (!options.transport) void transport?.close?.();
    throw error;
  }
}
