// Public exports of the tracking half of core: tracker, subject, track functions, global contexts
// and plugins.
export { createSystemClock } from './platform/system-clock';
