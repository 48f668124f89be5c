/**
 * A JSDoc block from paragraphs and tag lines. `*​/` inside the text is broken up so a
 * description can never end the comment early; nothing else is escaped (no HTML entities).
 *
 * @param lines - text lines; an empty string gives a blank comment line
 * @param indent - spaces before each line
 */
export function renderComment(lines: readonly string[], indent = ''): string {
  const body = lines
    .flatMap((line) => line.split('\n'))
    .map((line) => line.replace(/\*\//g, '*\\/').trimEnd())
    .map((line) => (line ? `${indent} * ${line}` : `${indent} *`));
  return [`${indent}/**`, ...body, `${indent} */`].join('\n');
}

/** The first line of a description, or a fallback, for one-line summaries. */
export function firstLine(description: unknown, fallback: string): string {
  if (typeof description !== 'string') return fallback;
  const line = description.trim().split('\n')[0]?.trim();
  return line ? line : fallback;
}
