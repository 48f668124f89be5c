// Every function in this file is self-contained: it uses only its parameters, its own locals and
// standard globals. compileStandaloneValidators copies their source text (Function#toString) into
// generated modules, so runtime and precompiled validators run the very same code. Do not make
// them call anything imported or declared elsewhere.

/** Length of a string in Unicode code points, as draft-04 `maxLength`/`minLength` count it. */
export function countCodePoints(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index += 1) {
    length += 1;
    const code = text.charCodeAt(index);
    // A high surrogate followed by a low surrogate is one code point.
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index += 1;
    }
  }
  return length;
}

/** Deep equality of JSON values, for `enum` with object members and `uniqueItems`. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // JSON has no NaN, so strict equality settles every primitive.
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  const stack: [unknown, unknown][] = keys.map((key) => [left[key], right[key]]);
  for (const key of keys) if (!Object.hasOwn(right, key)) return false;
  // Iterative comparison keeps this function free of self-references (see the file comment).
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const xs = x as Record<string, unknown>;
    const ys = y as Record<string, unknown>;
    const inner = Object.keys(xs);
    if (inner.length !== Object.keys(ys).length) return false;
    for (const key of inner) {
      if (!Object.hasOwn(ys, key)) return false;
      stack.push([xs[key], ys[key]]);
    }
  }
  return true;
}

/** RFC 3339 `full-date` with real month lengths (29 February only in leap years). */
export function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** RFC 3339 `date-time`: date, `T` (or `t`/space), time with seconds, and a required offset. */
export function isDateTime(text: string): boolean {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/.exec(
      text,
    );
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days) return false;
  const [hour, minute, second] = [match[4], match[5], match[6]].map(Number) as number[];
  const offsetHour = match[8] === undefined ? 0 : Number(match[8]);
  const offsetMinute = match[9] === undefined ? 0 : Number(match[9]);
  // Second 60 is a leap second; RFC 3339 allows it.
  return hour! <= 23 && minute! <= 59 && second! <= 60 && offsetHour <= 23 && offsetMinute <= 59;
}

/** A regular expression JavaScript accepts with the `u` flag (the draft-04 meta-schema uses it). */
export function isRegex(text: string): boolean {
  try {
    new RegExp(text, 'u');
    return true;
  } catch {
    return false;
  }
}
