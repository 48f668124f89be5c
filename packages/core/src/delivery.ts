// Public exports of the delivery half of core: emitter, stores, transports, retry policy.
export {};
