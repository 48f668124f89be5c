/** One field of a schema version, flattened: nested objects and array items get their own rows. */
export interface CatalogueField {
  /** `/level`, `/address/city`, `/items/[]/sku` (`[]` for every array item). */
  readonly path: string;
  /** `string`, `integer`, `"EASY" | "HARD"`, `array of string`, `string (date-time)`… */
  readonly type: string;
  readonly required: boolean;
  readonly description?: string;
  /** `maxLength 256`, `minimum 0`… */
  readonly constraints: readonly string[];
}

/** One version of a schema, with the names the generator gives it. */
export interface CatalogueVersion {
  /** The anchor of its entry too. */
  readonly uri: string;
  readonly version: string;
  readonly description?: string;
  readonly fields: readonly CatalogueField[];
  readonly typeName: string;
  readonly createName: string;
  readonly trackName: string;
  /** Alias names pinned to this version (`SaveGame`). */
  readonly aliases: readonly string[];
  /** An older version of its family: its exports are `@deprecated`. */
  readonly superseded: boolean;
  /** A copy-paste TypeScript example. */
  readonly example: string;
}

/** A schema family (vendor and name) with its versions, newest first. */
export interface CatalogueSchema {
  readonly vendor: string;
  readonly name: string;
  readonly versions: readonly CatalogueVersion[];
}

/** An entity a spec names. */
export interface CatalogueSpecEntity {
  readonly uri: string;
  readonly cardinality: string;
}

/** An event specification, as the catalogue shows it. */
export interface CatalogueSpec {
  readonly name: string;
  /** The anchor of its entry: `spec:Checkout`. */
  readonly anchor: string;
  readonly description?: string;
  readonly file: string;
  readonly event: string;
  readonly entities: readonly CatalogueSpecEntity[];
  /** One readable line per rule: `event /currency: one of "EUR", "USD"`. */
  readonly rules: readonly string[];
  readonly trackName: string;
  readonly example: string;
}

/** Everything `floe docs` shows. */
export interface Catalogue {
  readonly title: string;
  /** The module the examples import from (the SDK package's name). */
  readonly importFrom: string;
  readonly specs: readonly CatalogueSpec[];
  readonly schemas: readonly CatalogueSchema[];
}
