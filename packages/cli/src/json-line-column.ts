const POSITION = /at position (\d+)(?: \(line \d+ column \d+\))?/;

/**
 * Where a JSON syntax error is, as people and editors count: a message from `JSON.parse` says
 * `at position 255`, which nobody can find in a file; this turns it into a line and a column.
 *
 * @param message - an error message that may contain `at position N`
 * @param text - the JSON text the message is about
 * @returns the 1-based line and column, and the message with `at line L, column C`, or
 *   `undefined` when the message names no position
 * @example
 * jsonLineColumn('Unexpected token } in JSON at position 12', '{\n  "a": 1,\n}');
 * // { line: 3, column: 1, message: 'Unexpected token } in JSON at line 3, column 1' }
 */
export function jsonLineColumn(
  message: string,
  text: string,
): { line: number; column: number; message: string } | undefined {
  const match = POSITION.exec(message);
  if (!match) return undefined;
  const position = Math.min(Number(match[1]), text.length);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column, message: message.replace(POSITION, `at line ${line}, column ${column}`) };
}

/**
 * An error message about a JSON file (`/path/floe.config.json: … at position 35`), pointed at
 * `file:line:column` instead; any other message is returned as it is.
 *
 * @param message - the message, starting with the file's path
 * @param read - reads the file (returns `undefined` when it cannot)
 * @example
 * locateJsonError('/p/floe.config.json: cannot be read as JSON (… at position 35)', read);
 * // '/p/floe.config.json:4:3: cannot be read as JSON (… at line 4, column 3)'
 */
export function locateJsonError(
  message: string,
  read: (file: string) => string | undefined,
): string {
  const match = /^(.+?\.json): /.exec(message);
  if (!match || !POSITION.test(message)) return message;
  const file = match[1]!;
  const text = read(file);
  const located = text === undefined ? undefined : jsonLineColumn(message, text);
  if (!located) return message;
  return `${file}:${located.line}:${located.column}: ${located.message.slice(match[0].length)}`;
}
