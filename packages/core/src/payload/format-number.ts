import { InvalidEventError } from './invalid-event-error';

/**
 * Formats a number as a payload value (tracker protocol §5.4): integers as plain digits, other
 * finite numbers as the shortest round-trip decimal, `-0` as `0`. Magnitudes whose shortest form
 * needs an exponent (≥ 1e21 or < 1e-6) and non-finite numbers are rejected, never sent as `1e+21`.
 *
 * @param value - the number to format.
 * @param key - the payload key, for the error message.
 * @throws InvalidEventError when the number has no positional decimal form.
 */
export function formatNumber(value: number, key: string): string {
  if (value === 0) return '0';
  const text = String(value);
  // String() switches to exponent notation exactly where §5.4 says the value becomes invalid.
  if (!Number.isFinite(value) || text.includes('e')) {
    throw new InvalidEventError(`${key}: ${text} has no positional decimal form`);
  }
  return text;
}
