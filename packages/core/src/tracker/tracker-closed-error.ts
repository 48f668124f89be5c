import { FloeError } from '../errors/floe-error';

/** A track call after `shutdown()`: the events are reported as `closed` drops. */
export class TrackerClosedError extends FloeError {
  override readonly name = 'TrackerClosedError';

  constructor() {
    super('closed', 'the tracker was shut down; the event was not queued');
  }
}
