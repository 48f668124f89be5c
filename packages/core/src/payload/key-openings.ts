import { flatten } from './flatten';

/**
 * What goes before a key's value: `,"key":"` before a plain string, `,"key":` otherwise; and the
 * same after a plain value whose closing quote is still to be written (`","key":"`), so that the
 * quote costs no piece of its own.
 */
export interface KeyOpenings {
  /** `,"key":"`: a plain value and a closing quote follow. */
  readonly beforePlain: string;
  /** `,"key":`: a quoted or deferred value follows. */
  readonly beforeQuoted: string;
  /** `","key":"`: closes the plain value before, then opens this one. */
  readonly closingBeforePlain: string;
  /** `","key":`: closes the plain value before, then a quoted or deferred value follows. */
  readonly closingBeforeQuoted: string;
}

const openingsCache = new Map<string, KeyOpenings>();

/**
 * A protocol key's {@link KeyOpenings}, one shared set of flat strings per key: a pair is written
 * from fewer pieces, and a queued event that starts a piece with one holds no copy of it.
 */
export function keyOpenings(key: string): KeyOpenings {
  let openings = openingsCache.get(key);
  if (openings === undefined) {
    openings = {
      beforePlain: flatten(',"' + key + '":"'),
      beforeQuoted: flatten(',"' + key + '":'),
      closingBeforePlain: flatten('","' + key + '":"'),
      closingBeforeQuoted: flatten('","' + key + '":'),
    };
    // Keys are protocol keys, a bounded set; the cap only guards against misuse.
    if (openingsCache.size < 512) openingsCache.set(key, openings);
  }
  return openings;
}
