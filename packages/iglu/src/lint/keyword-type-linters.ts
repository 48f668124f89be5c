import type { Linter } from './linter';
import { presentKeywords, withoutType } from './schema-types';

// The keyword groups igluctl assigns to each JSON type (schema-ddl's property classes).
const NUMBER_KEYWORDS = ['multipleOf', 'minimum', 'maximum'];
const STRING_KEYWORDS = ['maxLength', 'minLength', 'pattern', 'format'];
const ARRAY_KEYWORDS = ['items', 'additionalItems', 'minItems', 'maxItems'];
const OBJECT_KEYWORDS = ['properties', 'additionalProperties', 'required', 'patternProperties'];

function keywordsNeedType(
  name: string,
  keywords: readonly string[],
  types: readonly string[],
): Linter {
  return {
    name,
    level: 'error',
    check(schema) {
      const present = presentKeywords(schema, keywords);
      if (present.length === 0 || !types.every((type) => withoutType(schema, type))) {
        return undefined;
      }
      const listed = present.join(', ');
      return `keywords [${listed}] apply only to ${types.join(' or ')} values, which "type" excludes`;
    },
  };
}

/** #6: numeric keywords where the type allows neither number nor integer. */
export const numericProperties = keywordsNeedType('numericProperties', NUMBER_KEYWORDS, [
  'number',
  'integer',
]);
/** #7: string keywords where the type excludes string. */
export const stringProperties = keywordsNeedType('stringProperties', STRING_KEYWORDS, ['string']);
/** #8: array keywords where the type excludes array. */
export const arrayProperties = keywordsNeedType('arrayProperties', ARRAY_KEYWORDS, ['array']);
/** #9: object keywords where the type excludes object. */
export const objectProperties = keywordsNeedType('objectProperties', OBJECT_KEYWORDS, ['object']);
