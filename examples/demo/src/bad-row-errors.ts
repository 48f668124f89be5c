import type { BadRow, MicroBadEvent } from './micro-types';

/** One readable problem taken from a bad row. */
export interface BadRowError {
  /** The bad-row type, e.g. `schema_violations` or `size_violation`. */
  readonly type: string;
  /** The schema the data failed against, when the bad row names one. */
  readonly schemaKey?: string;
  /** Where in the data it failed (as the collector reports it), when known. */
  readonly path?: string;
  /** The JSON Schema keyword that failed, when known. */
  readonly keyword?: string;
  /** The validator's message, which says what was expected and what was found. */
  readonly message: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/**
 * Flattens the failure messages of a bad event into readable errors: one per validation report
 * for schema violations, one per message for the other bad-row types.
 *
 * @param bad - an item of `GET /micro/bad`.
 */
export function badRowErrors(bad: MicroBadEvent): BadRowError[] {
  const row = bad.badRow ?? parseBadRow(bad.errors);
  if (row === undefined) return [{ type: 'unknown', message: bad.errors.join(' ') }];
  const type = row.schema.split('/')[1] ?? row.schema;
  const failure = row.data.failure ?? {};
  const messages = Array.isArray(failure.messages) ? failure.messages : [failure];
  return messages.flatMap((message) => messageErrors(type, message));
}

function parseBadRow(errors: readonly string[]): BadRow | undefined {
  for (const line of errors) {
    try {
      const parsed: unknown = JSON.parse(line);
      if (isObject(parsed) && typeof parsed.schema === 'string' && isObject(parsed.data)) {
        return parsed as unknown as BadRow;
      }
    } catch {
      // The first line is a human sentence, not JSON.
    }
  }
  return undefined;
}

function messageErrors(type: string, message: unknown): BadRowError[] {
  if (!isObject(message)) return [{ type, message: String(message) }];
  const schemaKey = text(message.schemaKey);
  const error = isObject(message.error) ? message.error : undefined;
  const reports = error !== undefined && Array.isArray(error.dataReports) ? error.dataReports : [];
  if (reports.length > 0) {
    return reports.filter(isObject).map((report) => ({
      type,
      ...(schemaKey === undefined ? {} : { schemaKey }),
      ...(text(report.path) === undefined ? {} : { path: text(report.path) }),
      ...(text(report.keyword) === undefined ? {} : { keyword: text(report.keyword) }),
      message: text(report.message) ?? JSON.stringify(report),
    }));
  }
  const field = text(message.field);
  const readable =
    text(message.message) ?? text(message.error) ?? text(message.expectation) ?? undefined;
  return [
    {
      type,
      ...(schemaKey === undefined ? {} : { schemaKey }),
      ...(field === undefined ? {} : { path: field }),
      message: readable ?? JSON.stringify(message),
    },
  ];
}
