// Only braces indent: parentheses and brackets never span lines in the compiler's output, except
// around an inline object (`(string | {`), which must not count twice.
const OPENERS = new Set(['{']);
const CLOSERS = new Set(['}']);

/** Brackets opened minus closed on one code line, skipping string literals; and leading closers. */
function scanLine(line: string): { net: number; leading: number } {
  let net = 0;
  let leading = 0;
  let atStart = true;
  let quote: string | undefined;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') {
      quote = char;
      atStart = false;
    } else if (OPENERS.has(char)) {
      net += 1;
      atStart = false;
    } else if (CLOSERS.has(char)) {
      net -= 1;
      if (atStart) leading += 1;
    } else if (char !== ' ') {
      atStart = false;
    }
  }
  return { net, leading };
}

/**
 * Indents the compact output of json-schema-to-typescript (`format: false`) by bracket depth,
 * two spaces per level, so the generated files read well without running a formatter per
 * schema. Block comments take the depth of the code they document, members and type aliases
 * end with `;`, and blank-line runs collapse.
 *
 * @param code - one or more declarations, one member per line
 * @returns the indented code, ending with one newline
 */
export function indentCode(code: string): string {
  const out: string[] = [];
  let depth = 0;
  let inComment = false;
  let statement: 'interface' | 'other' = 'other';
  for (const raw of code.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    const pad = '  '.repeat(depth);
    const previous = out[out.length - 1];
    // One blank line between top-level declarations.
    const startsDeclaration = line.startsWith('/*') || line.startsWith('export ');
    if (depth === 0 && !inComment && startsDeclaration && previous && /[};]$/.test(previous)) {
      out.push('');
    }
    if (inComment || line.startsWith('/*')) {
      out.push(pad + (line.startsWith('*') ? ` ${line}` : line));
      inComment = !line.includes('*/');
      continue;
    }
    const { net, leading } = scanLine(line);
    if (depth === 0) statement = line.startsWith('export interface') ? 'interface' : 'other';
    const after = Math.max(0, depth + net);
    // Members and finished type aliases end with `;`, as a formatter would write them.
    const open = /[{([,|&=;]$/.test(line);
    const end = !open && (after > 0 || statement === 'other') ? ';' : '';
    out.push('  '.repeat(Math.max(0, depth - leading)) + line + end);
    depth = after;
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
