// The `/validators` subpath: precompiled validators (no eval) for every schema of the plan,
// typed for `createTracker({ validate: { validators } })`. Its own entry point, so production
// bundles carry none unless they import it.
export { validators } from './generated/validators.js';
