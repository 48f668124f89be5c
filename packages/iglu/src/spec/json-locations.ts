/** Where a JSON value starts in its text: offset (0-based) and line and column (1-based). */
export interface JsonLocation {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Maps every JSON pointer of a document to where its value starts in the text, so findings about
 * a spec can say `file:line:column`. `JSON.parse` keeps no positions; this small scanner of our
 * own does, for valid JSON only (callers parse first). A library (jsonc-parser, momoa) would
 * cost a dependency for about fifty lines.
 *
 * @param text - valid JSON text
 * @returns pointer → location; `''` is the root
 */
export function locateJsonValues(text: string): Map<string, JsonLocation> {
  const starts = new Map<string, number>();
  let index = 0;
  const skipSpace = () => {
    while (index < text.length && /\s/.test(text[index]!)) index += 1;
  };
  const readString = (): string => {
    const start = index;
    index += 1;
    while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
    index += 1;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const value = (pointer: string): void => {
    skipSpace();
    starts.set(pointer, index);
    const char = text[index];
    if (char === '{' || char === '[') {
      const object = char === '{';
      index += 1;
      let position = 0;
      for (;;) {
        skipSpace();
        if (text[index] === (object ? '}' : ']')) break;
        if (object) {
          const key = readString();
          skipSpace();
          index += 1; // ':'
          value(`${pointer}/${escapePointer(key)}`);
        } else {
          value(`${pointer}/${position}`);
        }
        position += 1;
        skipSpace();
        if (text[index] === ',') index += 1;
      }
      index += 1;
    } else if (char === '"') {
      readString();
    } else {
      while (index < text.length && !/[\s,\]}]/.test(text[index]!)) index += 1;
    }
  };
  value('');
  const locations = new Map<string, JsonLocation>();
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  const sorted = [...starts].sort((a, b) => a[1] - b[1]);
  for (const [pointer, offset] of sorted) {
    for (; scanned < offset; scanned += 1) {
      if (text.charCodeAt(scanned) === 10) {
        line += 1;
        lineStart = scanned + 1;
      }
    }
    locations.set(pointer, { offset, line, column: offset - lineStart + 1 });
  }
  return locations;
}
