import { MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS, toIsoTimestamp } from '../util/timestamps';
import { isUuid } from '../util/uuid';

/** A converted value, or what was expected instead. */
export type Conversion =
  | { readonly value: unknown }
  | { readonly expected: string; readonly keyword: string };

const INT = /^-?\d+$/;
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const DIMENSIONS = /^(\d+)x(\d+)$/;
const INT32_MAX = 2_147_483_647;

/** The tracker-protocol platform codes the pipeline accepts (tracker-protocol §1.2). */
export const PLATFORMS: ReadonlySet<string> = new Set([
  'web',
  'mob',
  'pc',
  'srv',
  'app',
  'tv',
  'cnsl',
  'iot',
  'headset',
]);

/** The event codes and the enriched `event` values they map to (§8). */
export const EVENT_NAMES: Readonly<Record<string, string>> = {
  pv: 'page_view',
  pp: 'page_ping',
  se: 'struct',
  ev: 'struct',
  ue: 'unstruct',
  tr: 'transaction',
  ti: 'transaction_item',
  ad: 'ad_impression',
};

/** Integer within the 32-bit range the pipeline's integer columns hold. */
export function toInteger(raw: string): Conversion {
  if (!INT.test(raw) || Math.abs(Number(raw)) > INT32_MAX) {
    return { expected: 'an integer (32-bit)', keyword: 'type' };
  }
  return { value: Number(raw) };
}

/** Finite decimal number. */
export function toDecimal(raw: string): Conversion {
  const value = Number(raw);
  if (!DECIMAL.test(raw) || !Number.isFinite(value)) {
    return { expected: 'a finite decimal number', keyword: 'type' };
  }
  return { value };
}

/** `1` or `0` as a boolean. */
export function toFlag(raw: string): Conversion {
  if (raw === '1') return { value: true };
  if (raw === '0') return { value: false };
  return { expected: '"1" or "0"', keyword: 'enum' };
}

/** Integer milliseconds since the epoch within years 0–9999, as ISO-8601. */
export function toTimestamp(raw: string): Conversion {
  const ms = Number(raw);
  if (!INT.test(raw) || ms < MIN_TIMESTAMP_MS || ms > MAX_TIMESTAMP_MS) {
    return {
      expected: 'integer milliseconds since the epoch (years 0 to 9999)',
      keyword: 'format',
    };
  }
  return { value: toIsoTimestamp(ms) };
}

/** UUID string, kept as sent. */
export function toUuid(raw: string): Conversion {
  return isUuid(raw) ? { value: raw } : { expected: 'a UUID', keyword: 'format' };
}

/** A platform code. */
export function toPlatform(raw: string): Conversion {
  return PLATFORMS.has(raw)
    ? { value: raw }
    : { expected: `one of ${[...PLATFORMS].join(', ')}`, keyword: 'enum' };
}

/** An event code, mapped to the enriched event name. */
export function toEventName(raw: string): Conversion {
  const value = EVENT_NAMES[raw];
  return value
    ? { value }
    : { expected: `one of ${Object.keys(EVENT_NAMES).join(', ')}`, keyword: 'enum' };
}

/** `<width>x<height>` as a pair of integers. */
export function toDimensions(raw: string): Conversion {
  const match = DIMENSIONS.exec(raw);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width > INT32_MAX || height > INT32_MAX) {
    return { expected: '<integer>x<integer>', keyword: 'pattern' };
  }
  return { value: [width, height] };
}
