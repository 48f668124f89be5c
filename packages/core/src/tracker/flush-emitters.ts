import type { Emitter, FlushOptions } from '../emitter/emitter';
import { FloeError } from '../errors/floe-error';
import type { FlushResult } from '../protocol/drop-report';

/**
 * Flushes or shuts down every emitter at once and adds up their counts (an event handed to two
 * emitters counts twice). Never rejects: an emitter that breaks its own never-reject contract is
 * reported and counts nothing.
 *
 * @param emitters - the tracker's emitters.
 * @param method - `flush` or `shutdown`.
 * @param options - the deadline passed to each emitter.
 * @param report - receives an emitter's rejection (code `callback`).
 */
export async function flushEmitters(
  emitters: readonly Emitter[],
  method: 'flush' | 'shutdown',
  options: FlushOptions | undefined,
  report: (error: FloeError) => void,
): Promise<FlushResult> {
  const sum = { delivered: 0, dropped: 0, pending: 0 };
  await Promise.all(
    emitters.map(async (emitter) => {
      try {
        const result = await emitter[method](options);
        for (const count in sum)
          sum[count as keyof FlushResult] += result[count as keyof FlushResult];
      } catch (error) {
        report(new FloeError('callback', `emitter.${method} failed`, { cause: error }));
      }
    }),
  );
  return sum;
}
