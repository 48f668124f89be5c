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
