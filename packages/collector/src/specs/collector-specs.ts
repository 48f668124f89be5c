import { relative } from 'node:path';
import { type CompiledSpec, compileSpec, readSpecsSync } from '@floe/iglu';

/** The event specifications a collector knows, compiled and grouped by event URI. */
export interface CollectorSpecs {
  /** Compiled specs by the event URI they name. */
  readonly byEvent: ReadonlyMap<string, readonly CompiledSpec[]>;
  /** How many specs were loaded. */
  readonly count: number;
}

/**
 * Loads the specs of the given folders (`*.json`, the format of `@floe/iglu`'s
 * `spec-schema.json`). A broken file is skipped with a warning naming `file:line:column`, so a
 * typo in one spec never stops the collector; `floe lint` reports the same findings in full.
 * Specs are not checked against the schemas here: the events themselves are.
 *
 * @param dirs - spec folders, in order; a name seen twice keeps its first spec
 * @param onWarning - receives one line per skipped file or finding
 */
export function loadCollectorSpecs(
  dirs: readonly string[],
  onWarning: (message: string) => void,
): CollectorSpecs {
  const byEvent = new Map<string, CompiledSpec[]>();
  const names = new Set<string>();
  for (const dir of dirs) {
    const { specs, issues } = readSpecsSync(dir);
    for (const issue of issues) {
      const near = issue.file ? relative(process.cwd(), issue.file) : dir;
      const where = issue.file && near.startsWith('..') ? issue.file : near;
      const at = issue.line ? `${where}:${issue.line}:${issue.column}` : where;
      onWarning(`spec ${at}: ${issue.message}`);
    }
    for (const { spec } of specs) {
      if (names.has(spec.name)) continue;
      names.add(spec.name);
      const compiled = compileSpec(spec);
      byEvent.set(compiled.event, [...(byEvent.get(compiled.event) ?? []), compiled]);
    }
  }
  return { byEvent, count: names.size };
}
