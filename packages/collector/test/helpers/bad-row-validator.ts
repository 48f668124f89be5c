// Validates emitted bad rows against their own schemas, from the package's bundled copy.
import { join } from 'node:path';
import { createResolver, createValidatorCompiler } from '@floe/iglu';

const compiler = createValidatorCompiler({
  resolver: createResolver({ roots: [join(__dirname, '..', '..', 'schemas')] }),
});

/** The validation issues of a bad row against its schema ([] when valid). */
export function badRowIssues(badRow: { schema: string; data: unknown }): readonly unknown[] {
  return compiler.compile(badRow.schema)(badRow.data);
}
