import type { FlushResult } from '../protocol/drop-report';
import type { Emitter, FlushOptions } from '../emitter/emitter';
import type { TrackerConfig } from './resolve-tracker-config';
import { TrackerCallbackError } from './tracker-callback-error';

const NOTHING: FlushResult = { delivered: 0, dropped: 0, pending: 0 };

/**
 * Flushes or shuts down every emitter at once and adds up their counts (an event handed to two
 * emitters counts twice). Never rejects: an emitter that breaks its own never-reject contract is
 * reported through `onError` and counts nothing.
 *
 * @param config - the tracker's emitters and reporter.
 * @param method - `flush` or `shutdown`.
 * @param options - the deadline passed to each emitter.
 */
export async function flushEmitters(
  config: TrackerConfig,
  method: 'flush' | 'shutdown',
  options: FlushOptions | undefined,
): Promise<FlushResult> {
  const results = await Promise.all(
    config.emitters.map((emitter) => settle(config, emitter, method, options)),
  );
  return results.reduce(
    (sum, result) => ({
      delivered: sum.delivered + result.delivered,
      dropped: sum.dropped + result.dropped,
      pending: sum.pending + result.pending,
    }),
    NOTHING,
  );
}

async function settle(
  config: TrackerConfig,
  emitter: Emitter,
  method: 'flush' | 'shutdown',
  options: FlushOptions | undefined,
): Promise<FlushResult> {
  try {
    return await emitter[method](options);
  } catch (error) {
    config.reporter.error(new TrackerCallbackError(`an emitter's ${method}() rejected`, error));
    return NOTHING;
  }
}
