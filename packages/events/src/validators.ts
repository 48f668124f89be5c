import type { SchemaValidator } from '@floe/core';
import { validators as generated } from './generated/validators';

/**
 * Precompiled validators for every schema of `@floe/events`, keyed by Iglu URI, for
 * `createTracker({ validate: { validators } })`. A separate entry point
 * (`@floe/events/validators`), so production bundles carry no validator unless they import it.
 * No `eval` or `new Function`: safe under a strict Content Security Policy and on edge runtimes.
 *
 * @example
 * import { validators } from '@floe/events/validators';
 * const tracker = createTracker({ ..., validate: { validators, onViolation: 'throw' } });
 */
export const validators: Readonly<Record<string, SchemaValidator>> = generated;
