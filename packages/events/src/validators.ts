// @floe/events/validators: the typed validators module the generator writes beside the builders
// (precompiled, no `eval`), behind its own entry point so production bundles carry none unless
// they import it (decision 11): schema validators by URI, and event-specification checks by name.
export { type SpecValidator, specValidators, validators } from './generated/validators';
