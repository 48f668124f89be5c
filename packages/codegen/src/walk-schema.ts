/** A JSON Schema object the normalising passes may change in place (always a private clone). */
export type MutableSchema = Record<string, unknown>;

/** Where a sub-schema sits: its JSON pointer, its parent keyword and (for maps) its key. */
export interface SchemaSite {
  readonly schema: MutableSchema;
  readonly pointer: string;
  /** `properties`, `items`, `definitions`, `allOf`…; undefined for the root. */
  readonly keyword?: string;
  /** The property, pattern or definition name for map keywords. */
  readonly key?: string;
  /** Puts another sub-schema in this place. */
  replace(next: MutableSchema): void;
}

const MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions', 'dependencies'];
const SINGLE_KEYWORDS = ['additionalProperties', 'items', 'additionalItems', 'not'];
const LIST_KEYWORDS = ['items', 'allOf', 'anyOf', 'oneOf'];

const isSchema = (value: unknown): value is MutableSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Visits every sub-schema in document order (parents before children), following only the
 * keywords that hold schemas, so a property called `title` or `enum` is never mistaken for a
 * keyword. A visitor returning `'skip'` stops the descent below that site.
 *
 * @param root - the schema to walk
 * @param visit - called once per sub-schema
 */
export function walkSchema(root: MutableSchema, visit: (site: SchemaSite) => unknown): void {
  const step = (
    schema: MutableSchema,
    pointer: string,
    replace: (next: MutableSchema) => void,
    keyword?: string,
    key?: string,
  ): void => {
    let current = schema;
    const site: SchemaSite = {
      schema,
      pointer,
      ...(keyword === undefined ? {} : { keyword }),
      ...(key === undefined ? {} : { key }),
      replace: (next) => {
        current = next;
        replace(next);
      },
    };
    if (visit(site) === 'skip') return;
    descend(current, pointer);
  };
  const descend = (schema: MutableSchema, pointer: string): void => {
    for (const keyword of MAP_KEYWORDS) {
      const map = schema[keyword];
      if (!isSchema(map)) continue;
      for (const key of Object.keys(map)) {
        const child = map[key];
        if (!isSchema(child)) continue;
        const at = `${pointer}/${keyword}/${escapePointer(key)}`;
        step(
          child,
          at,
          (next) => {
            map[key] = next;
          },
          keyword,
          key,
        );
      }
    }
    for (const keyword of SINGLE_KEYWORDS) {
      const child = schema[keyword];
      if (!isSchema(child)) continue;
      step(
        child,
        `${pointer}/${keyword}`,
        (next) => {
          schema[keyword] = next;
        },
        keyword,
      );
    }
    for (const keyword of LIST_KEYWORDS) {
      const list = schema[keyword];
      if (!Array.isArray(list)) continue;
      list.forEach((child, index) => {
        if (!isSchema(child)) return;
        step(
          child,
          `${pointer}/${keyword}/${index}`,
          (next) => {
            list[index] = next;
          },
          keyword,
          String(index),
        );
      });
    }
  };
  step(root, '', () => {
    throw new Error('the root schema cannot be replaced');
  });
}

/** Whether a value is a JSON object (not an array, not null). */
export { isSchema };
