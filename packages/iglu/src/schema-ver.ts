import { IgluError } from './iglu-error';

/** A SchemaVer `MODEL-REVISION-ADDITION`, e.g. `1-0-2`. */
export interface SchemaVer {
  readonly model: number;
  readonly revision: number;
  readonly addition: number;
}

// Digits only, no sign, no leading '+'; leading zeros are tolerated as Iglu does not forbid them.
const SCHEMAVER = /^(\d+)-(\d+)-(\d+)$/;

/**
 * Parses `M-R-A`.
 *
 * @param text - e.g. `1-0-2`
 * @throws IgluError with code `invalid_schemaver` when the text is not three hyphenated integers
 * @example
 * parseSchemaVer('1-0-2'); // { model: 1, revision: 0, addition: 2 }
 */
export function parseSchemaVer(text: string): SchemaVer {
  const match = typeof text === 'string' ? SCHEMAVER.exec(text) : null;
  if (!match) {
    throw new IgluError(
      'invalid_schemaver',
      `Invalid SchemaVer ${JSON.stringify(text)}: expected MODEL-REVISION-ADDITION, e.g. 1-0-0`,
    );
  }
  const [model, revision, addition] = [match[1], match[2], match[3]].map(Number) as [
    number,
    number,
    number,
  ];
  if (![model, revision, addition].every(Number.isSafeInteger)) {
    throw new IgluError(
      'invalid_schemaver',
      `Invalid SchemaVer ${JSON.stringify(text)}: too large`,
    );
  }
  return { model, revision, addition };
}

/**
 * Formats a SchemaVer as `M-R-A`.
 *
 * @param version - the version to format
 */
export function formatSchemaVer(version: SchemaVer): string {
  return `${version.model}-${version.revision}-${version.addition}`;
}

/**
 * Orders SchemaVers by model, then revision, then addition.
 *
 * @returns a negative number when `a` comes first, 0 when equal, positive otherwise
 */
export function compareSchemaVer(a: SchemaVer, b: SchemaVer): number {
  return a.model - b.model || a.revision - b.revision || a.addition - b.addition;
}
