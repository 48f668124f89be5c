/** One reason data fails a schema. */
export interface ValidationIssue {
  /** JSON pointer into the data, `''` for the root. */
  readonly path: string;
  /** The failing JSON Schema keyword (`type`, `enum`, `required`, …). */
  readonly keyword: string;
  /** Readable, path first: `/targetUrl: must be string, found number`. */
  readonly message: string;
  /** Pointer to the failing keyword in the schema, e.g. `#/properties/targetUrl/type`. */
  readonly schemaPath: string;
  /** The constraint (type name, enum values, limit, format, pattern…). */
  readonly expected?: unknown;
  /** The offending value (or the extra property's name; absent for a missing property). */
  readonly found?: unknown;
}

/** Validates data against one schema: `[]` means valid, otherwise ALL problems found. */
export type ValidateFn = (data: unknown) => readonly ValidationIssue[];
