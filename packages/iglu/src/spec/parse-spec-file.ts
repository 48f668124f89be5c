import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../validate/create-ajv';
import type { EventSpec } from './event-spec';
import { type JsonLocation, locateJsonValues } from './json-locations';
import type { LoadedSpec } from './loaded-spec';
import { parseCardinality } from './parse-cardinality';
import type { SpecIssue } from './spec-issue';
import { SPEC_JSON_SCHEMA } from './spec-json-schema';

/** A parsed spec file: the spec (absent when unusable) and its findings. */
export interface ParsedSpecFile {
  readonly loaded?: LoadedSpec;
  readonly issues: SpecIssue[];
}

let validateFormat: ValidateFunction | undefined;

function formatValidator(): ValidateFunction {
  validateFormat ??= createAjv({ onWarning: () => undefined }).compile(SPEC_JSON_SCHEMA);
  return validateFormat;
}

const RULE_SHAPE = 'a rule takes exactly one of "const", "enum", or "minimum"/"maximum"';

function formatMessage(error: ErrorObject): string {
  const where = error.instancePath || '/';
  if (error.keyword === 'oneOf') return `${where}: ${RULE_SHAPE}`;
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown key "${String(error.params['additionalProperty'])}"`;
  }
  if (error.keyword === 'pattern' && error.instancePath.endsWith('/cardinality')) {
    return `${where}: cardinality must be "N", "N..M" or "N..*" (e.g. "1", "0..1", "1..*")`;
  }
  if (error.keyword === 'pattern' && error.instancePath === '/name') {
    return `${where}: the name must be PascalCase letters and digits (e.g. Checkout)`;
  }
  return `${where}: ${error.message ?? error.keyword}`;
}

function positionOf(message: string, text: string): JsonLocation | undefined {
  const match = /at position (\d+)/.exec(message);
  if (!match) return undefined;
  const offset = Math.min(Number(match[1]), text.length);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * Parses one spec file and checks it on its own: JSON, the spec format (`spec-schema.json`),
 * cardinalities whose maximum is not below their minimum, no entity listed twice, and rules
 * aimed at `event` or at a listed entity. Checks against the schemas are `lintSpec`'s. Never
 * throws; every finding carries the file and, where known, line and column.
 *
 * @param input - the absolute file name and its text
 */
export function parseSpecFile(input: {
  readonly file: string;
  readonly text: string;
}): ParsedSpecFile {
  const { file, text } = input;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    return {
      issues: [
        { level: 'error', code: 'InvalidJson', message, file, ...positionOf(message, text) },
      ],
    };
  }
  const locations = locateJsonValues(text);
  const at = (pointer: string) => {
    const location = locations.get(pointer);
    return location ? { pointer, ...location } : { pointer };
  };
  const issues: SpecIssue[] = [];
  const name =
    typeof (value as { name?: unknown })?.name === 'string'
      ? { spec: (value as { name: string }).name }
      : {};
  const problem = (code: string, pointer: string, message: string) =>
    issues.push({ level: 'error', code, message, file, ...name, ...at(pointer) });
  const validate = formatValidator();
  if (!validate(value)) {
    const errors = (validate.errors ?? []).filter((error) => !error.schemaPath.includes('/oneOf/'));
    for (const error of errors) problem('specFormat', error.instancePath, formatMessage(error));
    return { issues };
  }
  const spec = value as EventSpec;
  const listed = new Map<string, number>();
  (spec.entities ?? []).forEach((entity, index) => {
    if (!parseCardinality(entity.cardinality)) {
      problem(
        'specCardinality',
        `/entities/${index}/cardinality`,
        `cardinality "${entity.cardinality}": the maximum is below the minimum`,
      );
    }
    const first = listed.get(entity.schema);
    if (first !== undefined) {
      problem(
        'specDuplicate',
        `/entities/${index}/schema`,
        `${entity.schema} is listed twice (also /entities/${first}); give one cardinality`,
      );
    } else listed.set(entity.schema, index);
  });
  (spec.rules ?? []).forEach((rule, index) => {
    if (rule.target !== 'event' && !listed.has(rule.target)) {
      problem(
        'specTarget',
        `/rules/${index}/target`,
        `rule target ${rule.target} is neither "event" nor one of the spec's entities`,
      );
    }
    if (rule.minimum !== undefined && rule.maximum !== undefined && rule.minimum > rule.maximum) {
      problem(
        'specRuleImpossible',
        `/rules/${index}`,
        `minimum ${rule.minimum} is above maximum ${rule.maximum}: no value can pass`,
      );
    }
  });
  if (issues.length > 0) return { issues };
  return { loaded: { spec, file, locations }, issues };
}
