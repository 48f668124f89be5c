import type { EventType, Payload } from '../protocol/payload';
import type { PayloadText } from '../payload/payload-text';
import type { TrackedEvent } from './tracked-event';
import type { CoreEvent } from './tracker';

/**
 * The {@link TrackedEvent} plugins and context generators see. The event is built as JSON text,
 * so `payload` is parsed from the text written so far, and only if a callback reads it.
 */
export class TrackedEventView implements TrackedEvent {
  private parsed: Payload | undefined;

  constructor(
    readonly eventType: EventType,
    readonly eid: string,
    readonly eventSchema: string | undefined,
    readonly event: CoreEvent,
    private readonly text: PayloadText,
  ) {}

  get payload(): Payload {
    this.parsed ??= Object.freeze(JSON.parse(this.text.snapshot()) as Payload);
    return this.parsed;
  }
}
