/**
 * Renders rows as a plain-text table with aligned columns: text columns left-aligned, numbers
 * right-aligned, two spaces between columns, a rule under the header.
 *
 * @param header - the column titles.
 * @param rows - one array of cells per row, as long as the header.
 * @param indent - spaces before every line.
 * @example
 * formatTable(['schema', 'good'], [['iglu:a/b/jsonschema/1-0-0', 3]]);
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  indent = 2,
): string[] {
  const numeric = header.map((_, column) => rows.every((row) => typeof row[column] === 'number'));
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, column) =>
    Math.max(...cells.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    ' '.repeat(indent) +
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return numeric[column] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = ' '.repeat(indent) + widths.map((width) => '-'.repeat(width)).join('  ');
  const [head = [], ...body] = cells;
  return [line(head), rule, ...body.map(line)];
}
