/** A JSON Schema object the normalising passes may change in place (always a private clone). */
export type MutableSchema = Record<string, unknown>;

/** Where a sub-schema sits: its JSON pointer, its parent keyword and (for maps) its key. */
export interface SchemaSite {
  readonly schema: MutableSchema;
  /** JSON pointer of the sub-schema (`''` for the root); computed on first use. */
  readonly pointer: string;
  /** `properties`, `items`, `definitions`, `allOf`…; undefined for the root. */
  readonly keyword?: string;
  /** The property, pattern or definition name for map keywords, the index for lists. */
  readonly key?: string;
  /** Puts another sub-schema in this place. */
  replace(next: MutableSchema): void;
}

const MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions', 'dependencies'];
const SINGLE_KEYWORDS = ['additionalProperties', 'items', 'additionalItems', 'not'];
const LIST_KEYWORDS = ['items', 'allOf', 'anyOf', 'oneOf'];

const isSchema = (value: unknown): value is MutableSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const escapePointer = (segment: string): string =>
  segment.includes('~') || segment.includes('/')
    ? segment.replace(/~/g, '~0').replace(/\//g, '~1')
    : segment;

/** One visited place. The pointer is built only when asked for: most visits never need it. */
class Site implements SchemaSite {
  private cached: string | undefined;
  constructor(
    public schema: MutableSchema,
    private readonly parent: Site | undefined,
    /** The object or array holding this sub-schema, and the slot in it. */
    private readonly container: Record<string, unknown> | unknown[] | undefined,
    private readonly slot: string | number,
    readonly keyword: string | undefined,
    readonly key: string | undefined,
  ) {}

  get pointer(): string {
    if (this.cached === undefined) {
      if (!this.parent || this.keyword === undefined) this.cached = '';
      else {
        const key = this.key === undefined ? '' : `/${escapePointer(this.key)}`;
        this.cached = `${this.parent.pointer}/${this.keyword}${key}`;
      }
    }
    return this.cached;
  }

  replace(next: MutableSchema): void {
    if (!this.container) throw new Error('the root schema cannot be replaced');
    (this.container as Record<string | number, unknown>)[this.slot] = next;
    this.schema = next;
  }
}

/**
 * Visits every sub-schema in document order (parents before children), following only the
 * keywords that hold schemas, so a property called `title` or `enum` is never mistaken for a
 * keyword. A visitor returning `'skip'` stops the descent below that site.
 *
 * @param root - the schema to walk
 * @param visit - called once per sub-schema
 */
export function walkSchema(root: MutableSchema, visit: (site: SchemaSite) => unknown): void {
  const step = (site: Site): void => {
    if (visit(site) === 'skip') return;
    const schema = site.schema;
    for (const keyword of MAP_KEYWORDS) {
      const map = schema[keyword];
      if (!isSchema(map)) continue;
      for (const key of Object.keys(map)) {
        const child = map[key];
        if (isSchema(child)) step(new Site(child, site, map, key, keyword, key));
      }
    }
    for (const keyword of SINGLE_KEYWORDS) {
      const child = schema[keyword];
      if (isSchema(child)) step(new Site(child, site, schema, keyword, keyword, undefined));
    }
    for (const keyword of LIST_KEYWORDS) {
      const list = schema[keyword];
      if (!Array.isArray(list)) continue;
      for (let index = 0; index < list.length; index += 1) {
        const child = list[index];
        if (isSchema(child)) step(new Site(child, site, list, index, keyword, String(index)));
      }
    }
  };
  step(new Site(root, undefined, undefined, '', undefined, undefined));
}

/** Whether a value is a JSON object (not an array, not null). */
export { isSchema };
