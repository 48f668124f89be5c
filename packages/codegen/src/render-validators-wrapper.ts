import { renderComment } from './render-comment';

/**
 * The typed validators module users import: it re-exports the precompiled code (a
 * `@ts-nocheck` module) under core's `SchemaValidator` type, so an app gets a typed
 * `validators` map from the output folder alone, with nothing to copy by hand.
 *
 * @param header - from `renderHeader`
 * @param compiledSpecifier - import specifier of the precompiled code (`./compiled-validators.js`)
 * @param coreModule - where `SchemaValidator` comes from
 * @param specs - the precompiled spec validators' specifier and the spec names, when there are specs
 */
export function renderValidatorsWrapper(
  header: string,
  compiledSpecifier: string,
  coreModule: string,
  specs?: { readonly specifier: string; readonly names: readonly string[] },
): string {
  const specLines = specs
    ? [
        '',
        renderComment([
          'Checks one event and its entities against an event specification: the event URI, each',
          "listed entity's count and every property rule. `[]` means the event fits. Entities the",
          'spec does not list (global contexts) are allowed.',
        ]),
        'export type SpecValidator = (',
        '  event: SelfDescribingJson<unknown> | undefined,',
        '  entities: readonly SelfDescribingJson<unknown>[],',
        // The issues a schema validator returns: core's public index names the validator type only.
        ') => ReturnType<SchemaValidator>;',
        '',
        renderComment([
          'Precompiled checks of every event specification, keyed by spec name, e.g.',
          '`specValidators.Checkout({ schema, data }, context)`. Like the schema validators, import',
          'them only where validation is wanted; they run on every runtime.',
        ]),
        `export const specValidators: Readonly<Record<${specs.names.map((name) => `'${name}'`).join(' | ')}, SpecValidator>> = compiledSpecs;`,
      ]
    : [];
  return [
    header,
    specs
      ? `import type { SchemaValidator, SelfDescribingJson } from '${coreModule}';`
      : `import type { SchemaValidator } from '${coreModule}';`,
    `import { validators as compiled } from '${compiledSpecifier}';`,
    ...(specs ? [`import { specValidators as compiledSpecs } from '${specs.specifier}';`] : []),
    '',
    renderComment([
      'Precompiled validators for every generated schema, keyed by Iglu URI, for',
      '`createTracker({ validate: { validators } })`. Import them from this module only where',
      'validation is wanted: the builders do not import it, so bundles without it carry no',
      'validator. No `eval` or `new Function`: safe under a strict Content Security Policy and on',
      'edge runtimes.',
    ]),
    'export const validators: Readonly<Record<string, SchemaValidator>> = compiled;',
    ...specLines,
    '',
  ].join('\n');
}
