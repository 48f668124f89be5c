import { numericMinMax, stringLength, unknownFormats } from './coverage-linters';
import {
  arrayProperties,
  numericProperties,
  objectProperties,
  stringProperties,
} from './keyword-type-linters';
import type { Linter } from './linter';
import {
  bqDisallowedCharacters,
  bqIllegalStart,
  optionalNull,
  requiredPropertiesExist,
} from './property-linters';
import {
  arrayMinMaxItems,
  numericMinimumMaximum,
  stringMaxLengthRange,
  stringMinMaxLength,
} from './range-linters';
import { description, rootObject, schemaUri } from './root-linters';

/** The 18 igluctl linters in the order of codegen.md §2 (the order findings are reported in). */
export const LINTERS: readonly Linter[] = [
  rootObject,
  numericMinimumMaximum,
  stringMinMaxLength,
  stringMaxLengthRange,
  arrayMinMaxItems,
  numericProperties,
  stringProperties,
  arrayProperties,
  objectProperties,
  requiredPropertiesExist,
  unknownFormats,
  numericMinMax,
  stringLength,
  optionalNull,
  description,
  schemaUri,
  bqDisallowedCharacters,
  bqIllegalStart,
];
