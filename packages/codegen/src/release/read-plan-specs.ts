import { existsSync } from 'node:fs';
import { parseSpecFile, readSpecsSync, type SpecIssue } from '@floe/iglu';
import { CodegenError } from '../codegen-error';
import type { PlanSpec, PlanSpecFile } from './plan-spec';

/** `file:line:column: message` of a spec finding, so editors can jump to it. */
function located(issue: SpecIssue): string {
  const where =
    issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column}`;
  return `${where ? `${where}: ` : ''}${issue.message}`;
}

function failOnErrors(issues: readonly SpecIssue[]): void {
  const errors = issues.filter((issue) => issue.level === 'error');
  if (errors.length === 0) return;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more; run floe lint)` : '';
  throw new CodegenError('invalid_spec', `${located(errors[0]!)}${more}`);
}

/**
 * Parses one spec file's text with `@floe/iglu`'s spec reader.
 *
 * @param file - the file's name, for messages
 * @param text - its content
 * @throws CodegenError `invalid_spec` when the file breaks the spec format
 */
export function parsePlanSpec(file: string, text: string): PlanSpec {
  const parsed = parseSpecFile({ file, text });
  failOnErrors(parsed.issues);
  if (!parsed.loaded) throw new CodegenError('invalid_spec', `${file}: not a spec`);
  return parsed.loaded.spec;
}

/**
 * Reads every spec of a specs folder with `@floe/iglu`'s reader, sorted by name. A folder that
 * does not exist holds no specs (a tracking plan may have none); a broken spec stops the run,
 * since release planning and the catalogue must not quietly leave one out.
 *
 * @param specsDir - the folder (e.g. `specs/` beside `schemas/`)
 * @throws CodegenError `invalid_spec` with `file:line:column` of the first error
 */
export function readPlanSpecs(specsDir: string): PlanSpecFile[] {
  if (!existsSync(specsDir)) return [];
  const { specs, issues } = readSpecsSync(specsDir);
  failOnErrors(issues);
  return specs.map((loaded) => ({
    file: loaded.file.replace(/^.*[\\/]/, ''),
    spec: loaded.spec,
  }));
}
