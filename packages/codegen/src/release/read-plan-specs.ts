import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodegenError } from '../codegen-error';
import type { PlanSpec, PlanSpecFile } from './plan-spec';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses one spec file's text. Only the shape release planning and the catalogue rely on is
 * checked (a `name` and an `event.schema`); `floe lint` owns the full check of the format.
 *
 * @param file - the file's name, for messages
 * @param text - its content
 * @throws CodegenError `invalid_spec` when it is not JSON or lacks a name or event schema
 */
export function parsePlanSpec(file: string, text: string): PlanSpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CodegenError(
      'invalid_spec',
      `${file}: cannot be read as JSON (${(error as Error).message})`,
    );
  }
  const event = isObject(value) ? value['event'] : undefined;
  if (
    !isObject(value) ||
    typeof value['name'] !== 'string' ||
    !isObject(event) ||
    typeof event['schema'] !== 'string'
  ) {
    throw new CodegenError('invalid_spec', `${file}: a spec needs a "name" and an "event.schema"`);
  }
  return value as unknown as PlanSpec;
}

/**
 * Reads every `*.json` spec of a specs folder, sorted by file name. A folder that does not
 * exist holds no specs (a tracking plan may have none).
 *
 * This is the one place release planning and the catalogue read specs; it moves onto
 * `@floe/iglu`'s spec loader once that is published, without changing its callers.
 *
 * @param specsDir - the folder (e.g. `specs/` beside `schemas/`)
 * @throws CodegenError `invalid_spec` for a file that is not a spec
 */
export function readPlanSpecs(specsDir: string): PlanSpecFile[] {
  if (!existsSync(specsDir)) return [];
  return readdirSync(specsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      spec: parsePlanSpec(join(specsDir, file), readFileSync(join(specsDir, file), 'utf8')),
    }));
}
