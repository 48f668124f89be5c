import { constraintTags, describe, itemTags } from './constraint-tags';
import { pascalCase } from './naming';
import { isSchema, type MutableSchema, type SchemaSite, walkSchema } from './walk-schema';

/**
 * JSON with object keys sorted, so equal schemas give equal text whatever their key order.
 * Memoised per object: a parent's text reuses its children's, keeping the pass linear.
 */
function createShape(): (schema: MutableSchema) => string {
  const memo = new WeakMap<object, string>();
  const canonical = (value: unknown): string => {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value);
    const known = memo.get(value);
    if (known !== undefined) return known;
    const text = Array.isArray(value)
      ? `[${value.map(canonical).join(',')}]`
      : `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${canonical((value as MutableSchema)[key])}`)
          .join(',')}}`;
    memo.set(value, text);
    return text;
  };
  // The description is left out: uses that differ only in their description share one name.
  return (schema) => {
    const { description: _description, ...rest } = schema;
    return canonical(rest);
  };
}

// Worth a name when repeated: enums and objects with properties (codegen.md §4.1).
const isCandidate = (schema: MutableSchema): boolean =>
  schema.tsType === undefined &&
  (Array.isArray(schema.enum) ||
    (isSchema(schema.properties) && Object.keys(schema.properties).length > 0));

/** `/properties/time/properties/start` → `Start`; `/properties/elements/items` → `ElementsItem`. */
function nameFromPointer(pointer: string): string {
  const segments = pointer.split('/').slice(1);
  for (let index = segments.length - 1; index > 0; index -= 1) {
    const keyword = segments[index - 1];
    if (keyword === 'properties' || keyword === 'patternProperties') {
      const base = pascalCase(segments[index]!) || 'Shared';
      return segments.slice(index + 1).includes('items') ? `${base}Item` : base;
    }
  }
  return 'Shared';
}

const quickKey = (schema: MutableSchema): string =>
  Array.isArray(schema.enum)
    ? `enum:${schema.enum.length}:${JSON.stringify(schema.enum[0])}`
    : `object:${Object.keys(schema.properties as MutableSchema)
        .sort()
        .join('\u0000')}`;

const isHoistable = (site: SchemaSite): boolean =>
  site.keyword !== undefined && site.keyword !== 'definitions' && isCandidate(site.schema);

/**
 * Names enums and objects that appear more than once in one schema: the first (outermost,
 * then earliest) repeated shape becomes a definition `<Owner>_<PropertyName>` and every use
 * refers to it by name while keeping its own description. Repeats until nothing repeats. Runs
 * before `tidySchema`, which then tidies the new definitions like any other sub-schema.
 *
 * @param root - a normalised schema (changed in place)
 * @param rootName - the owning schema's type name
 * @param used - names already taken in this module
 */
export function hoistRepeated(root: MutableSchema, rootName: string, used: Set<string>): void {
  for (;;) {
    const shape = createShape();
    // A cheap key first (enum size and first value, or the property names): only uses that
    // share it can have equal shapes, so most sub-schemas never get the full canonical text.
    const buckets = new Map<string, { site: SchemaSite; order: number }[]>();
    let order = 0;
    walkSchema(root, (site) => {
      if (!isHoistable(site)) return;
      const key = quickKey(site.schema);
      const bucket = buckets.get(key);
      const use = { site, order: order++ };
      if (bucket) bucket.push(use);
      else buckets.set(key, [use]);
    });
    // Per shape: how often it occurs and its first use in document order.
    const seen = new Map<string, { count: number; site: SchemaSite; order: number }>();
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      for (const { site, order: at } of bucket) {
        const key = shape(site.schema);
        const entry = seen.get(key);
        if (entry) entry.count += 1;
        else seen.set(key, { count: 1, site, order: at });
      }
    }
    const depth = (site: SchemaSite): number => site.pointer.split('/').length;
    const repeated = [...seen.entries()]
      .filter(([, entry]) => entry.count > 1)
      .sort(([, a], [, b]) => depth(a.site) - depth(b.site) || a.order - b.order);
    const chosen = repeated[0];
    if (!chosen) return;
    const [key, entry] = chosen;
    const base = `${rootName}_${nameFromPointer(entry.site.pointer)}`;
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base}${n}`;
    used.add(name);
    const quick = quickKey(entry.site.schema);
    const users: string[] = [];
    let definition: MutableSchema | undefined;
    walkSchema(root, (site) => {
      if (!isHoistable(site) || quickKey(site.schema) !== quick || shape(site.schema) !== key)
        return;
      definition ??= { ...site.schema };
      users.push(site.pointer);
      // The use keeps its own description and constraint tags; the definition gets them too.
      const tags = [...constraintTags(site.schema), ...itemTags(site.schema)];
      const description = describe(site.schema.description, tags);
      site.replace({ ...(description === undefined ? {} : { description }), tsType: name });
      return 'skip';
    });
    if (!definition) return;
    const definitions = isSchema(root.definitions) ? root.definitions : {};
    definitions[name] = { ...definition, description: `Shared by ${users.join(', ')}.` };
    root.definitions = definitions;
  }
}
