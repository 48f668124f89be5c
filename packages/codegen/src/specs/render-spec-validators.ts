import { checkCompiledSpec, compileSpec, type EventSpec } from '@floe/iglu';
import { renderComment } from '../render-comment';

/**
 * The precompiled spec validators: the specs as data and `@floe/iglu`'s `checkCompiledSpec`,
 * copied by source so the collector and an app's validators run the same check. Plain
 * JavaScript with no imports and no Node API, so it runs on every runtime; the typed module
 * (`validators.ts`) gives it its type.
 *
 * @param specs - the specs, sorted by name
 * @param header - from `renderHeader`
 */
export function renderSpecValidators(specs: readonly EventSpec[], header: string): string {
  const data = specs.map(
    (spec) => `  ${JSON.stringify(spec.name)}: ${JSON.stringify(compileSpec(spec))},`,
  );
  const entries = specs.map((spec) => {
    const name = JSON.stringify(spec.name);
    return `  ${name}: (event, entities) => checkCompiledSpec(specs[${name}], event, entities || []),`;
  });
  return [
    header,
    '// @ts-nocheck: plain JavaScript; the validators module beside it gives it its type.',
    '',
    renderComment(['The spec check of `@floe/iglu` (`checkCompiledSpec`), copied by source.']),
    `const checkCompiledSpec = ${checkCompiledSpec.toString()};`,
    '',
    renderComment(['The event specifications, compiled: count bounds per entity and the rules.']),
    'const specs = {',
    ...data,
    '};',
    '',
    renderComment(['One check per event specification, keyed by spec name.']),
    'export const specValidators = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}
