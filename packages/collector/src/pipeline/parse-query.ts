/** One query-string parameter; `value` is `null` for a bare name without `=`. */
export interface QueryParam {
  readonly name: string;
  readonly value: string | null;
}

/** The outcome of `parseQuery`. */
export type QueryParseResult =
  | { readonly ok: true; readonly params: readonly QueryParam[] }
  | { readonly ok: false; readonly error: string; readonly raw: readonly QueryParam[] };

function decode(part: string): string {
  return decodeURIComponent(part.replace(/\+/g, ' '));
}

/**
 * Parses a query string the way the pipeline's collector does: `&`-separated, `+` as a space,
 * percent-escapes decoded as UTF-8. An escape that is malformed or decodes to invalid UTF-8 makes
 * the whole request unrepresentable (a `collector_payload_format_violation`); `raw` then holds
 * the undecoded pairs for display.
 *
 * @param query - the text after `?`, or `null`
 */
export function parseQuery(query: string | null): QueryParseResult {
  const params: QueryParam[] = [];
  const raw: QueryParam[] = [];
  let error: string | undefined;
  if (!query) return { ok: true, params };
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = eq < 0 ? piece : piece.slice(0, eq);
    const value = eq < 0 ? null : piece.slice(eq + 1);
    raw.push({ name, value });
    if (error) continue;
    try {
      params.push({ name: decode(name), value: value === null ? null : decode(value) });
    } catch {
      error = `cannot decode the query parameter ${JSON.stringify(piece.slice(0, 100))}: malformed percent-escape or invalid UTF-8`;
    }
  }
  return error ? { ok: false, error, raw } : { ok: true, params };
}

/**
 * The parameters as a map, the last occurrence of a name winning; bare names map to `''`.
 *
 * @param params - parsed parameters
 */
export function queryToMap(params: readonly QueryParam[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { name, value } of params) map[name] = value ?? '';
  return map;
}
