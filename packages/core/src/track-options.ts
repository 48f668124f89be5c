// Moved to tracker/track-options.ts; kept only so the shared public-types.ts resolves until it
// imports from there.
export type { TrackOptions } from './tracker/track-options';
