// Everything here is generated from the tracking plan by `npm run generate` (floe generate):
// types, URI constants, createX builders, trackX functions and the aliases of floe.config.json.
export * from './generated/index.js';
