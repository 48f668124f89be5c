import { isJsonObject, type JsonSchema } from '../json-schema';

const escapeToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Visits a schema and its sub-schemas in igluctl's order and scope: the schema itself, then
 * `items` (one schema or each tuple member), `additionalItems`, `properties`,
 * `additionalProperties`, `patternProperties`, `oneOf`, `anyOf`, `allOf` and `not`. Like
 * igluctl, whose schema model has no `definitions`, sub-schemas under `definitions` are not
 * visited. The corpus's nine `ipv6` formats sit under `anyOf`, which is why it is walked.
 *
 * @param schema - the root schema
 * @param visit - called with each sub-schema and its JSON pointer (`''` for the root)
 */
export function walkSubSchemas(
  schema: JsonSchema,
  visit: (sub: JsonSchema, pointer: string) => void,
): void {
  const go = (node: JsonSchema, pointer: string): void => {
    visit(node, pointer);
    const child = (value: unknown, path: string): void => {
      if (isJsonObject(value)) go(value, path);
    };
    const items = node['items'];
    if (Array.isArray(items)) {
      items.forEach((item, i) => {
        child(item, `${pointer}/items/${i}`);
      });
    } else {
      child(items, `${pointer}/items`);
    }
    child(node['additionalItems'], `${pointer}/additionalItems`);
    const named = (keyword: string): void => {
      const value = node[keyword];
      if (!isJsonObject(value)) return;
      for (const [name, sub] of Object.entries(value)) {
        child(sub, `${pointer}/${keyword}/${escapeToken(name)}`);
      }
    };
    named('properties');
    child(node['additionalProperties'], `${pointer}/additionalProperties`);
    named('patternProperties');
    for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
      const members = node[keyword];
      if (!Array.isArray(members)) continue;
      members.forEach((member, i) => {
        child(member, `${pointer}/${keyword}/${i}`);
      });
    }
    child(node['not'], `${pointer}/not`);
  };
  go(schema, '');
}
