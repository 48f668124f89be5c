import type { SchemaKey } from '@floe/iglu';

/** Every name the generator derives for one schema (see `docs/codegen.md`, "Naming rule"). */
export interface SchemaNames {
  /** The data type, e.g. `ComSnowplowanalyticsSnowplowLinkClick_1_0_1`. */
  readonly typeName: string;
  /** The URI constant, e.g. `COM_SNOWPLOWANALYTICS_SNOWPLOW_LINK_CLICK_1_0_1_URI`. */
  readonly uriConst: string;
  /** The builder, e.g. `createComSnowplowanalyticsSnowplowLinkClick_1_0_1`. */
  readonly createName: string;
  /** The track function, e.g. `trackComSnowplowanalyticsSnowplowLinkClick_1_0_1`. */
  readonly trackName: string;
  /** The module path inside the output folder, e.g. `com.snowplowanalytics.snowplow/link_click/1-0-1.ts`. */
  readonly modulePath: string;
}

/**
 * Splits an Iglu vendor or name into words: `.`, `_` and `-` (in general, anything but ASCII
 * letters and digits) separate words, empty words are dropped and the letters keep their case.
 *
 * @param part - a vendor (`com.snowplowanalytics.snowplow`) or a name (`link_click`)
 */
export function splitWords(part: string): string[] {
  return part.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
}

/** Upper-cases the first letter of a word and keeps the rest (`snowplowanalytics` → `Snowplowanalytics`). */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * PascalCase of a vendor, name or definition key: words joined, each with its first letter
 * upper-cased (`items_in_cart` → `ItemsInCart`).
 *
 * @param part - the text to convert
 */
export function pascalCase(part: string): string {
  return splitWords(part).map(capitalize).join('');
}

// A leading digit cannot start an identifier; `_` keeps the rest of the name readable.
const identifier = (text: string): string => (/^[0-9]/.test(text) ? `_${text}` : text);

/**
 * The one naming rule. Every name is a pure function of vendor, name and version, so it never
 * depends on file order or on which other schemas are in the run:
 *
 * - type: PascalCase words of vendor, then of name, then `_MODEL_REVISION_ADDITION`;
 * - URI constant: the same words upper-cased and joined by `_`, then the version and `_URI`;
 * - builder and track function: `create` / `track` followed by the type name;
 * - module: `VENDOR/NAME/M-R-A.ts`, the registry path without the format folder.
 *
 * @param key - the schema's vendor, name, format and version
 * @example
 * schemaNames(parseIgluUri('iglu:com.acme/save-game/jsonschema/1-0-2')).typeName; // 'ComAcmeSaveGame_1_0_2'
 */
export function schemaNames(key: SchemaKey): SchemaNames {
  const { model, revision, addition } = key.version;
  const words = [...splitWords(key.vendor), ...splitWords(key.name)];
  const pascal = words.map(capitalize).join('');
  const upper = words.map((word) => word.toUpperCase()).join('_');
  const typeName = identifier(`${pascal}_${model}_${revision}_${addition}`);
  return {
    typeName,
    uriConst: identifier(`${upper}_${model}_${revision}_${addition}_URI`),
    createName: `create${pascal}_${model}_${revision}_${addition}`,
    trackName: `track${pascal}_${model}_${revision}_${addition}`,
    modulePath: `${key.vendor}/${key.name}/${model}-${revision}-${addition}.ts`,
  };
}

/**
 * The exported names of an alias (`LinkClick` → `LinkClick`, `LINK_CLICK_URI`, `createLinkClick`,
 * `trackLinkClick`). Alias names are PascalCase without `_`, so they can never equal a
 * generated name, which always ends in `_M_R_A`.
 *
 * @param alias - a PascalCase alias name
 */
export function aliasNames(alias: string): {
  typeName: string;
  inputTypeName: string;
  uriConst: string;
  createName: string;
  trackName: string;
} {
  const upper = alias.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  return {
    typeName: alias,
    inputTypeName: `${alias}Input`,
    uriConst: `${upper}_URI`,
    createName: `create${alias}`,
    trackName: `track${alias}`,
  };
}
