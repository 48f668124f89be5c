// Public exports of the delivery half of core: the emitter, the memory store and the fetch
// transport. The contracts (Emitter, EventStore, Transport…) are exported with the shared types;
// helpers for sibling adapters and tests are not public.
export { createEmitter } from './emitter/create-emitter';
export type { EmitterOptions, SendFailure, SendSuccess } from './emitter/emitter-options';
export { TransportError } from './errors/transport-error';
export { createMemoryStore } from './store/memory-store';
export { makeFetchTransport } from './transport/fetch-transport';
