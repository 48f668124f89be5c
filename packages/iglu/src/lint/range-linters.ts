import type { Linter } from './linter';
import { numberAt, withType } from './schema-types';

/** Redshift's VARCHAR limit, which igluctl uses as the warehouse ceiling. */
const MAX_VARCHAR = 65_535;

function minAboveMax(name: string, minKey: string, maxKey: string): Linter {
  return {
    name,
    level: 'error',
    check(schema) {
      const min = numberAt(schema, minKey);
      const max = numberAt(schema, maxKey);
      if (min === undefined || max === undefined || min <= max) return undefined;
      return `"${minKey}" (${min}) is greater than "${maxKey}" (${max}), so no value can match`;
    },
  };
}

/** #2: `minimum` > `maximum`. */
export const numericMinimumMaximum = minAboveMax('numericMinimumMaximum', 'minimum', 'maximum');
/** #3: `minLength` > `maxLength`. */
export const stringMinMaxLength = minAboveMax('stringMinMaxLength', 'minLength', 'maxLength');
/** #5: `minItems` > `maxItems`. */
export const arrayMinMaxItems = minAboveMax('arrayMinMaxItems', 'minItems', 'maxItems');

/** #4: a string's `maxLength` above the warehouse VARCHAR limit. */
export const stringMaxLengthRange: Linter = {
  name: 'stringMaxLengthRange',
  level: 'warning',
  check(schema) {
    const max = numberAt(schema, 'maxLength');
    if (!withType(schema, 'string') || max === undefined || max <= MAX_VARCHAR) return undefined;
    return `"maxLength" ${max} is above the warehouse VARCHAR maximum of ${MAX_VARCHAR}`;
  },
};
