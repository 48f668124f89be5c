import type { SchemaNames } from './naming';
import { renderComment } from './render-comment';

/** Everything one schema module is made of. */
export interface SchemaModuleInput {
  readonly uri: string;
  /** `M-R-A`. */
  readonly version: string;
  readonly names: SchemaNames;
  /** Declarations from `compileTypes`. */
  readonly types: string;
  /** From `renderHeader`. */
  readonly header: string;
  /** One-line summary of the schema (its description's first line). */
  readonly summary: string;
  /** The newest version of the same vendor/name when this one is superseded. */
  readonly supersededBy?: { readonly uri: string; readonly names: SchemaNames };
  /** Where `SelfDescribingJson`, `Tracker`, `TrackOptions` and `trackSelfDescribingEvent` come from. */
  readonly coreModule: string;
}

const deprecation = (input: SchemaModuleInput, use: keyof SchemaNames): string[] =>
  input.supersededBy
    ? [
        `@deprecated Superseded by \`${input.supersededBy.uri}\`: use \`${input.supersededBy.names[use]}\`.`,
      ]
    : [];

/**
 * One schema's module: header, imports, the data types, the URI constant, `createX` (returns
 * `SelfDescribingJson<X, typeof URI>`, so URI and data cannot be mismatched) and `trackX`
 * (calls `trackSelfDescribingEvent`, decision 9).
 *
 * @param input - names, compiled types and comment material
 */
export function renderSchemaModule(input: SchemaModuleInput): string {
  const { names, uri, version } = input;
  const iglu = `\`${uri}\` (SchemaVer ${version})`;
  const sdj = `SelfDescribingJson<${names.typeName}, typeof ${names.uriConst}>`;
  return [
    input.header,
    `import type { SelfDescribingJson, TrackOptions, Tracker } from '${input.coreModule}';`,
    `import { trackSelfDescribingEvent } from '${input.coreModule}';`,
    '',
    input.types,
    renderComment([
      `Iglu URI of {@link ${names.typeName}}: ${iglu}.`,
      ...deprecation(input, 'uriConst'),
    ]),
    `export const ${names.uriConst} = '${uri}' as const;`,
    '',
    renderComment([
      `${input.summary}`,
      '',
      `Builds \`{ schema, data }\` for ${iglu}.`,
      `The schema is always {@link ${names.uriConst}}, so URI and data cannot be mismatched.`,
      'Use the result as an entity in `context` or with `trackSelfDescribingEvent`.',
      '',
      `@param data - checked against {@link ${names.typeName}} at compile time; not copied`,
      ...deprecation(input, 'createName'),
    ]),
    `export function ${names.createName}(`,
    `  data: ${names.typeName},`,
    `): ${sdj} {`,
    `  return { schema: ${names.uriConst}, data };`,
    '}',
    '',
    renderComment([
      `${input.summary}`,
      '',
      `Tracks ${iglu} as a self-describing event.`,
      "Returns the event id and never throws: a rejected event reaches the tracker's `onDrop`.",
      '',
      '@param tracker - the tracker that sends the event',
      `@param data - checked against {@link ${names.typeName}} at compile time`,
      '@param options - entities (`context`), true timestamp and subject for this event',
      ...deprecation(input, 'trackName'),
    ]),
    `export function ${names.trackName}(`,
    '  tracker: Tracker,',
    `  data: ${names.typeName},`,
    '  options?: TrackOptions,',
    '): string {',
    `  return trackSelfDescribingEvent(tracker, ${names.createName}(data), options);`,
    '}',
    '',
  ].join('\n');
}
