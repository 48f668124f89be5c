import type { BadEventFilter, GoodEventFilter } from '../storage/event-storage';

/** `/micro/good` filters: Micro's, plus `specViolations` (events that break, or keep, their specs). */
export interface GoodRouteFilter extends GoodEventFilter {
  /** `true`: only events that break a spec; `false`: only events that do not. */
  readonly specViolations?: boolean;
}

/** A parsed filter, or the reason it is unusable (answered with 400). */
export type FilterResult<T> =
  | { readonly ok: true; readonly filter: T }
  | { readonly ok: false; readonly error: string };

function parseObject(text: string): Record<string, unknown> | string {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `the filter body is not JSON: ${(error as Error).message}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'the filter body must be a JSON object';
  }
  return value as Record<string, unknown>;
}

function checkLimit(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return Number.isSafeInteger(value) && (value as number) > 0
    ? undefined
    : '"limit" must be a positive integer';
}

function checkString(object: Record<string, unknown>, key: string): string | undefined {
  const value = object[key];
  return value === undefined || typeof value === 'string' ? undefined : `"${key}" must be a string`;
}

/**
 * Parses a `/micro/good` POST body: `{event_type?, schema?, contexts?, specViolations?, limit?}`.
 * An empty body means no filter; unknown keys are ignored, as Micro does.
 *
 * @param text - the request body
 */
export function parseGoodFilter(text: string): FilterResult<GoodRouteFilter> {
  const object = parseObject(text);
  if (typeof object === 'string') return { ok: false, error: object };
  const { contexts } = object;
  const error =
    checkString(object, 'event_type') ??
    checkString(object, 'schema') ??
    (contexts !== undefined &&
    !(Array.isArray(contexts) && contexts.every((c) => typeof c === 'string'))
      ? '"contexts" must be an array of strings'
      : undefined) ??
    checkLimit(object['limit']) ??
    (object['specViolations'] !== undefined && typeof object['specViolations'] !== 'boolean'
      ? '"specViolations" must be true or false'
      : undefined);
  if (error) return { ok: false, error };
  return { ok: true, filter: object as GoodRouteFilter };
}

/**
 * Parses a `/micro/bad` POST body: `{vendor?, version?, limit?}`.
 *
 * @param text - the request body
 */
export function parseBadFilter(text: string): FilterResult<BadEventFilter> {
  const object = parseObject(text);
  if (typeof object === 'string') return { ok: false, error: object };
  const error =
    checkString(object, 'vendor') ?? checkString(object, 'version') ?? checkLimit(object['limit']);
  if (error) return { ok: false, error };
  return { ok: true, filter: object as BadEventFilter };
}
