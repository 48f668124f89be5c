// @floe/events/validators: the typed validators module the generator writes beside the builders
// (precompiled, no `eval`), behind its own entry point so production bundles carry none unless
// they import it (decision 11).
export { validators } from './generated/validators';
