import { renderComment } from './render-comment';

/**
 * The typed validators module users import: it re-exports the precompiled code (a
 * `@ts-nocheck` module) under core's `SchemaValidator` type, so an app gets a typed
 * `validators` map from the output folder alone, with nothing to copy by hand.
 *
 * @param header - from `renderHeader`
 * @param compiledSpecifier - import specifier of the precompiled code (`./compiled-validators.js`)
 * @param coreModule - where `SchemaValidator` comes from
 */
export function renderValidatorsWrapper(
  header: string,
  compiledSpecifier: string,
  coreModule: string,
): string {
  return [
    header,
    `import type { SchemaValidator } from '${coreModule}';`,
    `import { validators as compiled } from '${compiledSpecifier}';`,
    '',
    renderComment([
      'Precompiled validators for every generated schema, keyed by Iglu URI, for',
      '`createTracker({ validate: { validators } })`. Import them from this module only where',
      'validation is wanted: the builders do not import it, so bundles without it carry no',
      'validator. No `eval` or `new Function`: safe under a strict Content Security Policy and on',
      'edge runtimes.',
    ]),
    'export const validators: Readonly<Record<string, SchemaValidator>> = compiled;',
    '',
  ].join('\n');
}
