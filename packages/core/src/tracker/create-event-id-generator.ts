import { EventIdBlock } from './event-id-block';
import { TrackerConfigError } from './tracker-config-error';

/**
 * The event id source of a tracker: UUID v4s made in blocks from `crypto.getRandomValues` (see
 * {@link EventIdBlock}), which every runtime Floe supports has, in secure browser contexts or not.
 *
 * @returns a function that returns a new lowercase UUID v4 on every call.
 * @throws TrackerConfigError when the runtime has no Web Crypto at all.
 */
export function createEventIdGenerator(): () => string {
  const webCrypto = typeof crypto === 'undefined' ? undefined : crypto;
  if (typeof webCrypto?.getRandomValues !== 'function') {
    throw new TrackerConfigError('this runtime has no crypto.getRandomValues to make event ids');
  }
  const block = new EventIdBlock((bytes) => webCrypto.getRandomValues(bytes));
  return () => block.nextId();
}
