import { type LoadedSpec, lintSpec, type Resolver, readSpecs, type SpecIssue } from '@floe/iglu';

/** Specs that passed every check, and every finding (errors and warnings). */
export interface CheckedSpecs {
  /** Specs without an error finding, sorted by name. */
  readonly specs: readonly LoadedSpec[];
  readonly issues: readonly SpecIssue[];
}

/**
 * Reads a specs folder and lints each spec against the schemas the resolver finds (unknown URIs,
 * impossible rules). A spec with an error finding is left out of `specs`, so generation never
 * builds a function from a broken spec.
 *
 * @param specsDir - the specs folder
 * @param resolver - finds the schemas the specs name
 */
export async function loadCheckedSpecs(
  specsDir: string,
  resolver: Resolver,
): Promise<CheckedSpecs> {
  const read = await readSpecs(specsDir);
  const issues: SpecIssue[] = [...read.issues];
  const specs: LoadedSpec[] = [];
  const lookup = (uri: string) => resolver.tryResolve(uri)?.schema;
  for (const loaded of read.specs) {
    const found = lintSpec(loaded, lookup);
    issues.push(...found);
    if (!found.some((issue) => issue.level === 'error')) specs.push(loaded);
  }
  return { specs, issues };
}
